// The library: filter tabs, counts and a virtualised list of every article, newest first.
// Rows are fetched a page at a time as they scroll into view, so the list scales to 100,000.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useT } from '../translationKeys'
import type { ArticleSummary, Language } from '../../../preload/contract'
import { formatDay } from '../interfaceLocale'
import type { LibraryFilter, LibraryPages, LibrarySnapshot } from '../libraryPages'
import { BookmarkToggle } from './BookmarkToggle'
import { BookmarkIcon } from './Icons'
import { HighlighterIcon } from '../annotations/AnnotationIcons'

const rowHeight = 92
const filters: readonly LibraryFilter[] = ['all', 'bookmarked', 'annotated']

export interface LibraryPaneProps {
  library: LibraryPages
  snapshot: LibrarySnapshot
  language: Language
  openId: string | null
  selectedIndex: number
  /** Bumped when the selected row should take the keyboard focus (after leaving the reader). */
  focusRequest: number
  onSelect: (index: number) => void
  onOpen: (summary: ArticleSummary, index: number) => void
  onToggleBookmark: (summary: ArticleSummary) => void
  onFilter: (filter: LibraryFilter) => void
  /** Above everything: the search box (search/SearchBar). */
  searchBar?: ReactNode
  /** Under the tabs: sort and narrowing filters (search/LibraryFilterBar). */
  filterBar?: ReactNode
  /** While a search is active: its results, in place of the tabs and the list (kept, scrolled where it was). */
  searchResults?: ReactNode
  /** Shown instead of an empty list while filters narrow it (they, not the archive, emptied it). */
  filteredEmpty?: ReactNode
}

