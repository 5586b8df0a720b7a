// The results of a search, in place of the library list: virtualised and fetched a page at a
// time like the library, each row the title and a few lines of text with the matched words
// marked. A query that cannot be understood shows its translated reason here, never a crash.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { ArticleSummary, Language, SearchHit } from '../../../preload/contract'
import { errorParams } from '../errorText'
import { formatDay } from '../interfaceLocale'
import { useT } from '../translationKeys'
import { BookmarkToggle } from '../components/BookmarkToggle'
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
  const scroller = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<number | null>(null)
  const count = snapshot.loaded && !snapshot.error ? search.rowCount : 0

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows[rows.length - 1]?.index ?? 0

  useEffect(() => {
    if (count > 0) void search.ensure(first, last)
  }, [search, first, last, count])

  // A new search starts at its top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [snapshot.query, snapshot.sort])

  const focusRow = (index: number): void => {
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] .result-link`)
    if (link) link.focus()
    else pendingFocus.current = index
  }

  useEffect(() => {
    if (focusRequest === 0) return
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
    requestAnimationFrame(() => focusRow(selectedIndex))
    // Only a new request moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest])

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!(event.target as HTMLElement).classList.contains('result-link')) return
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: 5, PageUp: -5 }
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

  const countText = snapshot.totalIsExact ? t('search:results.count', { count: snapshot.total }) : t('search:results.countAtLeast', { count: snapshot.total })

  return (
    <div className="search-results">
      <p className="library-count search-count" aria-live="polite">
        {snapshot.searching && !snapshot.loaded ? t('search:results.searching') : snapshot.loaded && !snapshot.error ? countText : ''}
      </p>
      {snapshot.indexing && snapshot.loaded && !snapshot.error && <p className="search-partial">{t('search:indexing.partial')}</p>}
      <div ref={scroller} className="library-scroller" onKeyDown={move}>
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
                    <Result
                      hit={hit}
                      index={row.index}
                      language={language}
                      open={hit.article.id === openId}
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

interface ResultProps {
  hit: SearchHit
  index: number
  language: Language
  open: boolean
  tabbable: boolean
  linkRef: (el: HTMLAnchorElement | null) => void
  onSelect: (index: number) => void
  onOpen: (summary: ArticleSummary) => void
  onToggleBookmark: (summary: ArticleSummary) => void
}

function Result({ hit, index, language, open, tabbable, linkRef, onSelect, onOpen, onToggleBookmark }: ResultProps) {
  const { t } = useT()
  const { article } = hit
  const day = formatDay(article.publishedAt ?? article.savedAt, language)
  const dateMeaning = article.publishedAt ? t('reader.publishedOn', { date: day }) : t('library.savedOn', { date: day })
  const source = [article.dateline.place, article.dateline.agency].filter((part): part is string => Boolean(part))
  return (
    <>
      <a
        ref={linkRef}
        href={`#/article/${article.id}`}
        className="row-link result-link"
        aria-current={open ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onFocus={() => onSelect(index)}
        onClick={(event) => {
          event.preventDefault()
          onOpen(article)
        }}
      >
        <span className="row-meta">
          <span className="row-source">
            {source.map((part, i) => (
              <span key={i} className={i === 0 && article.dateline.place ? 'row-place' : 'row-agency'}>
                {part}
              </span>
            ))}
            <span className="badge" title={t(`language.article.${article.language}`)}>
              {t(`language.badge.${article.language}`)}
            </span>
          </span>
          <time dateTime={article.publishedAt ?? article.savedAt} className="row-date" title={dateMeaning}>
            <span aria-hidden="true">{day}</span>
            <span className="visually-hidden">{dateMeaning}</span>
          </time>
        </span>
        {!article.read && <span className="unread-dot" aria-hidden="true" />}
        <span className="row-title" lang={article.language}>
          {!article.read && <span className="visually-hidden">{t('library.unreadMarker')}: </span>}
          <MarkedText segments={hit.title} />
        </span>
        {hit.snippet.length > 0 && (
          <span className="result-snippet" lang={article.language}>
            <MarkedText segments={hit.snippet} />
          </span>
        )}
      </a>
      <BookmarkToggle bookmarked={article.bookmarked} articleTitle={article.title} tabIndex={tabbable ? 0 : -1} onToggle={() => onToggleBookmark(article)} />
    </>
  )
}
