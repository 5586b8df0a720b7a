// Saves that append to a journal (catalog.json-journal, state.json-journal) instead of rewriting
// a big file: what a crash leaves behind opens with every acknowledged save, a torn last entry
// is dropped quietly, a damaged journal is reported and repaired, and closing folds it all in.
import { appendFile, cp, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openArchive, type Archive, type ArchiveOptions } from '../../../main/core/archive/archive'
import { LOCK_FILE } from '../../../main/core/archive/archiveLock'
import { readJournal } from '../../../main/core/archive/journal'
import { annotationChangeOf, applyCatalogChanges, applyStateChanges, CATALOG_VERSION, CatalogFile, currentStateOf, emptyState, isCurrentCatalog, StateChange, StateFile, type ArticleRecord } from '../../../main/core/archive/records'
import { AnnotationService } from '../../../main/core/annotations/annotationService'
import type { AnnotationRecord } from '../../../preload/contract'
import { storedAnnotation } from '../../helpers/storedAnnotation'
import { tempDir } from '../../helpers/tempArchive'
import { sampleArticle } from './sampleArticles'
import { filesUnder } from '../../helpers/archiveFiles'

let dir: string
let crashed: string
let cleanup: () => Promise<void>
const opened: Archive[] = []
beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'archive')
  crashed = join(t.dir, 'after-crash')
})
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()))
  await cleanup()
})

const open = async (at = dir, options: ArchiveOptions = {}): Promise<Archive> => {
  const archive = await openArchive(at, { log: () => {}, ...options })
  opened.push(archive)
  return archive
}

/**
 * The archive as a crash would leave it now: every file as it is on disk, without closing
 * (which would fold the journals in). The lock is left out, as a dead process's is taken over,
 * and so are temp files, which the next open sweeps: a background backup renames its own at any
 * moment, and one gone between listing and copying would fail the copy.
 */
const crashCopy = async (): Promise<string> => {
  await cp(dir, crashed, { recursive: true, filter: (path) => !path.endsWith(LOCK_FILE) && !path.endsWith('.tmp') })
  return crashed
}

/** An archive whose catalog.json and state.json exist (a new archive's first saves write them whole), reopened. */
const seeded = async (articles = [sampleArticle(1)], options: ArchiveOptions = {}): Promise<{ archive: Archive; ids: string[] }> => {
  const first = await open(dir, options)
  const ids = (await first.addArticles(articles)).map((o) => o.article.id)
  await first.setLanguage('id')
  await first.close()
  opened.splice(opened.indexOf(first), 1)
  return { archive: await open(dir, options), ids }
}

const bytesOf = async (path: string): Promise<number> => (await stat(path)).size
const catalogOnDisk = async (at: string): Promise<CatalogFile> => JSON.parse(await readFile(join(at, 'catalog.json'), 'utf8')) as CatalogFile

