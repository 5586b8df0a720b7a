// The search box at the top of the library: results replace the list as you type, Esc clears,
// ↓ moves into the results. Beside it, the help popover; under it, the order of results (once
// there is something to order) and how far the index build has come.
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { IndexingProgress, SearchSort } from '../../../preload/contract'
import { useT } from '../translationKeys'
import { CloseIcon } from '../components/Icons'
import { SearchHelp } from './SearchHelp'
import { SearchIcon } from './SearchIcons'

const sorts: readonly ('newest' | 'relevance')[] = ['newest', 'relevance']
const mac = /Mac|iPhone|iPad/.test(navigator.platform)

export interface SearchBarProps {
  query: string
  sort: SearchSort
  indexing: IndexingProgress | null
  /** Bumped when the box should take the focus (Ctrl/Cmd+F, /). */
  focusRequest: number
  /** Bumped to open the help (the link under a query error). */
  helpRequest: number
  onQuery: (query: string) => void
  onSort: (sort: SearchSort) => void
  /** ↓ in the box: the first result takes the focus. */
  onEnterResults: () => void
}

export function SearchBar({ query, sort, indexing, focusRequest, helpRequest, onQuery, onSort, onEnterResults }: SearchBarProps) {
  const { t } = useT()
  const input = useRef<HTMLInputElement>(null)
  const active = query.trim() !== ''

  useEffect(() => {
    if (focusRequest === 0) return
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])

  const keys = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault()
      // Handled here: the window's Esc (back to the library) must not fire as well.
      event.stopPropagation()
      onQuery('')
    } else if (event.key === 'ArrowDown' && active) {
      event.preventDefault()
      onEnterResults()
    }
  }

  return (
    <div className="search-bar">
      <div className="search-row">
        <div className="search-field">
          <SearchIcon size={16} className="search-field-icon" />
          <input
            ref={input}
            type="search"
            className="search-input"
            aria-label={t('search:box.label')}
            aria-keyshortcuts={mac ? 'Meta+F /' : 'Control+F /'}
            placeholder={t('search:box.placeholder')}
            title={mac ? t('search:box.shortcutHintMac') : t('search:box.shortcutHint')}
            value={query}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onQuery(event.target.value)}
            onKeyDown={keys}
          />
          {query !== '' && (
            <button
              type="button"
              className="icon-button search-clear"
              aria-label={t('search:box.clear')}
              title={t('search:box.clear')}
              onClick={() => {
                onQuery('')
                input.current?.focus()
              }}
            >
              <CloseIcon size={14} />
            </button>
          )}
        </div>
        <SearchHelp
          openRequest={helpRequest}
          onTry={(example) => {
            onQuery(example)
            input.current?.focus()
          }}
        />
      </div>
      {active && (
        <div className="segmented search-sort" role="group" aria-label={t('search:sort.label')}>
          {sorts.map((option) => (
            <button key={option} type="button" className="segmented-option" aria-pressed={sort === option} onClick={() => onSort(option)}>
              {t(`search:sort.${option}`)}
            </button>
          ))}
        </div>
      )}
      {indexing && <IndexingStatus progress={indexing} />}
    </div>
  )
}

function IndexingStatus({ progress }: { progress: IndexingProgress }) {
  const { t } = useT()
  return (
    <div className="indexing-status" role="status">
      <span>{t('search:indexing.progress', { done: progress.done, total: progress.total })}</span>
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-hidden="true" />
    </div>
  )
}
