import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../preload/contract'
import { Archive, type NewArticle } from '../../../main/core/archive/archive'
import { packPath } from '../../../main/core/archive/bodyPacks'
import { AppError } from '../../../main/core/errors'
import { readParagraphs } from '../../../main/core/search/articleText'
import { INDEX_DIR, INDEX_FILE, SearchIndex, type SearchPage } from '../../../main/core/search/searchIndex'
import { StemMemo } from '../../../main/core/search/wordForms'
import { writeSyntheticArchive } from '../../bench/syntheticArchive'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.()
})

const article = (over: Partial<NewArticle> & { title: string; paragraphs: string[] }): NewArticle => ({
  titleDerived: false,
  language: 'id',
  dateline: { place: 'Jakarta', agency: 'ANTARA' },
  publishedAt: null,
  inlineRelated: [],
  related: [],
  credits: { reporter: null, editor: null, copyright: null },
  sourceName: null,
  ...over,
})

const seedArticles: NewArticle[] = [
  article({
    title: 'Korut dan Rusia bahas persenjataan',
    dateline: { place: 'Seoul', agency: 'ANTARA' },
    publishedAt: '2024-09-12T10:00:00+07:00',
    paragraphs: ['Kim dijadwalkan bertemu Putin di Rusia.', 'Keduanya diperkirakan membahas kerja sama militer.'],
  }),
  article({
    title: 'Pertemuan puncak ASEAN dibuka',
    dateline: { place: 'Kuala Lumpur', agency: 'Bernama' },
    publishedAt: '2024-10-20T09:00:00+07:00',
    paragraphs: ['Para pemimpin menggelar pertemuan tahunan.', 'Militer sama kerja, kata seorang pejabat, membalik urutan kata.'],
  }),
  article({
    title: 'Election results announced',
    language: 'en',
    dateline: { place: 'Seoul', agency: 'Yonhap' },
    publishedAt: '2024-04-11T08:00:00+09:00',
    paragraphs: ['The elections drew a record turnout, officials said.'],
  }),
  article({
    title: 'Harga beras naik',
    dateline: { place: 'Surabaya', agency: 'ANTARA News' },
    publishedAt: '2023-01-05T12:00:00+07:00',
    paragraphs: ['Pedagang memperkirakan harga akan turun bulan depan.'],
  }),
]

/** An archive of these articles on disk, with no index yet; closed and removed after the test. */
async function seededArchive(articles: NewArticle[] = seedArticles): Promise<{ dir: string; archive: Archive; ids: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'warta-'))
  const archive = await Archive.open(dir)
  const outcomes = await archive.addArticles(articles)
  cleanup.push(async () => {
    await archive.close()
    await rm(dir, { recursive: true, force: true })
  })
  return { dir, archive, ids: outcomes.map((o) => o.article.id) }
}

async function archiveWithIndex(articles: NewArticle[] = seedArticles): Promise<{ dir: string; archive: Archive; index: SearchIndex; ids: string[] }> {
  const seeded = await seededArchive(articles)
  const index = SearchIndex.open(seeded.dir)
  cleanup.push(async () => index.close())
  await index.sync(seeded.archive)
  return { ...seeded, index }
}

const titles = (page: SearchPage): string[] => page.items.map((h) => h.article.title)

