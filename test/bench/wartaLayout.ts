// Benchmark child: Warta's own layout (lowdb catalogue + state + one body file per article, and
// the derived SQLite search index). Run by bench.ts in a fresh process per phase, so peak memory
// of building the index and of everyday use are measured apart.
//   --phase build: index built from scratch; its size; reopening it.
//   --phase use:   open to first page, listing, searches, bookmark/annotation saves, imports.
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive, CATALOG_FILE, STATE_FILE, bodyPath } from '../../main/core/archive/archive'
import { AtomicJsonFile, readJsonFile } from '../../main/core/archive/atomicJsonFile'
import { importFiles } from '../../main/core/import/importFiles'
import { LibraryListing } from '../../main/core/search/libraryListing'
import { INDEX_DIR, INDEX_FILE, SearchIndex } from '../../main/core/search/searchIndex'
import { queriesByKind, queryKinds } from './benchQueries'
import { argValue, emit, fileSizeMb, peakRssMb, repeat, timed, type Timing } from './measure'
import { createArticleGenerator, dispatchText } from './syntheticArchive'

const dir = argValue('dir')
const n = Number(argValue('n'))
const phase = argValue('phase')
const nativeBinding = process.env.WARTA_SQLITE_BINDING

async function build(): Promise<void> {
  await rm(join(dir, INDEX_DIR), { recursive: true, force: true })
  const archive = await Archive.open(dir)
  const index = SearchIndex.open(dir, { nativeBinding })
  const built = await timed(() => index.sync(archive, { batchSize: 500 }))
  const buildRss = peakRssMb()
  index.close()
  const path = join(dir, INDEX_DIR, INDEX_FILE)
  const sizeMb = fileSizeMb(path, `${path}-wal`)
  const reopen = await timed(() => SearchIndex.open(dir, { nativeBinding }))
  const check = await timed(() => reopen.value.sync(archive))
  reopen.value.close()
  await archive.close()
  emit({
    buildMs: built.ms,
    buildRate: n / (built.ms / 1000),
    indexSizeMb: sizeMb,
    reopenMs: reopen.ms,
    upToDateCheckMs: check.ms,
    upToDate: check.value.upToDate,
    peakRssMb: buildRss,
  })
}

