// The bookmark switch used in list rows (icon only) and in the reader (icon and word).
// aria-pressed carries the state; the name stays the same so it can always be found.
import { useT } from '../translationKeys'
import { BookmarkIcon } from './Icons'

export interface BookmarkToggleProps {
  bookmarked: boolean
  onToggle: () => void
  /** The list row's version names its article; the reader's shows its label as text. */
  articleTitle?: string
  tabIndex?: number
}

export function BookmarkToggle({ bookmarked, onToggle, articleTitle, tabIndex }: BookmarkToggleProps) {
  const { t } = useT()
  if (articleTitle !== undefined) {
    return (
      <button
        type="button"
        className="icon-button bookmark-toggle"
        aria-pressed={bookmarked}
        aria-label={t('library.bookmarkRow', { title: articleTitle })}
        title={t('reader.bookmark')}
        tabIndex={tabIndex}
        onClick={onToggle}
      >
        <BookmarkIcon filled={bookmarked} size={17} />
      </button>
    )
  }
  return (
    <button
      type="button"
      className="button bookmark-toggle bookmark-toggle-labelled"
      aria-pressed={bookmarked}
      aria-keyshortcuts="B"
      onClick={onToggle}
    >
      <BookmarkIcon filled={bookmarked} />
      <span>{t('reader.bookmark')}</span>
      <kbd aria-hidden="true">{t('reader.bookmarkShortcut')}</kbd>
    </button>
  )
}
