// The results of a search, in place of the library list: virtualised and fetched a page at a
// time like the library, each row the title and a few lines of text with the matched words
// marked. A query that cannot be understood shows its translated reason here, never a crash.
import { useCallback, useEffect } from 'react'
import type { ArticleSummary, Language } from '../../../preload/contract'
import { errorParams } from '../errorText'
import { useT } from '../translationKeys'
import { ArticleRow } from '../components/ArticleRow'
import { useVirtualRows } from '../components/useVirtualRows'
import { AlertIcon } from '../components/Icons'
import { MarkedText } from './MarkedText'
import type { SearchPages, SearchSnapshot } from './searchPages'
import { SearchIcon } from './SearchIcons'

const rowHeight = 148

export interface SearchResultsProps {
  search: SearchPages
  snapshot: SearchSnapshot
  language: Language
  openId: string | null
  selectedIndex: number
  /** Bumped when the selected result should take the keyboard focus. */
  focusRequest: number
  onSelect: (index: number) => void
  onOpen: (summary: ArticleSummary) => void
  onToggleBookmark: (summary: ArticleSummary) => void
  onHelp: () => void
}

export function SearchResults(props: SearchResultsProps) {
  const { search, snapshot, language, openId, selectedIndex, focusRequest, onSelect, onOpen, onToggleBookmark, onHelp } = props
  const { t } = useT()
  const count = snapshot.loaded && !snapshot.error ? search.rowCount : 0
  const ensure = useCallback((first: number, last: number) => void search.ensure(first, last), [search])
  const { scroller, virtualizer, rows, onKeyDown, linkRef } = useVirtualRows({ count, rowHeight, pageStep: 5, selectedIndex, focusRequest, onSelect, ensure })

  // A new search starts at its top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [scroller, snapshot.query, snapshot.sort])

  const countText = snapshot.totalIsExact ? t('search:results.count', { count: snapshot.total }) : t('search:results.countAtLeast', { count: snapshot.total })

  return (
    <div className="search-results">
      <p className="library-count search-count" aria-live="polite">
        {snapshot.searching && !snapshot.loaded ? t('search:results.searching') : snapshot.loaded && !snapshot.error ? countText : ''}
      </p>
      {snapshot.indexing && snapshot.loaded && !snapshot.error && <p className="search-partial">{t('search:indexing.partial')}</p>}
      <div ref={scroller} className="library-scroller" onKeyDown={onKeyDown}>
        {snapshot.error ? (
          <div className="search-problem" role="alert">
            <AlertIcon size={22} />
            <p>{t(`errors:${snapshot.error.code}`, errorParams(snapshot.error))}</p>
            <button type="button" className="link-button" onClick={onHelp}>
              {t('search:results.invalidHint')}
            </button>
          </div>
        ) : snapshot.loaded && snapshot.total === 0 ? (
          <div className="library-empty">
            <SearchIcon size={28} />
            <p className="library-empty-title">{t('search:results.none', { query: snapshot.query.trim() })}</p>
            <p>{t('search:results.noneHint')}</p>
          </div>
        ) : (
          <div role="list" aria-label={t('search:results.label')} className="library-rows" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const hit = search.itemAt(row.index)
              return (
                <div
                  key={row.key}
                  role="listitem"
                  aria-setsize={snapshot.totalIsExact ? snapshot.total : -1}
                  aria-posinset={row.index + 1}
                  data-index={row.index}
                  className={`row result${hit?.article.id === openId ? ' row-open' : ''}${hit && !hit.article.read ? ' row-unread' : ''}`}
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  {hit ? (
                    <ArticleRow
                      summary={hit.article}
                      index={row.index}
                      language={language}
                      open={hit.article.id === openId}
                      tabbable={row.index === selectedIndex}
                      linkRef={linkRef(row.index)}
                      onSelect={onSelect}
                      onOpen={onOpen}
                      onToggleBookmark={onToggleBookmark}
                      title={<MarkedText segments={hit.title} />}
                    >
                      {hit.snippet.length > 0 && (
                        <span className="result-snippet" lang={hit.article.language}>
                          <MarkedText segments={hit.snippet} />
                        </span>
                      )}
                    </ArticleRow>
                  ) : (
                    <div className="row-placeholder">
                      <span className="visually-hidden">{t('search:results.loadingRow')}</span>
                      <span className="skeleton skeleton-title" />
                      <span className="skeleton skeleton-meta" />
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
  )
}
