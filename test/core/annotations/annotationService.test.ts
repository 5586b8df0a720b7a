// The annotation calls end to end over a real archive in a temp dir. The host below stands in
// for the state-file field the archive will gain: it keeps the list in a JSON file, parsed
// with the same schema on every open, and reverts in memory when a save fails.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentHashOf, openArchive, type Archive, type NewArticle } from '../../../main/core/archive/archive'
import { AnnotationService, type AnnotationChange, type AnnotationHost } from '../../../main/core/annotations/annotationService'
import {
  AnchoredAnnotation,
  AnnotationImportResult,
  AnnotationList,
  AnnotationListItem,
  AnnotationRecord,
} from '../../../main/core/annotations/model'
import { articlePlainText } from '../../../main/core/annotations/plainText'
import { pasarTerapung, sundayStreets } from '../../fixtures/annotations/articles'
import { tempDir } from '../../helpers/tempArchive'
import { testUuid } from './annotate'

const asNew = (a: { title: string; paragraphs: readonly string[] }, language: 'id' | 'en', place: string): NewArticle => ({
  title: a.title,
  titleDerived: false,
  language,
  dateline: { place, agency: 'WARTA' },
  publishedAt: '2024-06-01T07:00:00+08:00',
  paragraphs: [...a.paragraphs],
  inlineRelated: [],
  related: [],
  credits: { reporter: null, editor: null, copyright: null },
  sourceName: null,
})
const articles = [asNew(pasarTerapung, 'id', 'Banjarmasin'), asNew(sundayStreets, 'en', 'Lisbon')]

class FileHost implements AnnotationHost {
  #list: AnnotationRecord[] = []
  constructor(
    readonly archive: Archive,
    readonly path: string,
  ) {}

  async load(): Promise<this> {
    const text = await readFile(this.path, 'utf8').catch(() => null)
    this.#list = AnnotationList.parse(text === null ? undefined : JSON.parse(text).annotations)
    return this
  }

  get annotations(): readonly AnnotationRecord[] {
    return this.#list
  }

  /** Saves one at a time, each change applied only when its turn comes — as the archive's state queue does. */
  #queue: Promise<unknown> = Promise.resolve()
  changeAnnotations(change: AnnotationChange): Promise<void> {
    const run = this.#queue.then(async () => {
      this.#list = change.apply(this.#list)
      try {
        await writeFile(this.path, JSON.stringify({ annotations: this.#list }))
      } catch (e) {
        this.#list = change.revert(this.#list)
        throw e
      }
    })
    this.#queue = run.catch(() => {})
    return run
  }

  has = (id: string) => this.archive.has(id)
  summary = (id: string) => this.archive.summary(id)
  getArticle = (id: string) => this.archive.getArticle(id)
  contentHash = (id: string): string => {
    const article = articles.find((a) => contentHashOf(a).startsWith(id))
    if (!article) throw new Error(`no test article ${id}`)
    return contentHashOf(article)
  }
}

let dir: string
let cleanup: () => Promise<void>
let archive: Archive
let host: FileHost
let ids: string[]
let clock: Date
const service = (h: AnnotationHost = host) => new AnnotationService(h, { now: () => clock, newId: testUuid })

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  archive = await openArchive(dir)
  ids = (await archive.addArticles(articles)).map((o) => o.article.id)
  host = await new FileHost(archive, join(dir, 'annotations.json')).load()
  clock = new Date('2024-06-02T10:00:00.000Z')
})
afterEach(async () => {
  await archive.close()
  await cleanup()
})

/** The stored record of what `create` returned (it adds where the highlight sits now). */
const recordOf = ({ anchor: _anchor, ...record }: AnchoredAnnotation): AnnotationRecord => record

const rangeOf = (articleIndex: number, phrase: string) => {
  const text = articlePlainText(articles[articleIndex]?.paragraphs ?? [])
  const start = text.indexOf(phrase)
  return { start, end: start + phrase.length }
}