describe('saves through the journal', () => {
  it('bookmarks and marks read with one journal line each, never rewriting state.json or catalog.json', async () => {
    const { archive: again, ids } = await seeded([sampleArticle(1), sampleArticle(2)])
    const [a, b] = ids as [string, string]
    const before = { state: await readFile(join(dir, 'state.json')), catalog: await readFile(join(dir, 'catalog.json')) }

    await again.setBookmark(a, true)
    await again.markRead(b)
    await again.setBookmark(a, false)
    await again.setBookmark(b, true)

    expect(await readFile(join(dir, 'state.json'))).toEqual(before.state)
    expect(await readFile(join(dir, 'catalog.json'))).toEqual(before.catalog)
    const lines = (await readFile(join(dir, 'state.json-journal'), 'utf8')).trimEnd().split('\n')
    expect(lines.map((l) => Object.keys(JSON.parse(l) as object))).toEqual([['bookmarks'], ['read'], ['bookmarks'], ['bookmarks']])

    // A crash now: every acknowledged change is there on the next open, and nothing needed repair.
    const after = await open(await crashCopy())
    expect(after.recoveryEvents).toEqual([])
    expect([after.summary(a).bookmarked, after.summary(b).bookmarked, after.summary(b).read, after.summary(a).read]).toEqual([false, true, true, false])
  })

  it('saves highlights and notes with one journal line each, never rewriting state.json, and a crash keeps them all', async () => {
    const { archive: again, ids } = await seeded([sampleArticle(1), sampleArticle(2)])
    const [a, b] = ids as [string, string]
    const before = await readFile(join(dir, 'state.json'))
    const notes = new AnnotationService(again)

    const kept = await notes.create(a, { start: 0, end: 12, colour: 'yellow', note: '' })
    const gone = await notes.create(b, { start: 5, end: 20, colour: 'green', note: 'Catatan' })
    await notes.update(kept.id, { colour: 'blue', note: 'Ditambah' })
    await notes.delete(gone.id)

    expect(await readFile(join(dir, 'state.json'))).toEqual(before)
    const lines = (await readFile(join(dir, 'state.json-journal'), 'utf8')).trimEnd().split('\n')
    expect(lines.map((l) => Object.keys(JSON.parse(l) as object))).toEqual([['annotationsPut'], ['annotationsPut'], ['annotationsPut'], ['annotationsRemoved']])

    const after = await open(await crashCopy())
    expect(after.recoveryEvents).toEqual([])
    expect(after.annotations.map((x) => [x.id, x.colour, x.note])).toEqual([[kept.id, 'blue', 'Ditambah']])
  })

  it('lists an import and a rename after a crash, from the journal, while catalog.json is untouched', async () => {
    const { archive: again } = await seeded()
    const before = await readFile(join(dir, 'catalog.json'))
    const [added] = await again.addArticles([sampleArticle(2), sampleArticle(3)])
    const renamed = await again.rename(added?.article.id as string, 'Judul yang diganti')
    expect(await readFile(join(dir, 'catalog.json'))).toEqual(before)

    const after = await open(await crashCopy())
    expect(after.recoveryEvents).toEqual([])
    expect(after.size).toBe(3)
    expect(after.summary(renamed.id).title).toBe('Judul yang diganti')
    expect(after.list({ filter: 'all', offset: 0, limit: 10 }).items.map((s) => s.id).sort()).toEqual(again.list({ filter: 'all', offset: 0, limit: 10 }).items.map((s) => s.id).sort())
    expect((await after.getArticle(renamed.id)).paragraphs).toEqual(sampleArticle(2).paragraphs)
  })

  it('forgets removed articles after a crash', async () => {
    const { archive, ids } = await seeded([1, 2, 3].map((n) => sampleArticle(n)))
    await archive.removeArticles([ids[1] as string])
    const after = await open(await crashCopy())
    expect(after.size).toBe(2)
    expect(after.has(ids[1] as string)).toBe(false)
  })

  it('folds the journals into catalog.json and state.json on close', async () => {
    const { archive, ids } = await seeded()
    const [added] = await archive.addArticles([sampleArticle(2)])
    await archive.setBookmark(added?.article.id as string, true)
    expect(await bytesOf(join(dir, 'catalog.json-journal'))).toBeGreaterThan(0)
    await archive.close()
    opened.length = 0
    expect(await bytesOf(join(dir, 'catalog.json-journal'))).toBe(0)
    expect(await bytesOf(join(dir, 'state.json-journal'))).toBe(0)
    expect((await catalogOnDisk(dir)).articles.map((r) => r.id)).toEqual([ids[0], added?.article.id])
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as { bookmarks: Record<string, string> }
    expect(Object.keys(state.bookmarks)).toEqual([added?.article.id])
  })

  it('keeps a journal that is small beside its file when closing, and reads it on the next open', async () => {
    const { archive } = await seeded(Array.from({ length: 120 }, (_, n) => sampleArticle(n)))
    const before = await readFile(join(dir, 'catalog.json'))
    const [added] = await archive.addArticles([sampleArticle(500)])
    await archive.close()
    opened.length = 0
    // One entry is far less than an eighth of 120 articles' catalogue: not worth rewriting it for.
    expect(await readFile(join(dir, 'catalog.json'))).toEqual(before)
    expect(await bytesOf(join(dir, 'catalog.json-journal'))).toBeGreaterThan(0)
    const again = await open()
    expect(again.recoveryEvents).toEqual([])
    expect(again.size).toBe(121)
    expect(again.summary(added?.article.id as string).title).toBe(sampleArticle(500).title)
  })

  it('rewrites state.json once its journal has grown, and keeps every mark', async () => {
    const { archive, ids } = await seeded(Array.from({ length: 10 }, (_, n) => sampleArticle(n)), { checkpointBytes: 2048 })
    await archive.markRead(ids[9] as string)
    // ~70 bytes an entry: the journal passes 2 KiB about every 30 saves.
    for (let i = 0; i < 100; i++) await archive.setBookmark(ids[i % 9] as string, i % 18 < 9)
    expect(await bytesOf(join(dir, 'state.json-journal'))).toBeLessThan(2048 + 100)
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as { bookmarks: Record<string, string>; read: Record<string, string> }
    // The last checkpoint came after the 90th save: everything up to it is in the file.
    expect(Object.keys(state.read)).toEqual([ids[9]])
    const after = await open(await crashCopy())
    expect(after.bookmarkedCount).toBe(archive.bookmarkedCount)
    expect(after.list({ filter: 'bookmarked', offset: 0, limit: 20 }).items.map((a) => a.id).sort()).toEqual(archive.list({ filter: 'bookmarked', offset: 0, limit: 20 }).items.map((a) => a.id).sort())
  })

  it('replays an entry already in the file as a no-op (a crash between a checkpoint and emptying the journal)', async () => {
    const { archive, ids } = await seeded([sampleArticle(1), sampleArticle(2)])
    await archive.setBookmark(ids[0] as string, true)
    await archive.rename(ids[1] as string, 'Sekali lagi')
    const journals = { catalog: await readFile(join(dir, 'catalog.json-journal')), state: await readFile(join(dir, 'state.json-journal')) }
    await archive.close()
    opened.length = 0
    // The files hold everything; the old journals come back as if emptying them never happened.
    await writeFile(join(dir, 'catalog.json-journal'), journals.catalog)
    await writeFile(join(dir, 'state.json-journal'), journals.state)
    const again = await open()
    expect(again.recoveryEvents).toEqual([])
    expect(again.size).toBe(2)
    expect(again.summary(ids[0] as string).bookmarked).toBe(true)
    expect(again.summary(ids[1] as string).title).toBe('Sekali lagi')
    expect(again.list({ filter: 'all', offset: 0, limit: 10 }).total).toBe(2)
  })
})

