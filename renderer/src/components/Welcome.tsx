// The first-run screen, shown while the archive is empty: import your own dispatches or saved
// pages (or save one by its address), or try the bundled samples.
import { useT } from '../translationKeys'
import { BookOpenIcon, FilePlusIcon, ShieldIcon, WartaMark } from './Icons'
import { GlobeIcon, RssIcon } from '../web/WebIcons'

export interface WelcomeProps {
  busy: 'files' | 'samples' | null
  onImport: () => void
  onSamples: () => void
  /** Opens "Save from web address". */
  onSaveUrl: () => void
  /** Shows the Feeds view, to follow a news site. */
  onFeeds: () => void
}

export function Welcome({ busy, onImport, onSamples, onSaveUrl, onFeeds }: WelcomeProps) {
  const { t } = useT()
  return (
    <div className="welcome">
      <div className="welcome-inner">
        <WartaMark size={56} />
        <h1 className="welcome-title">{t('welcome.title')}</h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        <div className="welcome-options">
          <section className="welcome-option" aria-labelledby="welcome-import">
            <FilePlusIcon size={28} className="welcome-option-icon" />
            <h2 id="welcome-import">{t('welcome.importTitle')}</h2>
            <p>{t('welcome.importHint')}</p>
            <button type="button" className="button button-primary button-large" disabled={busy !== null} onClick={onImport}>
              {t('welcome.import')}
            </button>
          </section>
          <section className="welcome-option" aria-labelledby="welcome-samples">
            <BookOpenIcon size={28} className="welcome-option-icon" />
            <h2 id="welcome-samples">{t('welcome.samplesTitle')}</h2>
            <p>{t('welcome.samplesHint')}</p>
            <button type="button" className="button button-large" disabled={busy !== null} onClick={onSamples}>
              {busy === 'samples' ? t('welcome.samplesLoading') : t('welcome.samples')}
            </button>
          </section>
        </div>
        <div className="welcome-web">
          <button type="button" className="welcome-link" onClick={onSaveUrl}>
            <GlobeIcon size={16} />
            <span>{t('web:welcome.saveUrl')}</span>
          </button>
          <button type="button" className="welcome-link" onClick={onFeeds}>
            <RssIcon size={16} />
            <span>{t('web:welcome.feeds')}</span>
          </button>
        </div>
        <p className="welcome-privacy">
          <ShieldIcon size={16} />
          <span>{t('welcome.privacy')}</span>
        </p>
      </div>
    </div>
  )
}
