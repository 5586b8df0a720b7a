// Annotations leave Warta as W3C Web Annotations and come back unchanged; a hostile file changes nothing it should not.
import { describe, expect, it } from 'vitest'
import { annotationLimits, type AnnotationRecord } from '../../../main/core/annotations/model'
import {
  ANNOTATION_CONTEXT,
  exportWebAnnotations,
  importWebAnnotations,
  toWebAnnotation,
  type ImportReport,
} from '../../../main/core/annotations/webAnnotation'
import type { Result } from '../../../preload/contract'
import { pasarTerapung, sundayStreets } from '../../fixtures/annotations/articles'
import { annotate, testUuid } from './annotate'

function collection(): AnnotationRecord[] {
  let list: AnnotationRecord[] = []
  list = annotate(list, pasarTerapung, 'dapur bersama', { note: 'Kutipan utama.\n\nBaris kedua.', colour: 'green', at: '2024-06-01T08:00:00.000Z' }).list
  list = annotate(list, pasarTerapung, 'dermaga kayu yang mulai lapuk', { at: '2024-06-01T09:00:00.000Z' }).list
  list = annotate(list, sundayStreets, 'walkers and cyclists.', { until: '"We measured', colour: 'pink', note: 'Footfall 👣', at: '2024-06-02T08:00:00.000Z' }).list
  return list
}

const known = new Set<string>([pasarTerapung.id, sundayStreets.id])
const isKnown = (id: string): boolean => known.has(id)

function report(result: Result<ImportReport>): ImportReport {
  if (!result.ok) throw new Error(`expected a report, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

describe('exporting as W3C Web Annotation JSON-LD', () => {
  it('writes each annotation in the W3C shape, with its colour as a style class', () => {
    const [withNote, withoutNote] = collection() as [AnnotationRecord, AnnotationRecord]
    expect(toWebAnnotation(withNote)).toEqual({
      '@context': [ANNOTATION_CONTEXT, { warta: 'warta://vocabulary/' }],
      id: `urn:uuid:${withNote.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-06-01T08:00:00.000Z',
      modified: '2024-06-01T08:00:00.000Z',
      body: [{ type: 'TextualBody', value: 'Kutipan utama.\n\nBaris kedua.', format: 'text/plain', purpose: 'commenting' }],
      target: {
        source: `warta://article/${pasarTerapung.id}`,
        styleClass: 'warta-green',
        'warta:contentHash': withNote.contentHash,
        selector: [
          { type: 'TextQuoteSelector', exact: 'dapur bersama', prefix: withNote.quote.prefix, suffix: withNote.quote.suffix },
          { type: 'TextPositionSelector', start: withNote.position.start, end: withNote.position.end },
        ],
      },
      stylesheet: { type: 'CssStylesheet', value: '.warta-green { background-color: #bbf7d0; }' },
    })
    const plain = toWebAnnotation(withoutNote)
    expect(plain.motivation).toBe('highlighting')
    expect(plain).not.toHaveProperty('body')
  })

  it('wraps them in one AnnotationCollection with its page embedded', () => {
    const list = collection()
    let n = 0
    const json = JSON.parse(exportWebAnnotations(list, { newId: () => `11111111-1111-4111-8111-00000000000${++n}` }))
    expect(json).toMatchObject({
      '@context': [ANNOTATION_CONTEXT, { warta: 'warta://vocabulary/' }],
      id: 'urn:uuid:11111111-1111-4111-8111-000000000001',
      type: 'AnnotationCollection',
      total: 3,
      first: { id: 'urn:uuid:11111111-1111-4111-8111-000000000002', type: 'AnnotationPage', startIndex: 0 },
    })
    expect(json.first.items.map((i: { id: string }) => i.id)).toEqual(list.map((a) => `urn:uuid:${a.id}`))
  })
})

