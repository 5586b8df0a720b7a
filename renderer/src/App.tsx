// The window: toolbar, library and reader, and the state that joins them — which article is
// open, imports in progress, shortcuts, and what main tells us through events.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useT } from './translationKeys'
import type { AppErrorData, Article, ArticleSummary, ImportOutcome, Language } from '../../preload/contract'
import { isElectron, onEvent, request } from './bridge'
import { ImportResults } from './components/ImportResults'
import { LibraryPane } from './components/LibraryPane'
import { ReaderPane } from './components/ReaderPane'
import { RecoveryBanner } from './components/RecoveryBanner'
import { Toolbar } from './components/Toolbar'
import { Welcome } from './components/Welcome'
import { CloseIcon } from './components/Icons'
import { errorParams } from './errorText'
import { isInterfaceLanguage } from './i18n'
import { isTextEntry, shortcutFor } from './keyboardShortcuts'
import { LibraryPages, type LibraryFilter } from './libraryPages'
import { AnnotationsView } from './annotations/AnnotationsView'
import type { AnnotationEvents } from './annotations/useArticleAnnotations'
import { ViewSwitcher, type AppView } from './components/ViewSwitcher'
import { SearchPages } from './search/searchPages'
import { useLibrarySearch } from './search/useLibrarySearch'
import { FeedsView } from './feeds/FeedsView'
import { noImportNote, useWebImport, type ImportNote } from './web/useWebImport'

const articleHash = /^#\/article\/([a-z0-9]{16})$/
const mac = /Mac|iPhone|iPad/.test(navigator.platform)

