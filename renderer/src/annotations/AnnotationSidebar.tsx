// Beside the article: its highlights and notes in reading order (click one to go there), the
// ones that no longer fit its text under "Unplaced" — kept, never dropped — and the Markdown
// export of them all.
import type { AnchoredAnnotation, AppErrorData } from '../../../preload/contract'
import { request } from '../bridge'
import { CloseIcon } from '../components/Icons'
import { useT } from '../translationKeys'
import { DownloadIcon } from '../components/Icons'
import { HighlighterIcon, SidebarIcon, TrashIcon } from './AnnotationIcons'
import { downloadFile } from './downloadFile'
import type { ArticleAnnotations } from './useArticleAnnotations'

export interface AnnotationSidebarProps {
  notes: ArticleAnnotations
  /** False on an older version of the article, where highlights are not drawn. */
  placeable: boolean
  onJump: (id: string) => void
  onClose: () => void
  onError: (error: AppErrorData) => void
}

export function AnnotationSidebar({ notes, placeable, onJump, onClose, onError }: AnnotationSidebarProps) {
  const { t } = useT()
  const total = notes.placed.length + notes.unplaced.length

  const exportMarkdown = async (): Promise<void> => {
    const result = await request('exportArticleAnnotations', { articleId: notes.articleId })
    if (!result.ok) onError(result.error)
    else downloadFile(result.value.fileName, result.value.content, 'text/markdown;charset=utf-8')
  }

  return (
    <aside className="annotation-sidebar" aria-label={t('annotations:sidebarLabel')}>
      <header className="annotation-sidebar-header">
        <h2>
          {t('annotations:sidebarTitle')}
          {notes.loaded && <span className="tab-count">{total}</span>}
        </h2>
        <button type="button" className="icon-button" aria-label={t('annotations:closeSidebar')} title={t('annotations:closeSidebar')} onClick={onClose}>
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="annotation-sidebar-scroll">
        {notes.loaded && total === 0 ? (
          <div className="annotation-sidebar-empty">
            <HighlighterIcon size={26} />
            <p className="annotation-sidebar-empty-title">{t('annotations:sidebarEmpty')}</p>
            <p>{t('annotations:sidebarEmptyHint')}</p>
          </div>
        ) : (
          <ol className="annotation-items">
            {notes.placed.map((annotation) => (
              <li key={annotation.id}>
                <button
                  type="button"
                  className={`annotation-item bar-${annotation.colour}`}
                  disabled={!placeable}
                  title={t('annotations:goTo')}
                  onClick={() => onJump(annotation.id)}
                >
                  <Quote annotation={annotation} />
                  {annotation.anchor.status === 'placed-approximate' && (
                    <span className="annotation-approximate" title={t('annotations:approximate')}>
                      {t('annotations:approximateShort')}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
        )}
        {notes.unplaced.length > 0 && (
          <section className="annotation-unplaced" aria-labelledby="annotation-unplaced-heading">
            <h3 id="annotation-unplaced-heading">{t('annotations:unplaced')}</h3>
            <p className="hint">{t('annotations:unplacedHint')}</p>
            <ol className="annotation-items">
              {notes.unplaced.map((annotation) => (
                <li key={annotation.id} className={`annotation-item annotation-item-static bar-${annotation.colour}`}>
                  <Quote annotation={annotation} />
                  <button
                    type="button"
                    className="icon-button annotation-item-delete"
                    aria-label={t('annotations:delete')}
                    title={t('annotations:delete')}
                    onClick={() => void notes.remove(annotation.id)}
                  >
                    <TrashIcon size={15} />
                  </button>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
      <footer className="annotation-sidebar-footer">
        <button type="button" className="button button-small" disabled={total === 0} onClick={() => void exportMarkdown()}>
          <DownloadIcon size={15} />
          <span>{t('annotations:exportNotes')}</span>
        </button>
      </footer>
    </aside>
  )
}

function Quote({ annotation }: { annotation: AnchoredAnnotation }) {
  const { t } = useT()
  return (
    <>
      <span className="annotation-quote">
        <span className={`swatch swatch-small swatch-${annotation.colour}`} title={t(`annotations:colour.${annotation.colour}`)} />
        <span className="annotation-quote-text">{annotation.anchor.text ?? annotation.quote.exact}</span>
      </span>
      {annotation.note !== '' && <span className="annotation-note">{annotation.note}</span>}
    </>
  )
}

/** The reader bar's switch for the sidebar, with how many highlights the article has. */
export function AnnotationsToggle({ open, count, onToggle }: { open: boolean; count: number; onToggle: () => void }) {
  const { t } = useT()
  return (
    <button
      type="button"
      className="button button-quiet annotations-toggle"
      aria-pressed={open}
      aria-label={t('annotations:toggleSidebar')}
      title={t('annotations:toggleSidebar')}
      onClick={onToggle}
    >
      <SidebarIcon size={17} />
      {count > 0 && <span className="tab-count">{count}</span>}
    </button>
  )
}
