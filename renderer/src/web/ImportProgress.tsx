// How far a long import has come — files done out of the total, as a bar and in words — with
// a Cancel that stops after the batch under way (every file sent is imported or reported).
import { useT } from '../translationKeys'
import { DownloadIcon } from '../components/Icons'

export interface ImportProgressProps {
  done: number
  total: number
  /** Cancel was pressed: waiting for the batch under way. */
  stopping: boolean
  onCancel: () => void
}

export function ImportProgress({ done, total, stopping, onCancel }: ImportProgressProps) {
  const { t } = useT()
  const label = t('web:import.progress', { done, count: total })
  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <div className="import-progress-head">
        <span className="import-progress-icon">
          <DownloadIcon size={16} />
        </span>
        <h2 id="import-progress-title">{t('web:import.progressTitle')}</h2>
      </div>
      <progress className="web-progress" max={Math.max(total, 1)} value={done} aria-label={label} />
      <div className="import-progress-foot">
        <p role="status">{stopping ? t('web:import.stopping') : label}</p>
        <button type="button" className="button button-small" disabled={stopping} onClick={onCancel}>
          {t('web:import.cancel')}
        </button>
      </div>
    </section>
  )
}
