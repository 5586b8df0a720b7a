// The interface's i18next instance. Every locale file is bundled, so switching language is
// instant and needs no request; <html lang> and the window title follow the language.
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../preload/contract'
import { interfaceLanguages, resourcesFromModules } from './localeResources'

const resources = resourcesFromModules(import.meta.glob('../../locales/*/*.json', { eager: true }))

export const namespaces = Object.keys(resources.en ?? {})

export async function createI18n(language: Language): Promise<I18n> {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...interfaceLanguages],
    ns: namespaces,
    defaultNS: 'translation',
    // React escapes text itself; i18next escaping would show &amp; in titles.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  const follow = (lng: string): void => {
    document.documentElement.lang = lng
  }
  follow(i18n.language)
  i18n.on('languageChanged', follow)
  return i18n
}

export const isInterfaceLanguage = (value: string): value is Language => (interfaceLanguages as readonly string[]).includes(value)
