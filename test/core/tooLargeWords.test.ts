// Every "too large" a person can meet is worded with what it refers to and its limit: each
// thrower of TOO_LARGE sends the params its words in locales/*/errors.json interpolate (the
// renderer adds only the file name, when it knows it), so no message shows “” or an empty limit.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { annotationLimits, limits, type AppErrorData } from '../../preload/contract'
import { makeSelectors } from '../../main/core/annotations/selectors'
import { importWebAnnotations } from '../../main/core/annotations/webAnnotation'
import { isAppError } from '../../main/core/errors'
import { parseFeedDocument } from '../../main/core/feeds/feedDocument'
import { parseOpmlEntries } from '../../main/core/feeds/opml'
import { decodeText } from '../../main/core/import/decodeText'
import { articleFromHtmlFile } from '../../main/core/import/html/htmlFile'
import { repoRoot } from '../helpers/tempArchive'

function errorOf(run: () => unknown): AppErrorData {
  try {
    run()
  } catch (e) {
    if (isAppError(e)) return e.toData()
    throw e
  }
  throw new Error('nothing was thrown')
}

async function rejectionOf(run: () => Promise<unknown>): Promise<AppErrorData> {
  try {
    await run()
  } catch (e) {
    if (isAppError(e)) return e.toData()
    throw e
  }
  throw new Error('nothing was thrown')
}

const overImportLimit = new Uint8Array(limits.maxImportBytes + 1).fill(0x61)

/** Each thrower, and whether the window knows a file name to add (it does for everything picked as a file). */
const throwers: [string, () => Promise<AppErrorData>, { fileNameFromWindow: boolean }][] = [
  ['a text file over the import limit', async () => errorOf(() => decodeText(overImportLimit, 'besar.txt')), { fileNameFromWindow: false }],
  ['a saved page over the import limit', () => rejectionOf(() => articleFromHtmlFile({ name: 'besar.html', bytes: overImportLimit })), { fileNameFromWindow: false }],
  ['a feed file over its limit', async () => errorOf(() => parseFeedDocument('x'.repeat(10 * 1024 * 1024 + 1), 'feed.xml')), { fileNameFromWindow: false }],
  ['an OPML list over its limit', async () => errorOf(() => parseOpmlEntries('x'.repeat(5 * 1024 * 1024 + 1), 'langganan.opml')), { fileNameFromWindow: false }],
  ['a highlight longer than allowed', async () => errorOf(() => makeSelectors('kata '.repeat(3000), 0, 10_500)), { fileNameFromWindow: false }],
  [
    'an annotation file over its limit',
    async () => {
      const result = importWebAnnotations([], 'x'.repeat(annotationLimits.maxImportChars + 1), () => true)
      if (result.ok) throw new Error('the file was read')
      return result.error
    },
    { fileNameFromWindow: true },
  ],
]

describe('TOO_LARGE', () => {
  it.each(throwers)('%s is worded with every value its message needs, in both languages', async (_what, run, { fileNameFromWindow }) => {
    const error = await run()
    expect(error.code).toBe('TOO_LARGE')
    const params = error.params ?? {}
    for (const lng of ['en', 'id']) {
      const errors = JSON.parse(await readFile(join(repoRoot, 'locales', lng, 'errors.json'), 'utf8')) as Record<string, string>
      const key = params.context ? `TOO_LARGE_${params.context}` : 'TOO_LARGE'
      const words = errors[key]
      expect(words, `${lng} ${key}`).toBeDefined()
      const placeholders = [...(words as string).matchAll(/{{\s*([a-zA-Z]+)/g)].map((m) => m[1] as string)
      const given = new Set([...Object.keys(params), ...(fileNameFromWindow ? ['name'] : [])])
      expect(placeholders.filter((p) => !given.has(p)), `${lng} ${key}`).toEqual([])
      // And the text as i18next makes it: the limit is in it.
      const i18n = i18next.createInstance()
      await i18n.init({ lng, resources: { [lng]: { errors } }, ns: ['errors'], defaultNS: 'errors', interpolation: { escapeValue: false } })
      const text = i18n.t('TOO_LARGE', { ...(fileNameFromWindow ? { name: 'catatan.jsonld' } : {}), ...params })
      expect(text).not.toMatch(/“”|{{|undefined|NaN/)
      expect(text).toMatch(/\d/)
    }
  })
})