describe('annotation calls over the archive', () => {
  it('keeps a highlight and its note after the archive is reopened', async () => {
    const [pasar] = ids as [string]
    const created = await service().create(pasar, { ...rangeOf(0, 'dapur bersama'), colour: 'green', note: 'Kutipan utama' })
    expect(created.anchor).toEqual({ status: 'placed', ...rangeOf(0, 'dapur bersama'), text: 'dapur bersama' })
    expect(created.contentHash).toBe(contentHashOf(articles[0] as NewArticle))

    const reopened = await new FileHost(archive, host.path).load()
    const { placed, unplaced } = await service(reopened).forArticle(pasar)
    expect(placed).toEqual([created])
    expect(unplaced).toEqual([])
  })

  it('takes the quote from the stored text and refuses a selection outside it or an unknown article', async () => {
    const [pasar] = ids as [string]
    await expect(service().create(pasar, { start: 5, end: 99_999 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(service().create('zzzzzzzzzzzzzzzz', { start: 0, end: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(host.annotations).toEqual([])
  })

  it('deletes with undo: the same record comes back, once', async () => {
    const [pasar] = ids as [string]
    const s = service()
    const created = await s.create(pasar, rangeOf(0, 'dermaga kayu'))
    const removed = await s.delete(created.id)
    expect((await s.forArticle(pasar)).placed).toEqual([])
    expect(await s.restore(removed)).toEqual({ restored: true })
    expect(await s.restore(removed)).toEqual({ restored: false })
    expect((await s.forArticle(pasar)).placed).toEqual([created])
  })

  it('edits colour and note, and lists across the archive with article titles, newest first', async () => {
    const [pasar, lisbon] = ids as [string, string]
    const s = service()
    const a = await s.create(pasar, rangeOf(0, 'dapur bersama'))
    clock = new Date('2024-06-02T11:00:00.000Z')
    const b = await s.create(lisbon, { ...rangeOf(1, 'permit scheme'), colour: 'blue' })
    clock = new Date('2024-06-02T12:00:00.000Z')
    const edited = await s.update(a.id, { note: 'Pakai untuk pembuka', colour: 'pink' })
    expect(edited).toMatchObject({ note: 'Pakai untuk pembuka', colour: 'pink', updatedAt: '2024-06-02T12:00:00.000Z' })
    expect(s.list({ offset: 0, limit: 10 })).toEqual({
      items: [
        { ...recordOf(b), articleTitle: sundayStreets.title },
        { ...edited, articleTitle: pasarTerapung.title },
      ],
      total: 2,
    })
    expect(s.list({ hasNote: true, offset: 0, limit: 10 }).items.map((i) => i.id)).toEqual([a.id])
    expect(Object.fromEntries(s.counts())).toEqual({ [pasar]: { highlights: 1, notes: 1 }, [lisbon]: { highlights: 1, notes: 0 } })
  })

  it('keeps both of two quick edits to one highlight, and each delete or undo once', async () => {
    const [pasar] = ids as [string]
    const s = service()
    const a = await s.create(pasar, rangeOf(0, 'dapur bersama'))
    await Promise.all([s.update(a.id, { note: 'Catatan cepat' }), s.update(a.id, { colour: 'blue' })])
    expect(host.annotations).toMatchObject([{ id: a.id, note: 'Catatan cepat', colour: 'blue' }])
    const results = await Promise.allSettled([s.delete(a.id), s.delete(a.id)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const removed = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<AnnotationRecord>).value
    expect(await Promise.all([s.restore(removed), s.restore(removed)])).toEqual([{ restored: true }, { restored: false }])
    expect(host.annotations).toHaveLength(1)
  })

  it('leaves the list as it was when a save fails', async () => {
    const [pasar] = ids as [string]
    const s = service()
    const kept = recordOf(await s.create(pasar, rangeOf(0, 'dapur bersama')))
    const elsewhere = service(await new FileHost(archive, join(dir, 'elsewhere.json')).load())
    await elsewhere.create(pasar, rangeOf(0, 'dermaga kayu'))
    const exported = elsewhere.exportJsonLd().content
    // A directory where the file should be: from now on every save fails.
    await rm(host.path)
    await mkdir(host.path)
    await expect(s.create(pasar, rangeOf(0, 'dermaga kayu'))).rejects.toThrow()
    await expect(s.update(kept.id, { note: 'tidak tersimpan' })).rejects.toThrow()
    await expect(s.delete(kept.id)).rejects.toThrow()
    await expect(s.importJsonLd(exported)).rejects.toThrow()
    expect(host.annotations).toEqual([kept])
  })

  it('exports an article as Markdown in the interface language', async () => {
    const [pasar] = ids as [string]
    const s = service()
    await s.create(pasar, { ...rangeOf(0, 'pasar ini adalah dapur bersama'), note: 'Kutipan bagus' })
    const id = await s.exportMarkdown(pasar, 'id')
    expect(id.fileName).toBe('Pasar terapung Banjarmasin buka tiga kali sepekan.md')
    expect(id.content).toContain(`- Sumber: Banjarmasin (WARTA)\n- Terbit: 2024-06-01\n`)
    expect(id.content).toContain(`- [Buka di Warta](warta://article/${pasar})\n\n## Sorotan\n\n> pasar ini adalah dapur bersama\n\nKutipan bagus\n`)
    expect((await s.exportMarkdown(pasar, 'en')).content).toContain('## Highlights\n')
  })

  it('moves every annotation to another archive through JSON-LD, skipping those whose article it lacks', async () => {
    const [pasar, lisbon] = ids as [string, string]
    const s = service()
    const a = await s.create(pasar, { ...rangeOf(0, 'dapur bersama'), note: 'Satu' })
    const b = await s.create(lisbon, { ...rangeOf(1, 'permit scheme'), colour: 'blue' })
    const { fileName, content } = s.exportJsonLd()
    expect(fileName).toBe('warta-annotations-2024-06-02.jsonld')

    const other = await tempDir()
    const otherArchive = await openArchive(other.dir)
    try {
      await otherArchive.addArticles([articles[0] as NewArticle])
      const otherHost = await new FileHost(otherArchive, join(other.dir, 'annotations.json')).load()
      const result = await service(otherHost).importJsonLd(content)
      expect(result).toMatchObject({ imported: 1, duplicates: 0, skipped: { invalid: 0, unknownArticle: 1, tooMany: 0 } })
      expect(otherHost.annotations).toEqual([recordOf(a)])
      await otherArchive.addArticles([articles[1] as NewArticle])
      expect(await service(otherHost).importJsonLd(content)).toMatchObject({ imported: 1, duplicates: 1 })
      expect([...otherHost.annotations].sort((x, y) => (x.createdAt < y.createdAt ? -1 : 1))).toEqual([recordOf(a), recordOf(b)])
      const reread = await new FileHost(otherArchive, otherHost.path).load()
      expect(reread.annotations).toEqual(otherHost.annotations)
    } finally {
      await otherArchive.close()
      await other.cleanup()
    }
  })

  it('answers in the shapes the contract will declare', async () => {
    const [pasar, lisbon] = ids as [string, string]
    const s = service()
    const created = await s.create(pasar, { ...rangeOf(0, 'dapur bersama'), note: 'Satu' })
    await s.create(lisbon, rangeOf(1, 'permit scheme'))
    expect(AnchoredAnnotation.parse(created)).toEqual(created)
    const { placed, unplaced } = await s.forArticle(pasar)
    expect(AnchoredAnnotation.array().parse([...placed, ...unplaced])).toHaveLength(1)
    const listed = s.list({ offset: 0, limit: 10 }).items
    expect(AnnotationListItem.array().parse(listed)).toEqual(listed)
    const deleted = await s.delete(created.id)
    expect(AnnotationRecord.parse(deleted)).toEqual(deleted)
    const imported = await s.importJsonLd(s.exportJsonLd().content)
    expect(AnnotationImportResult.parse(imported)).toEqual(imported)
  })

  it('reports a file that is not annotations as a typed error and changes nothing', async () => {
    await expect(service().importJsonLd('<html>')).rejects.toMatchObject({ code: 'UNSUPPORTED' })
    expect(host.annotations).toEqual([])
  })
})
