// Search as the app uses it: the contract's calls over a real archive and its derived index,
// kept up to date by the archive's own change announcements.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IndexingProgress, Method, Output, Result } from '../../../preload/contract'
import { openArchive, type Archive } from '../../../main/core/archive/archive'
import { createHandlers, type Handlers } from '../../../main/core/handlers'
import { invoke } from '../../../main/core/invoke'
import { startSearchIndex } from '../../../main/core/search/searchHost'
import { INDEX_DIR, type SearchIndex } from '../../../main/core/search/searchIndex'
import { base64, samplesDir, tempDir } from '../../helpers/tempArchive'

interface SearchHost {
  dir: string
  archive: Archive
  index: SearchIndex
  handlers: Handlers
  progress: IndexingProgress[]
  close: () => Promise<void>
}

async function openHost(dir: string): Promise<SearchHost> {
  const archive = await openArchive(dir)
  const progress: IndexingProgress[] = []
  const index = startSearchIndex(archive, { syncDelayMs: 0, log: () => {}, onProgress: (p) => progress.push(p) })
  if (!index) throw new Error('no search index')
  const handlers = createHandlers({ archive, searchIndex: index, systemLocale: 'en-GB', samplesDir })
  return {
    dir,
    archive,
    index,
    handlers,
    progress,
    close: async () => {
      index.close()
      await archive.close()
    },
  }
}

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}

let host: SearchHost
let cleanup: () => Promise<void>
function call<M extends Method>(method: M, input: unknown): Promise<Result<Output<M>>>
function call(method: string, input: unknown): Promise<Result<unknown>> {
  return invoke(host.handlers, method, input, { log: () => {} })
}
const search = async (query: string, extra: Record<string, unknown> = {}) => ok(await call('searchArticles', { query, ...extra }))
const titles = (page: Output<'searchArticles'>): string[] => page.items.map((i) => i.article.title)
/** Waits for the background sync the host started (it is what a fresh window would see). */
const synced = async (h: SearchHost): Promise<void> => {
  while (!h.index.synced) await new Promise((resolve) => setTimeout(resolve, 10))
}

const dispatch = (place: string, title: string, body: string): string => `${title}\n\n${place} (ANTARA) - ${body}\n`

beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  host = await openHost(t.dir)
  await synced(host)
})
afterEach(async () => {
  await host.close()
  await cleanup()
})

