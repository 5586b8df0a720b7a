// Benchmark child: Warta's own layout (lowdb catalogue + state + one body file per article, and
// the derived SQLite search index). Run by bench.ts in a fresh process per phase, so peak memory
// of building the index and of everyday use are measured apart.
//   --phase build: index built from scratch; its size; reopening it.
//   --phase close: open and close, as the app quits, so the next start has a first page kept.
//   --phase use:   open to first page, listing, searches, bookmark/annotation saves, imports.
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { limits, type AnnotationRecord } from '../../preload/contract'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive, CATALOG_FILE, STATE_FILE, bodyPath } from '../../main/core/archive/archive'
import { journalPathOf } from '../../main/core/archive/journal'
import { packPath } from '../../main/core/archive/bodyPacks'
import { FIRST_PAGE_FILE, firstPageQuery, readFirstPage } from '../../main/core/archive/firstPage'
import { createHandlers } from '../../main/core/handlers'
import { handlersWhileOpening } from '../../main/core/handlersWhileOpening'
import { importFiles } from '../../main/core/import/importFiles'
import { INDEX_DIR, INDEX_FILE, SearchIndex } from '../../main/core/search/searchIndex'
import { queriesByKind, queryKinds } from './benchQueries'
import { argValue, emit, fileSizeMb, peakRssMb, repeat, summarise, timed, type Timing } from './measure'
import { createArticleGenerator, dispatchText } from './syntheticArchive'
import { storedAnnotation } from '../helpers/storedAnnotation'

const dir = argValue('dir')
const n = Number(argValue('n'))
const phase = argValue('phase')
const nativeBinding = process.env.WARTA_SQLITE_BINDING
/** The index as the app opens it; its build's worker is the app's bundled script (bench.ts builds it). */
const indexOptions = { nativeBinding, textPass: { workerFile: argValue('text-pass-worker') } }
/** Saves timed of each kind: enough that p95 is not just the second-slowest of a few. */
const SAVES = 200

