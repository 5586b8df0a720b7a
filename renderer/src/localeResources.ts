// Turns the locale files Vite bundles (locales/<language>/<namespace>.json) into i18next
// resources: one namespace per file name, so a new file needs no code change.
import type { Language } from '../../preload/contract'

export type LocaleModules = Record<string, { default: unknown } | unknown>
export type Resources = Record<string, Record<string, Record<string, unknown>>>

/** Namespaces other processes use (the CLI's and the native menu's) that the window never shows. */
export const notForRenderer: readonly string[] = ['cli', 'menu']

export function resourcesFromModules(modules: LocaleModules): Resources {
  const resources: Resources = {}
  for (const [path, module] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, language, namespace] = match as unknown as [string, string, string]
    if (notForRenderer.includes(namespace)) continue
    const content = (module && typeof module === 'object' && 'default' in module ? module.default : module) as Record<string, unknown>
    ;(resources[language] ??= {})[namespace] = content
  }
  return resources
}

export const interfaceLanguages: readonly Language[] = ['id', 'en']
