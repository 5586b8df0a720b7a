// The `app://warta/` protocol: the built renderer served from disk (never `file://`), every
// response carrying the renderer's CSP, and nothing outside the renderer folder reachable —
// except the images of saved web articles, `media/<id>/<file>` of the archive (mediaFiles.ts).
import { readFile } from 'node:fs/promises'
import type { CustomScheme, Protocol } from 'electron'
import { rendererSecurityHeaders } from '../core/contentSecurityPolicy'
import { MEDIA_CACHE_CONTROL, mediaFileOf, readMediaFile } from '../core/mediaFiles'
import { mimeTypeOf, resolveStaticFile } from '../core/staticFiles'
import { APP_SCHEME, isAppUrl, packagedOrigin } from './appOrigin'

/**
 * `standard` gives the scheme real origins and relative URLs; `secure` makes it a secure
 * context like https. No `bypassCSP`, no `corsEnabled`, no `allowServiceWorkers`, no `stream`:
 * the renderer only loads its own static files.
 */
export const appScheme: CustomScheme = Object.freeze({
  scheme: APP_SCHEME,
  privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true, codeCache: true }),
})

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appScheme])
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...rendererSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * The handler `protocol.handle('app', …)` gets: `rendererDir` is the built renderer
 * (out/renderer); `archiveDir`, when given, is where saved images are read from.
 */
export function createAppProtocolHandler(rendererDir: string, options: { archiveDir?: string } = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url, packagedOrigin)) return plain(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const media = options.archiveDir ? mediaFileOf(options.archiveDir, new URL(request.url).pathname) : null
    if (media) {
      const bytes = await readMediaFile(media)
      if (!bytes) return plain(404, 'Not found')
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
        status: 200,
        headers: { ...rendererSecurityHeaders, 'Content-Type': media.contentType, 'Cache-Control': MEDIA_CACHE_CONTROL },
      })
    }
    // The raw (still percent-encoded) path: resolveStaticFile decodes it once and refuses
    // anything that would leave the renderer folder.
    const file = await resolveStaticFile(rendererDir, new URL(request.url).pathname)
    if (!file) return plain(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { ...rendererSecurityHeaders, 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' },
    })
  }
}
