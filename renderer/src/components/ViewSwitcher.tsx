// The window's views: the library (with the reader) and every highlight and note across the
// archive. Each entry is one line in `views`; a feature adds its view there and in AppView.
import type { ReactNode } from 'react'
import { HighlighterIcon, LibraryIcon } from '../annotations/AnnotationIcons'
import { useT, type TranslationKey } from '../translationKeys'
import { RssIcon } from '../web/WebIcons'

export type AppView = 'library' | 'annotations' | 'feeds'

const views: readonly { view: AppView; label: TranslationKey; icon: ReactNode }[] = [
  { view: 'library', label: 'views.library', icon: <LibraryIcon size={16} /> },
  { view: 'annotations', label: 'views.annotations', icon: <HighlighterIcon size={16} /> },
  { view: 'feeds', label: 'feeds:title', icon: <RssIcon size={16} /> },
]

export interface ViewSwitcherProps {
  view: AppView
  onView: (view: AppView) => void
}

export function ViewSwitcher({ view, onView }: ViewSwitcherProps) {
  const { t } = useT()
  return (
    <nav className="view-switcher" aria-label={t('views.label')}>
      {views.map((entry) => (
        <button
          key={entry.view}
          type="button"
          className="view-option"
          aria-current={view === entry.view ? 'page' : undefined}
          onClick={() => view !== entry.view && onView(entry.view)}
        >
          {entry.icon}
          <span>{t(entry.label)}</span>
        </button>
      ))}
    </nav>
  )
}