async function use(): Promise<void> {
  // Everything this phase changes is put back, so the generated archive can be reused.
  const backup = await mkdtemp(join(tmpdir(), 'warta-bench-backup-'))
  await copyFile(join(dir, CATALOG_FILE), join(backup, CATALOG_FILE))
  await copyFile(join(dir, STATE_FILE), join(backup, STATE_FILE))

  const opened = await timed(async () => {
    const archive = await Archive.open(dir)
    const first = archive.list({ filter: 'all', offset: 0, limit: 100 })
    return { archive, first }
  })
  const { archive } = opened.value
  const rss = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024)
  const rssStages: Record<string, number> = { afterOpen: rss() }
  const rssAfterOpen = rssStages.afterOpen
  const nextPages = await repeat(20, (i) => archive.list({ filter: 'all', offset: ((i + 2) * 100) % Math.max(100, n), limit: 100 }))
  const bookmarkedPage = await repeat(20, () => archive.list({ filter: 'bookmarked', offset: 0, limit: 100 }))

  // The proposed listing (libraryListing.ts) over the same catalogue.
  const summaries = archive.list({ filter: 'all', offset: 0, limit: n }).items
  // As the archive would answer them: membership in its state maps (a snapshot here).
  const bookmarkedIds = new Set(summaries.filter((a) => a.bookmarked).map((a) => a.id))
  const readIds = new Set(summaries.filter((a) => a.read).map((a) => a.id))
  const flags = {
    isBookmarked: (id: string) => bookmarkedIds.has(id),
    isRead: (id: string) => readIds.has(id),
    hasNote: () => false,
  }
  const listingFirst = await timed(() => {
    const listing = new LibraryListing(summaries)
    return { listing, page: listing.page({ sort: 'newest', offset: 0, limit: 100 }, flags) }
  })
  const listing = listingFirst.value.listing
  const listingTitleSort = await timed(() => listing.order('title'))
  const listingFiltered = await repeat(20, (i) =>
    listing.page({ sort: i % 2 ? 'savedNewest' : 'newest', filter: i % 2 ? { bookmarked: true } : { read: false, language: 'id' }, offset: 0, limit: 100 }, flags),
  )

  const indexOpen = await timed(async () => {
    const index = SearchIndex.open(dir, { nativeBinding })
    const report = await index.sync(archive)
    return { index, report }
  })
  const { index } = indexOpen.value
  rssStages.afterListingAndIndexOpen = rss()

  const search: Record<string, { newest: Timing; relevance: Timing; hits: Record<string, number> }> = {}
  for (const kind of queryKinds) {
    const queries = queriesByKind[kind]
    const hits: Record<string, number> = {}
    // Exact counts for the table; the timed searches count up to the default 1,000.
    for (const q of queries) hits[q] = index.search(q, { limit: 20, snippetWords: 0, countUpTo: Number.MAX_SAFE_INTEGER }).total
    const newest = await repeat(30, (i) => index.search(queries[Math.abs(i) % queries.length] as string, { limit: 20 }))
    const relevance = await repeat(30, (i) => index.search(queries[Math.abs(i) % queries.length] as string, { sort: 'relevance', limit: 20 }))
    search[kind] = { newest, relevance, hits }
  }
  const wordWithoutSnippets = await repeat(30, (i) => index.search(queriesByKind.word[Math.abs(i) % queriesByKind.word.length] as string, { limit: 20, snippetWords: 0 }))
  const deepPage = await repeat(10, () => index.search('kira', { offset: 2000, limit: 20 }))

  rssStages.afterSearches = rss()
  // Bookmark save: the archive's state file, then the index's flag.
  const ids = summaries.map((s) => s.id)
  const pick = (i: number): string => ids[(Math.abs(i) * 7919) % ids.length] as string
  const bookmarkSave = await repeat(40, async (i) => {
    const id = pick(i)
    const bookmarked = !archive.summary(id).bookmarked
    await archive.setBookmark(id, bookmarked)
    index.updateFlags(id, { bookmarked })
  })
  const indexFlagOnly = await repeat(40, (i) => index.updateFlags(pick(i), { read: true }))

  // Annotation save, simulated until the annotations module lands: the state file written as the
  // archive writes it (pretty JSON, atomic, fsynced) holding N/100 annotations.
  const state = (await readJsonFile(join(dir, STATE_FILE))) as Record<string, unknown>
  const annotations = Array.from({ length: Math.max(1, Math.floor(n / 100)) }, (_, i) => ({
    id: `ann${i}`,
    articleId: pick(i),
    quote: 'Keduanya diperkirakan akan mengedepankan perundingan terkait senjata dan kerja sama militer.',
    note: 'Catatan pembaca tentang bagian ini, cukup panjang untuk menjadi catatan yang nyata.',
    start: 120,
    end: 210,
    createdAt: new Date().toISOString(),
  }))
  const simDir = await mkdtemp(join(tmpdir(), 'warta-bench-annotations-'))
  const simFile = new AtomicJsonFile<unknown>(join(simDir, 'state.json'), { decode: (j: unknown) => j, pretty: true })
  const annotationSave = await repeat(30, async (i) => {
    annotations[Math.abs(i) % annotations.length]!.note = `edited ${i}`
    await simFile.write({ ...state, annotations })
  })
  await rm(simDir, { recursive: true, force: true })

  // Imports through the real parser and archive, 100 files per call, as a user import would.
  const next = createArticleGenerator(n + 4242)
  const batches = n >= 100_000 ? 3 : 5
  const imported: string[] = []
  const importArchive: number[] = []
  const importIndex: number[] = []
  for (let b = 0; b < batches; b++) {
    const files = Array.from({ length: 100 }, (_, k) => ({ name: `bench-${b}-${k}.txt`, bytes: new TextEncoder().encode(dispatchText(next())) }))
    const t0 = performance.now()
    const outcomes = await importFiles(archive, files)
    const t1 = performance.now()
    const added = outcomes.flatMap((o) => (o.status === 'imported' ? [o.article] : []))
    await index.indexArticles(added)
    const t2 = performance.now()
    imported.push(...added.map((a) => a.id))
    importArchive.push(t1 - t0)
    importIndex.push(t2 - t1)
  }
  rssStages.afterImports = rss()
  const importedCount = imported.length
  const archiveMs = importArchive.reduce((a, b) => a + b, 0)
  const indexMs = importIndex.reduce((a, b) => a + b, 0)

  for (const id of imported) index.remove(id)
  index.close()
  await archive.close()
  await Promise.all(imported.map((id) => rm(bodyPath(dir, id), { force: true })))
  await copyFile(join(backup, CATALOG_FILE), join(dir, CATALOG_FILE))
  await copyFile(join(backup, STATE_FILE), join(dir, STATE_FILE))
  await rm(backup, { recursive: true, force: true })

  emit({
    openToFirstPageMs: opened.ms,
    rssAfterOpenMb: rssAfterOpen,
    rssStages,
    nextPages,
    bookmarkedPage,
    listing: { firstPageMs: listingFirst.ms, titleSortMs: listingTitleSort.ms, filteredPages: listingFiltered },
    indexOpenMs: indexOpen.ms,
    indexUpToDate: indexOpen.value.report.upToDate,
    search,
    wordWithoutSnippets,
    deepPage,
    bookmarkSave,
    indexFlagOnly,
    annotationSave,
    annotationCount: annotations.length,
    import: {
      files: batches * 100,
      imported: importedCount,
      archiveRate: importedCount / (archiveMs / 1000),
      withIndexRate: importedCount / ((archiveMs + indexMs) / 1000),
      batchMs: importArchive.map((ms, i) => ms + (importIndex[i] ?? 0)),
    },
    peakRssMb: peakRssMb(),
  })
}

await (phase === 'build' ? build() : use())