describe('a journal found damaged', () => {
  it('drops a last entry cut short (a save never acknowledged) without calling it a repair, and appends after the good ones', async () => {
    const { archive, ids } = await seeded()
    const id = ids[0] as string
    await archive.setBookmark(id, true)
    const copy = await crashCopy()
    const good = await bytesOf(join(copy, 'state.json-journal'))
    await appendFile(join(copy, 'state.json-journal'), '{"read":{"')

    const after = await open(copy)
    expect(after.recoveryEvents).toEqual([])
    expect(after.summary(id).bookmarked).toBe(true)
    expect(after.summary(id).read).toBe(false)
    expect(await bytesOf(join(copy, 'state.json-journal'))).toBe(good)
    await after.markRead(id)
    expect((await readJournal(join(copy, 'state.json-journal'), StateChange))?.damage).toBeNull()
    await after.close()
    opened.splice(opened.indexOf(after), 1)
    const reopened = await open(copy)
    expect(reopened.summary(id)).toMatchObject({ bookmarked: true, read: true })
  })

  it('keeps the entries before a damaged one, lists articles saved after it from their texts, sets the journal aside and says so', async () => {
    const { archive: again } = await seeded()
    const [second] = await again.addArticles([sampleArticle(2)])
    const [third] = await again.addArticles([sampleArticle(3)])
    const copy = await crashCopy()
    // The first entry is garbled; the second (article 3) follows it.
    const path = join(copy, 'catalog.json-journal')
    const lines = (await readFile(path, 'utf8')).split('\n')
    await writeFile(path, [`${lines[0]?.slice(0, 30)}\u0000\u0000`, ...lines.slice(1)].join('\n'))

    const after = await open(copy, { now: () => new Date('2026-11-26T10:00:00.000Z') })
    expect(after.size).toBe(3)
    expect(after.has(second?.article.id as string) && after.has(third?.article.id as string)).toBe(true)
    expect(after.recoveryEvents).toEqual([
      expect.objectContaining({
        file: 'catalog.json',
        action: 'restored-backup',
        movedTo: 'catalog.json-journal.corrupt-2026-11-26T100000.000Z',
        articlesFromBodies: 2,
      }),
    ])
    expect(await filesUnder(copy)).toContain('catalog.json-journal.corrupt-2026-11-26T100000.000Z')
    // Repaired for good: the next open finds nothing to repair.
    await after.close()
    opened.splice(opened.indexOf(after), 1)
    expect((await open(copy)).recoveryEvents).toEqual([])
  })

  it('is an error for a read-only open, which changes nothing', async () => {
    const { archive, ids } = await seeded()
    await archive.setBookmark(ids[0] as string, true)
    await archive.setBookmark(ids[0] as string, false)
    const copy = await crashCopy()
    const path = join(copy, 'state.json-journal')
    const text = await readFile(path, 'utf8')
    await writeFile(path, `{"bookmarks":42}\n${text}`)
    const before = await readFile(path)
    await expect(openArchive(copy, { readOnly: true })).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT' })
    expect(await readFile(path)).toEqual(before)
  })

  it('is replayed by a read-only open, which sees every save', async () => {
    const { archive } = await seeded()
    const [added] = await archive.addArticles([sampleArticle(2)])
    await archive.setBookmark(added?.article.id as string, true)
    const reader = await openArchive(dir, { readOnly: true })
    try {
      expect(reader.size).toBe(2)
      expect(reader.summary(added?.article.id as string).bookmarked).toBe(true)
    } finally {
      await reader.close()
    }
  })
})

