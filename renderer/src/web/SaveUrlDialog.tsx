// "Save from web address": a small modal with one field. It checks the address as it is typed
// (after the first try), shows that the page is being fetched, and says in plain words why it
// could not be. Saving runs in the window, not in the dialog: closing it does not stop it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { AppErrorData } from '../../../preload/contract'
import { CloseIcon } from '../components/Icons'
import { errorParams } from '../errorText'
import { useT } from '../translationKeys'
import { checkWebAddress, maxUrlLength, type AddressProblem } from './webAddress'
import { GlobeIcon } from './WebIcons'

export type SavePhase = 'edit' | 'saving' | 'failed'

export interface SaveUrlDialogProps {
  /** What the field starts with (a pasted link, or the last address tried). */
  initialUrl: string
  phase: SavePhase
  /** The address being saved (phase 'saving'). */
  savingUrl: string
  error: AppErrorData | null
  onSave: (url: string) => void
  onClose: () => void
}

const problemKey = {
  empty: 'web:saveUrl.problemEmpty',
  notWeb: 'web:saveUrl.problemNotWeb',
  tooLong: 'web:saveUrl.problemTooLong',
} as const satisfies Record<AddressProblem, string>

/** The host of an address, for "Saving from kompas.com…". */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export function SaveUrlDialog({ initialUrl, phase, savingUrl, error, onSave, onClose }: SaveUrlDialogProps) {
  const { t } = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const field = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(initialUrl)
  const [tried, setTried] = useState(false)
  const ids = useId()
  const problem = tried ? (() => {
    const check = checkWebAddress(text)
    return check.ok ? null : check.problem
  })() : null
  const saving = phase === 'saving'

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    field.current?.select()
    return () => {
      if (element.open) element.close()
    }
  }, [])

  // Back to the field after a failure, so a corrected address is one keystroke away.
  useEffect(() => {
    if (phase === 'failed') field.current?.focus()
  }, [phase])

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    const check = checkWebAddress(text)
    if (!check.ok) {
      field.current?.focus()
      return
    }
    setText(check.url)
    onSave(check.url)
  }

  const errorText = error ? t(`errors:${error.code}`, errorParams(error, { name: savingUrl })) : null

  return (
    <dialog
      ref={dialog}
      className="web-dialog save-url-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-hint`}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form className="web-dialog-form" onSubmit={submit} noValidate>
        <header className="web-dialog-header">
          <span className="web-dialog-icon">
            <GlobeIcon size={20} />
          </span>
          <h2 id={`${ids}-title`}>{t('web:saveUrl.title')}</h2>
          <button type="button" className="icon-button" aria-label={t('web:saveUrl.close')} title={t('web:saveUrl.close')} onClick={onClose}>
            <CloseIcon size={16} />
          </button>
        </header>
        <p id={`${ids}-hint`} className="web-dialog-hint">
          {t('web:saveUrl.hint')}
        </p>
        <label className="web-field-label" htmlFor={`${ids}-url`}>
          {t('web:saveUrl.label')}
        </label>
        <input
          ref={field}
          id={`${ids}-url`}
          className="web-field"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={maxUrlLength}
          placeholder={t('web:saveUrl.placeholder')}
          value={text}
          readOnly={saving}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {problem && (
          <p id={`${ids}-problem`} className="web-field-problem">
            {t(problemKey[problem])}
          </p>
        )}
        <div className="web-dialog-status" aria-live="polite">
          {saving ? (
            <div className="save-url-progress" role="status">
              <span className="web-spinner" aria-hidden="true" />
              <span>{t('web:saveUrl.saving', { host: hostOf(savingUrl) })}</span>
            </div>
          ) : errorText ? (
            <p className="web-dialog-error" role="alert">
              {errorText}
            </p>
          ) : null}
        </div>
        <footer className="web-dialog-actions">
          {saving && <span className="web-dialog-note">{t('web:saveUrl.continuesInBackground')}</span>}
          <button type="button" className="button" onClick={onClose}>
            {saving ? t('web:saveUrl.hide') : t('web:saveUrl.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('web:saveUrl.savingButton') : phase === 'failed' ? t('web:saveUrl.retry') : t('web:saveUrl.save')}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