export function LibraryPane(props: LibraryPaneProps) {
  const { library, snapshot, language, openId, selectedIndex, focusRequest, onSelect, onOpen, onToggleBookmark, onFilter, searchBar, filterBar, searchResults, filteredEmpty } = props
  const { t } = useT()
  const scroller = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<number | null>(null)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const number = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB')

  // TanStack Virtual re-renders through its own state; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: snapshot.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows[rows.length - 1]?.index ?? 0

  useEffect(() => {
    if (snapshot.total > 0) void library.ensure(first, last)
  }, [library, first, last, snapshot.total, snapshot.filter])

  const focusRow = (index: number): void => {
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] .row-link`)
    if (link) link.focus()
    else pendingFocus.current = index
  }

  useEffect(() => {
    if (focusRequest === 0) return
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
    requestAnimationFrame(() => focusRow(selectedIndex))
    // Only a new request moves the focus; a changed selection alone must not steal it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest])

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement
    if (!target.classList.contains('row-link')) return
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: 8, PageUp: -8 }
    let next: number | null = null
    if (event.key in steps && !event.altKey && !event.ctrlKey && !event.metaKey) next = selectedIndex + (steps[event.key] ?? 0)
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = snapshot.total - 1
    if (next === null) return
    event.preventDefault()
    next = Math.max(0, Math.min(snapshot.total - 1, next))
    onSelect(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    requestAnimationFrame(() => focusRow(next))
  }

  const tabKeys = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (delta === 0) return
    event.preventDefault()
    const next = (index + delta + filters.length) % filters.length
    onFilter(filters[next] as LibraryFilter)
    tabs.current[next]?.focus()
  }

  const countText =
    snapshot.filter === 'all'
      ? t('library.articleCount', { count: snapshot.total })
      : snapshot.filter === 'annotated'
        ? t('annotations:library.articleCount', { count: snapshot.total })
        : t('library.bookmarkCount', { count: snapshot.total })

  return (
    <section className="library" aria-label={t('library.label')}>
      {searchBar}
      {searchResults}
      <div className="library-body" hidden={Boolean(searchResults)}>
      <div className="library-header">
        <div className="tabs" role="tablist" aria-label={t('library.filterLabel')}>
          {filters.map((filter, index) => {
            const selected = snapshot.filter === filter
            const count = filter === 'all' ? snapshot.archiveTotal : filter === 'annotated' ? snapshot.annotatedTotal : snapshot.bookmarkedTotal
            return (
              <button
                key={filter}
                ref={(el) => {
                  tabs.current[index] = el
                }}
                type="button"
                role="tab"
                id={`library-tab-${filter}`}
                aria-selected={selected}
                aria-controls="library-list"
                tabIndex={selected ? 0 : -1}
                className="tab"
                title={filter === 'annotated' ? t('annotations:library.filterHint') : undefined}
                onClick={() => onFilter(filter)}
                onKeyDown={(event) => tabKeys(event, index)}
              >
                <span>{filter === 'all' ? t('library.filterAll') : filter === 'annotated' ? t('annotations:library.filter') : t('library.filterBookmarked')}</span>
                <span className="tab-count">{number.format(count)}</span>
              </button>
            )
          })}
        </div>
        <p className="library-count" aria-live="polite">
          {snapshot.loaded ? countText : ''}
        </p>
      </div>
      {filterBar}
      <div
        ref={scroller}
        className="library-scroller"
        id="library-list"
        role="tabpanel"
        aria-labelledby={`library-tab-${snapshot.filter}`}
        onKeyDown={move}
      >
        {snapshot.loaded && snapshot.total === 0 && filteredEmpty ? (
          filteredEmpty
        ) : snapshot.loaded && snapshot.total === 0 && snapshot.filter === 'bookmarked' ? (
          <div className="library-empty">
            <BookmarkIcon size={28} />
            <p className="library-empty-title">{t('library.emptyBookmarks')}</p>
            <p>{t('library.emptyBookmarksHint')}</p>
          </div>
        ) : snapshot.loaded && snapshot.total === 0 && snapshot.filter === 'annotated' ? (
          <div className="library-empty">
            <HighlighterIcon size={28} />
            <p className="library-empty-title">{t('annotations:library.empty')}</p>
            <p>{t('annotations:library.emptyHint')}</p>
          </div>
        ) : (
          <div role="list" className="library-rows" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const summary = library.itemAt(row.index)
              return (
                <div
                  key={row.key}
                  role="listitem"
                  aria-setsize={snapshot.total}
                  aria-posinset={row.index + 1}
                  data-index={row.index}
                  className={`row${summary?.id === openId ? ' row-open' : ''}${summary && !summary.read ? ' row-unread' : ''}`}
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  {summary ? (
                    <Row
                      summary={summary}
                      index={row.index}
                      language={language}
                      open={summary.id === openId}
                      tabbable={row.index === selectedIndex}
                      linkRef={(el) => {
                        if (el && pendingFocus.current === row.index) {
                          pendingFocus.current = null
                          el.focus()
                        }
                      }}
                      onSelect={onSelect}
                      onOpen={onOpen}
                      onToggleBookmark={onToggleBookmark}
                    />
                  ) : (
                    <div className="row-placeholder">
                      <span className="visually-hidden">{t('library.loadingRow')}</span>
                      <span className="skeleton skeleton-title" />
                      <span className="skeleton skeleton-meta" />
                    </div>
                  )}
                </div>
              )
            })}
          </div>
        )}
      </div>
      </div>
    </section>
  )
}

interface RowProps {
  summary: ArticleSummary
  index: number
  language: Language
  open: boolean
  tabbable: boolean
  linkRef: (el: HTMLAnchorElement | null) => void
  onSelect: (index: number) => void
  onOpen: (summary: ArticleSummary, index: number) => void
  onToggleBookmark: (summary: ArticleSummary) => void
}

function Row({ summary, index, language, open, tabbable, linkRef, onSelect, onOpen, onToggleBookmark }: RowProps) {
  const { t } = useT()
  const { place, agency } = summary.dateline
  const day = formatDay(summary.publishedAt ?? summary.savedAt, language)
  // The list is narrow: just the day, with what it means on hover and for screen readers.
  const dateMeaning = summary.publishedAt ? t('reader.publishedOn', { date: day }) : t('library.savedOn', { date: day })
  const meta = [place, agency].filter((part): part is string => Boolean(part))
  return (
    <>
      <a
        ref={linkRef}
        href={`#/article/${summary.id}`}
        className="row-link"
        aria-current={open ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onFocus={() => onSelect(index)}
        onClick={(event) => {
          event.preventDefault()
          onOpen(summary, index)
        }}
      >
        <span className="row-meta">
          <span className="row-source">
            {meta.map((part, i) => (
              <span key={i} className={i === 0 && place ? 'row-place' : 'row-agency'}>
                {part}
              </span>
            ))}
            <span className="badge" title={t(`language.article.${summary.language}`)}>
              {t(`language.badge.${summary.language}`)}
            </span>
          </span>
          {summary.annotationCount > 0 && <AnnotationCount highlights={summary.annotationCount} notes={summary.noteCount} />}
          <time dateTime={summary.publishedAt ?? summary.savedAt} className="row-date" title={dateMeaning}>
            <span aria-hidden="true">{day}</span>
            <span className="visually-hidden">{dateMeaning}</span>
          </time>
        </span>
        {!summary.read && <span className="unread-dot" aria-hidden="true" />}
        <span className="row-title">
          {!summary.read && <span className="visually-hidden">{t('library.unreadMarker')}: </span>}
          <span lang={summary.language}>{summary.title}</span>
        </span>
      </a>
      <BookmarkToggle
        bookmarked={summary.bookmarked}
        articleTitle={summary.title}
        tabIndex={tabbable ? 0 : -1}
        onToggle={() => onToggleBookmark(summary)}
      />
    </>
  )
}

/** A row's highlights (and notes): an icon and a number, said in full to screen readers and on hover. */
function AnnotationCount({ highlights, notes }: { highlights: number; notes: number }) {
  const { t } = useT()
  const meaning =
    notes > 0
      ? t('annotations:library.rowCountWithNotes', { count: highlights, notes: t('annotations:noteCount', { count: notes }) })
      : t('annotations:library.rowCount', { count: highlights })
  return (
    <span className="row-annotations" title={meaning}>
      <HighlighterIcon size={13} />
      <span aria-hidden="true">{highlights}</span>
      <span className="visually-hidden">{meaning}</span>
    </span>
  )
}
