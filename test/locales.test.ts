// Every word the app shows exists in both languages, with the plural forms each language needs.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { errorCodes } from '../preload/contract'

const localesDir = resolve(import.meta.dirname, '../locales')
const languages = ['en', 'id'] as const
const pluralSuffix = /_(zero|one|two|few|many|other)$/

type Tree = { [key: string]: string | Tree }

const read = (language: string, file: string): Tree => JSON.parse(readFileSync(join(localesDir, language, file), 'utf8')) as Tree

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

const baseKeys = (keys: Iterable<string>): Set<string> => new Set([...keys].map((k) => k.replace(pluralSuffix, '')))

const namespaces = [...new Set(languages.flatMap((l) => readdirSync(join(localesDir, l)).filter((f) => f.endsWith('.json'))))].sort()

describe('locale files', () => {
  it('exist for every namespace in both languages', () => {
    expect(namespaces).toContain('translation.json')
    expect(namespaces).toContain('errors.json')
    for (const language of languages) {
      expect(readdirSync(join(localesDir, language)).filter((f) => f.endsWith('.json')).sort(), language).toEqual(namespaces)
    }
  })

  describe.each(namespaces)('%s', (file) => {
    const en = leaves(read('en', file))
    const id = leaves(read('id', file))

    it('has the same keys in English and Indonesian (plural forms aside)', () => {
      expect([...baseKeys(id.keys())].sort()).toEqual([...baseKeys(en.keys())].sort())
    })

    it('gives English "one" and "other" wherever Indonesian has a plural, and Indonesian only "other"', () => {
      const plurals = [...new Set([...en.keys(), ...id.keys()].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')))]
      for (const base of plurals) {
        expect(en.has(`${base}_one`) && en.has(`${base}_other`), `en ${base}_one/_other`).toBe(true)
        expect(id.has(`${base}_other`), `id ${base}_other`).toBe(true)
        expect(id.has(`${base}_one`), `id ${base}_one (Indonesian has one plural form)`).toBe(false)
        expect(en.has(base) || id.has(base), `${base} both plain and plural`).toBe(false)
      }
    })

    it('has no empty text', () => {
      for (const [language, keys] of [['en', en], ['id', id]] as const) {
        for (const [key, value] of keys) expect(value.trim(), `${language} ${key}`).not.toBe('')
      }
    })

    it('uses the same placeholders in both languages', () => {
      const placeholders = (text: string | undefined): string[] =>
        [...(text ?? '').matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] as string).sort()
      for (const [key, text] of en) {
        // An English singular may spell the number out ("One article"), so only _other is compared.
        if (key.endsWith('_one')) continue
        const base = key.replace(pluralSuffix, '')
        const other = id.get(key) ?? id.get(`${base}_other`)
        expect(placeholders(other), `${file} ${key}`).toEqual(placeholders(text))
      }
    })
  })

  it('translates every error code of the contract in both languages', () => {
    for (const language of languages) {
      const errors = read(language, 'errors.json')
      for (const code of errorCodes) expect(typeof errors[code], `${language} errors.${code}`).toBe('string')
    }
  })
})
