// The one Warta window: hardened webPreferences, shown only once painted, its size remembered.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { PRODUCT_NAME } from './appIdentity'
import type { AppOrigin } from './appOrigin'
import type { AppPaths } from './appPaths'
import { loadWindowSize, minWindowSize, saveWindowSize } from './windowState'
import { secureWebPreferences } from './webSecurity'

export interface MainWindowOptions {
  paths: AppPaths
  origin: AppOrigin
  devTools: boolean
  platform: NodeJS.Platform
  log?: (message: string, error?: unknown) => void
}

export function mainWindowOptions(options: MainWindowOptions, size: { width: number; height: number }): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: size.width,
    height: size.height,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    // Shown on ready-to-show, so nobody sees an empty white frame first.
    show: false,
    ...(options.platform === 'linux' ? { icon: options.paths.icon } : {}),
    webPreferences: secureWebPreferences(options.paths.preload, { devTools: options.devTools }),
  }
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''))
  const size = await loadWindowSize(options.paths.windowStateFile)
  const window = new BrowserWindow(mainWindowOptions(options, size))
  if (size.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    const { width, height } = window.getNormalBounds()
    saveWindowSize(options.paths.windowStateFile, { width, height, maximized: window.isMaximized() }).catch((e: unknown) =>
      log('warta: could not remember the window size', e),
    )
  })
  // A failed load leaves the window blank rather than the app dead; the log says why.
  await window.loadURL(options.origin.entryUrl).catch((e: unknown) => log(`warta: could not load ${options.origin.entryUrl}`, e))
  return window
}
