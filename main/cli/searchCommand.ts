// `warta search <query…> [--sort newest|oldest|relevance] [--limit N] [--json]`: the app's search
// from a terminal — the same query language, the same index and the same handler, so the same
// results. The archive is only read. When no Warta holds the archive (its lock is free) the
// derived index is brought up to date first, built if missing (progress on stderr); beside a
// running app, which keeps it current, the index is queried as it is and never written.
import type { TFunction } from 'i18next'
import { contract, limits, type Language, type Output, type TextSegment } from '../../preload/contract'
import { openArchive, type Archive } from '../core/archive/archive'
import { ArchiveLock } from '../core/archive/archiveLock'
import { isAppError } from '../core/errors'
import { parseQuery } from '../core/search/queryParser'
import { createSearchHandlers } from '../core/search/searchHandlers'
import { IndexUnavailableError, SearchIndex } from '../core/search/searchIndex'

interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

export interface SearchCommandOptions {
  dir: string
  words: string[]
  sort: string | undefined
  limit: string | undefined
  json: boolean
  /** Mark matched words in bold (a terminal), or leave them plain (a pipe). */
  bold: boolean
}

/** Progress lines at most this often while the index is built. */
const PROGRESS_EVERY_MS = 1000

export async function searchCommand(options: SearchCommandOptions, t: TFunction, io: Io, translatorFor?: (language: Language) => TFunction): Promise<number> {
  const query = options.words.join(' ')
  if (!query.trim()) {
    io.err(t('missingArgument', { command: 'search', argument: '<query>' }))
    return 2
  }
  const input = contract.searchArticles.input.safeParse({
    query,
    ...(options.sort ? { sort: options.sort } : {}),
    limit: options.limit ? Number(options.limit) : 20,
  })
  if (!input.success) {
    io.err(t('badOption', { option: options.sort && !['newest', 'oldest', 'relevance'].includes(options.sort) ? '--sort' : '--limit', max: limits.maxSearchPageSize }))
    return 2
  }

  // A query that cannot be understood fails before any index is opened or built.
  parseQuery(query)

  let archive: Archive | null = null
  let lock: ArchiveLock | null = null
  let index: SearchIndex | null = null
  try {
    archive = await openArchive(options.dir, { readOnly: true })
    if (archive.language && translatorFor) t = translatorFor(archive.language)
    lock = await ArchiveLock.acquire(options.dir).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'ARCHIVE_LOCKED') return null
      throw e
    })
    if (lock) {
      index = SearchIndex.open(options.dir, { nativeBinding: process.env.WARTA_SQLITE_BINDING, log: () => {} })
      let last = 0
      await index.sync(archive, {
        onProgress: ({ done, total }) => {
          // An index already up to date reports 0 of 0: nothing was built, so nothing to say.
          if (total === 0 || (Date.now() - last < PROGRESS_EVERY_MS && done < total)) return
          last = Date.now()
          io.err(t('indexing', { done, total }))
        },
      })
    } else {
      try {
        index = SearchIndex.open(options.dir, { readOnly: true, nativeBinding: process.env.WARTA_SQLITE_BINDING })
      } catch (e) {
        if (!(e instanceof IndexUnavailableError)) throw e
        io.err(t('indexUnavailable'))
        return 1
      }
      // Writes nothing when read-only; tells the index where the archive keeps bodies, for snippets.
      await index.sync(archive)
    }
    const handlers = createSearchHandlers({ archive, searchIndex: index, systemLocale: '', samplesDir: '' })
    const result = await handlers.searchArticles(input.data)
    if (options.json) io.out(JSON.stringify(result, null, 2))
    else printResults(result, t, io, options.bold)
    return 0
    // A malformed query (QUERY_INVALID) reaches runCli, which prints it translated.
  } finally {
    index?.close()
    await lock?.release()
    await archive?.close()
  }
}

function printResults(result: Output<'searchArticles'>, t: TFunction, io: Io, bold: boolean): void {
  const marked = (segments: TextSegment[]): string => segments.map((s) => (s.match && bold ? `\u001b[1m${s.text}\u001b[22m` : s.text)).join('')
  for (const { article, title, snippet } of result.items) {
    const date = (article.publishedAt ?? article.savedAt).slice(0, 10)
    const source = [article.dateline.place, article.dateline.agency].filter(Boolean).join(' · ')
    io.out(`${article.id}  ${date}  [${article.language}]  ${marked(title)}${source ? `  — ${source}` : ''}`)
    if (snippet.length > 0) io.out(`    ${marked(snippet)}`)
  }
  if (result.indexing) io.err(t('indexIncomplete', { done: result.indexing.done, total: result.indexing.total }))
  io.out(result.totalIsExact ? t('results', { count: result.total }) : t('resultsAtLeast', { count: result.total }))
}
