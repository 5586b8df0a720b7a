// The reader: one article set for reading — headline, dateline lead-in, paragraphs in the
// article's language with its "Read also" links in place, related news and credits.
import { useCallback, useState, type MouseEvent, type ReactNode } from 'react'
import { useT } from '../translationKeys'
import type { AppErrorData, Article, ArticleVersion, Language } from '../../../preload/contract'
import { request } from '../bridge'
import { VersionsMenu } from '../web/VersionsMenu'
import { ExternalLinkIcon, HistoryIcon } from '../web/WebIcons'
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

/** Opens a web link in the system browser through main; a host that cannot says so in words. */
async function openLink(url: string, onError: (error: AppErrorData) => void): Promise<void> {
  const result = await request('openExternal', { url })
  if (!result.ok) onError(result.error.code === 'UNSUPPORTED' ? { ...result.error, params: { ...result.error.params, name: url, context: 'link' } } : result.error)
}

function ArticleView({ article: newest, language, focusRequest, onBack, onOpenId, onToggleBookmark, onRename, annotationEvents, annotationFocus }: ReaderPaneProps & { article: Article }) {
  const { t } = useT()
  // An earlier version chosen under "Versions", for this article as it is now; otherwise the newest.
  const [older, setOlder] = useState<{ article: Article; savedAt: string; count: number } | null>(null)
  const olderShown = older && older.article.id === newest.id && older.count === newest.versionCount ? older : null
  const article = olderShown?.article ?? newest
  const { onError } = annotationEvents
  const chooseVersion = useCallback(
    async (version: ArticleVersion) => {
      if (version.current) {
        setOlder(null)
        return
      }
      const result = await request('getVersion', { articleId: newest.id, index: version.index })
      if (result.ok) setOlder({ article: result.value, savedAt: version.savedAt, count: newest.versionCount })
      else onError(result.error)
    },
    [newest.id, newest.versionCount, onError],
  )
  const openWebLink = useCallback((url: string) => void openLink(url, onError), [onError])
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
            {newest.versionCount > 1 && (
              <VersionsMenu
                articleId={newest.id}
                versionCount={newest.versionCount}
                shownIndex={article.versionIndex}
                language={language}
                onChoose={(version) => void chooseVersion(version)}
                onError={onError}
              />
            )}
            <AnnotationsToggle open={sidebarOpen} count={notes.placed.length + notes.unplaced.length} onToggle={() => setSidebarOpen(!sidebarOpen)} />
            <BookmarkToggle bookmarked={newest.bookmarked} onToggle={onToggleBookmark} />
          </div>
        </div>
        {olderShown && (
          <div className="version-banner" role="status">
            <HistoryIcon size={17} />
            <p>{t('web:versions.banner', { date: formatDateTime(olderShown.savedAt, language) })}</p>
            <button type="button" className="button button-small" onClick={() => setOlder(null)}>
              {t('web:versions.showNewest')}
            </button>
          </div>
        )}
        <article className={olderShown ? 'article article-older' : 'article'}>
          <header className="article-header">
            <ArticleTitle
              key={article.id}
              title={article.title}
              language={article.language}
              editable={article.titleDerived && !olderShown}
              focusRequest={focusRequest}
              onRename={onRename}
            />
            {article.titleDerived && !article.titleEdited && !olderShown && <p className="hint">{t('reader.titleDerivedHint')}</p>}
            <p className="article-meta">
              <time dateTime={article.publishedAt ?? article.savedAt}>{published}</time>
              <span className="badge">{t(`language.article.${article.language}`)}</span>
            </p>
            {(article.byline || article.siteName || article.url) && (
              <p className="article-source">
                {article.byline && <span className="article-byline">{t('web:reader.byline', { name: article.byline })}</span>}
                {article.siteName && <span className="article-site">{article.siteName}</span>}
                {article.url && (
                  <a
                    className="article-original"
                    href={article.url}
                    title={article.url}
                    onClick={(event) => {
                      event.preventDefault()
                      if (event.nativeEvent.isTrusted) openWebLink(article.url as string)
                    }}
                    onAuxClick={(event) => event.preventDefault()}
                  >
                    <span>{t('web:reader.original')}</span>
                    <ExternalLinkIcon size={13} />
                  </a>
                )}
              </p>
            )}
          </header>
          <AnnotatedBody
            article={article}
            notes={notes}
            lead={dateline && <span className="dateline">{dateline} – </span>}
            between={readAlso}
            focus={focus}
            onOpenLink={openWebLink}
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
