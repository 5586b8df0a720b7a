// The library list's view of the archive: pages of summaries fetched only when their rows come
// into view, so 100,000 articles cost a few small calls. A refresh keeps showing the old rows
// until the new ones arrive, so the list never flashes empty.
import type { AppErrorData, ArticleSummary, Language, LibrarySort, Result } from '../../preload/contract'

/** 'annotated': articles with at least one highlight or note. */
export type LibraryFilter = 'all' | 'bookmarked' | 'annotated'

export interface LibraryPage {
  items: ArticleSummary[]
  total: number
  archiveTotal: number
  bookmarkedTotal: number
  annotatedTotal: number
}

/** The order and the narrowing filters on top of the tab (search/LibraryFilterBar). */
export interface LibraryView {
  sort: LibrarySort
  language?: Language
  /** An agency; "antara" matches "ANTARA News". */
  source?: string
  /** true: only articles never opened. */
  unread?: boolean
  /** Only the articles a feed subscription brought (from the Feeds view). */
  feedId?: string
}

export const defaultLibraryView: LibraryView = { sort: 'published' }

/** True when the view hides some articles (not just orders them). */
export const isNarrowed = (view: LibraryView): boolean =>
  view.language !== undefined || view.source !== undefined || view.unread !== undefined || view.feedId !== undefined

export type FetchPage = (query: { filter: LibraryFilter; offset: number; limit: number } & LibraryView) => Promise<Result<LibraryPage>>

export interface LibrarySnapshot {
  filter: LibraryFilter
  /** False until the first page of the current filter has arrived. */
  loaded: boolean
  /** False until any page has arrived, so archiveTotal is still unknown. */
  archiveKnown: boolean
  /** Matching the filter. */
  total: number
  archiveTotal: number
  bookmarkedTotal: number
  annotatedTotal: number
  /** Changes whenever a row may look different. */
  version: number
  error: AppErrorData | null
}

export class LibraryPages {
  readonly pageSize: number
  readonly #fetchPage: FetchPage
  #filter: LibraryFilter = 'all'
  #view: LibraryView = defaultLibraryView
  #generation = 0
  #pages = new Map<number, ArticleSummary[]>()
  /** Pages from before the last refresh, shown until their replacements arrive. */
  #stale = new Map<number, ArticleSummary[]>()
  #inflight = new Set<number>()
  #snapshot: LibrarySnapshot = {
    filter: 'all',
    loaded: false,
    archiveKnown: false,
    total: 0,
    archiveTotal: 0,
    bookmarkedTotal: 0,
    annotatedTotal: 0,
    version: 0,
    error: null,
  }
  readonly #listeners = new Set<() => void>()
  /** The last range of rows asked for, so a refresh reloads what is on screen. */
  #visible: [number, number] = [0, 0]

  constructor(fetchPage: FetchPage, pageSize = 100) {
    this.#fetchPage = fetchPage
    this.pageSize = pageSize
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getSnapshot = (): LibrarySnapshot => this.#snapshot

  itemAt(index: number): ArticleSummary | undefined {
    const page = Math.floor(index / this.pageSize)
    const offset = index % this.pageSize
    return this.#pages.get(page)?.[offset] ?? this.#stale.get(page)?.[offset]
  }

  indexOf(id: string): number {
    for (const source of [this.#pages, this.#stale]) {
      for (const [page, items] of source) {
        const offset = items.findIndex((item) => item.id === id)
        if (offset >= 0) return page * this.pageSize + offset
      }
    }
    return -1
  }

  /** Shows another filter from its first row. */
  setFilter(filter: LibraryFilter): Promise<void> {
    if (filter === this.#filter && this.#snapshot.loaded) return Promise.resolve()
    this.#filter = filter
    this.#generation += 1
    this.#pages = new Map()
    this.#stale = new Map()
    this.#inflight = new Set()
    this.#visible = [0, 0]
    this.#update({ filter, loaded: false, total: 0 })
    return this.#load(0)
  }

  get view(): LibraryView {
    return this.#view
  }

  /** Another order or other filters: shown from the first row, the tab kept. */
  setView(view: LibraryView): Promise<void> {
    this.#view = view
    this.#generation += 1
    this.#pages = new Map()
    this.#stale = new Map()
    this.#inflight = new Set()
    this.#visible = [0, 0]
    this.#update({ loaded: false, total: 0 })
    return this.#load(0)
  }

  /** Makes sure the pages holding rows first..last are loaded or on their way. */
  ensure(first: number, last: number): Promise<void> {
    this.#visible = [Math.max(0, first), Math.max(0, last)]
    const loads: Promise<void>[] = []
    for (let page = Math.floor(this.#visible[0] / this.pageSize); page <= Math.floor(this.#visible[1] / this.pageSize); page += 1) {
      if (!this.#pages.has(page) && !this.#inflight.has(page)) loads.push(this.#load(page))
    }
    return Promise.all(loads).then(() => undefined)
  }

  /** Re-reads what is on screen (after an import, a bookmark or a rename changed the archive). */
  refresh(): Promise<void> {
    this.#generation += 1
    this.#stale = new Map([...this.#stale, ...this.#pages])
    this.#pages = new Map()
    this.#inflight = new Set()
    const first = Math.floor(this.#visible[0] / this.pageSize)
    const last = Math.floor(this.#visible[1] / this.pageSize)
    const loads: Promise<void>[] = []
    for (let page = first; page <= last; page += 1) loads.push(this.#load(page))
    return Promise.all(loads).then(() => undefined)
  }

  /** Changes one article's row at once, before main confirms (bookmark, read, rename). */
  patch(id: string, change: Partial<ArticleSummary>): void {
    let changed = false
    for (const source of [this.#pages, this.#stale]) {
      for (const items of source.values()) {
        const offset = items.findIndex((item) => item.id === id)
        const item = items[offset]
        if (item) {
          items[offset] = { ...item, ...change }
          changed = true
        }
      }
    }
    if (changed) this.#update({})
  }

  clearError(): void {
    if (this.#snapshot.error) this.#update({ error: null })
  }

  async #load(page: number): Promise<void> {
    const generation = this.#generation
    this.#inflight.add(page)
    const result = await this.#fetchPage({ ...this.#view, filter: this.#filter, offset: page * this.pageSize, limit: this.pageSize })
    if (generation !== this.#generation) return
    this.#inflight.delete(page)
    if (!result.ok) {
      this.#update({ error: result.error })
      return
    }
    const { items, total, archiveTotal, bookmarkedTotal, annotatedTotal } = result.value
    this.#pages.set(page, items)
    this.#stale.delete(page)
    // Rows past the new end are gone, not stale.
    const lastPage = Math.max(0, Math.ceil(total / this.pageSize) - 1)
    for (const key of this.#stale.keys()) if (key > lastPage) this.#stale.delete(key)
    this.#update({ loaded: true, archiveKnown: true, total, archiveTotal, bookmarkedTotal, annotatedTotal, error: null })
  }

  #update(change: Partial<LibrarySnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change, version: this.#snapshot.version + 1 }
    for (const listener of this.#listeners) listener()
  }
}
