// The loopback preview host: serves the built renderer and the real handler table over
// http://127.0.0.1, so the app can be used and tested in any browser where Electron cannot run.
// Only the transport differs from Electron: every call needs this run's random token, and a
// request whose Host is not this loopback address is refused (DNS-rebinding guard).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { limits, type Result } from '../../preload/contract'
import { rendererSecurityHeaders } from '../core/contentSecurityPolicy'
import type { Handlers } from '../core/handlers'
import { failure, invoke } from '../core/invoke'
import { MEDIA_CACHE_CONTROL, mediaFileOf, readMediaFile, type MediaFile } from '../core/mediaFiles'
import { mimeTypeOf, resolveStaticFile } from '../core/staticFiles'
import type { EventHub } from './previewEvents'

export interface PreviewServerOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** The archive folder: saved images (media/<id>/<file>) are served from it at that same path. */
  archiveDir?: string
  port?: number
  /** Fixed only by tests that need to forge calls; otherwise random per run. */
  token?: string
  /** Main's events, streamed to every page that opens /api/events (Server-Sent Events). */
  events?: EventHub
  log?: (message: string, error?: unknown) => void
}

export interface PreviewServer {
  url: string
  token: string
  close(): Promise<void>
}

export const TOKEN_HEADER = 'x-warta-token'
/** EventSource cannot send headers: the events stream takes the token as this query parameter. */
export const TOKEN_PARAM = 'token'
/** A comment line this often keeps idle event streams from being closed by anything in between. */
const KEEPALIVE_MS = 25_000
/** Base64 of the largest import call plus JSON framing. */
const maxBodyBytes = limits.maxImportCallChars + 64 * 1024

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const log = options.log ?? ((m, e) => console.error(m, e ?? ''))
  let allowedHosts = new Set<string>()

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log('warta preview: request failed', e)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'Wrong host')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/api/events') return handleEvents(req, res, url)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    const media = options.archiveDir ? mediaFileOf(options.archiveDir, url.pathname) : null
    if (media) return serveMedia(res, media)
    return serveRenderer(res, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    if (!sameToken(String(req.headers[TOKEN_HEADER] ?? ''), token)) {
      return sendJson(res, 403, failure({ code: 'FORBIDDEN', message: 'missing or wrong token' }))
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, failure({ code: 'INVALID_INPUT', message: 'send application/json' }))
    }
    const body = await readBody(req, maxBodyBytes)
    // TOO_LARGE's words take maxMegabytes; the renderer adds the name of the file it was sending.
    if (body === null) return sendJson(res, 413, failure({ code: 'TOO_LARGE', message: 'request too large', params: { maxMegabytes: Math.floor(maxBodyBytes / (1024 * 1024)) } }))
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(res, 400, failure({ code: 'INVALID_INPUT', message: 'request body is not JSON' }))
    }
    sendJson(res, 200, await invoke(options.handlers, method, input, { log }))
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    if (!sameToken(url.searchParams.get(TOKEN_PARAM) ?? '', token)) return send(res, 403, 'text/plain; charset=utf-8', 'missing or wrong token')
    res.writeHead(200, { ...rendererSecurityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    // The first bytes tell the page the stream is open.
    res.write(': warta events\n\n')
    const stop = options.events?.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS)
    keepAlive.unref()
    req.on('close', () => {
      clearInterval(keepAlive)
      stop?.()
    })
  }

  /** Without the token: an <img> cannot send one. The Host check above still applies, and only saved images match. */
  async function serveMedia(res: ServerResponse, media: MediaFile): Promise<void> {
    const bytes = await readMediaFile(media)
    if (!bytes) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    send(res, 200, media.contentType, bytes, { 'Cache-Control': MEDIA_CACHE_CONTROL })
  }

  async function serveRenderer(res: ServerResponse, pathname: string): Promise<void> {
    const file = await resolveStaticFile(options.rendererDir, pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    let content: Buffer | string = await readFile(file)
    if (file.endsWith('index.html')) {
      // The renderer reads this run's token from the page it was served with.
      content = content.toString('utf8').replace('</head>', `<meta name="warta-token" content="${token}">\n</head>`)
    }
    send(res, 200, mimeTypeOf(file), content, { 'Cache-Control': 'no-store' })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections()
        server.close(() => resolveClose())
      }),
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) tooLarge = true
      else if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...rendererSecurityHeaders, 'Content-Type': type, ...extra })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result), { 'Cache-Control': 'no-store' })
}
