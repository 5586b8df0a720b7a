// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
// describe per item, each asserting the real objects the glue hands to (fake) Electron.
// Item 7 (CSP) is proven in appProtocol.test.ts, 17 (IPC senders) in ipcSender.test.ts,
// 19 (fuses) in test/build/builderConfig.test.ts, 20 (exposed APIs) in preload.test.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isAllowedRequest, secureWebPreferences } from '../../main/electron/webSecurity'
import { packagedOrigin, rendererOrigin } from '../../main/electron/appOrigin'
import { repoRoot } from '../helpers/tempArchive'
import { app, FakeWebContents, listenersOf, protocol, resetFakeElectron, session, shell } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

let started: TestApp
beforeEach(async () => {
  resetFakeElectron()
  started = await startTestApp()
})
afterEach(async () => {
  await started.cleanup()
})

const prefs = (): Record<string, unknown> => started.window.options.webPreferences as Record<string, unknown>
const lastCallback = <T>(fn: { mock: { lastCall?: unknown[] } }): T => fn.mock.lastCall?.[0] as T

/** Calls every listener the glue put on `event` with a preventable event for `url`; true if one prevented it. */
function prevented(contents: FakeWebContents, event: string, url: string): boolean {
  const preventDefault = vi.fn()
  const listeners = listenersOf(contents, event)
  expect(listeners.length, `no ${event} listener`).toBeGreaterThan(0)
  for (const listener of listeners) listener({ url, preventDefault, isMainFrame: true, frame: null }, url)
  return preventDefault.mock.calls.length > 0
}

const foreignUrls = [
  'https://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'app://evil/index.html',
  'app://warta:8080/index.html',
  'app://user@warta/index.html',
  'data:text/html,<h1>hi</h1>',
  'chrome://settings',
]

describe('Checklist 1 — only load secure content', () => {
  it('loads the window from app://warta/, never from http or file', () => {
    expect(started.window.webContents.loaded).toEqual(['app://warta/index.html'])
  })

  it('cancels every request that does not go to the app itself', () => {
    const onBeforeRequest = lastCallback<(details: { url: string }, cb: (r: { cancel: boolean }) => void) => void>(
      session.defaultSession.webRequest.onBeforeRequest,
    )
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined
      onBeforeRequest({ url }, (r) => (cancel = r.cancel))
      return cancel ?? false
    }
    for (const url of ['https://example.com/tracker.js', 'http://127.0.0.1:8080/api', 'file:///etc/passwd', 'ftp://x/y', 'ws://evil/', 'app://evil/x.js', 'blob:https://example.com/1']) {
      expect(decide(url), url).toBe(true)
    }
    for (const url of ['app://warta/index.html', 'app://warta/assets/index.js', 'blob:app://warta/0b1c', 'data:image/png;base64,AAAA']) {
      expect(decide(url), url).toBe(false)
    }
  })

  it('lets the dev server (and its hot-reload socket) through only in development', () => {
    const dev = rendererOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('app://warta/index.html', dev)).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', packagedOrigin)).toBe(false)
  })
})

describe('Checklist 2 — do not enable Node.js integration for remote content', () => {
  it('creates the window without Node in the page, its workers or its subframes', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false })
  })
})

describe('Checklist 3 — enable context isolation', () => {
  it('isolates the preload from the page', () => {
    expect(prefs().contextIsolation).toBe(true)
  })
})

describe('Checklist 4 — enable process sandboxing', () => {
  it('sandboxes the window and loads a CommonJS preload built for the sandbox', () => {
    expect(prefs().sandbox).toBe(true)
    expect(prefs().preload).toBe(join(repoRoot, 'out', 'preload', 'index.cjs'))
  })

  it('sandboxes every renderer and registers app:// before the app is ready', async () => {
    resetFakeElectron()
    const { appState } = await import('./fakeElectron')
    Object.assign(appState, { userData: join(started.root, 'entry-userData'), appPath: repoRoot })
    const env = { ...process.env }
    process.env.WARTA_ARCHIVE_DIR = join(started.root, 'entry-archive')
    try {
      await import('../../main/electron/index')
      await vi.waitFor(() => expect(app.listenerCount('window-all-closed')).toBe(1))
      app.emit('will-quit', { preventDefault() {} }) // releases the archive this app opened
      await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    } finally {
      process.env = env
    }
    const order = (fn: { mock: { invocationCallOrder: number[] } }): number => fn.mock.invocationCallOrder[0] ?? Infinity
    expect(order(app.enableSandbox)).toBeLessThan(order(app.whenReady))
    expect(order(protocol.registerSchemesAsPrivileged)).toBeLessThan(order(app.whenReady))
  })
})

describe('Checklist 5 — handle session permission requests from remote content', () => {
  it('denies every permission request and check', () => {
    const request = lastCallback<(wc: unknown, permission: string, cb: (granted: boolean) => void) => void>(
      session.defaultSession.setPermissionRequestHandler,
    )
    const check = lastCallback<(wc: unknown, permission: string) => boolean>(session.defaultSession.setPermissionCheckHandler)
    const device = lastCallback<() => boolean>(session.defaultSession.setDevicePermissionHandler)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid']) {
      const granted = vi.fn()
      request(started.window.webContents, permission, granted)
      expect(granted, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(check(started.window.webContents, permission), permission).toBe(false)
    }
    expect(device()).toBe(false)
  })
})

