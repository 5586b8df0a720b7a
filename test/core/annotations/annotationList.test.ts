// Creating, changing, deleting (with undo), finding and counting highlights and notes.
import { describe, expect, it } from 'vitest'
import {
  anchorArticleAnnotations,
  articlesWithNotes,
  countAnnotations,
  deleteAnnotation,
  deleteArticleAnnotations,
  restoreAnnotation,
  searchAnnotations,
  updateAnnotation,
} from '../../../main/core/annotations/annotationList'
import { AnnotationList, AnnotationRecord, hasNote } from '../../../main/core/annotations/model'
import { pasarTerapung, sundayStreets } from '../../fixtures/annotations/articles'
import { annotate, hashOf } from './annotate'

function twoArticles(): AnnotationRecord[] {
  let list: AnnotationRecord[] = []
  list = annotate(list, pasarTerapung, 'dapur bersama', { note: '  Kutipan utama.\r\nPakai di paragraf pembuka.  ', at: '2024-06-01T08:00:00.000Z' }).list
  list = annotate(list, pasarTerapung, 'dermaga kayu yang mulai lapuk', { colour: 'pink', at: '2024-06-01T09:00:00.000Z' }).list
  list = annotate(list, sundayStreets, 'permit scheme', { colour: 'blue', note: 'Ask the café owners', at: '2024-06-02T08:00:00.000Z' }).list
  return list
}

describe('creating a highlight', () => {
  it('keeps the quote, its context, its position, the text version, a colour and a tidy note', () => {
    const [first] = twoArticles()
    expect(first).toMatchObject({
      articleId: pasarTerapung.id,
      colour: 'yellow',
      note: 'Kutipan utama.\nPakai di paragraf pembuka.',
      contentHash: hashOf(pasarTerapung.paragraphs),
      createdAt: '2024-06-01T08:00:00.000Z',
      updatedAt: '2024-06-01T08:00:00.000Z',
    })
    expect(first?.quote.exact).toBe('dapur bersama')
    expect(first?.quote.prefix).toBe('ntaran sungai, pasar ini adalah ')
    expect(first?.quote.suffix).toBe('," ujarnya.\n\nPara pedagang menya')
  })
})

