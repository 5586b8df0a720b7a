// The reader: one article set for reading — headline, dateline lead-in, paragraphs in the
// article's language with its "Read also" links in place, related news and credits.
import { useState, type MouseEvent, type ReactNode } from 'react'
import { useT } from '../translationKeys'
import type { AppErrorData, Article, Language } from '../../../preload/contract'
import { formatDateTime } from '../interfaceLocale'
import { ArticleTitle } from './ArticleTitle'
import { BookmarkToggle } from './BookmarkToggle'
import { ArrowLeftIcon } from './Icons'
import { AnnotatedBody, isNewestVersion } from '../annotations/AnnotatedBody'
import { AnnotationSidebar, AnnotationsToggle } from '../annotations/AnnotationSidebar'
import { useSessionFlag } from '../annotations/sessionFlag'
import { useArticleAnnotations, type AnnotationEvents } from '../annotations/useArticleAnnotations'

export interface ReaderPaneProps {
  openId: string | null
  article: Article | null
  language: Language
  focusRequest: number
  onBack: () => void
  onOpenId: (articleId: string) => void
  onToggleBookmark: () => void
  onRename: (title: string) => Promise<AppErrorData | null>
  annotationEvents: AnnotationEvents
  /** Scroll to this highlight once the article is open (from the annotations view). */
  annotationFocus: { id: string; request: number } | null
}

export function ReaderPane(props: ReaderPaneProps) {
  const { openId, article } = props
  const { t } = useT()
  return (
    <section className="reader" aria-label={t('reader.label')}>
      {!openId ? (
        <div className="reader-empty">
          <p className="reader-empty-title">{t('reader.emptyTitle')}</p>
          <p>{t('reader.emptyHint')}</p>
        </div>
      ) : !article || article.id !== openId ? (
        <p className="reader-loading" role="status">
          {t('reader.loading')}
        </p>
      ) : (
        <ArticleView {...props} article={article} />
      )}
    </section>
  )
}

function ArticleView({ article, language, focusRequest, onBack, onOpenId, onToggleBookmark, onRename, annotationEvents, annotationFocus }: ReaderPaneProps & { article: Article }) {
  const { t } = useT()
  const notes = useArticleAnnotations(article.id, `${article.versionCount}`, annotationEvents)
  const [sidebarOpen, setSidebarOpen] = useSessionFlag('warta.annotationSidebar', false)
  const [jump, setJump] = useState<{ id: string; request: number } | null>(null)
  const focus = jump && (!annotationFocus || jump.request > annotationFocus.request) ? jump : annotationFocus
  const open = (articleId: string) => (event: MouseEvent) => {
    event.preventDefault()
    onOpenId(articleId)
  }
  const linkOrText = (title: string, articleId: string | null): ReactNode =>
    articleId ? (
      <a href={`#/article/${articleId}`} onClick={open(articleId)}>
        {title}
      </a>
    ) : (
      <span>{title}</span>
    )

  const readAlso = (index: number): ReactNode =>
    article.inlineRelated
      .filter((item) => item.afterParagraph === index)
      .map((item, i) => (
        <p key={`read-also-${index}-${i}`} className="read-also">
          <span className="read-also-label" lang={language}>
            {t('reader.readAlso')}
          </span>{' '}
          {linkOrText(item.title, item.articleId)}
        </p>
      ))

  const { place, agency } = article.dateline
  const dateline = place || agency ? [place?.toLocaleUpperCase(article.language), agency && `(${agency})`].filter(Boolean).join(' ') : null
  const published = article.publishedAt
    ? t('reader.publishedOn', { date: formatDateTime(article.publishedAt, language) })
    : t('reader.savedOn', { date: formatDateTime(article.savedAt, language) })
  const { reporter, editor, copyright } = article.credits

  return (
    <div className={sidebarOpen ? 'reader-layout reader-layout-sidebar' : 'reader-layout'}>
      <div className="reader-scroll">
        <div className="reader-bar">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={onBack}>
            <ArrowLeftIcon />
            <span>{t('reader.back')}</span>
            <kbd aria-hidden="true">{t('reader.backShortcut')}</kbd>
          </button>
          <div className="reader-bar-actions">
            <AnnotationsToggle open={sidebarOpen} count={notes.placed.length + notes.unplaced.length} onToggle={() => setSidebarOpen(!sidebarOpen)} />
            <BookmarkToggle bookmarked={article.bookmarked} onToggle={onToggleBookmark} />
          </div>
        </div>
        <article className="article">
          <header className="article-header">
            <ArticleTitle
              key={article.id}
              title={article.title}
              language={article.language}
              editable={article.titleDerived}
              focusRequest={focusRequest}
              onRename={onRename}
            />
            {article.titleDerived && !article.titleEdited && <p className="hint">{t('reader.titleDerivedHint')}</p>}
            <p className="article-meta">
              <time dateTime={article.publishedAt ?? article.savedAt}>{published}</time>
              <span className="badge">{t(`language.article.${article.language}`)}</span>
            </p>
          </header>
          <AnnotatedBody
            article={article}
            notes={notes}
            lead={dateline && <span className="dateline">{dateline} – </span>}
            between={readAlso}
            focus={focus}
          />
          {article.related.length > 0 && (
            <section className="related" aria-labelledby="related-heading">
              <h2 id="related-heading">{t('reader.related')}</h2>
              <ul>
                {article.related.map((item, index) => (
                  <li key={index} className={item.articleId ? 'related-in-archive' : undefined}>
                    <span className="related-title" lang={article.language}>
                      {linkOrText(item.title, item.articleId)}
                    </span>
                    {item.publishedAt && (
                      <time className="related-date" dateTime={item.publishedAt}>
                        {formatDateTime(item.publishedAt, language)}
                      </time>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {(reporter || editor || copyright) && (
            <footer className="credits">
              <h2 className="visually-hidden">{t('reader.credits')}</h2>
              {reporter && (
                <p>
                  <span className="credits-label">{t('reader.reporter')}</span> {reporter}
                </p>
              )}
              {editor && (
                <p>
                  <span className="credits-label">{t('reader.editor')}</span> {editor}
                </p>
              )}
              {copyright && <p className="credits-copyright">{copyright}</p>}
            </footer>
          )}
        </article>
      </div>
      {sidebarOpen && (
        <AnnotationSidebar
          notes={notes}
          placeable={isNewestVersion(article)}
          onJump={(id) => setJump({ id, request: Date.now() })}
          onClose={() => setSidebarOpen(false)}
          onError={annotationEvents.onError}
        />
      )}
    </div>
  )
}
