// Wires the Electron app together: single instance, the hardened session and protocol, the
// archive and handler table behind IPC, the native menu, the window, and files handed over by
// the OS. Every decision lives in a small module beside this one; this file only connects them.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { app, BrowserWindow, dialog, ipcMain, Menu, net, session, shell, type OpenDialogOptions, type WebContents } from 'electron'
import { limits, type ImportOutcome, type Language } from '../../preload/contract'
import errorsEn from '../../locales/en/errors.json'
import errorsId from '../../locales/id/errors.json'
import { openArchive, type Archive } from '../core/archive/archive'
import { firstPageQuery, readFirstPage } from '../core/archive/firstPage'
import { resolveArchiveDir } from '../core/archiveLocation'
import { isAppError } from '../core/errors'
import { createHandlers, languageFromLocale, settingsFor, type Handlers } from '../core/handlers'
import { handlersWhileOpening } from '../core/handlersWhileOpening'
import { createWorkerExtractor } from '../core/web/articleExtractor'
import { startSearchIndex } from '../core/search/searchHost'
import type { SearchIndex } from '../core/search/searchIndex'
import { APP_ID, PRODUCT_NAME } from './appIdentity'
import { APP_SCHEME, rendererOrigin, type AppOrigin } from './appOrigin'
import { fillTemplate, menuLabel, menuStrings, menuTemplate, type MenuActions } from './appMenu'
import { appPaths, type AppPaths } from './appPaths'
import { createAppProtocolHandler } from './appProtocol'
import { startFeedSchedule } from './feedSchedule'
import { importPaths, txtPathsFromArgv } from './fileImport'
import { registerIpcHandlers, sendEvent } from './ipcBridge'
import { createMainWindow } from './mainWindow'
import { provideSqliteBinding, SQLITE_BINDING_ENV } from './nativeModules'
import { hardenSession, hardenWebContents, isExternalWebUrl } from './webSecurity'

export interface StartOptions {
  /** This launch's command line (default process.argv); `.txt` files on it are imported. */
  argv?: readonly string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** The folder of the built main bundle (out/main). */
  mainDir?: string
  log?: (message: string, error?: unknown) => void
}

export interface RunningWarta {
  archive: Archive
  /** Null when search cannot work in this build (no SQLite for Electron's ABI). */
  searchIndex: SearchIndex | null
  handlers: Handlers
  origin: AppOrigin
  paths: AppPaths
  mainWindow(): BrowserWindow | null
}

const errorStrings: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en: errorsEn, id: errorsId }