describe('changing and deleting', () => {
  it('changes the colour and note, and stamps the change', () => {
    const list = twoArticles()
    const id = (list[1] as AnnotationRecord).id
    const { list: next, annotation, previous, changed } = updateAnnotation(list, id, { colour: 'green', note: 'Lapor ke dinas' }, new Date('2024-06-03T00:00:00Z'))
    expect(changed).toBe(true)
    expect(annotation).toMatchObject({ colour: 'green', note: 'Lapor ke dinas', updatedAt: '2024-06-03T00:00:00.000Z', createdAt: '2024-06-01T09:00:00.000Z' })
    expect(previous).toBe(list[1])
    expect(list[1]?.colour).toBe('pink') // the old list is untouched, so a failed save can keep it
    expect(next.find((a) => a.id === id)).toBe(annotation)
  })

  it('treats an edit that changes nothing as no change', () => {
    const list = twoArticles()
    const id = (list[0] as AnnotationRecord).id
    const result = updateAnnotation(list, id, { note: 'Kutipan utama.\nPakai di paragraf pembuka.\n' }, new Date('2024-06-03T00:00:00Z'))
    expect(result.changed).toBe(false)
    expect(result.annotation.updatedAt).toBe('2024-06-01T08:00:00.000Z')
  })

  it('removes a note when it is emptied', () => {
    const list = twoArticles()
    const id = (list[0] as AnnotationRecord).id
    const { annotation } = updateAnnotation(list, id, { note: '   \n ' }, new Date('2024-06-03T00:00:00Z'))
    expect(hasNote(annotation)).toBe(false)
  })

  it('hands a deleted highlight back, and undo restores it exactly — once', () => {
    const list = twoArticles()
    const id = (list[0] as AnnotationRecord).id
    const { list: afterDelete, removed } = deleteAnnotation(list, id)
    expect(afterDelete.map((a) => a.id)).not.toContain(id)
    const { list: afterUndo, restored } = restoreAnnotation(afterDelete, removed)
    expect(restored).toBe(true)
    expect(afterUndo.find((a) => a.id === id)).toEqual(list[0])
    const again = restoreAnnotation(afterUndo, removed)
    expect(again.restored).toBe(false)
    expect(again.list).toHaveLength(list.length)
  })

  it('says NOT_FOUND for an annotation that does not exist', () => {
    const list = twoArticles()
    const missing = '00000000-0000-4000-8000-ffffffffffff'
    expect(() => deleteAnnotation(list, missing)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => updateAnnotation(list, missing, { colour: 'blue' }, new Date())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('removes an article’s annotations with the article, and only those', () => {
    const { list, removed } = deleteArticleAnnotations(twoArticles(), pasarTerapung.id)
    expect(removed).toHaveLength(2)
    expect(list.map((a) => a.articleId)).toEqual([sundayStreets.id])
  })
})

describe('listing', () => {
  it('lists an article’s highlights in reading order and keeps the ones it can no longer place', () => {
    let list: AnnotationRecord[] = []
    list = annotate(list, pasarTerapung, 'Uji coba jadwal baru', { at: '2024-06-01T08:00:00.000Z' }).list
    list = annotate(list, pasarTerapung, 'penjual pisang', { at: '2024-06-01T08:01:00.000Z' }).list
    list = annotate(list, pasarTerapung, 'Seorang penjual pisang mengaku', { at: '2024-06-01T08:02:00.000Z' }).list
    list = annotate(list, pasarTerapung, 'Pemerintah kota Banjarmasin', { at: '2024-06-01T08:03:00.000Z' }).list
    list = annotate(list, sundayStreets, 'permit scheme').list
    const later = { id: pasarTerapung.id, paragraphs: pasarTerapung.paragraphs.filter((_, i) => i !== 3) }
    const { placed, unplaced } = anchorArticleAnnotations(list, later)
    expect(placed.map((a) => a.quote.exact)).toEqual(['Pemerintah kota Banjarmasin', 'Uji coba jadwal baru'])
    expect(unplaced.map((a) => a.quote.exact)).toEqual(['penjual pisang', 'Seorang penjual pisang mengaku'])
    expect(unplaced.every((a) => a.anchor.status === 'unplaced')).toBe(true)
    // Nested in the same paragraph, the outer one comes first.
    const nested = anchorArticleAnnotations(list, pasarTerapung).placed.map((a) => a.quote.exact)
    expect(nested).toEqual(['Pemerintah kota Banjarmasin', 'Seorang penjual pisang mengaku', 'penjual pisang', 'Uji coba jadwal baru'])
  })

  it('finds highlights across the archive newest first, by colour, by words in quote or note, and by having a note', () => {
    const list = twoArticles()
    expect(searchAnnotations(list).map((a) => a.quote.exact)).toEqual(['permit scheme', 'dermaga kayu yang mulai lapuk', 'dapur bersama'])
    expect(searchAnnotations(list, { colour: 'pink' }).map((a) => a.quote.exact)).toEqual(['dermaga kayu yang mulai lapuk'])
    expect(searchAnnotations(list, { text: 'CAFE' }).map((a) => a.quote.exact)).toEqual(['permit scheme'])
    expect(searchAnnotations(list, { text: 'kutipan dapur' }).map((a) => a.quote.exact)).toEqual(['dapur bersama'])
    expect(searchAnnotations(list, { text: 'kutipan permit' })).toEqual([])
    expect(searchAnnotations(list, { hasNote: true }).map((a) => a.quote.exact)).toEqual(['permit scheme', 'dapur bersama'])
    expect(searchAnnotations(list, { articleId: sundayStreets.id, hasNote: false })).toEqual([])
  })

  it('counts highlights and notes per article for the library', () => {
    const list = twoArticles()
    expect(Object.fromEntries(countAnnotations(list))).toEqual({
      [pasarTerapung.id]: { highlights: 2, notes: 1 },
      [sundayStreets.id]: { highlights: 1, notes: 1 },
    })
    expect([...articlesWithNotes(list)].sort()).toEqual([pasarTerapung.id, sundayStreets.id].sort())
  })
})

describe('the stored form', () => {
  it('survives a round trip through JSON unchanged', () => {
    const list = twoArticles()
    expect(AnnotationList.parse(JSON.parse(JSON.stringify(list)))).toEqual(list)
    expect(AnnotationList.parse(undefined)).toEqual([]) // a state file from before annotations
  })

  it('refuses records that do not hold together', () => {
    const [record] = twoArticles() as [AnnotationRecord]
    const broken: unknown[] = [
      { ...record, colour: 'purple' },
      { ...record, position: { start: 5, end: 6 } },
      { ...record, id: 'ABCDEF00-0000-4000-8000-000000000001' },
      { ...record, id: 'not-a-uuid' },
      { ...record, note: 'x'.repeat(10_001) },
      { ...record, contentHash: 'abc' },
      { ...record, extra: true },
    ]
    for (const b of broken) expect(AnnotationRecord.safeParse(b).success, JSON.stringify(b).slice(0, 80)).toBe(false)
  })
})
