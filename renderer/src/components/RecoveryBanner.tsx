// Tells the user, in the first window after, what the archive repaired when it was opened: a
// damaged file set aside and restored from a backup or rebuilt, bookmarks restored or reset.
// Shown until dismissed; dismissing tells main, so another window (or a reload) does not repeat it.
import { useEffect, useId, useState } from 'react'
import type { Output } from '../../../preload/contract'
import { recoveryNoticeOf } from '../../../main/core/archive/recoveryNotice'
import { request } from '../bridge'
import { useT } from '../translationKeys'
import { CloseIcon } from './Icons'
import './recoveryBanner.css'

type Report = Output<'getRecoveryReport'>

export function RecoveryBanner() {
  const { t } = useT()
  const titleId = useId()
  const [report, setReport] = useState<Report | null>(null)

  useEffect(() => {
    let current = true
    void request('getRecoveryReport', {}).then((result) => {
      // A host that cannot say has nothing to show; the archive itself is already repaired.
      if (current && result.ok && result.value.items.length > 0) setReport(result.value)
    })
    return () => {
      current = false
    }
  }, [])

  if (!report) return null
  const dismiss = (): void => {
    setReport(null)
    void request('dismissRecoveryReport', { seen: report.seen })
  }
  return (
    <section className="recovery-banner" role="alert" aria-labelledby={titleId}>
      <div className="recovery-banner-header">
        <h2 id={titleId}>{t('archive:banner.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('archive:banner.dismiss')} title={t('archive:banner.dismiss')} onClick={dismiss}>
          <CloseIcon size={16} />
        </button>
      </div>
      <ul className="recovery-banner-list">
        {report.items.map((item, index) => {
          const { key, params } = recoveryNoticeOf({ ...item, movedTo: item.keptAt })
          return <li key={index}>{t(`archive:${key}`, params)}</li>
        })}
      </ul>
    </section>
  )
}
