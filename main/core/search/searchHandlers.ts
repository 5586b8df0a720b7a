// The contract's search calls: full-text search over the derived index, its build status, and
// the agencies the library can be narrowed to. Results carry the archive's live summaries
// (flags and annotation counts as they are now), not the index's copy.
import type { IndexingProgress } from '../../../preload/contract'
import { AppError } from '../errors'
import type { Handlers, HostContext } from '../handlers'
import type { SearchIndex } from './searchIndex'

type SearchMethod = 'searchArticles' | 'getSearchStatus' | 'listSources'

export function createSearchHandlers(ctx: HostContext): Pick<Handlers, SearchMethod> {
  const { archive } = ctx
  const index = (): SearchIndex => {
    const found = ctx.searchIndex
    if (!found || found.isClosed) throw new AppError('UNSUPPORTED', 'Search is not available in this window')
    return found
  }

  /** The build's progress; before the first sync, how many articles the index has yet to take in. */
  const indexing = (searchIndex: SearchIndex): IndexingProgress | null => {
    const running = searchIndex.indexing
    if (running || searchIndex.synced) return running
    const size = searchIndex.size
    return size === archive.size ? null : { done: Math.min(size, archive.size), total: archive.size }
  }

  return {
    searchArticles: async ({ query, sort, offset, limit }) => {
      const searchIndex = index()
      // What the archive announced before this call is searchable now (an import just made).
      await searchIndex.settled()
      const page = searchIndex.search(query, { sort, offset, limit })
      return {
        // An article removed since it was indexed is left out rather than shown stale.
        items: page.items.filter((hit) => archive.has(hit.article.id)).map((hit) => ({ ...hit, article: archive.summary(hit.article.id) })),
        total: page.total,
        totalIsExact: page.totalIsExact,
        indexing: indexing(searchIndex),
      }
    },

    getSearchStatus: async () => ({ indexing: ctx.searchIndex && !ctx.searchIndex.isClosed ? indexing(ctx.searchIndex) : null }),

    listSources: async () => ({ sources: archive.sources() }),
  }
}