describe('searchArticles', () => {
  it('finds the bundled samples by a word, marks it in the title and the snippet, newest first', async () => {
    ok(await call('importSamples', {}))
    const page = await search('batik')
    expect(titles(page)).toEqual(['Festival Batik Pekalongan hadirkan 300 perajin dari pesisir utara Jawa'])
    expect(page.total).toBe(1)
    expect(page.totalIsExact).toBe(true)
    const [hit] = page.items
    expect(hit?.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Batik'])
    expect(hit?.snippet.some((s) => s.match && s.text.toLowerCase() === 'batik')).toBe(true)
    // Plain text, never markup.
    expect(hit?.snippet.map((s) => s.text).join('')).not.toMatch(/<mark|<\/?b>/)
    // The archive's live summary, annotation counts included.
    expect(hit?.article).toEqual(host.archive.summary(hit?.article.id as string))

    const everything = await search('')
    expect(everything.total).toBe(6)
    const dates = everything.items.map((i) => i.article.publishedAt ?? i.article.savedAt).map((d) => Date.parse(d))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    expect((await search('', { sort: 'oldest' })).items.map((i) => i.article.id)).toEqual(everything.items.map((i) => i.article.id).reverse())
  })

  it('ranks by relevance when asked', async () => {
    ok(
      await call('importFiles', {
        files: [
          { name: 'a.txt', contentBase64: base64(dispatch('Bandung', 'Pasar kopi dibuka', 'Pasar baru dibuka untuk pedagang sayur di pinggir kota.')) },
          { name: 'b.txt', contentBase64: base64(dispatch('Garut', 'Kopi Garut, kopi terbaik', 'Petani kopi Garut memanen kopi arabika; kopi itu dijual ke pembeli kopi di kota.')) },
        ],
      }),
    )
    expect(titles(await search('kopi', { sort: 'relevance' }))[0]).toBe('Kopi Garut, kopi terbaik')
  })

  it('returns a malformed query as a translated QUERY_INVALID, never an exception', async () => {
    for (const [query, context] of [
      ['lang:xx', 'badLanguage'],
      ['before:notadate', 'badDate'],
      ['is:', 'missingValue'],
      ['is:nonsense', 'badValue'],
      ['a*', 'prefixTooShort'],
    ] as const) {
      const result = await call('searchArticles', { query })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('QUERY_INVALID')
        expect(result.error.params).toMatchObject({ context })
      }
    }
    // An over-long query is refused by the contract before it reaches the index.
    const long = await call('searchArticles', { query: 'x'.repeat(501) })
    expect(!long.ok && long.error.code).toBe('INVALID_INPUT')
  })

  it('finds an article right after it is imported, bookmarked, read and renamed', async () => {
    const { outcomes } = ok(
      await call('importFiles', { files: [{ name: 'taman.txt', contentBase64: base64(dispatch('Bandung', 'Taman baca dibuka di tepi sungai', 'Warga dapat meminjam buku tanpa kartu anggota.')) }] }),
    )
    const id = outcomes[0]?.status === 'imported' ? outcomes[0].article.id : ''
    expect(titles(await search('meminjam'))).toEqual(['Taman baca dibuka di tepi sungai'])
    expect((await search('is:bookmarked')).total).toBe(0)

    ok(await call('setBookmark', { articleId: id, bookmarked: true }))
    expect((await search('buku is:bookmarked')).total).toBe(1)
    expect((await search('is:unread')).total).toBe(1)

    ok(await call('markRead', { articleId: id }))
    expect((await search('is:unread')).total).toBe(0)
    expect((await search('is:read')).total).toBe(1)

    ok(await call('renameArticle', { articleId: id, title: 'Perpustakaan terbuka di Cikapundung' }))
    expect(titles(await search('cikapundung'))).toEqual(['Perpustakaan terbuka di Cikapundung'])
    // The old title words are gone from the title; the body still matches its own words.
    expect((await search('taman')).total).toBe(0)
    // Flags survive the rename.
    expect((await search('is:bookmarked is:read')).total).toBe(1)
  })

  it('finds words of a note and has:note once a note is written', async () => {
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'n.txt', contentBase64: base64(dispatch('Medan', 'Kereta layang mulai melayani penumpang', 'Jalur layang sepanjang sebelas kilometer itu dibuka pagi ini.')) }] }))
    const id = outcomes[0]?.status === 'imported' ? outcomes[0].article.id : ''
    expect((await search('has:note')).total).toBe(0)
    const created = await call('createAnnotation', { articleId: id, start: 0, end: 6, note: 'bandingkan dengan monorel Jakarta' })
    expect(created.ok).toBe(true)
    expect(titles(await search('monorel'))).toEqual(['Kereta layang mulai melayani penumpang'])
    expect((await search('has:note')).total).toBe(1)
  })

  it('follows a bookmark taken off at once, alone and with words', async () => {
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'k.txt', contentBase64: base64(dispatch('Bogor', 'Kebun raya menambah koleksi anggrek', 'Tiga ratus anggrek hutan dipindahkan ke rumah kaca.')) }] }))
    const id = outcomes[0]?.status === 'imported' ? outcomes[0].article.id : ''
    ok(await call('setBookmark', { articleId: id, bookmarked: true }))
    expect(titles(await search('anggrek is:bookmarked'))).toEqual(['Kebun raya menambah koleksi anggrek'])
    ok(await call('setBookmark', { articleId: id, bookmarked: false }))
    expect((await search('anggrek is:bookmarked')).total).toBe(0)
    expect((await search('is:bookmarked')).total).toBe(0)
    expect(titles(await search('anggrek -is:bookmarked'))).toEqual(['Kebun raya menambah koleksi anggrek'])
  })

  it('follows a note as it is edited and deleted: its words, and has:note', async () => {
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'n.txt', contentBase64: base64(dispatch('Medan', 'Kereta layang mulai melayani penumpang', 'Jalur layang sepanjang sebelas kilometer itu dibuka pagi ini.')) }] }))
    const id = outcomes[0]?.status === 'imported' ? outcomes[0].article.id : ''
    const created = ok(await call('createAnnotation', { articleId: id, start: 0, end: 6, note: 'bandingkan dengan monorel' }))
    ok(await call('setBookmark', { articleId: id, bookmarked: true }))
    expect(titles(await search('monorel is:bookmarked has:note'))).toEqual(['Kereta layang mulai melayani penumpang'])

    ok(await call('updateAnnotation', { id: created.id, note: 'tanya soal tarif trem' }))
    expect((await search('monorel')).total).toBe(0)
    expect(titles(await search('trem has:note'))).toEqual(['Kereta layang mulai melayani penumpang'])
    // The bookmark is still a filter of the text written again for the note.
    expect(titles(await search('tarif is:bookmarked'))).toEqual(['Kereta layang mulai melayani penumpang'])

    ok(await call('deleteAnnotation', { id: created.id }))
    expect((await search('trem')).total).toBe(0)
    expect((await search('has:note')).total).toBe(0)
    expect(titles(await search('layang -has:note'))).toEqual(['Kereta layang mulai melayani penumpang'])
  })

  it('finds the new text of an article imported again as a new version, and no longer the old', async () => {
    const first = dispatch('Bandung', 'Jembatan baru diresmikan di Bandung', 'Jembatan itu dibangun dengan baja dari Cilegon.')
    const second = dispatch('Bandung', 'Jembatan baru diresmikan di Bandung', 'Jembatan itu dibangun dengan beton pracetak dari Purwakarta.')
    const published = '\n\n2024-05-02 10:00 WIB'
    const a = ok(await call('importFiles', { files: [{ name: 'a.txt', contentBase64: base64(first.replace('\n\n', `${published}\n`)) }] }))
    const b = ok(await call('importFiles', { files: [{ name: 'b.txt', contentBase64: base64(second.replace('\n\n', `${published}\n`)) }] }))
    expect(b.outcomes[0]?.status).toBe('newVersion')
    expect(a.outcomes[0]?.status === 'imported' && b.outcomes[0]?.status === 'newVersion' && a.outcomes[0].article.id === b.outcomes[0].article.id).toBe(true)
    expect(titles(await search('purwakarta'))).toEqual(['Jembatan baru diresmikan di Bandung'])
    expect((await search('cilegon')).total).toBe(0)
    expect((await search('jembatan')).total).toBe(1)
  })

  it('leaves out articles removed from the archive at once', async () => {
    ok(await call('importSamples', {}))
    const batik = (await search('batik')).items[0]?.article.id as string
    await host.archive.removeArticles([batik])
    expect((await search('batik')).total).toBe(0)
    expect((await search('')).total).toBe(5)
  })

  it('rebuilds a deleted index in the background, reporting progress, and searches again after reopening', async () => {
    ok(await call('importSamples', {}))
    await host.close()
    await rm(join(host.dir, INDEX_DIR), { recursive: true, force: true })

    host = await openHost(host.dir)
    // The app is usable at once; the status says the index is catching up.
    const status = ok(await call('getSearchStatus', {}))
    expect(status.indexing).toEqual({ done: 0, total: 6 })
    await synced(host)
    expect(host.progress.at(-1)).toEqual({ done: 6, total: 6 })
    expect(ok(await call('getSearchStatus', {})).indexing).toBeNull()
    expect((await search('padi')).total).toBe(1)

    // Reopened with nothing changed: nothing to rebuild, same results.
    await host.close()
    host = await openHost(host.dir)
    await synced(host)
    expect(host.progress).toEqual([])
    expect(titles(await search('padi'))).toEqual(['Petani Grobogan mulai panen raya padi di lahan tadah hujan'])
  })

  it('is UNSUPPORTED in a host without an index', async () => {
    const plain = createHandlers({ archive: host.archive, systemLocale: 'en', samplesDir })
    const result = await invoke(plain, 'searchArticles', { query: 'x' }, { log: () => {} })
    expect(!result.ok && result.error.code).toBe('UNSUPPORTED')
  })
})

