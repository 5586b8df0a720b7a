// The reader's "Versions" button, for an article saved again with changed text: every saved
// version with its date, the one shown marked; choosing an earlier one shows it read-only.
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import type { AppErrorData, ArticleVersion, Language } from '../../../preload/contract'
import { request } from '../bridge'
import { formatDateTime } from '../interfaceLocale'
import { useT } from '../translationKeys'
import { HistoryIcon } from './WebIcons'

export interface VersionsMenuProps {
  articleId: string
  versionCount: number
  /** The version on screen. */
  shownIndex: number
  language: Language
  onChoose: (version: ArticleVersion) => void
  onError: (error: AppErrorData) => void
}

export function VersionsMenu({ articleId, versionCount, shownIndex, language, onChoose, onError }: VersionsMenuProps) {
  const { t } = useT()
  const ids = useId()
  const [open, setOpen] = useState(false)
  const [versions, setVersions] = useState<{ articleId: string; count: number; list: ArticleVersion[] } | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = versions?.articleId === articleId && versions.count === versionCount ? versions.list : null

  useEffect(() => {
    if (!open || list) return
    let current = true
    void request('listVersions', { articleId }).then((result) => {
      if (!current) return
      if (result.ok) setVersions({ articleId, count: versionCount, list: result.value.versions })
      else {
        setOpen(false)
        onError(result.error)
      }
    })
    return () => {
      current = false
    }
  }, [open, list, articleId, versionCount, onError])

  // Closes on Escape (focus back on the button) and on a click elsewhere.
  useEffect(() => {
    if (!open) return
    const key = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    const outside = (event: MouseEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    window.addEventListener('keydown', key, true)
    document.addEventListener('mousedown', outside)
    return () => {
      window.removeEventListener('keydown', key, true)
      document.removeEventListener('mousedown', outside)
    }
  }, [open])

  // The list takes the focus on the version shown, so arrows and Enter work at once.
  useEffect(() => {
    if (open && list) root.current?.querySelector<HTMLButtonElement>('.versions-item[aria-current="true"]')?.focus()
  }, [open, list])

  const move = (event: ReactKeyboardEvent<HTMLUListElement>): void => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('.versions-item') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null
    if (next === null) return
    event.preventDefault()
    items[Math.max(0, Math.min(items.length - 1, next))]?.focus()
  }

  return (
    <div ref={root} className="versions">
      <button
        ref={button}
        type="button"
        className="button button-quiet versions-button"
        aria-expanded={open}
        aria-controls={`${ids}-list`}
        onClick={() => setOpen(!open)}
      >
        <HistoryIcon size={16} />
        <span>{t('web:versions.button')}</span>
        <span className="versions-count">{versionCount}</span>
      </button>
      {open && (
        <div className="versions-popover" id={`${ids}-list`}>
          <p className="versions-heading" id={`${ids}-heading`}>
            {t('web:versions.heading', { count: versionCount })}
          </p>
          {!list ? (
            <p className="versions-loading" role="status">
              {t('web:versions.loading')}
            </p>
          ) : (
            <ul className="versions-list" aria-labelledby={`${ids}-heading`} onKeyDown={move}>
              {[...list].reverse().map((version) => (
                <li key={version.index}>
                  <button
                    type="button"
                    className="versions-item"
                    aria-current={version.index === shownIndex ? 'true' : undefined}
                    onClick={() => {
                      setOpen(false)
                      button.current?.focus()
                      if (version.index !== shownIndex) onChoose(version)
                    }}
                  >
                    <span className="versions-item-date">{t('web:versions.savedOn', { date: formatDateTime(version.savedAt, language) })}</span>{' '}
                    <span className="versions-item-detail">
                      {version.current ? t('web:versions.newest') : t('web:versions.number', { number: version.index + 1 })}
                      {' · '}
                      {t('web:versions.paragraphs', { count: version.paragraphCount })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