describe('replaying catalogue entries', () => {
  const record = (id: string, title: string): ArticleRecord => ({
    id,
    title,
    titleDerived: false,
    language: 'id',
    dateline: { place: null, agency: null },
    publishedAt: null,
    titleEdited: false,
    savedAt: '2024-01-01T00:00:00.000Z',
    contentHash: id.repeat(4),
  })
  const ids = (c: CatalogFile): string => c.articles.map((r) => `${r.id.slice(0, 1)}:${r.title}`).join(' ')

  it('replaces in place, appends, removes, and gives the same catalogue when replayed twice', () => {
    const changes = [
      { put: [record('b'.repeat(16), 'B2'), record('d'.repeat(16), 'D')] },
      { remove: ['a'.repeat(16), 'z'.repeat(16)] },
      { put: [record('a'.repeat(16), 'A again')] },
      { remove: ['c'.repeat(16)] },
    ]
    const catalog: CatalogFile = { version: CATALOG_VERSION, articles: [record('a'.repeat(16), 'A'), record('b'.repeat(16), 'B'), record('c'.repeat(16), 'C')] }
    applyCatalogChanges(catalog, changes)
    expect(ids(catalog)).toBe('b:B2 d:D a:A again')
    applyCatalogChanges(catalog, changes)
    expect(ids(catalog)).toBe('b:B2 d:D a:A again')
  })
})

