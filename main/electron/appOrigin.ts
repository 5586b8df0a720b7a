// Where the renderer comes from, and the one test every trust decision uses: is this URL the
// app's own page? A custom scheme's URL `origin` is the string "null", so protocol and host
// are compared instead.
export const APP_SCHEME = 'app'
export const APP_HOST = 'warta'

export interface AppOrigin {
  /** With the trailing colon, as `URL.protocol` gives it. */
  readonly protocol: string
  /** With the port, as `URL.host` gives it. */
  readonly host: string
  /** What the main window loads. */
  readonly entryUrl: string
}

/** The built renderer, served by the app protocol (see appProtocol.ts). */
export const packagedOrigin: AppOrigin = Object.freeze({
  protocol: `${APP_SCHEME}:`,
  host: APP_HOST,
  entryUrl: `${APP_SCHEME}://${APP_HOST}/index.html`,
})

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The app protocol, or electron-vite's dev server while developing. The dev server URL is
 * honoured only in an unpackaged app and only on loopback http: an environment variable
 * must never be able to point a packaged Warta, preload and all, at a remote page.
 */
export function rendererOrigin(options: { isPackaged: boolean; devServerUrl?: string | undefined }): AppOrigin {
  const { isPackaged, devServerUrl } = options
  if (isPackaged || !devServerUrl) return packagedOrigin
  let url: URL
  try {
    url = new URL(devServerUrl)
  } catch {
    return packagedOrigin
  }
  if (url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) return packagedOrigin
  return Object.freeze({ protocol: url.protocol, host: url.host, entryUrl: url.href })
}

/** True when `url` is a page or file of the app itself (same protocol and host, port included). */
export function isAppUrl(url: string, origin: AppOrigin = packagedOrigin): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === origin.protocol && parsed.host === origin.host && parsed.username === '' && parsed.password === ''
}
