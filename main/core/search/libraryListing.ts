// The library list at 100,000 articles: sorted by story date, saved date or title and filtered
// by flags, language or source, one page at a time, in memory. A proposal for Archive.list():
// each sort order is computed once per catalogue change as a permutation of the records
// (numbers compared, no Date objects, no collator in the sort), and a page is read off it by
// walking the permutation, so filters over live flags (bookmarks, read) need no re-sort.
import type { ArticleSummary, Language } from '../../../preload/contract'
import { words } from './wordForms'

export type LibrarySort = 'newest' | 'oldest' | 'savedNewest' | 'savedOldest' | 'title'

/** What an article needs for listing; the archive's catalogue records have all of it. */
export interface ListableRecord {
  id: string
  title: string
  language: Language
  dateline: { place: string | null; agency: string | null }
  publishedAt: string | null
  savedAt: string
}

export interface LibraryFilter {
  bookmarked?: boolean
  read?: boolean
  hasNote?: boolean
  language?: Language
  /** Folded agency, as `source:` matches it (`antara` matches "ANTARA News"). */
  source?: string
}

export interface LibraryFlags {
  isBookmarked(id: string): boolean
  isRead(id: string): boolean
  hasNote(id: string): boolean
}

export class LibraryListing<R extends ListableRecord> {
  readonly records: readonly R[]
  readonly #orders = new Map<LibrarySort, Uint32Array>()
  #storyTimes: Float64Array | null = null
  #agencyKeys: (string | null)[] | null = null

  /** `records` must not change afterwards: build a new listing when the catalogue changes. */
  constructor(records: readonly R[]) {
    this.records = records
  }

  /** The permutation of `records` for a sort; computed on first use, then cached. */
  order(sort: LibrarySort): Uint32Array {
    let order = this.#orders.get(sort)
    if (!order) {
      order = this.#computeOrder(sort)
      this.#orders.set(sort, order)
    }
    return order
  }

  #computeOrder(sort: LibrarySort): Uint32Array {
    const n = this.records.length
    const order = new Uint32Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    const ids = this.records.map((r) => r.id)
    // Ties broken by id, so the order is stable across runs.
    const byId = (a: number, b: number): number => ((ids[a] as string) < (ids[b] as string) ? -1 : 1)
    if (sort === 'title') {
      const keys = this.records.map((r) => words(r.title).join(' '))
      return order.sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : byId(a, b)))
    }
    const times = sort === 'newest' || sort === 'oldest' ? this.#storyTime() : Float64Array.from(this.records, (r) => Date.parse(r.savedAt))
    const sign = sort === 'newest' || sort === 'savedNewest' ? -1 : 1
    return order.sort((a, b) => sign * ((times[a] as number) - (times[b] as number)) || byId(a, b))
  }

  #storyTime(): Float64Array {
    this.#storyTimes ??= Float64Array.from(this.records, (r) => Date.parse(r.publishedAt ?? r.savedAt))
    return this.#storyTimes
  }

  /** One page of the records matching `filter`, in `sort` order, and how many match in all. */
  page(
    options: { sort: LibrarySort; filter?: LibraryFilter; offset: number; limit: number },
    flags: LibraryFlags,
  ): { items: R[]; total: number } {
    const order = this.order(options.sort)
    const f = options.filter ?? {}
    const end = options.offset + options.limit
    const items: R[] = []
    if (f.source !== undefined) this.#agencyKeys ??= this.records.map((r) => (r.dateline.agency === null ? null : words(r.dateline.agency).join(' ')))
    const agencies = this.#agencyKeys
    const source = f.source
    let total = 0
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number
      const r = this.records[i] as R
      if (f.language !== undefined && r.language !== f.language) continue
      if (f.bookmarked !== undefined && flags.isBookmarked(r.id) !== f.bookmarked) continue
      if (f.read !== undefined && flags.isRead(r.id) !== f.read) continue
      if (f.hasNote !== undefined && flags.hasNote(r.id) !== f.hasNote) continue
      if (source !== undefined) {
        const a = agencies?.[i] ?? null
        if (a === null || (a !== source && !a.startsWith(`${source} `))) continue
      }
      if (total >= options.offset && total < end) items.push(r)
      total++
    }
    return { items, total }
  }
}

/** Summaries for a page, with live flags. */
export const summariesOf = <R extends ListableRecord>(records: readonly R[], flags: LibraryFlags): ArticleSummary[] =>
  records.map((r) => ({
    id: r.id,
    title: r.title,
    language: r.language,
    dateline: r.dateline,
    publishedAt: r.publishedAt,
    savedAt: r.savedAt,
    bookmarked: flags.isBookmarked(r.id),
    read: flags.isRead(r.id),
  }))
