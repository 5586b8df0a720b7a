// Every security decision of the Electron glue as a small function over plain values, so the
// tests assert the real objects and the real answers. Each line maps to an item of Electron's
// security checklist (https://www.electronjs.org/docs/latest/tutorial/security).
import type { Session, WebContents, WebPreferences } from 'electron'
import { isAppUrl, type AppOrigin } from './appOrigin'

/**
 * The main window's webPreferences. Besides the checklist's musts: no spellcheck, because
 * Chromium downloads its dictionaries from Google on Windows and Linux and Warta stays offline;
 * devtools only in an unpackaged app.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    enableWebSQL: false,
    autoplayPolicy: 'user-gesture-required',
    devTools: options.devTools,
  })
}

/** The parts of a frame (WebFrameMain in Electron) the sender check reads. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/**
 * A call is trusted only from the top frame of the app's own page: never from a subframe
 * (even one of ours), a frame already gone (null), or any other origin.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, origin: AppOrigin): boolean {
  if (!frame) return false
  if (frame.parent !== null) return false
  return isAppUrl(frame.url, origin)
}

/** Only web links may leave the app, and only to the user's browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * Requests the app's session may make: its own pages and files, the dev server's hot-reload
 * socket while developing, devtools, and data:/blob: URLs the page made itself. Everything
 * else — any http(s), file:, ftp: — is cancelled: the renderer never needs the network.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  if (isAppUrl(url, origin)) return true
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  switch (parsed.protocol) {
    case 'data:':
    case 'devtools:':
      return true
    case 'blob:':
      return isAppUrl(url.slice('blob:'.length), origin)
    case 'ws:':
      return origin.protocol === 'http:' && parsed.host === origin.host
    default:
      return false
  }
}

export interface HardenOptions {
  origin: AppOrigin
  /** shell.openExternal in the app; only ever called with an http(s) URL. */
  openExternal: (url: string) => Promise<void>
  log?: (message: string, error?: unknown) => void
}

type Preventable = { preventDefault(): void; url?: string }

/**
 * Navigation, new windows and webviews for one webContents. Applied to every webContents the
 * app creates (`web-contents-created`), not only the main window's.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const { origin, openExternal } = options
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''))
  const denyForeign = (kind: string) => (event: Preventable, legacyUrl?: unknown) => {
    const url = event.url ?? (typeof legacyUrl === 'string' ? legacyUrl : '')
    if (!isAppUrl(url, origin)) {
      event.preventDefault()
      log(`warta: blocked ${kind} to ${url.slice(0, 200)}`)
    }
  }
  // Checklist 13: only the app's own page may be shown. `will-frame-navigate` also covers
  // subframes; `will-navigate` is kept for the main frame on every Electron version.
  contents.on('will-navigate', denyForeign('navigation'))
  contents.on('will-frame-navigate', denyForeign('frame navigation'))
  contents.on('will-redirect', denyForeign('redirect'))

  // Checklist 14 and 15: no new windows; a web link goes to the user's browser instead.
  // The page is our own code under a strict CSP and article text is rendered as text, so
  // the only links are ones Warta's UI itself offers.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url).catch((e: unknown) => log('warta: could not open a link', e))
    return { action: 'deny' }
  })

  // Checklist 11 and 12: webviewTag is off; should one appear anyway, it is never attached.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Checklist 5 (permissions) and 1 (only app content): for the session the window uses. */
export function hardenSession(session: Session, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, origin) }))
}