describe('importing W3C Web Annotation JSON-LD', () => {
  it('restores exactly what was exported, and does not double what is already there', () => {
    const list = collection()
    const text = exportWebAnnotations(list)
    const first = report(importWebAnnotations([], text, isKnown))
    expect(first.imported).toEqual(list)
    expect(first.duplicates).toBe(0)
    expect(first.skipped).toEqual({ invalid: 0, unknownArticle: 0, tooMany: 0 })
    const again = report(importWebAnnotations(list, text, isKnown))
    expect(again.imported).toEqual([])
    expect(again.duplicates).toBe(3)
  })

  it('accepts a page, a plain list or a single annotation, and a body given as one object', () => {
    const list = collection()
    const items = list.map(toWebAnnotation)
    const page = { type: 'AnnotationPage', items }
    expect(report(importWebAnnotations([], JSON.stringify(page), isKnown)).imported).toHaveLength(3)
    expect(report(importWebAnnotations([], JSON.stringify(items), isKnown)).imported).toHaveLength(3)
    const single = { ...items[0], body: { type: 'TextualBody', value: 'Satu saja' } }
    expect(report(importWebAnnotations([], JSON.stringify(single), isKnown)).imported[0]?.note).toBe('Satu saja')
  })

  it('skips and counts entries for articles not in this archive', () => {
    const list = collection()
    const result = report(importWebAnnotations([], exportWebAnnotations(list), (id) => id === pasarTerapung.id))
    expect(result.imported.map((a) => a.articleId)).toEqual([pasarTerapung.id, pasarTerapung.id])
    expect(result.skipped.unknownArticle).toBe(1)
    expect(result.problems).toEqual([
      { index: 2, id: `urn:uuid:${list[2]?.id}`, reason: 'unknownArticle', detail: `no article ${sundayStreets.id} in this archive` },
    ])
  })

  it('refuses a file that is not JSON or not annotations with a typed error, never a throw', () => {
    for (const text of ['', 'not json', '{"type":', '42', '"text"', 'null', '{"type":"Book"}', '{"type":"AnnotationCollection"}']) {
      const result = importWebAnnotations([], text, isKnown)
      expect(result, text).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    }
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(() => importWebAnnotations([], deep, isKnown)).not.toThrow()
    expect(importWebAnnotations([], 'x'.repeat(annotationLimits.maxImportChars + 1), isKnown)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
  })

  it('skips every malformed or hostile entry, counting why, and keeps the good ones', () => {
    const [good] = collection().map(toWebAnnotation) as [ReturnType<typeof toWebAnnotation>]
    const target = good.target
    const [quote, position] = target.selector as unknown as [Record<string, unknown>, Record<string, unknown>]
    const withTarget = (t: Record<string, unknown>) => ({ ...good, id: `urn:uuid:${testUuid()}`, target: { ...target, ...t } })
    const hostile: unknown[] = [
      null,
      'annotation',
      42,
      [],
      { ...good, type: 'Highlight' },
      { ...good, id: 'javascript:alert(1)' },
      { ...good, id: 12345 },
      { ...good, motivation: 'bookmarking' },
      { ...good, created: 'yesterday' },
      { ...good, body: [{ type: 'TextualBody', value: 'a' }, { type: 'TextualBody', value: 'b' }] },
      { ...good, body: [{ type: 'TextualBody', value: 'x'.repeat(1_000_000) }] },
      { ...good, body: [{ type: 'TextualBody', value: { toString: 'evil' } }] },
      { ...good, extra: 'not in the model' },
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good).slice(1)}`),
      withTarget({ source: 'https://example.com/article' }),
      withTarget({ source: 'warta://article/../../etc/passwd' }),
      withTarget({ styleClass: 'warta-rainbow' }),
      withTarget({ 'warta:contentHash': 'not-a-hash' }),
      withTarget({ selector: [quote] }),
      withTarget({ selector: [quote, quote] }),
      withTarget({ selector: [quote, position, position] }),
      withTarget({ selector: [{ ...quote, exact: 'y'.repeat(20_000) }, position] }),
      withTarget({ selector: [{ ...quote, exact: 42 }, position] }),
      withTarget({ selector: [quote, { ...position, start: '3' }] }),
      withTarget({ selector: [quote, { ...position, start: -4 }] }),
      withTarget({ selector: [quote, { ...position, end: (position.end as number) + 5 }] }),
      withTarget({ selector: [{ ...quote, prefix: 'p'.repeat(500) }, position] }),
      { ...good, '@context': 'https://evil.example/context.jsonld' },
    ]
    const fine = withTarget({})
    const entries = [...hostile, fine, withTarget({ source: 'warta://article/0000000000000000' })]
    const value = report(importWebAnnotations([], JSON.stringify({ type: 'AnnotationPage', items: entries }), isKnown))
    expect(value.imported.map((a) => `urn:uuid:${a.id}`)).toEqual([fine.id])
    expect(value.skipped).toEqual({ invalid: hostile.length, unknownArticle: 1, tooMany: 0 })
    expect(value.problems.filter((p) => p.reason === 'invalid').map((p) => p.index)).toEqual(hostile.map((_, i) => i))
    for (const p of value.problems) expect(p.detail.length).toBeLessThanOrEqual(300)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads at most the item limit and counts the rest as too many', () => {
    const text = JSON.stringify(new Array(100_003).fill(null))
    const value = report(importWebAnnotations([], text, isKnown))
    expect(value.skipped).toEqual({ invalid: 100_000, unknownArticle: 0, tooMany: 3 })
    expect(value.problems).toHaveLength(51)
  })
})