describe('the checks of catalog.json and state.json on open', () => {
  const record = fc.record(
    {
      id: fc.oneof(fc.stringMatching(/^[a-z0-9]{16}$/), fc.string()),
      title: fc.oneof(fc.string(), fc.constant(7)),
      titleDerived: fc.oneof(fc.boolean(), fc.constant('no')),
      language: fc.constantFrom('id', 'en', 'fr'),
      dateline: fc.oneof(
        fc.record({ place: fc.option(fc.string()), agency: fc.option(fc.string()) }),
        fc.record({ place: fc.option(fc.string()), agency: fc.option(fc.string()), extra: fc.string() }),
        fc.constant(null),
      ),
      publishedAt: fc.oneof(fc.constant(null), fc.constantFrom('2024-02-29T10:00:00+07:00', '2023-02-29T10:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T00:00:00.123Z', '2024-01-01')),
      titleEdited: fc.boolean(),
      savedAt: fc.constantFrom('2024-05-01T08:00:00.000Z', '2024-05-01T24:00:00Z', 'yesterday'),
      contentHash: fc.string(),
      url: fc.string(),
      feedId: fc.oneof(fc.string(), fc.constant(3)),
      pack: fc.oneof(fc.stringMatching(/^[a-z0-9]{8,40}$/), fc.string(), fc.constant(5)),
      unknown: fc.string(),
    },
    { requiredKeys: ['id', 'title', 'titleDerived', 'language', 'dateline', 'publishedAt', 'titleEdited', 'savedAt', 'contentHash'] },
  )

  it('takes a catalogue as it is exactly when the schema would return it unchanged', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), (articles) => {
        const json = JSON.parse(JSON.stringify({ version: CATALOG_VERSION, articles })) as unknown
        const parsed = CatalogFile.safeParse(json)
        if (isCurrentCatalog(json)) {
          expect(parsed.success).toBe(true)
          expect(parsed.data).toEqual(json)
        } else if (parsed.success) {
          // Only a record with a key the schema does not know goes the slow way and still reads.
          expect(JSON.stringify(parsed.data)).not.toEqual(JSON.stringify(json))
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('takes a state file as the schema would, with its marks uncopied', () => {
    const dates = fc.constantFrom('2024-05-01T08:00:00.000Z', '2024-02-30T08:00:00Z', 'soon', 7)
    const marks = fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z0-9]{16}$/), fc.constantFrom('__proto__', 'x')), dates, { maxKeys: 4 })
    const state = fc.record(
      {
        version: fc.constantFrom(3, 2),
        settings: fc.oneof(fc.record({ language: fc.constantFrom(null, 'id', 'en', 'fr') }), fc.record({ language: fc.constant('id'), theme: fc.string() })),
        bookmarks: marks,
        read: marks,
        annotations: fc.constantFrom([], [{ id: 'not an annotation' }]),
        extra: fc.string(),
      },
      { requiredKeys: ['version', 'settings', 'bookmarks', 'read', 'annotations'] },
    )
    fc.assert(
      fc.property(state, (value) => {
        const json = JSON.parse(JSON.stringify(value)) as unknown
        const parsed = StateFile.safeParse(json)
        const fast = currentStateOf(json)
        if (fast) expect(fast).toEqual(parsed.data)
        else if (parsed.success) expect(JSON.stringify(parsed.data)).not.toEqual(JSON.stringify(json))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('replaying annotation entries', () => {
  const annotation = (n: number, note: string): AnnotationRecord => storedAnnotation(n, { note })
  type Step = { kind: 'add' | 'edit' | 'delete'; n: number }
  const step = fc.record({ kind: fc.constantFrom('add', 'edit', 'delete'), n: fc.integer({ min: 1, max: 8 }) }) as fc.Arbitrary<Step>
  /** What the annotation service does to the list: append new records, replace edited ones in place, drop deleted ones. */
  const applied = (list: readonly AnnotationRecord[], { kind, n }: Step, i: number): AnnotationRecord[] => {
    const id = annotation(n, '').id
    const present = list.some((a) => a.id === id)
    if (kind === 'add') return present ? [...list] : [...list, annotation(n, `new ${i}`)]
    if (kind === 'edit') return list.map((a) => (a.id === id ? { ...a, note: `edit ${i}` } : a))
    return list.filter((a) => a.id !== id)
  }

  it('rebuild the list exactly from the file it started with, and keep the same records when replayed again', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let list: AnnotationRecord[] = []
        const entries: StateChange[] = []
        steps.forEach((s, i) => {
          const next = applied(list, s, i)
          const entry = annotationChangeOf(list, next)
          if (entry) entries.push(StateChange.parse(JSON.parse(JSON.stringify(entry))))
          list = next
        })
        const state = emptyState()
        applyStateChanges(state, entries)
        expect(state.annotations).toEqual(list)
        // Replayed again onto the file that already holds them (a crash between a checkpoint and
        // emptying the journal): the same records, though one deleted and made again may move.
        applyStateChanges(state, entries)
        const byId = (l: readonly AnnotationRecord[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : 1))
        expect(byId(state.annotations)).toEqual(byId(list))
      }),
    )
  })
})
