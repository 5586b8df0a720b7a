// The search results' view of the index: a query typed into the box becomes a search ~150 ms
// after the last key, pages of results are fetched only when their rows come into view, and an
// answer to an older query or order is dropped (a slow search never overwrites a newer one).
// A malformed query is kept as an error to show inline, never thrown.
import type { AppErrorData, IndexingProgress, Result, SearchHit, SearchSort } from '../../../preload/contract'

export interface SearchPage {
  items: SearchHit[]
  total: number
  totalIsExact: boolean
  indexing: IndexingProgress | null
}

export type FetchSearchPage = (query: { query: string; sort: SearchSort; offset: number; limit: number }) => Promise<Result<SearchPage>>

export interface SearchSnapshot {
  /** As typed; '' when the box is empty (the library shows instead of results). */
  query: string
  sort: SearchSort
  /** True from a key press until the first page of its search has arrived. */
  searching: boolean
  /** False until the first page of the current search has arrived. */
  loaded: boolean
  total: number
  totalIsExact: boolean
  indexing: IndexingProgress | null
  /** QUERY_INVALID and other failures of the current search, shown in place of results. */
  error: AppErrorData | null
  /** Changes whenever a row may look different. */
  version: number
}

export const SEARCH_DEBOUNCE_MS = 150

export class SearchPages {
  readonly pageSize: number
  readonly #fetch: FetchSearchPage
  readonly #debounceMs: number
  #generation = 0
  #pages = new Map<number, SearchHit[]>()
  #inflight = new Set<number>()
  #timer: ReturnType<typeof setTimeout> | null = null
  #snapshot: SearchSnapshot = {
    query: '',
    sort: 'newest',
    searching: false,
    loaded: false,
    total: 0,
    totalIsExact: true,
    indexing: null,
    error: null,
    version: 0,
  }
  readonly #listeners = new Set<() => void>()

  constructor(fetch: FetchSearchPage, options: { pageSize?: number; debounceMs?: number } = {}) {
    this.#fetch = fetch
    this.pageSize = options.pageSize ?? 30
    this.#debounceMs = options.debounceMs ?? SEARCH_DEBOUNCE_MS
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getSnapshot = (): SearchSnapshot => this.#snapshot

  /** True while the box holds anything but spaces: results replace the library. */
  get active(): boolean {
    return this.#snapshot.query.trim() !== ''
  }

  itemAt(index: number): SearchHit | undefined {
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** How many rows the list should have: every match, or one page more while the count is a lower bound. */
  get rowCount(): number {
    const s = this.#snapshot
    return s.totalIsExact ? s.total : s.total + this.pageSize
  }

  /** A key press: searches after a pause in typing; an emptied box stops searching at once. */
  setQuery(query: string): Promise<void> {
    if (query === this.#snapshot.query) return Promise.resolve()
    this.#reset({ query })
    if (!this.active) {
      this.#update({ searching: false, loaded: false, error: null, total: 0, totalIsExact: true })
      return Promise.resolve()
    }
    this.#update({ searching: true, error: null })
    return new Promise((resolve) => {
      this.#timer = setTimeout(() => {
        this.#timer = null
        void this.#load(0).then(resolve)
      }, this.#debounceMs)
    })
  }

  /** Another order: the same query again from its first row, without waiting. */
  setSort(sort: SearchSort): Promise<void> {
    if (sort === this.#snapshot.sort) return Promise.resolve()
    this.#reset({ sort })
    if (!this.active) return Promise.resolve()
    this.#update({ searching: true, error: null })
    return this.#load(0)
  }

  /** Makes sure the pages holding rows first..last are loaded or on their way. */
  ensure(first: number, last: number): Promise<void> {
    if (!this.active || !this.#snapshot.loaded || this.#timer) return Promise.resolve()
    const end = Math.min(Math.max(first, last), this.rowCount - 1)
    const loads: Promise<void>[] = []
    for (let page = Math.floor(Math.max(0, first) / this.pageSize); page <= Math.floor(end / this.pageSize); page += 1) {
      if (!this.#pages.has(page) && !this.#inflight.has(page)) loads.push(this.#load(page))
    }
    return Promise.all(loads).then(() => undefined)
  }

  /** Searches again for what is on screen (after an import, a bookmark or a rename). */
  refresh(): Promise<void> {
    if (!this.active) return Promise.resolve()
    const shown = [...this.#pages.keys()]
    this.#generation += 1
    this.#inflight = new Set()
    return Promise.all((shown.length > 0 ? shown : [0]).map((page) => this.#load(page))).then(() => undefined)
  }

  /** Changes one article in the results at once (a bookmark or a title changed elsewhere). */
  patch(id: string, change: Partial<SearchHit['article']>): void {
    let changed = false
    for (const items of this.#pages.values()) {
      for (const [i, hit] of items.entries()) {
        if (hit.article.id !== id) continue
        items[i] = { ...hit, article: { ...hit.article, ...change } }
        changed = true
      }
    }
    if (changed) this.#update({})
  }

  /** Stops a pending search (the window is going away). */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#generation += 1
  }

  #reset(change: Partial<SearchSnapshot>): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#generation += 1
    this.#pages = new Map()
    this.#inflight = new Set()
    this.#update({ ...change, loaded: false })
  }

  async #load(page: number): Promise<void> {
    const generation = this.#generation
    const { query, sort } = this.#snapshot
    this.#inflight.add(page)
    const result = await this.#fetch({ query, sort, offset: page * this.pageSize, limit: this.pageSize })
    // A newer query, order or refresh has started since: this answer is stale.
    if (generation !== this.#generation) return
    this.#inflight.delete(page)
    if (!result.ok) {
      this.#pages = new Map()
      this.#update({ searching: false, loaded: true, error: result.error, total: 0, totalIsExact: true })
      return
    }
    const { items, total, totalIsExact, indexing } = result.value
    this.#pages.set(page, items)
    this.#update({ searching: false, loaded: true, error: null, total, totalIsExact, indexing })
  }

  #update(change: Partial<SearchSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change, version: this.#snapshot.version + 1 }
    for (const listener of this.#listeners) listener()
  }
}
