// The library list at 100,000 articles: sorted by story date, saved date or title and filtered
// by flags, language or source, one page at a time, in memory (Archive.list() is built on it).
// Each sort order is computed once per catalogue change as a permutation of the records
// (numbers compared, no Date objects, no collator in the sort), and a page is read off it. The
// unfiltered list needs no walk at all; a filtered one is walked once and kept until the flags
// change (the caller passes a version that changes with them), so scrolling costs a slice.
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
  /** The feed subscription that brought it, if any. */
  feedId?: string | null
}

export interface LibraryFilter {
  bookmarked?: boolean
  read?: boolean
  hasNote?: boolean
  /** At least one highlight or note. */
  annotated?: boolean
  language?: Language
  /** Folded agency, as `source:` matches it (`antara` matches "ANTARA News"). */
  source?: string
  /** Brought by this feed subscription. */
  feedId?: string
}

export interface LibraryFlags {
  isBookmarked(id: string): boolean
  isRead(id: string): boolean
  hasNote(id: string): boolean
  /** Highlights and notes on an article (the archive's annotation counts); none when absent. */
  annotationCounts?(id: string): { highlights: number; notes: number }
}

/** The first page of the default order is picked without sorting everything (opening stays fast). */
const PARTIAL_PAGE_LIMIT = 1000

/** Days a record's written date may lag the k-th best and still be among the first k (offsets reach ±24 h). */
const CANDIDATE_MARGIN_DAYS = 4

/** `YYYY-MM-DD` moved by `days`, or null when it is not such a day. */
function shiftDay(day: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const date = new Date(0)
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)
  const year = date.getUTCFullYear()
  if (year < 0 || year > 9999) return null
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
}

/** Folded agency words, as `source:` compares them. */
export const sourceKey = (agency: string): string => words(agency).join(' ')

/** Milliseconds since the epoch of an ISO 8601 date; NaN-free (an unreadable date sorts as 0). */
const timeOf = (iso: string): number => {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : 0
}

export class LibraryListing<R extends ListableRecord> {
  readonly records: readonly R[]
  readonly #orders = new Map<LibrarySort, Uint32Array>()
  #storyTimes: Float64Array | null = null
  #savedTimes: Float64Array | null = null
  #agencyKeys: (string | null)[] | null = null
  /** The matches of the last filtered walk, reused while the flags stay at the same version. */
  #filtered: { key: string; version: number; matches: Uint32Array } | null = null

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
    if (sort === 'title') {
      const keys = this.records.map((r) => words(r.title).join(' '))
      return order.sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : this.#byId(a, b)))
    }
    return order.sort(this.#comparator(sort))
  }

