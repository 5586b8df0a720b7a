// Confirms an unsubscribe and asks what becomes of the feed's articles: kept in the library
// (the default — nothing read is lost by accident) or deleted, except bookmarked or
// highlighted ones, which are always kept.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { FeedSummary } from '../../../preload/contract'
import { useT } from '../translationKeys'

export interface UnsubscribeDialogProps {
  feed: FeedSummary
  onCancel: () => void
  onConfirm: (deleteArticles: boolean) => Promise<void>
}

export function UnsubscribeDialog({ feed, onCancel, onConfirm }: UnsubscribeDialogProps) {
  const { t } = useT()
  const ids = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [deleteArticles, setDeleteArticles] = useState(false)
  const [working, setWorking] = useState(false)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => {
      if (element?.open) element.close()
    }
  }, [])

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setWorking(true)
    void onConfirm(deleteArticles).finally(() => setWorking(false))
  }

  return (
    <dialog
      ref={dialog}
      className="web-dialog unsubscribe-dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault()
        if (!working) onCancel()
      }}
    >
      <form className="web-dialog-form" onSubmit={submit}>
        <header className="web-dialog-header">
          <h2 id={`${ids}-title`}>{t('feeds:unsubscribe.title', { title: feed.title })}</h2>
        </header>
        <fieldset className="unsubscribe-choices" disabled={working}>
          <legend className="web-dialog-hint">{t('feeds:unsubscribe.question', { count: feed.articleCount })}</legend>
          <label className="unsubscribe-choice">
            <input type="radio" name={`${ids}-articles`} checked={!deleteArticles} onChange={() => setDeleteArticles(false)} />
            <span>
              <span className="unsubscribe-choice-title">{t('feeds:unsubscribe.keep')}</span>
              <span className="unsubscribe-choice-hint">{t('feeds:unsubscribe.keepHint')}</span>
            </span>
          </label>
          <label className="unsubscribe-choice">
            <input type="radio" name={`${ids}-articles`} checked={deleteArticles} onChange={() => setDeleteArticles(true)} />
            <span>
              <span className="unsubscribe-choice-title">{t('feeds:unsubscribe.delete')}</span>
              <span className="unsubscribe-choice-hint">{t('feeds:unsubscribe.deleteHint')}</span>
            </span>
          </label>
        </fieldset>
        <footer className="web-dialog-actions">
          <button type="button" className="button" disabled={working} onClick={onCancel}>
            {t('feeds:unsubscribe.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={working}>
            {t('feeds:unsubscribe.confirm')}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