describe('listArticles sorting and filtering', () => {
  beforeEach(async () => {
    ok(await call('importSamples', {}))
  })

  const list = async (input: Record<string, unknown>) => ok(await call('listArticles', { limit: 100, ...input }))

  it('sorts by story date (default), saved date or title', async () => {
    const byDate = await list({})
    const storyDates = byDate.items.map((a) => Date.parse(a.publishedAt ?? a.savedAt))
    expect(storyDates).toEqual([...storyDates].sort((a, b) => b - a))
    const byTitle = (await list({ sort: 'title' })).items.map((a) => a.title.toLowerCase())
    expect(byTitle).toEqual([...byTitle].sort())
    const bySaved = (await list({ sort: 'saved' })).items.map((a) => Date.parse(a.savedAt))
    expect(bySaved).toEqual([...bySaved].sort((a, b) => b - a))
  })

  it('narrows by language, source and unread, and counts what matches', async () => {
    expect((await list({ language: 'en' })).items.map((a) => a.language)).toEqual(['en', 'en'])
    expect((await list({ language: 'en' })).total).toBe(2)
    const reuters = await list({ source: 'reuters' })
    expect(reuters.items.map((a) => a.dateline.agency)).toEqual(['Reuters'])
    expect((await list({ source: 'ANTARA' })).total).toBe(4)
    const first = (await list({})).items[0]
    ok(await call('markRead', { articleId: first?.id }))
    const unread = await list({ unread: true })
    expect(unread.total).toBe(5)
    expect(unread.items.map((a) => a.id)).not.toContain(first?.id)
    expect((await list({ unread: true, language: 'id', sort: 'title' })).items.every((a) => a.language === 'id' && !a.read)).toBe(true)
    // Every count of the tabs stays the archive's.
    expect(unread.archiveTotal).toBe(6)
  })

  it('pages a filtered list without losing or repeating an article', async () => {
    const all = (await list({ source: 'antara' })).items.map((a) => a.id)
    const paged = [...(await list({ source: 'antara', offset: 0, limit: 3 })).items, ...(await list({ source: 'antara', offset: 3, limit: 3 })).items]
    expect(paged.map((a) => a.id)).toEqual(all)
  })

  it('lists the sources with their counts, most first', async () => {
    expect(ok(await call('listSources', {})).sources).toEqual([
      { name: 'ANTARA', count: 4 },
      { name: 'AP', count: 1 },
      { name: 'Reuters', count: 1 },
    ])
  })
})