  /** Ties broken by id, so the order is stable across runs. */
  #byId(a: number, b: number): number {
    const x = (this.records[a] as R).id
    const y = (this.records[b] as R).id
    return x < y ? -1 : x > y ? 1 : 0
  }

  /** Date orders: the chosen date, then (for the story date) when it was saved, then id. `times` defaults to every record's. */
  #comparator(sort: Exclude<LibrarySort, 'title'>, times?: Float64Array): (a: number, b: number) => number {
    const story = sort === 'newest' || sort === 'oldest'
    times ??= story ? this.#storyTime() : this.#savedTime()
    // Saved dates only break ties of story dates: read per tie rather than parsing 100,000 on open.
    const saved = (i: number): number => this.#savedTimes?.[i] ?? timeOf((this.records[i] as R).savedAt)
    const sign = sort === 'newest' || sort === 'savedNewest' ? -1 : 1
    return (a, b) => sign * ((times[a] as number) - (times[b] as number)) || (story ? sign * (saved(a) - saved(b)) : 0) || this.#byId(a, b)
  }

  #storyTime(): Float64Array {
    this.#storyTimes ??= this.#times((r) => r.publishedAt ?? r.savedAt)
    return this.#storyTimes
  }

  #savedTime(): Float64Array {
    this.#savedTimes ??= this.#times((r) => r.savedAt)
    return this.#savedTimes
  }

  #times(dateOf: (r: R) => string): Float64Array {
    const out = new Float64Array(this.records.length)
    for (let i = 0; i < out.length; i++) out[i] = timeOf(dateOf(this.records[i] as R))
    return out
  }

  /**
   * The first `k` of a date order without sorting the rest: one pass keeping the best k in a
   * sorted buffer. Most records lose against the k-th and cost a single comparison.
   */
  #firstOf(sort: Exclude<LibrarySort, 'title'>, k: number): Uint32Array {
    const candidates = this.#candidatesFor(sort, k)
    // Dates are parsed for the candidates only (the rest stay 0 and are never compared).
    const times = new Float64Array(this.records.length)
    const dateOf = sort === 'newest' || sort === 'oldest' ? (r: R) => r.publishedAt ?? r.savedAt : (r: R) => r.savedAt
    for (const i of candidates) times[i] = timeOf(dateOf(this.records[i] as R))
    const compare = this.#comparator(sort, times)
    const best: number[] = []
    for (const i of candidates) {
      if (best.length === k && compare(i, best[k - 1] as number) >= 0) continue
      let lo = 0
      let hi = best.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (compare(best[mid] as number, i) <= 0) lo = mid + 1
        else hi = mid
      }
      best.splice(lo, 0, i)
      if (best.length > k) best.pop()
    }
    return Uint32Array.from(best)
  }

  /**
   * The records that can be among the first `k` of a date order, found by comparing the dates as
   * written (no parsing): an ISO date's day is within a day or two of the instant whatever its
   * offset, so a record four days behind the k-th best day as written cannot overtake k others.
   */
  #candidatesFor(sort: Exclude<LibrarySort, 'title'>, k: number): number[] {
    const n = this.records.length
    const story = sort === 'newest' || sort === 'oldest'
    const written: string[] = new Array(n)
    for (let i = 0; i < n; i++) {
      const r = this.records[i] as R
      written[i] = story ? (r.publishedAt ?? r.savedAt) : r.savedAt
    }
    const all = (): number[] => Array.from({ length: n }, (_, i) => i)
    if (n <= k) return all()
    const descending = sort === 'newest' || sort === 'savedNewest'
    // The k-th best date as written, kept in a sorted buffer as in #firstOf.
    const best: string[] = []
    for (const d of written) {
      if (best.length === k && !(descending ? d > (best[k - 1] as string) : d < (best[k - 1] as string))) continue
      let lo = 0
      let hi = best.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        const m = best[mid] as string
        if (m === d || (descending ? m > d : m < d)) lo = mid + 1
        else hi = mid
      }
      best.splice(lo, 0, d)
      if (best.length > k) best.pop()
    }
    const bound = shiftDay((best[k - 1] as string).slice(0, 10), descending ? -CANDIDATE_MARGIN_DAYS : CANDIDATE_MARGIN_DAYS + 1)
    if (bound === null) return all()
    const out: number[] = []
    for (let i = 0; i < n; i++) if (descending ? (written[i] as string) >= bound : (written[i] as string) < bound) out.push(i)
    return out
  }

  /**
   * One page of the records matching `filter`, in `sort` order, and how many match in all.
   * Pass `flagsVersion` (changed whenever a flag may have) to keep a filtered walk between pages.
   */
  page(
    options: { sort: LibrarySort; filter?: LibraryFilter; offset: number; limit: number },
    flags: LibraryFlags,
    flagsVersion?: number,
  ): { items: R[]; total: number } {
    const { sort, offset, limit } = options
    const f = options.filter ?? {}
    const end = offset + limit
    const filtered = Object.values(f).some((v) => v !== undefined)
    if (!filtered) {
      const n = this.records.length
      // The first screen before anything is sorted: what opening the archive waits for.
      const order = this.#orders.get(sort) ?? (sort !== 'title' && end <= PARTIAL_PAGE_LIMIT && n > end * 4 ? this.#firstOf(sort, end) : this.order(sort))
      return { items: Array.from(order.subarray(offset, Math.min(end, n)), (i) => this.records[i] as R), total: n }
    }
    const key = `${sort}\u0000${JSON.stringify(f)}`
    if (flagsVersion !== undefined && this.#filtered?.key === key && this.#filtered.version === flagsVersion) {
      const matches = this.#filtered.matches
      return { items: Array.from(matches.subarray(offset, Math.min(end, matches.length)), (i) => this.records[i] as R), total: matches.length }
    }
    const matches = this.#walk(this.order(sort), f, flags)
    if (flagsVersion !== undefined) this.#filtered = { key, version: flagsVersion, matches }
    return { items: Array.from(matches.subarray(offset, Math.min(end, matches.length)), (i) => this.records[i] as R), total: matches.length }
  }

  #walk(order: Uint32Array, f: LibraryFilter, flags: LibraryFlags): Uint32Array {
    if (f.source !== undefined) this.#agencyKeys ??= this.records.map((r) => (r.dateline.agency === null ? null : sourceKey(r.dateline.agency)))
    const agencies = this.#agencyKeys
    const source = f.source
    const out = new Uint32Array(order.length)
    let total = 0
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number
      const r = this.records[i] as R
      if (f.language !== undefined && r.language !== f.language) continue
      if (f.feedId !== undefined && r.feedId !== f.feedId) continue
      if (source !== undefined) {
        const a = agencies?.[i] ?? null
        if (a === null || (a !== source && !a.startsWith(`${source} `))) continue
      }
      if (f.bookmarked !== undefined && flags.isBookmarked(r.id) !== f.bookmarked) continue
      if (f.read !== undefined && flags.isRead(r.id) !== f.read) continue
      if (f.hasNote !== undefined && flags.hasNote(r.id) !== f.hasNote) continue
      if (f.annotated !== undefined) {
        const counts = flags.annotationCounts?.(r.id)
        if ((counts !== undefined && counts.highlights + counts.notes > 0) !== f.annotated) continue
      }
      out[total++] = i
    }
    return out.slice(0, total)
  }

  /** Agencies with how many articles each, most first (then by name). */
  sources(): { name: string; count: number }[] {
    // Spellings of one agency ("ANTARA", "Antara") are counted together under the commonest.
    const byKey = new Map<string, Map<string, number>>()
    for (const r of this.records) {
      const agency = r.dateline.agency
      if (!agency) continue
      const key = sourceKey(agency)
      if (!key) continue
      let spellings = byKey.get(key)
      if (!spellings) byKey.set(key, (spellings = new Map()))
      spellings.set(agency, (spellings.get(agency) ?? 0) + 1)
    }
    const out: { name: string; count: number }[] = []
    for (const spellings of byKey.values()) {
      let name = ''
      let best = -1
      let count = 0
      for (const [spelling, n] of spellings) {
        count += n
        if (n > best) [name, best] = [spelling, n]
      }
      out.push({ name, count })
    }
    return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
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
    annotationCount: flags.annotationCounts?.(r.id).highlights ?? 0,
    noteCount: flags.annotationCounts?.(r.id).notes ?? 0,
  }))
