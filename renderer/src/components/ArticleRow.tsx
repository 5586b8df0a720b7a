// One article in a list — the library or search results: source, language, notes and day
// above the title, then (for a search hit) the text around the match, and a bookmark toggle.
import type { ReactNode } from 'react'
import type { ArticleSummary, Language } from '../../../preload/contract'
import { HighlighterIcon } from '../annotations/AnnotationIcons'
import { formatDay } from '../interfaceLocale'
import { useT } from '../translationKeys'
import { BookmarkToggle } from './BookmarkToggle'

export interface ArticleRowProps {
  summary: ArticleSummary
  index: number
  language: Language
  open: boolean
  tabbable: boolean
  linkRef: (el: HTMLAnchorElement | null) => void
  onSelect: (index: number) => void
  onOpen: (summary: ArticleSummary, index: number) => void
  onToggleBookmark: (summary: ArticleSummary) => void
  /** The title as shown, when it is not the plain title (a search hit marks its matches). */
  title?: ReactNode
  /** Under the title: a search hit's snippet. */
  children?: ReactNode
}

export function ArticleRow({ summary, index, language, open, tabbable, linkRef, onSelect, onOpen, onToggleBookmark, title, children }: ArticleRowProps) {
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
        className={children ? 'row-link result-link' : 'row-link'}
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
          <span lang={summary.language}>{title ?? summary.title}</span>
        </span>
        {children}
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
