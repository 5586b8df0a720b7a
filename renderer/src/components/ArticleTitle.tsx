// The reader's headline. A title Warta derived from the first sentence can be edited in place:
// the pencil opens a field, Enter saves, Esc cancels.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useT } from '../translationKeys'
import type { AppErrorData, Language } from '../../../preload/contract'
import { errorParams } from '../errorText'
import { importLimits } from '../importLimits'
import { PencilIcon } from './Icons'

export interface ArticleTitleProps {
  title: string
  language: Language
  editable: boolean
  /** Bumped when the heading should take the focus (the article was just opened). */
  focusRequest: number
  onRename: (title: string) => Promise<AppErrorData | null>
}

export function ArticleTitle({ title, language, editable, focusRequest, onRename }: ArticleTitleProps) {
  const { t } = useT()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(title)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<AppErrorData | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const pencil = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus({ preventScroll: true })
  }, [focusRequest])

  useEffect(() => {
    if (editing) input.current?.select()
  }, [editing])

  const start = (): void => {
    setDraft(title)
    setError(null)
    setEditing(true)
  }
  const cancel = (): void => {
    setEditing(false)
    setError(null)
    requestAnimationFrame(() => pencil.current?.focus())
  }
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const next = draft.trim()
    if (!next || next === title) return cancel()
    setSaving(true)
    const failure = await onRename(next)
    setSaving(false)
    if (failure) setError(failure)
    else {
      setEditing(false)
      requestAnimationFrame(() => pencil.current?.focus())
    }
  }
  const keys = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') {
      // The reader closes on Esc; here Esc only cancels the edit.
      event.preventDefault()
      event.stopPropagation()
      cancel()
    }
  }

  if (editing) {
    return (
      <form className="title-form" onSubmit={(event) => void save(event)}>
        <input
          ref={input}
          className="title-input"
          lang={language}
          aria-label={t('reader.titleInput')}
          aria-describedby="title-edit-hint"
          value={draft}
          maxLength={importLimits.maxTitleLength}
          disabled={saving}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={keys}
        />
        <div className="title-form-actions">
          <span id="title-edit-hint" className="hint">
            {t('reader.titleEditHint')}
          </span>
          <button type="button" className="button button-quiet" onClick={cancel}>
            {t('reader.cancelTitle')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('reader.saveTitle')}
          </button>
        </div>
        {error && (
          <p className="inline-error" role="alert">
            {t(`errors:${error.code}`, errorParams(error))}
          </p>
        )}
      </form>
    )
  }

  return (
    <div className="title-row">
      <h1 ref={heading} className="article-title" lang={language} tabIndex={-1}>
        {title}
      </h1>
      {editable && (
        <button
          ref={pencil}
          type="button"
          className="icon-button title-edit"
          aria-label={t('reader.editTitle')}
          title={t('reader.editTitle')}
          onClick={start}
        >
          <PencilIcon size={17} />
        </button>
      )}
    </div>
  )
}
