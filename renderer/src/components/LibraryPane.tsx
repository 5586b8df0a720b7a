// The library: filter tabs, counts and a virtualised list of every article, newest first.
// Rows are fetched a page at a time as they scroll into view, so the list scales to 100,000.
import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useT } from '../translationKeys'
import type { ArticleSummary, Language } from '../../../preload/contract'
import type { LibraryFilter, LibraryPages, LibrarySnapshot } from '../libraryPages'
import { ArticleRow } from './ArticleRow'
import { useVirtualRows } from './useVirtualRows'
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
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const number = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB')
  const ensure = useCallback((first: number, last: number) => void library.ensure(first, last), [library])
  const { scroller, virtualizer, rows, onKeyDown, linkRef } = useVirtualRows({
    count: snapshot.total,
    rowHeight,
    pageStep: 8,
    selectedIndex,
    focusRequest,
    onSelect,
    ensure,
    dataKey: snapshot.filter,
  })

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
        onKeyDown={onKeyDown}
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
                    <ArticleRow
                      summary={summary}
                      index={row.index}
                      language={language}
                      open={summary.id === openId}
                      tabbable={row.index === selectedIndex}
                      linkRef={linkRef(row.index)}
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