/** Starts Warta; resolves to null when another instance already runs (this one then quits). */
export async function startWarta(options: StartOptions = {}): Promise<RunningWarta | null> {
  const env = options.env ?? process.env
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''))

  // A second launch hands its files to the first instance instead of opening the archive twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }

  const origin = rendererOrigin({ isPackaged: app.isPackaged, devServerUrl: env.ELECTRON_RENDERER_URL })
  const openExternal = (url: string): Promise<void> => (isExternalWebUrl(url) ? shell.openExternal(url) : Promise.resolve())
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { origin, openExternal, log }))
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

  // Files handed over before the archive is open wait here: this launch's command line, a
  // second launch's, macOS "Open With".
  const pending = txtPathsFromArgv(options.argv ?? process.argv, options.cwd ?? process.cwd())
  let importNow: ((paths: string[]) => void) | null = null
  const requestImport = (paths: string[]): void => {
    if (paths.length === 0) return
    if (importNow) importNow(paths)
    else pending.push(...paths)
  }
  let window: BrowserWindow | null = null
  let showWindow = (): void => {}
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow()
    requestImport(txtPathsFromArgv(argv, workingDirectory))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    requestImport([path])
  })

  await app.whenReady()

  const userData = app.getPath('userData')
  const paths = appPaths({ mainDir: options.mainDir ?? import.meta.dirname, appPath: app.getAppPath(), userData })
  try {
    provideSqliteBinding({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      platform: process.platform,
      arch: process.arch,
    }, env)
  } catch (e) {
    log('warta: search will not work', e)
  }

  const appSession = session.defaultSession
  hardenSession(appSession, origin)
  const archiveDir = resolveArchiveDir(env.WARTA_ARCHIVE_DIR, userData)
  // Saved articles' images are served from the archive at media/<id>/<file>, beside the renderer.
  appSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir, { archiveDir }))

  const contents = (): WebContents | undefined => window?.webContents
  const developer = !app.isPackaged
  const systemLocale = app.getLocale()
  let currentLanguage: Language = languageFromLocale(systemLocale)
  const installMenu = (language: Language): void => {
    currentLanguage = language
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ language, platform: process.platform, appName: PRODUCT_NAME, developer }, actions)))
  }

  // Web pages are read in a worker thread, built beside this bundle (electron.vite.config.ts).
  const extractor = createWorkerExtractor({ workerFile: join(options.mainDir ?? import.meta.dirname, 'extractWorker.js'), log })
  // The window comes up at once. With the first page kept at the last close (and no files to
  // import first), it shows that page while the catalogue is read; otherwise it says "Loading".
  const firstPage = pending.length === 0 ? await readFirstPage(archiveDir) : null
  const opening = handlersWhileOpening({
    firstPage,
    systemLocale,
    open: async () => {
      await mkdir(archiveDir, { recursive: true })
      const archive = await openArchive(archiveDir, { log })
      // Opened now, brought up to date in the background; the page shows the build's progress.
      const searchIndex = startSearchIndex(archive, {
        nativeBinding: env[SQLITE_BINDING_ENV],
        onProgress: (progress) => sendEvent(contents(), 'searchIndexProgress', progress),
        log,
      })
      const handlers = createHandlers({
        archive,
        ...(searchIndex ? { searchIndex } : {}),
        web: { appVersion: app.getVersion(), extractor },
        // Links in saved articles open in the user's browser, http(s) only (checked again here).
        openExternal: async (url) => {
          if (isExternalWebUrl(url)) await shell.openExternal(url)
        },
        systemLocale,
        samplesDir: paths.samplesDir,
        // A language change from the renderer or the menu: the menu follows, and the page hears it.
        onSettingsChanged: (settings) => {
          installMenu(settings.language)
          sendEvent(contents(), 'settingsChanged', settings)
        },
      })
      // Files from the command line go in before the page first lists the archive.
      const firstOutcomes = pending.length > 0 ? await importPaths(archive, pending.splice(0)).catch((e: unknown) => (log('warta: import failed', e), [])) : []
      return { archive, searchIndex, handlers, firstOutcomes }
    },
  })

  /** Imports in batches of the contract's per-call limit, announcing each batch to the page. */
  const importAndAnnounce = async (files: readonly string[]): Promise<ImportOutcome[]> => {
    const all: ImportOutcome[] = []
    const { archive } = await opening.ready
    for (let i = 0; i < files.length; i += limits.maxFilesPerImport) {
      const outcomes = await importPaths(archive, files.slice(i, i + limits.maxFilesPerImport), { extract: extractor.extract })
      sendEvent(contents(), 'archiveChanged', { outcomes })
      all.push(...outcomes)
    }
    return all
  }

  const reportImportFailure = (e: unknown): void => {
    log('warta: import failed', e)
    const s = menuStrings[currentLanguage]
    const reason = isAppError(e) ? fillTemplate(errorStrings[currentLanguage][e.code] ?? e.message, e.params) : String(e)
    dialog.showErrorBox(s.importFailedTitle, fillTemplate(s.importFailed, { reason }))
  }

  const chooseAndImport = async (): Promise<void> => {
    const s = menuStrings[currentLanguage]
    const dialogOptions: OpenDialogOptions = {
      title: s.importDialogTitle,
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: s.importFilter, extensions: ['txt', 'html', 'htm'] }],
    }
    const choice = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
    if (choice.canceled || choice.filePaths.length === 0) return
    await importAndAnnounce(choice.filePaths)
  }

  const showAbout = async (): Promise<void> => {
    const s = menuStrings[currentLanguage]
    if (process.platform === 'darwin') {
      app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() })
      app.showAboutPanel()
      return
    }
    const aboutOptions = {
      type: 'info' as const,
      title: menuLabel(s.about, 'darwin'),
      message: PRODUCT_NAME,
      detail: fillTemplate(s.aboutDetail, { version: app.getVersion() }),
      buttons: [s.ok],
    }
    await (window ? dialog.showMessageBox(window, aboutOptions) : dialog.showMessageBox(aboutOptions))
  }

  const actions: MenuActions = {
    importFiles: () => void chooseAndImport().catch(reportImportFailure),
    saveFromUrl: () => sendEvent(contents(), 'menuCommand', { command: 'saveFromUrl' }),
    showFeeds: () => sendEvent(contents(), 'menuCommand', { command: 'showFeeds' }),
    showLibrary: () => sendEvent(contents(), 'menuCommand', { command: 'showLibrary' }),
    showBookmarks: () => sendEvent(contents(), 'menuCommand', { command: 'showBookmarks' }),
    toggleBookmark: () => sendEvent(contents(), 'menuCommand', { command: 'toggleBookmark' }),
    setLanguage: (language) => {
      opening.handlers.setLanguage({ language }).catch((e: unknown) => {
        log('warta: could not save the language', e)
        // The radio item already moved; put it back where the archive says.
        installMenu(currentLanguage)
      })
    },
    about: () => void showAbout().catch((e: unknown) => log('warta: about dialog failed', e)),
  }

  registerIpcHandlers(ipcMain, opening.handlers, { origin, log })
  installMenu(settingsFor(firstPage?.language ?? null, systemLocale).language)

  const openWindow = async (): Promise<BrowserWindow> => {
    const created = await createMainWindow({ paths, origin, devTools: developer, platform: process.platform, log })
    window = created
    created.on('closed', () => {
      if (window === created) window = null
    })
    return created
  }
  showWindow = () => {
    if (!window) {
      void openWindow()
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Quitting waits once for the archive to finish its saves and release its lock (and, if it
  // is still opening, for that first), so the next launch (or the CLI) can open it.
  let running: { searchIndex: SearchIndex | null; stop: () => void } | null = null
  let archiveClosed = false
  let quitting = false
  app.on('will-quit', (event) => {
    if (archiveClosed) return
    event.preventDefault()
    quitting = true
    running?.searchIndex?.close()
    running?.stop()
    void extractor.close()
    opening
      .letGo()
      .then((opened) => {
        opened?.searchIndex?.close()
        return opened?.archive.close()
      })
      .catch((e: unknown) => log('warta: could not close the archive cleanly', e))
      .finally(() => {
        archiveClosed = true
        app.quit()
      })
  })

  await openWindow()
  let opened: Awaited<typeof opening.ready>
  try {
    opened = await opening.ready
  } catch (e) {
    // Quit before the archive was needed: nothing to report.
    if (archiveClosed || quitting) return null
    const language = currentLanguage
    const s = menuStrings[language]
    const reason = isAppError(e) ? fillTemplate(errorStrings[language][e.code] ?? e.message, e.params) : String(e)
    log('warta: could not open the archive', e)
    dialog.showErrorBox(s.archiveFailedTitle, fillTemplate(s.archiveFailed, { reason, dir: archiveDir }))
    app.quit()
    return null
  }
  const { archive, searchIndex, handlers, firstOutcomes } = opened
  if (firstOutcomes.length > 0) sendEvent(contents(), 'archiveChanged', { outcomes: firstOutcomes })
  installMenu((await handlers.getSettings({})).language)
  // The kept page was true of the files, but an open can still repair them: if what the window
  // was shown is not what the archive now lists, it reads its lists again.
  if (firstPage && !isDeepStrictEqual(firstPage.page, await handlers.listArticles(firstPageQuery))) {
    sendEvent(contents(), 'archiveChanged', { outcomes: [] })
  }
  const feedSchedule = startFeedSchedule({
    refresh: async () => (await handlers.refreshFeeds({})).results,
    isOnline: () => net.isOnline(),
    onRefreshed: (results) => sendEvent(contents(), 'feedsRefreshed', { results }),
    log,
  })
  running = { searchIndex, stop: () => feedSchedule.stop() }
  importNow = (files) => void importAndAnnounce(files).catch(reportImportFailure)
  if (pending.length > 0) importNow(pending.splice(0))

  return { archive, searchIndex, handlers, origin, paths, mainWindow: () => window }
}
