// Under the library's tabs: the order of the list and the filters that narrow it — unread only,
// a language, a source (the archive's agencies, most frequent first, with their counts).
import { useEffect, useState } from 'react'
import type { Language } from '../../../preload/contract'
import { request } from '../bridge'
import type { LibraryView } from '../libraryPages'
import { isNarrowed } from '../libraryPages'
import { useT } from '../translationKeys'
import { CloseIcon } from '../components/Icons'
import { FeedFilterChip } from '../feeds/FeedFilterChip'

export interface LibraryFilterBarProps {
  view: LibraryView
  onView: (view: LibraryView) => void
  /** Changes when the archive does (its size), so the list of sources is read again. */
  archiveTotal: number
}

const languages: readonly Language[] = ['id', 'en']

export function LibraryFilterBar({ view, onView, archiveTotal }: LibraryFilterBarProps) {
  const { t } = useT()
  const [sources, setSources] = useState<{ name: string; count: number }[]>([])

  useEffect(() => {
    let current = true
    void request('listSources', {}).then((result) => {
      if (current && result.ok) setSources(result.value.sources)
    })
    return () => {
      current = false
    }
  }, [archiveTotal])

  const change = (patch: Partial<LibraryView>): void => {
    const next: LibraryView = { ...view, ...patch }
    // Absent, not undefined-valued, so views compare and travel as plain data.
    for (const key of ['language', 'source', 'unread', 'feedId'] as const) if (next[key] === undefined) delete next[key]
    onView(next)
  }

  return (
    <div className="filter-bar" role="group" aria-label={t('search:library.filtersLabel')}>
      {view.feedId && <FeedFilterChip feedId={view.feedId} onClear={() => change({ feedId: undefined })} />}
      <label className="filter-select">
        <span className="visually-hidden">{t('search:library.sortLabel')}</span>
        <select value={view.sort} onChange={(event) => change({ sort: event.target.value as LibraryView['sort'] })}>
          <option value="published">{t('search:library.sort.published')}</option>
          <option value="saved">{t('search:library.sort.saved')}</option>
          <option value="title">{t('search:library.sort.title')}</option>
        </select>
      </label>
      <button
        type="button"
        className="filter-chip"
        aria-pressed={view.unread === true}
        title={t('search:library.unreadHint')}
        onClick={() => change({ unread: view.unread ? undefined : true })}
      >
        <span className="unread-dot-inline" aria-hidden="true" />
        {t('search:library.unread')}
      </button>
      <label className="filter-select">
        <span className="visually-hidden">{t('search:library.languageLabel')}</span>
        <select value={view.language ?? ''} onChange={(event) => change({ language: (event.target.value || undefined) as Language | undefined })}>
          <option value="">{t('search:library.anyLanguage')}</option>
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`language.article.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-select filter-source">
        <span className="visually-hidden">{t('search:library.sourceLabel')}</span>
        <select value={view.source ?? ''} onChange={(event) => change({ source: event.target.value || undefined })}>
          <option value="">{t('search:library.anySource')}</option>
          {sources.map((source) => (
            <option key={source.name} value={source.name}>
              {t('search:library.sourceOption', { name: source.name, count: source.count })}
            </option>
          ))}
        </select>
      </label>
      {isNarrowed(view) && (
        <button
          type="button"
          className="icon-button filter-clear"
          aria-label={t('search:library.clearFiltersHint')}
          title={t('search:library.clearFiltersHint')}
          onClick={() => onView({ sort: view.sort })}
        >
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  )
}

/** In place of an empty list while the filters, not the archive, emptied it. */
export function FilteredEmpty({ onClear }: { onClear: () => void }) {
  const { t } = useT()
  return (
    <div className="library-empty">
      <p className="library-empty-title">{t('search:library.emptyFiltered')}</p>
      <p>{t('search:library.emptyFilteredHint')}</p>
      <button type="button" className="button" onClick={onClear}>
        {t('search:library.clearFilters')}
      </button>
    </div>
  )
}