describe('Checklist 6 — do not disable webSecurity', () => {
  it('keeps the same-origin policy on', () => {
    expect(prefs().webSecurity).toBe(true)
  })
})

describe('Checklist 8 — do not enable allowRunningInsecureContent', () => {
  it('refuses http content in the app page', () => {
    expect(prefs().allowRunningInsecureContent).toBe(false)
  })
})

describe('Checklist 9 — do not enable experimental features', () => {
  it('leaves experimental features off', () => {
    expect(prefs().experimentalFeatures).toBe(false)
  })
})

describe('Checklist 10 — do not use enableBlinkFeatures', () => {
  it('enables no Blink feature and offers nothing beyond the listed preferences', () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures')
    expect(Object.keys(prefs()).sort()).toEqual(Object.keys(secureWebPreferences('x', { devTools: false })).sort())
  })
})

describe('Checklist 11 and 12 — no webviews: no allowpopups, options verified before creation', () => {
  it('turns the webview tag off', () => {
    expect(prefs().webviewTag).toBe(false)
  })

  it('prevents attaching any webview that appears anyway', () => {
    const preventDefault = vi.fn()
    const webPreferences = { nodeIntegration: true }
    for (const listener of listenersOf(started.window.webContents, 'will-attach-webview')) {
      listener({ preventDefault }, webPreferences, { src: 'https://example.com', allowpopups: 'true' })
    }
    expect(preventDefault).toHaveBeenCalled()
  })
})

describe('Checklist 13 — disable or limit navigation', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: prevents leaving the app for http, file, javascript or another app host`, () => {
      for (const url of foreignUrls) expect(prevented(started.window.webContents, event, url), url).toBe(true)
    })

    it(`${event}: lets the app move within its own page`, () => {
      expect(prevented(started.window.webContents, event, 'app://warta/index.html#/bookmarks')).toBe(false)
    })
  }

  it('hardens every webContents the app creates, not only the main window', () => {
    const other = new FakeWebContents()
    app.emit('web-contents-created', {}, other)
    expect(prevented(other, 'will-navigate', 'https://example.com/')).toBe(true)
    expect(other.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('Checklist 14 — disable or limit creation of new windows', () => {
  it('denies every window.open and target=_blank, whatever the URL', () => {
    const open = started.window.webContents.windowOpenHandler
    expect(open).not.toBeNull()
    for (const url of ['https://example.com/', 'app://warta/index.html', 'file:///etc/passwd', 'about:blank']) {
      expect(open?.({ url, disposition: 'foreground-tab' }), url).toEqual({ action: 'deny' })
    }
  })
})

describe('Checklist 15 — do not use shell.openExternal with untrusted content', () => {
  it('hands only http and https links to the browser', () => {
    const open = started.window.webContents.windowOpenHandler
    for (const url of ['https://www.antaranews.com/berita/1', 'http://example.org/a']) open?.({ url })
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:', 'app://warta/', 'mailto:a@b.c']) open?.({ url })
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://www.antaranews.com/berita/1', 'http://example.org/a'])
  })
})

describe('Checklist 16 — use a current version of Electron', () => {
  it('pins Electron 45 or newer and has that version installed', () => {
    const wanted = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron
    const installed = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
    expect(wanted).toBe(installed)
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(45)
  })
})

describe('Checklist 18 — avoid file://, serve from a custom protocol', () => {
  it('registers app:// as a standard, secure scheme without CSP bypass', () => {
    // registerSchemesAsPrivileged runs at import time of index.ts; its argument is the exported scheme.
    return import('../../main/electron/appProtocol').then(({ appScheme }) => {
      expect(appScheme).toEqual({
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      })
    })
  })

  it('serves the renderer through protocol.handle("app") on the window session', () => {
    expect(session.defaultSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app and for anything but loopback http', () => {
    expect(rendererOrigin({ isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toBe(packagedOrigin)
    expect(rendererOrigin({ isPackaged: false, devServerUrl: 'https://evil.example/' })).toBe(packagedOrigin)
    expect(rendererOrigin({ isPackaged: false, devServerUrl: 'http://evil.example:5173/' })).toBe(packagedOrigin)
    expect(rendererOrigin({ isPackaged: false, devServerUrl: 'file:///tmp/index.html' })).toBe(packagedOrigin)
    expect(rendererOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173/' }).entryUrl).toBe('http://localhost:5173/')
  })

  it('a packaged app given ELECTRON_RENDERER_URL still loads app://warta/', async () => {
    await started.cleanup()
    resetFakeElectron()
    started = await startTestApp({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } })
    expect(started.window.webContents.loaded).toEqual(['app://warta/index.html'])
    expect(prefs().devTools).toBe(false)
  })
})
