// What became of a page saved from the web, said once and briefly while the article opens:
// saved (with how many images were kept for reading offline), updated, or already there.
import { useEffect } from 'react'
import type { Output } from '../../../preload/contract'
import { CheckIcon, CloseIcon } from '../components/Icons'
import { useT } from '../translationKeys'

/** Long enough to read two lines; it also closes with its button. */
const SHOW_MS = 8000

export function SavedToast({ result, onClose }: { result: Output<'importUrl'>; onClose: () => void }) {
  const { t } = useT()
  const { outcome, imagesSaved, imagesSkipped } = result

  useEffect(() => {
    const timer = setTimeout(onClose, SHOW_MS)
    return () => clearTimeout(timer)
  }, [result, onClose])

  if (outcome.status === 'failed') return null
  const title = outcome.article.title
  const headline =
    outcome.status === 'imported'
      ? t('web:saved.imported', { title })
      : outcome.status === 'newVersion'
        ? t('web:saved.newVersion', { title })
        : t('web:saved.duplicate', { title })
  const images = [
    imagesSaved > 0 && t('web:saved.imagesSaved', { count: imagesSaved }),
    imagesSkipped > 0 && t('web:saved.imagesSkipped', { count: imagesSkipped }),
  ].filter(Boolean)

  return (
    <div className="saved-toast" role="status">
      <span className="saved-toast-icon">
        <CheckIcon size={16} />
      </span>
      <div className="saved-toast-text">
        <p className="saved-toast-title">{headline}</p>
        {images.length > 0 && <p className="saved-toast-detail">{images.join(' · ')}</p>}
      </div>
      <button type="button" className="icon-button" aria-label={t('web:saved.dismiss')} title={t('web:saved.dismiss')} onClick={onClose}>
        <CloseIcon size={16} />
      </button>
    </div>
  )
}
