// What happened to each file of an import: imported, already in the archive, or refused with
// a translated reason the person can act on.
import { useEffect, useRef } from 'react'
import { useT } from '../translationKeys'
import type { ImportOutcome } from '../../../preload/contract'
import { errorParams } from '../errorText'
import { AlertIcon, CheckIcon, CloseIcon, CopyIcon } from './Icons'
import { maxDroppedFiles } from '../web/droppedFiles'

export interface ImportResultsProps {
  outcomes: ImportOutcome[]
  /** What the list alone does not say: files left out of a cancelled import or of dropped folders. */
  note?: { notImported: number; skipped: number; truncated: boolean }
  onOpen: (articleId: string) => void
  onClose: () => void
}

const statusKey = {
  imported: 'import.statusImported',
  newVersion: 'import.statusNewVersion',
  duplicate: 'import.statusDuplicate',
} as const

export function ImportResults({ outcomes, note, onOpen, onClose }: ImportResultsProps) {
  const { t } = useT()
  const closeButton = useRef<HTMLButtonElement>(null)
  const counts = { imported: 0, newVersion: 0, duplicate: 0, failed: 0 }
  for (const outcome of outcomes) counts[outcome.status] += 1
  const summary = [
    counts.imported > 0 && t('import.summaryImported', { count: counts.imported }),
    counts.newVersion > 0 && t('import.summaryNewVersion', { count: counts.newVersion }),
    counts.duplicate > 0 && t('import.summaryDuplicate', { count: counts.duplicate }),
    counts.failed > 0 && t('import.summaryFailed', { count: counts.failed }),
  ].filter(Boolean)

  useEffect(() => {
    const close = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && document.activeElement?.closest('.import-results')) {
        event.stopPropagation()
        onClose()
      }
    }
    window.addEventListener('keydown', close, true)
    return () => window.removeEventListener('keydown', close, true)
  }, [onClose])

  return (
    <section className="import-results" aria-labelledby="import-results-title">
      <header className="import-results-header">
        <h2 id="import-results-title">{t('import.resultsTitle')}</h2>
        <button ref={closeButton} type="button" className="icon-button" aria-label={t('import.close')} title={t('import.close')} onClick={onClose}>
          <CloseIcon size={16} />
        </button>
      </header>
      <p className="import-summary" role="status">
        {outcomes.length === 0 ? t('web:results.nothing') : summary.join(' · ')}
      </p>
      {note && (note.notImported > 0 || note.skipped > 0 || note.truncated) && (
        <div className="import-notes">
          {note.notImported > 0 && <p>{t('web:results.notImported', { count: note.notImported })}</p>}
          {note.skipped > 0 && <p>{t('web:results.skipped', { count: note.skipped })}</p>}
          {note.truncated && <p>{t('web:results.truncated', { max: maxDroppedFiles })}</p>}
        </div>
      )}
      <ul className="import-list">
        {outcomes.map((outcome, index) => (
          <li key={index} className={`import-item import-${outcome.status}`}>
            <span className="import-icon">
              {outcome.status === 'imported' || outcome.status === 'newVersion' ? <CheckIcon size={16} /> : outcome.status === 'duplicate' ? <CopyIcon size={16} /> : <AlertIcon size={16} />}
            </span>
            <div className="import-text">
              <span className="import-name">{outcome.name}</span>
              {outcome.status === 'failed' ? (
                <span className="import-detail">{t(`errors:${outcome.error.code}`, errorParams(outcome.error, { name: outcome.name }))}</span>
              ) : (
                <span className="import-detail">
                  {t(statusKey[outcome.status])}
                  {' — '}
                  <a
                    href={`#/article/${outcome.article.id}`}
                    lang={outcome.article.language}
                    onClick={(event) => {
                      event.preventDefault()
                      onOpen(outcome.article.id)
                    }}
                  >
                    {outcome.article.title}
                  </a>
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