describe('searching the archive', () => {
  it('finds Indonesian and English word forms of what was typed', async () => {
    const { index } = await archiveWithIndex()
    expect(titles(index.search('senjata'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('pertemuan'))).toEqual(['Pertemuan puncak ASEAN dibuka', 'Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('kira'))).toEqual(['Korut dan Rusia bahas persenjataan', 'Harga beras naik'])
    expect(titles(index.search('elections'))).toEqual(['Election results announced'])
  })

  it('matches a phrase only with its words in order', async () => {
    const { index } = await archiveWithIndex()
    expect(titles(index.search('"kerja sama militer"'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('"militer sama kerja"'))).toEqual(['Pertemuan puncak ASEAN dibuka'])
  })

  it('combines words with operators, and negations', async () => {
    const { index, archive, ids } = await archiveWithIndex()
    await archive.setBookmark(ids[0] as string, true)
    index.updateFlags(ids[0] as string, { bookmarked: true })
    expect(titles(index.search('place:seoul'))).toEqual(['Korut dan Rusia bahas persenjataan', 'Election results announced'])
    expect(titles(index.search('place:seoul lang:en'))).toEqual(['Election results announced'])
    expect(titles(index.search('source:antara'))).toEqual(['Korut dan Rusia bahas persenjataan', 'Harga beras naik'])
    expect(titles(index.search('kira source:antara -is:bookmarked'))).toEqual(['Harga beras naik'])
    expect(titles(index.search('is:bookmarked militer'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('after:2024-01-01 before:2024-10-01 -senjata'))).toEqual(['Election results announced'])
    expect(titles(index.search('temu -"kerja sama militer"'))).toEqual(['Pertemuan puncak ASEAN dibuka'])
    expect(index.search('is:unread').total).toBe(4)
  })

  it('finds words by their beginning, including words whose stem starts differently', async () => {
    const { index } = await archiveWithIndex()
    expect(titles(index.search('senj*'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    // pertemuan → temu, so `pertem*` also finds "bertemu".
    expect(titles(index.search('pertem*'))).toEqual(['Pertemuan puncak ASEAN dibuka', 'Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('elect*'))).toEqual(['Election results announced'])
    expect(index.search('zzq*').total).toBe(0)
  })

  it('gives the same results whichever way an operator filter is applied', async () => {
    const { dir, index } = await archiveWithIndex()
    const rowByRow = SearchIndex.open(dir, { fewDocs: 0 })
    cleanup.push(async () => rowByRow.close())
    for (const q of ['kira source:antara', 'temu place:seoul', 'militer -place:seoul', 'kira is:unread after:2023-06', '"kerja sama" lang:id', 'temu -senjata source:bernama']) {
      expect(titles(rowByRow.search(q)), q).toEqual(titles(index.search(q)))
      expect(rowByRow.search(q).total, q).toBe(index.search(q).total)
    }
    expect(titles(index.search('temu -senjata source:bernama'))).toEqual(['Pertemuan puncak ASEAN dibuka'])
  })

  it('lists newest first by default and by relevance on request', async () => {
    const { index } = await archiveWithIndex()
    expect(titles(index.search('')).slice(0, 2)).toEqual(['Pertemuan puncak ASEAN dibuka', 'Korut dan Rusia bahas persenjataan'])
    expect(titles(index.search('', { sort: 'oldest' }))[0]).toBe('Harga beras naik')
    // Both bodies hold a form of "kira"; the shorter, older one ranks first by relevance (bm25).
    expect(titles(index.search('kira'))).toEqual(['Korut dan Rusia bahas persenjataan', 'Harga beras naik'])
    expect(titles(index.search('kira', { sort: 'relevance' }))).toEqual(['Harga beras naik', 'Korut dan Rusia bahas persenjataan'])
    const page = index.search('', { offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, totalIsExact: true })
    expect(page.items).toHaveLength(2)
    // Counting stops early on request; the total then says "at least".
    expect(index.search('is:unread', { limit: 1, countUpTo: 2 })).toMatchObject({ total: 2, totalIsExact: false })
    expect(index.search('kira', { limit: 1, countUpTo: 1 })).toMatchObject({ total: 1, totalIsExact: false })
  })

  it('returns a snippet cut from the original text with the matched words marked', async () => {
    const { index } = await archiveWithIndex()
    const [hit] = index.search('senjata kira').items
    expect(hit?.title.filter((s) => s.match).map((s) => s.text)).toEqual(['persenjataan'])
    expect(hit?.snippet).toEqual([
      { text: 'Keduanya ', match: false },
      { text: 'diperkirakan', match: true },
      { text: ' membahas kerja sama militer.', match: false },
    ])
  })

  it('reports a malformed query as QUERY_INVALID', async () => {
    const { index } = await archiveWithIndex()
    expect(() => index.search('before:notadate')).toThrow(AppError)
  })
})

describe('keeping the index up to date', () => {
  it('shows new articles, flag changes and removals at once', async () => {
    const { index, archive, ids } = await archiveWithIndex()
    const [added] = await archive.addArticles([article({ title: 'Pasukan berangkat', paragraphs: ['Persenjataan baru dikirim ke perbatasan.'] })])
    expect(index.search('senjata').total).toBe(1)
    await index.indexArticles([added?.article as NonNullable<typeof added>['article']])
    expect(index.search('senjata').total).toBe(2)

    index.updateFlags(ids[3] as string, { read: true, hasNote: true })
    expect(titles(index.search('has:note'))).toEqual(['Harga beras naik'])
    expect(index.search('is:read').total).toBe(1)

    index.remove(ids[0] as string)
    expect(titles(index.search('senjata'))).toEqual(['Pasukan berangkat'])
  })

  it('finds a word among bookmarked articles as soon as one is bookmarked, and keeps its notes searchable', async () => {
    const { index, archive, ids } = await archiveWithIndex()
    const harga = ids[3] as string
    index.upsert([{ article: archive.summary(harga), paragraphs: ['Pedagang memperkirakan harga akan turun bulan depan.'], notes: ['catatan tentang gandum'] }])
    expect(index.search('harga is:bookmarked').total).toBe(0)

    index.updateFlags(harga, { bookmarked: true })
    expect(titles(index.search('harga is:bookmarked'))).toEqual(['Harga beras naik'])
    expect(titles(index.search('pedagang is:bookmarked has:note'))).toEqual(['Harga beras naik'])
    // The text row written again for the bookmark still holds the body and the notes.
    expect(titles(index.search('gandum'))).toEqual(['Harga beras naik'])
    expect(index.search('harga -is:bookmarked').total).toBe(0)

    index.updateFlags(harga, { bookmarked: false })
    expect(index.search('harga is:bookmarked').total).toBe(0)
    expect(titles(index.search('harga -is:bookmarked'))).toEqual(['Harga beras naik'])
    // A read mark is not a tag: nothing is written again, and it filters all the same.
    index.updateFlags(harga, { read: true })
    expect(titles(index.search('harga is:read'))).toEqual(['Harga beras naik'])
    expect(index.search('harga is:unread').total).toBe(0)
  })

  it('matches source: and place: with a word by their leading words, as without one', async () => {
    const { index } = await archiveWithIndex([
      ...seedArticles,
      article({ title: 'Harga gula naik', dateline: { place: 'Kuala Lumpur', agency: 'Antaranews' }, paragraphs: ['Harga gula naik lagi.'] }),
    ])
    // "antara" is ANTARA and ANTARA News, not Antaranews; "antara news" is only ANTARA News.
    expect(titles(index.search('harga source:antara'))).toEqual(['Harga beras naik'])
    expect(titles(index.search('harga source:"antara news"'))).toEqual(['Harga beras naik'])
    expect(titles(index.search('harga -source:antara'))).toEqual(['Harga gula naik'])
    expect(titles(index.search('naik place:kuala'))).toEqual(['Harga gula naik'])
    expect(titles(index.search('naik place:"kuala lumpur" source:antaranews'))).toEqual(['Harga gula naik'])
    expect(index.search('naik place:lumpur').total).toBe(0)
    for (const q of ['harga source:antara', 'naik place:kuala', 'harga -source:antara']) {
      expect(titles(index.search(q)), q).toEqual(titles(index.search(q.replace(/^\S+ /, ''))).filter((t) => /Harga|naik/.test(t)))
    }
  })

  it('indexes text handed over directly, replacing an earlier version', async () => {
    const { index, archive, ids } = await archiveWithIndex()
    const summary = archive.summary(ids[3] as string)
    index.upsert([{ article: summary, paragraphs: ['Ekspor senjata dibahas.'], notes: ['catatan tentang gandum'] }])
    expect(titles(index.search('senjata'))).toContain('Harga beras naik')
    expect(index.search('beras pedagang').total).toBe(0)
    expect(titles(index.search('gandum has:note'))).toEqual(['Harga beras naik'])
  })

  it('finds the same after the index is closed and reopened, without re-indexing', async () => {
    const { dir, index, archive } = await archiveWithIndex()
    const before = index.search('pertemuan')
    index.close()
    const reopened = SearchIndex.open(dir)
    cleanup.push(async () => reopened.close())
    expect(await reopened.sync(archive)).toMatchObject({ upToDate: true })
    expect(reopened.search('pertemuan')).toEqual(before)
  })

  it('picks up changes made while it was closed', async () => {
    const { dir, index, archive, ids } = await archiveWithIndex()
    index.close()
    await archive.setBookmark(ids[2] as string, true)
    await archive.rename(ids[1] as string, 'KTT ASEAN dibuka')
    const reopened = SearchIndex.open(dir)
    cleanup.push(async () => reopened.close())
    expect(await reopened.sync(archive)).toMatchObject({ upToDate: false, flagsUpdated: 1, reindexed: 1 })
    expect(titles(reopened.search('is:bookmarked'))).toEqual(['Election results announced'])
    expect(titles(reopened.search('election is:bookmarked'))).toEqual(['Election results announced'])
    expect(titles(reopened.search('ktt'))).toEqual(['KTT ASEAN dibuka'])
    expect(reopened.search('puncak').total).toBe(0)
  })

  it.each([
    ['in this thread', false],
    ['in its worker', true],
  ] as const)('builds the same index %s, can be closed in the middle of it, and finishes it when reopened', async (_where, inWorker) => {
    const { dir, archive } = await seededArchive()
    const options = { textPass: inWorker ? { fromArticles: 0 } : false } as const
    const first = SearchIndex.open(dir, options)
    await first.sync(archive, { batchSize: 1, onProgress: (p) => p.done === 2 && first.close() })
    const second = SearchIndex.open(dir, options)
    cleanup.push(async () => second.close())
    expect(await second.sync(archive)).toMatchObject({ upToDate: false, added: 0, inWorker })
    expect(titles(second.search('"kerja sama militer"'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(titles(second.search('kira'))).toEqual(['Korut dan Rusia bahas persenjataan', 'Harga beras naik'])
    expect(second.search('').total).toBe(4)
  })

  it('answers a search made as the last texts are written as whole, not as still indexing', async () => {
    const { dir, archive } = await seededArchive()
    const index = SearchIndex.open(dir, { textPass: false })
    cleanup.push(async () => index.close())
    const seen: unknown[] = []
    await index.sync(archive, { batchSize: 2, onProgress: ({ done, total }) => seen.push([done, total, index.search('senjata').indexing]) })
    expect(seen).toEqual([
      [0, 4, { done: 0, total: 4 }],
      [2, 4, { done: 2, total: 4 }],
      [4, 4, null],
    ])
  })

  it('goes on building in this thread when its worker cannot run, and says so', async () => {
    const { dir, archive } = await seededArchive()
    const logged: string[] = []
    const index = SearchIndex.open(dir, { textPass: { fromArticles: 0, workerFile: join(dir, 'no-such-worker.js') }, log: (m) => logged.push(m) })
    cleanup.push(async () => index.close())
    expect(await index.sync(archive)).toMatchObject({ upToDate: false, inWorker: false })
    expect(logged).toEqual(['warta: the index worker failed; the build goes on in this thread'])
    expect(titles(index.search('"kerja sama militer"'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(await index.sync(archive)).toMatchObject({ upToDate: true })
  })

  it('rebuilds itself when the index file was deleted', async () => {
    const { dir, index, archive } = await archiveWithIndex()
    index.close()
    const path = join(dir, INDEX_DIR, INDEX_FILE)
    for (const suffix of ['', '-wal', '-shm']) await rm(path + suffix, { force: true })
    const rebuilt = SearchIndex.open(dir)
    cleanup.push(async () => rebuilt.close())
    expect(rebuilt.search('senjata').total).toBe(0)
    expect(await rebuilt.sync(archive)).toMatchObject({ added: 4 })
    expect(rebuilt.search('senjata').total).toBe(1)
    expect((await stat(path)).size).toBeGreaterThan(0)
  })

  it('finds an article whose body file is unreadable by its title, and retries the body later', async () => {
    const { dir, archive, ids } = await seededArchive()
    const index = SearchIndex.open(dir)
    cleanup.push(async () => index.close())
    // Imported together, the bodies share one pack (bodyPacks.ts): all of them go unreadable.
    const pack = archive.packOf(ids[0] as string)
    expect(pack).toBeDefined()
    const body = packPath(dir, pack as string)
    const saved = await readFile(body)
    await rm(body)
    await index.sync(archive)
    expect(titles(index.search('persenjataan'))).toEqual(['Korut dan Rusia bahas persenjataan'])
    expect(index.search('"kerja sama militer"').total).toBe(0)
    await writeFile(body, saved)
    expect(await index.sync(archive)).toMatchObject({ upToDate: false })
    expect(index.search('"kerja sama militer"').total).toBe(1)
    expect(await index.sync(archive)).toMatchObject({ upToDate: true })
  })

  it('replaces a corrupt index file instead of failing', async () => {
    const { dir, index, archive } = await archiveWithIndex()
    index.close()
    const path = join(dir, INDEX_DIR, INDEX_FILE)
    for (const suffix of ['-wal', '-shm']) await rm(path + suffix, { force: true })
    await writeFile(path, Buffer.from('this is not a database, just garbage '.repeat(200)))
    const reasons: string[] = []
    const rebuilt = SearchIndex.open(dir, { onReset: (reason) => reasons.push(reason) })
    cleanup.push(async () => rebuilt.close())
    expect(reasons).toHaveLength(1)
    await rebuilt.sync(archive)
    expect(titles(rebuilt.search('"kerja sama militer"'))).toEqual(['Korut dan Rusia bahas persenjataan'])
  })
})

describe('a generated archive of 2,000 dispatches', () => {
  // Writing and indexing 2,000 files takes ~10 s on an idle two-core machine; allow for a busy one.
  it('is indexed in the background and searched end to end', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warta-'))
    await writeSyntheticArchive(dir, 2000, { seed: 7 })
    const archive = await Archive.open(dir)
    const index = SearchIndex.open(dir)
    cleanup.push(async () => {
      index.close()
      await archive.close()
      await rm(dir, { recursive: true, force: true })
    })
    const progress: number[] = []
    let duringBuild: SearchPage | null = null
    let oldestByTitle: SearchPage | null = null
    // Indexed newest first, so the oldest article's body is read last; its title is searchable at once.
    const oldest = archive.list({ filter: 'all', offset: 1999, limit: 1 }).items[0] as ArticleSummary
    const imported = { ...oldest, id: 'zz00000000000001', title: 'Kapal selam baru diluncurkan', bookmarked: false }
    const report = await index.sync(archive, {
      batchSize: 500,
      onProgress: (p) => {
        progress.push(p.done)
        if (p.done === 500) {
          duringBuild = index.search('senjata')
          oldestByTitle = index.search(`"${oldest.title}"`, { limit: 50 })
          // Main writes while the worker builds: an import and a bookmark, as a person would.
          index.upsert([{ article: imported, paragraphs: ['Kapal selam itu berlayar perdana pekan ini.'] }])
          index.updateFlags(oldest.id, { bookmarked: true })
        }
      },
    })
    // 2,000 bodies are worth a worker: its garbage stays off main's heap.
    expect(report.inWorker).toBe(true)
    expect(progress).toEqual([0, 500, 1000, 1500, 2000])
    expect(titles(index.search('kapal selam'))).toEqual([imported.title])
    expect(index.search(`is:bookmarked "${oldest.title}"`, { limit: 50 }).items.map((h) => h.article.id)).toContain(oldest.id)
    index.updateFlags(oldest.id, { bookmarked: oldest.bookmarked })
    index.remove(imported.id)
    expect(duringBuild).not.toBeNull()
    expect((duringBuild as unknown as SearchPage).indexing).toEqual({ done: 500, total: 2000 })
    expect((oldestByTitle as unknown as SearchPage).items.map((h) => h.article.id)).toContain(oldest?.id)
    expect(index.indexing).toBeNull()

    // Ground truth by brute force over the same articles, with the same stemmer.
    const memo = new StemMemo()
    const all = archive.list({ filter: 'all', offset: 0, limit: 2000 }).items
    const texts = await Promise.all(all.map(async (a) => ({ a, body: ((await readParagraphs(dir, a.id, archive.packOf(a.id))) ?? []).join('\n') })))
    const withStem = (stem: string) => texts.filter(({ a, body }) => memo.stemList(`${a.title}\n${body}`, a.language).includes(stem))
    const senjata = index.search('senjata', { limit: 500 })
    expect(senjata.total).toBe(withStem('senjata').length)
    expect(senjata.total).toBeGreaterThan(50)

    // Newest first, published else saved.
    const dates = senjata.items.map((h) => Date.parse(h.article.publishedAt ?? h.article.savedAt))
    expect(dates).toEqual([...dates].sort((x, y) => y - x))

    const phrase = index.search('"kerja sama militer"', { limit: 500 })
    const inOrder = texts.filter(({ a, body }) => / kerja sama militer /.test(` ${memo.stemList(`${a.title}\n${body}`, a.language).join(' ')} `))
    expect(phrase.total).toBe(inOrder.length)
    for (const hit of phrase.items.slice(0, 20)) {
      expect(hit.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('kerja sama militer')
    }

    const bookmarked = index.search('is:bookmarked', { limit: 500 })
    expect(bookmarked.total).toBe(archive.bookmarkedCount)
    const english = index.search('election lang:en')
    expect(english.items.every((h) => h.article.language === 'en')).toBe(true)
    expect(english.total).toBeGreaterThan(0)
  })
})
