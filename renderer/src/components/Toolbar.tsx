// The window's top bar: the app's name, "Save from URL", the import button (over the one real
// file input, which Electron turns into the native dialog) and the interface language switch.
import type { ChangeEvent, ReactNode, RefObject } from 'react'
import { useT } from '../translationKeys'
import type { Language } from '../../../preload/contract'
import { interfaceLanguages } from '../localeResources'
import { FilePlusIcon, WartaMark } from './Icons'
import { GlobeIcon } from '../web/WebIcons'

const mac = /Mac|iPhone|iPad/.test(navigator.platform)

export interface ToolbarProps {
  language: Language
  importing: boolean
  fileInput: RefObject<HTMLInputElement | null>
  onFilesChosen: (files: File[]) => void
  onLanguage: (language: Language) => void
  /** Opens "Save from web address". */
  onSaveUrl: () => void
  /** Beside the app's name: the view switcher. */
  children?: ReactNode
}

export function Toolbar({ language, importing, fileInput, onFilesChosen, onLanguage, onSaveUrl, children }: ToolbarProps) {
  const { t } = useT()
  const chosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])]
    // Cleared so choosing the same file again still reports a change.
    event.target.value = ''
    if (files.length > 0) onFilesChosen(files)
  }
  return (
    <header className="toolbar">
      <div className="brand">
        <WartaMark />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      {children}
      <div className="toolbar-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts={mac ? 'Meta+L' : 'Control+L'}
          title={t('web:toolbar.saveUrlHint', { keys: t(mac ? 'web:toolbar.keysMac' : 'web:toolbar.keysOther') })}
          onClick={onSaveUrl}
        >
          <GlobeIcon />
          <span>{t('web:toolbar.saveUrl')}</span>
        </button>
        <button type="button" className="button button-primary" disabled={importing} onClick={() => fileInput.current?.click()}>
          <FilePlusIcon />
          <span>{importing ? t('toolbar.importing') : t('toolbar.import')}</span>
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".txt,.html,.htm,text/plain,text/html"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={t('import.inputLabel')}
          onChange={chosen}
        />
        <div className="segmented" role="group" aria-label={t('language.switchLabel')}>
          {interfaceLanguages.map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              className="segmented-option"
              aria-pressed={language === option}
              title={t(`language.optionFull.${option}`)}
              onClick={() => language !== option && onLanguage(option)}
            >
              {t(`language.option.${option}`)}
            </button>
          ))}
        </div>
      </div>
    </header>
  )
}