export function App({ startupError }: { startupError: AppErrorData | null }) {
  const { t, i18n } = useT()
  const language: Language = isInterfaceLanguage(i18n.language) ? i18n.language : 'en'
  const library = useMemo(() => new LibraryPages((query) => request('listArticles', query)), [])
  const snapshot = useSyncExternalStore(library.subscribe, library.getSnapshot)
  const search = useMemo(() => new SearchPages((query) => request('searchArticles', query)), [])

  const [openId, setOpenId] = useState<string | null>(() => articleHash.exec(location.hash)?.[1] ?? null)
  const [article, setArticle] = useState<Article | null>(null)
  const [articleVersion, setArticleVersion] = useState(0)
  const [selectedIndex, setSelectedIndex] = useState(0)
  const [readerFocus, setReaderFocus] = useState(0)
  const [listFocus, setListFocus] = useState(0)
  const [busy, setBusy] = useState<'files' | 'samples' | null>(null)
  const [results, setResults] = useState<{ outcomes: ImportOutcome[]; note: ImportNote } | null>(null)
  const [notice, setNotice] = useState<AppErrorData | null>(startupError)
  const fileInput = useRef<HTMLInputElement>(null)
  const [view, setView] = useState<AppView>('library')
  const [annotationFocus, setAnnotationFocus] = useState<{ id: string; request: number } | null>(null)

  // The latest state, for handlers registered once (keyboard, main's events).
  const latest = useRef({ openId, article, selectedIndex })
  useLayoutEffect(() => {
    latest.current = { openId, article, selectedIndex }
  })

  useEffect(() => {
    void library.setFilter('all')
  }, [library])

  // A failed page of the library shows like any other failure.
  const shownNotice = notice ?? snapshot.error

  // -- the open article ------------------------------------------------------

  useEffect(() => {
    history.replaceState(null, '', openId ? `#/article/${openId}` : `${location.pathname}${location.search}`)
    if (!openId) return
    let current = true
    void request('getArticle', { articleId: openId }).then((result) => {
      if (!current) return
      if (!result.ok) {
        setNotice(result.error)
        setOpenId(null)
        return
      }
      setArticle(result.value)
      if (!result.value.read) {
        void request('markRead', { articleId: openId }).then((marked) => {
          if (marked.ok) {
            library.patch(openId, { read: true })
            search.patch(openId, { read: true })
          }
        })
      }
    })
    return () => {
      current = false
    }
  }, [openId, articleVersion, library, search])

  // The article state may still hold the one just closed; only the open one counts.
  const shownArticle = article?.id === openId ? article : null

  useEffect(() => {
    document.title = shownArticle ? t('app.documentTitleWithArticle', { title: shownArticle.title }) : t('app.documentTitle')
  }, [shownArticle, t])

  const openArticle = useCallback(
    (articleId: string, index?: number) => {
      const found = index ?? library.indexOf(articleId)
      if (found >= 0) setSelectedIndex(found)
      setOpenId(articleId)
      setAnnotationFocus(null)
      setReaderFocus((n) => n + 1)
    },
    [library],
  )

  const backToLibrary = useCallback(() => {
    setOpenId(null)
    setListFocus((n) => n + 1)
  }, [])

  // -- bookmarks, titles -----------------------------------------------------

  const setBookmark = useCallback(
    async (articleId: string, bookmarked: boolean) => {
      library.patch(articleId, { bookmarked })
      search.patch(articleId, { bookmarked })
      setArticle((a) => (a?.id === articleId ? { ...a, bookmarked } : a))
      const result = await request('setBookmark', { articleId, bookmarked })
      if (!result.ok) {
        library.patch(articleId, { bookmarked: !bookmarked })
        search.patch(articleId, { bookmarked: !bookmarked })
        setArticle((a) => (a?.id === articleId ? { ...a, bookmarked: !bookmarked } : a))
        setNotice(result.error)
      }
      await Promise.all([library.refresh(), search.refresh()])
    },
    [library, search],
  )

  /** B and Ctrl/Cmd+D: the open article's bookmark, or the selected row's. */
  const toggleCurrentBookmark = useCallback(() => {
    const { openId: id, article: open, selectedIndex: index } = latest.current
    const target: Pick<ArticleSummary, 'id' | 'bookmarked'> | undefined =
      id ? (open?.id === id ? open : library.itemAt(library.indexOf(id))) : library.itemAt(index)
    if (target) void setBookmark(target.id, !target.bookmarked)
  }, [library, setBookmark])

  const rename = useCallback(
    async (title: string): Promise<AppErrorData | null> => {
      const id = latest.current.openId
      if (!id) return null
      const result = await request('renameArticle', { articleId: id, title })
      if (!result.ok) return result.error
      setArticle((a) => (a?.id === id ? { ...a, title: result.value.title, titleEdited: true } : a))
      library.patch(id, result.value)
      // The new title's words are marked where they match.
      void search.refresh()
      return null
    },
    [library, search],
  )

  // -- highlights and notes --------------------------------------------------

  const annotationEvents = useMemo<AnnotationEvents>(
    () => ({
      onCountsChanged: (articleId, counts) => {
        library.patch(articleId, counts)
        search.patch(articleId, counts)
        setArticle((a) => (a?.id === articleId ? { ...a, ...counts } : a))
        // The "Highlighted" tab's count and rows follow.
        void library.refresh()
      },
      onError: setNotice,
    }),
    [library, search],
  )

  /** From the annotations view: the article, scrolled to the highlight. */
  const openAtAnnotation = useCallback(
    (articleId: string, annotationId: string) => {
      setView('library')
      openArticle(articleId)
      setAnnotationFocus({ id: annotationId, request: Date.now() })
    },
    [openArticle],
  )

  // -- importing -------------------------------------------------------------

  /** Articles came or went some other way (a saved page, a feed): the lists and the open article read again. */
  const archiveChanged = useCallback(async () => {
    await Promise.all([library.refresh(), search.refresh()])
    setArticleVersion((n) => n + 1)
  }, [library, search])

  const showOutcomes = useCallback(
    async (outcomes: ImportOutcome[], note: ImportNote = noImportNote) => {
      setResults({ outcomes, note })
      // Related links in the open article may now point at something.
      await archiveChanged()
    },
    [archiveChanged],
  )

  // Drops, pastes, "Save from URL" and batched imports with progress (web/useWebImport.tsx).
  const webImport = useWebImport({
    enabled: snapshot.archiveKnown,
    onOutcomes: showOutcomes,
    onSaved: async (articleId) => {
      await archiveChanged()
      setView('library')
      openArticle(articleId)
    },
    onError: setNotice,
  })
  const { importFiles, openSaveUrl } = webImport

  const importSamples = useCallback(async () => {
    setBusy('samples')
    try {
      const result = await request('importSamples', {})
      if (result.ok) await showOutcomes(result.value.outcomes)
      else setNotice(result.error)
    } finally {
      setBusy(null)
    }
  }, [showOutcomes])

  const chooseFiles = useCallback(() => fileInput.current?.click(), [])

  // -- language --------------------------------------------------------------

  const changeLanguage = useCallback(
    async (next: Language) => {
      const result = await request('setLanguage', { language: next })
      if (result.ok) await i18n.changeLanguage(result.value.language)
      else setNotice(result.error)
    },
    [i18n],
  )

  const changeFilter = useCallback(
    (filter: LibraryFilter) => {
      setSelectedIndex(0)
      void library.setFilter(filter)
    },
    [library],
  )

  const searching = useLibrarySearch({
    search,
    library,
    archiveTotal: snapshot.archiveTotal,
    language,
    openId,
    listFocus,
    onOpen: (summary) => openArticle(summary.id),
    onToggleBookmark: (summary) => void setBookmark(summary.id, !summary.bookmarked),
  })
  const focusSearch = searching.focus

  // -- main's events and the keyboard ---------------------------------------

  useEffect(() => {
    const off = [
      onEvent('settingsChanged', (settings) => void i18n.changeLanguage(settings.language)),
      // No outcomes: nothing was imported, the lists just changed (the archive finished opening).
      onEvent('archiveChanged', ({ outcomes }) => void (outcomes.length > 0 ? showOutcomes(outcomes) : archiveChanged())),
      // Feeds refreshed in the background: new articles in the list, no results panel.
      onEvent('feedsRefreshed', () => void archiveChanged()),
      onEvent('menuCommand', ({ command }) => {
        if (command === 'import') chooseFiles()
        else if (command === 'saveFromUrl') openSaveUrl()
        else if (command === 'showFeeds') setView('feeds')
        else if (command === 'toggleBookmark') toggleCurrentBookmark()
        else if (command === 'showLibrary') {
          setView('library')
          changeFilter('all')
        } else if (command === 'showBookmarks') {
          setView('library')
          changeFilter('bookmarked')
        }
      }),
    ]
    return () => off.forEach((stop) => stop())
  }, [i18n, showOutcomes, archiveChanged, chooseFiles, openSaveUrl, toggleCurrentBookmark, changeFilter])

  useEffect(() => {
    const keydown = (event: KeyboardEvent): void => {
      // A modal dialog owns the keyboard (its Escape closes it, not the article behind).
      if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return
      const command = shortcutFor(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey, typing: isTextEntry(document.activeElement as HTMLInputElement | null) },
        { mac, menuHandlesBookmarkAccelerator: isElectron(), menuHandlesSaveFromUrlAccelerator: isElectron() },
      )
      if (command === 'toggleBookmark') {
        event.preventDefault()
        toggleCurrentBookmark()
      } else if (command === 'back' && latest.current.openId) {
        event.preventDefault()
        backToLibrary()
      } else if (command === 'focusSearch') {
        event.preventDefault()
        setView('library')
        focusSearch()
      } else if (command === 'saveFromUrl') {
        event.preventDefault()
        openSaveUrl()
      }
    }
    window.addEventListener('keydown', keydown)
    return () => window.removeEventListener('keydown', keydown)
  }, [toggleCurrentBookmark, backToLibrary, focusSearch, openSaveUrl])

  // -- layout ----------------------------------------------------------------

  // The Feeds view stays reachable from the welcome: following a feed is a way to begin.
  const empty = snapshot.archiveKnown && snapshot.archiveTotal === 0 && view !== 'feeds'
  return (
    <div className="app">
      <Toolbar
        language={language}
        importing={busy !== null || webImport.importing}
        fileInput={fileInput}
        onFilesChosen={(files) => void importFiles(files)}
        onLanguage={(l) => void changeLanguage(l)}
        onSaveUrl={() => openSaveUrl()}
      >
        {snapshot.archiveKnown && !empty && <ViewSwitcher view={view} onView={setView} />}
      </Toolbar>
      <main className={empty ? 'content content-welcome' : view === 'library' ? 'content' : 'content content-view'}>
        {!snapshot.archiveKnown ? (
          <p className="app-loading" role="status">
            {t('app.loading')}
          </p>
        ) : empty ? (
          <Welcome
            busy={busy ?? (webImport.importing ? 'files' : null)}
            onImport={chooseFiles}
            onSamples={() => void importSamples()}
            onSaveUrl={() => openSaveUrl()}
            onFeeds={() => setView('feeds')}
          />
        ) : view === 'annotations' ? (
          <AnnotationsView language={language} onOpen={openAtAnnotation} onError={setNotice} />
        ) : view === 'feeds' ? (
          <FeedsView
            language={language}
            onShowArticles={(feed) => {
              setView('library')
              setSelectedIndex(0)
              searching.setView({ sort: searching.view.sort, feedId: feed.id })
            }}
            onArchiveChanged={() => void archiveChanged()}
          />
        ) : (
          <>
            <LibraryPane
              library={library}
              snapshot={snapshot}
              language={language}
              openId={openId}
              selectedIndex={selectedIndex}
              focusRequest={listFocus}
              onSelect={setSelectedIndex}
              onOpen={(summary, index) => openArticle(summary.id, index)}
              onToggleBookmark={(summary) => void setBookmark(summary.id, !summary.bookmarked)}
              onFilter={changeFilter}
              {...searching.paneProps}
            />
            <ReaderPane
              openId={openId}
              article={shownArticle}
              language={language}
              focusRequest={readerFocus}
              onBack={backToLibrary}
              onOpenId={(id) => openArticle(id)}
              onToggleBookmark={toggleCurrentBookmark}
              onRename={rename}
              annotationEvents={annotationEvents}
              annotationFocus={annotationFocus}
            />
          </>
        )}
      </main>
      <div className="overlays">
        <RecoveryBanner />
        {shownNotice && (
          <div className="notice" role="alert">
            <span>{t(`errors:${shownNotice.code}`, errorParams(shownNotice))}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('notice.dismiss')}
              title={t('notice.dismiss')}
              onClick={() => {
                setNotice(null)
                library.clearError()
              }}
            >
              <CloseIcon size={16} />
            </button>
          </div>
        )}
        {webImport.overlays}
        {results && <ImportResults outcomes={results.outcomes} note={results.note} onOpen={(id) => openArticle(id)} onClose={() => setResults(null)} />}
      </div>
      {webImport.layers}
    </div>
  )
}
