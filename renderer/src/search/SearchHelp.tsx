// "How to search": a small popover beside the search box listing the query language, each
// example a button that puts it in the box. Non-modal; Esc or a click elsewhere closes it and
// the focus goes back to the button that opened it.
import { useEffect, useId, useRef, useState } from 'react'
import { useT, type TranslationKey } from '../translationKeys'
import { CloseIcon } from '../components/Icons'
import { HelpIcon } from './SearchIcons'

/** Word examples are in the interface's language; operators are the same in both. */
const examples: readonly { example: string | TranslationKey; translated?: true; meaning: TranslationKey }[] = [
  { example: 'search:help.wordsExample', translated: true, meaning: 'search:help.words' },
  { example: 'search:help.phraseExample', translated: true, meaning: 'search:help.phrase' },
  { example: 'search:help.prefixExample', translated: true, meaning: 'search:help.prefix' },
  { example: 'search:help.notExample', translated: true, meaning: 'search:help.not' },
  { example: 'is:bookmarked', meaning: 'search:help.bookmarked' },
  { example: 'is:unread', meaning: 'search:help.unread' },
  { example: 'has:note', meaning: 'search:help.note' },
  { example: 'lang:en', meaning: 'search:help.language' },
  { example: 'source:antara', meaning: 'search:help.source' },
  { example: 'place:jakarta', meaning: 'search:help.place' },
  { example: 'after:2024-10', meaning: 'search:help.after' },
  { example: 'before:2025', meaning: 'search:help.before' },
]

export interface SearchHelpProps {
  /** Puts an example in the search box. */
  onTry: (query: string) => void
  /** Bumped to open the help from elsewhere (the "how to write a search" link under an error). */
  openRequest: number
}

export function SearchHelp({ onTry, openRequest }: SearchHelpProps) {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const panelId = useId()

  // A new request from elsewhere opens it (state adjusted while rendering, not in an effect).
  const [seenRequest, setSeenRequest] = useState(openRequest)
  if (openRequest !== seenRequest) {
    setSeenRequest(openRequest)
    setOpen(true)
  }

  useEffect(() => {
    if (!open) return
    panel.current?.querySelector<HTMLElement>('.search-help-close')?.focus()
    const outside = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const close = (): void => {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div className="search-help">
      <button
        ref={button}
        type="button"
        className="icon-button search-help-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('search:help.open')}
        title={t('search:help.open')}
        onClick={() => setOpen((o) => !o)}
      >
        <HelpIcon size={17} />
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          className="search-help-panel"
          role="dialog"
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              close()
            }
          }}
        >
          <div className="search-help-head">
            <h2 id={titleId}>{t('search:help.title')}</h2>
            <button type="button" className="icon-button search-help-close" aria-label={t('search:help.close')} title={t('search:help.close')} onClick={close}>
              <CloseIcon size={16} />
            </button>
          </div>
          <p className="search-help-intro">{t('search:help.intro')}</p>
          <dl className="search-help-list">
            {examples.map(({ example, translated, meaning }) => {
              const query = translated ? t(example as TranslationKey) : example
              return (
              <div key={example} className="search-help-row">
                <dt>
                  <button
                    type="button"
                    className="search-example"
                    title={t('search:help.tryIt')}
                    onClick={() => {
                      onTry(query)
                      setOpen(false)
                    }}
                  >
                    <code>{query}</code>
                  </button>
                </dt>
                <dd>{t(meaning)}</dd>
              </div>
              )
            })}
          </dl>
          <p className="search-help-note">{t('search:help.dates')}</p>
          <p className="search-help-note">
            {t('search:help.combine')}{' '}
            <button
              type="button"
              className="search-example"
              title={t('search:help.tryIt')}
              onClick={() => {
                onTry(t('search:help.combineExample'))
                setOpen(false)
              }}
            >
              <code>{t('search:help.combineExample')}</code>
            </button>
          </p>
        </div>
      )}
    </div>
  )
}
