// Every key the window may translate, typed from the English locale files so a missing or
// misspelt key fails tsc. Kept local to the renderer instead of i18next's global
// CustomTypeOptions, which would retype the CLI's and the menu's own translators too.
import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import type annotations from '../../locales/en/annotations.json'
import type archive from '../../locales/en/archive.json'
import type errors from '../../locales/en/errors.json'
import type feeds from '../../locales/en/feeds.json'
import type search from '../../locales/en/search.json'
import type translation from '../../locales/en/translation.json'
import type web from '../../locales/en/web.json'

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type TranslationKey =
  | KeysOf<typeof translation>
  | `errors:${KeysOf<typeof errors>}`
  | `annotations:${KeysOf<typeof annotations>}`
  | `archive:${KeysOf<typeof archive>}`
  | `search:${KeysOf<typeof search>}`
  | `web:${KeysOf<typeof web>}`
  | `feeds:${KeysOf<typeof feeds>}`

export type Translate = (key: TranslationKey, options?: Record<string, unknown>) => string

/** react-i18next's useTranslation with keys checked against the English files. */
export function useT(): { t: Translate; i18n: I18n } {
  const { t, i18n } = useTranslation()
  return { t: t as unknown as Translate, i18n }
}