async function build(): Promise<void> {
  await rm(join(dir, INDEX_DIR), { recursive: true, force: true })
  const archive = await Archive.open(dir)
  const index = SearchIndex.open(dir, indexOptions)
  const built = await timed(() => index.sync(archive))
  const buildRss = peakRssMb()
  index.close()
  const path = join(dir, INDEX_DIR, INDEX_FILE)
  const sizeMb = fileSizeMb(path, `${path}-wal`)
  const reopen = await timed(() => SearchIndex.open(dir, indexOptions))
  const check = await timed(() => reopen.value.sync(archive))
  reopen.value.close()
  await archive.close()
  emit({
    buildMs: built.ms,
    inWorker: built.value.inWorker,
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
  // The files and their journals (journal.ts), so the imports and bookmarks made here are undone.
  const saved = [CATALOG_FILE, STATE_FILE, journalPathOf(CATALOG_FILE), journalPathOf(STATE_FILE)]
  const backup = await mkdtemp(join(tmpdir(), 'warta-bench-backup-'))
  const existed = await Promise.all(saved.map((f) => copyFile(join(dir, f), join(backup, f)).then(() => true, () => false)))

  // The app's start: the page kept at the last close (phase close) is served while the
  // catalogue is read (handlersWhileOpening.ts).
  const started = performance.now()
  const kept = await readFirstPage(dir)
  const opening = handlersWhileOpening({
    firstPage: kept,
    systemLocale: 'id-ID',
    open: async () => {
      const archive = await Archive.open(dir)
      return { archive, handlers: createHandlers({ archive, systemLocale: 'id-ID', samplesDir: '' }) }
    },
  })
  const firstPage = await opening.handlers.listArticles(firstPageQuery)
  const firstPageMs = performance.now() - started
  const { archive } = await opening.ready
  const wholeOpenMs = performance.now() - started
  if (firstPage.archiveTotal !== archive.size) throw new Error(`the first page served says ${firstPage.archiveTotal} articles, the archive has ${archive.size}`)
  const rss = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024)
  const rssStages: Record<string, number> = { afterOpen: rss() }
  const rssAfterOpen = rssStages.afterOpen
  const nextPages = await repeat(20, (i) => archive.list({ filter: 'all', offset: ((i + 2) * 100) % Math.max(100, n), limit: 100 }))
  const bookmarkedPage = await repeat(20, () => archive.list({ filter: 'bookmarked', offset: 0, limit: 100 }))
  // The other orders and filters of the library (libraryListing.ts behind Archive.list).
  const titleSort = await timed(() => archive.list({ filter: 'all', sort: 'title', offset: 0, limit: 100 }))
  const savedSort = await timed(() => archive.list({ filter: 'all', sort: 'saved', offset: 0, limit: 100 }))
  const filteredPages = await repeat(20, (i) =>
    archive.list(i % 2 ? { filter: 'bookmarked', sort: 'saved', offset: 0, limit: 100 } : { filter: 'all', unread: true, language: 'id', offset: 0, limit: 100 }),
  )
  // Articles to bookmark and annotate: spread over the first pages, without holding every summary.
  const ids = archive.list({ filter: 'all', offset: 0, limit: Math.min(n, 5000) }).items.map((s) => s.id)

  const indexOpen = await timed(async () => {
    const index = SearchIndex.open(dir, indexOptions)
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
  // What the app does in the background after opening — the rolling backup of a 36 MB catalogue,
  // warming its lookups — runs in the app while the first page is looked at; the synchronous
  // steps above kept it from running here, so it is let finish before saves are timed.
  const settle = await timed(() => archive.settled())
  // Bookmark save: the archive's state file (its journal), then the index's flag.
  const pick = (i: number): string => ids[(Math.abs(i) * 7919) % ids.length] as string
  // The index follows the archive as in the app: the save is answered first, the index (which
  // writes the article's text row again for the bookmark tag) catches up right after, and a
  // search waits for it. The save is timed as a person waits for it; the catch-up beside it.
  const unfollow = index.follow(archive)
  const saves: number[] = []
  const catchUps: number[] = []
  for (let i = -2; i < SAVES; i++) {
    const id = pick(i)
    const start = performance.now()
    await archive.setBookmark(id, !archive.summary(id).bookmarked)
    const saved = performance.now()
    await index.settled()
    if (i >= 0) {
      saves.push(saved - start)
      catchUps.push(performance.now() - saved)
    }
  }
  unfollow()
  const bookmarkSave = summarise(saves)
  const bookmarkIndexCatchUp = summarise(catchUps)
  const indexFlagOnly = await repeat(40, (i) => index.updateFlags(pick(i), { read: true }))
  const indexBookmarkTag = await repeat(40, (i) => index.updateFlags(pick(i), { bookmarked: i % 2 === 0 }))

  // Annotation save: N/100 highlights with notes in the state file, one note edited at a time —
  // one line appended to the state file's journal, as the annotations module saves.
  const quote = 'Keduanya diperkirakan akan mengedepankan perundingan terkait senjata dan kerja sama militer.'
  const at = new Date().toISOString()
  const annotations: AnnotationRecord[] = Array.from({ length: Math.max(1, Math.floor(n / 100)) }, (_, i) =>
    storedAnnotation(i + 1, {
      articleId: pick(i),
      note: 'Catatan pembaca tentang bagian ini, cukup panjang untuk menjadi catatan yang nyata.',
      exact: quote,
      start: 120,
      prefix: 'Menurut laporan, ',
      suffix: ' Pertemuan itu',
      contentHash: archive.contentHash(pick(i)),
      createdAt: at,
      updatedAt: at,
    }),
  )
  await archive.changeAnnotations({ apply: (list) => [...list, ...annotations], revert: (list) => list.filter((a) => !annotations.includes(a)) })
  const annotationSave = await repeat(SAVES, async (i) => {
    const k = Math.abs(i) % annotations.length
    const edited = { ...(annotations[k] as AnnotationRecord), note: `Catatan diubah ${i}` }
    await archive.changeAnnotations({
      apply: (list) => list.map((a) => (a.id === edited.id ? edited : a)),
      revert: (list) => [...list],
    })
  })
  await archive.changeAnnotations({ apply: (list) => list.filter((a) => !a.id.endsWith('-0000-4000-8000-000000000000')), revert: (list) => [...list] })

  // Imports a folder of 1,000 dispatches through the real parser and archive, as many files per
  // call as the window sends (the contract's limit), as a user import would. The rate counts
  // every call, the session's first (cold code, first write of the pack directory) included.
  // The index follows the archive as in the app: it takes the new articles once the calls pause
  // (or a search asks), so "import" is until every call has answered, and "incl. search index"
  // until all of them can be found too.
  const next = createArticleGenerator(n + 4242)
  const batches = 1000 / limits.maxFilesPerImport
  const imported: string[] = []
  const callMs: number[] = []
  const unfollowImports = index.follow(archive)
  for (let b = 0; b < batches; b++) {
    const files = Array.from({ length: limits.maxFilesPerImport }, (_, k) => ({ name: `bench-${b}-${k}.txt`, bytes: new TextEncoder().encode(dispatchText(next())) }))
    const t0 = performance.now()
    const outcomes = await importFiles(archive, files)
    callMs.push(performance.now() - t0)
    imported.push(...outcomes.flatMap((o) => (o.status === 'imported' ? [o.article.id] : [])))
  }
  const indexCatchUp = await timed(() => index.settled())
  unfollowImports()
  rssStages.afterImports = rss()
  const importedCount = imported.length
  const archiveMs = callMs.reduce((a, b) => a + b, 0)

  for (const id of imported) index.remove(id)
  index.close()
  const packs = new Set(imported.flatMap((id) => archive.packOf(id) ?? []))
  await archive.close()
  await Promise.all([...imported.map((id) => rm(bodyPath(dir, id), { force: true })), ...[...packs].map((p) => rm(packPath(dir, p), { force: true }))])
  await Promise.all(saved.map((f, i) => (existed[i] ? copyFile(join(backup, f), join(dir, f)) : rm(join(dir, f), { force: true }))))
  await rm(backup, { recursive: true, force: true })
  // Kept from files that were just put back: no longer true of them.
  await rm(join(dir, FIRST_PAGE_FILE), { force: true })

  emit({
    openToFirstPageMs: firstPageMs,
    firstPageKept: kept !== null,
    wholeOpenMs,
    rssAfterOpenMb: rssAfterOpen,
    rssStages,
    nextPages,
    bookmarkedPage,
    listing: { titleSortMs: titleSort.ms, savedSortMs: savedSort.ms, filteredPages },
    settleMs: settle.ms,
    indexOpenMs: indexOpen.ms,
    indexUpToDate: indexOpen.value.report.upToDate,
    search,
    wordWithoutSnippets,
    deepPage,
    bookmarkSave,
    bookmarkIndexCatchUp,
    indexFlagOnly,
    indexBookmarkTag,
    annotationSave,
    annotationCount: annotations.length,
    import: {
      files: batches * limits.maxFilesPerImport,
      imported: importedCount,
      archiveRate: importedCount / (archiveMs / 1000),
      withIndexRate: importedCount / ((archiveMs + indexCatchUp.ms) / 1000),
      callMs,
      indexCatchUpMs: indexCatchUp.ms,
    },
    peakRssMb: peakRssMb(),
  })
}

/** The app quitting: a clean close keeps the first page for the next start. A process of its own, so `use` starts cold. */
async function close(): Promise<void> {
  const archive = await Archive.open(dir)
  await archive.close()
  emit({ closed: true })
}

await (phase === 'build' ? build() : phase === 'close' ? close() : use())
