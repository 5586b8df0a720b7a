// The CLI speaks the user's language with the same locale files as the app.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import i18next, { type Resource, type TFunction } from 'i18next'
import type { AppErrorData, Language } from '../../preload/contract'

const localesDir = resolve(import.meta.dirname, '../../locales')

function loadResources(): Resource {
  const resources: Resource = {}
  for (const lng of ['en', 'id']) {
    resources[lng] = {}
    for (const file of readdirSync(join(localesDir, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(localesDir, lng, file), 'utf8'))
    }
  }
  return resources
}

export function cliTranslator(language: Language): TFunction {
  const instance = i18next.createInstance()
  void instance.init({
    resources: loadResources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'cli',
    ns: ['cli', 'errors'],
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return instance.t
}

export const errorText = (t: TFunction, error: AppErrorData): string =>
  t(`errors:${error.code}`, { ...error.params, defaultValue: error.message })
