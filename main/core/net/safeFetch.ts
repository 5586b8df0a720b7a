// Fetches one web resource for the archive from the main process, defensively: http(s) only,
// redirects followed by hand (the scheme is re-checked on every hop), a connect and a total
// timeout, and the body counted AFTER decompression so a small gzip bomb cannot balloon into
// gigabytes. Nothing fetched here is ever run; it is decoded and parsed as data.
import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { isAppError } from '../errors'
import { megabytes, webError } from '../web/webErrors'
import { mediaTypeOf } from './charset'
import { parseHttpUrl, shortUrl } from './httpUrl'

/** What is being fetched decides the Accept header and which Content-Types are acceptable. */
export type ResourceKind = 'page' | 'feed' | 'image'

export interface FetchOptions {
  kind: ResourceKind
  /** Sent as User-Agent; see userAgentFor(). */
  userAgent?: string
  /** Whole exchange, redirects and body included. */
  timeoutMs?: number
  /** From opening a socket to the connection being made (TLS included). */
  connectTimeoutMs?: number
  /** Cap on the decoded (decompressed) body. */
  maxBytes?: number
  maxRedirects?: number
  /** Lets the caller cancel (the app quitting, the user giving up). */
  signal?: AbortSignal
  /** Conditional GET: answered with notModified instead of a body when the resource is unchanged. */
  etag?: string | null
  lastModified?: string | null
}

export interface FetchedResource {
  /** Where the body came from, after redirects. */
  url: string
  status: number
  contentType: string | null
  /** Lowercased, without parameters; "" when the server sent none. */
  mediaType: string
  /** Empty when notModified. */
  bytes: Uint8Array
  etag: string | null
  lastModified: string | null
  notModified: boolean
}

export const fetchDefaults = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const

/** Names the app honestly, so site owners can tell a reader saving a page from a crawler. */
export const userAgentFor = (version: string): string => `Warta/${version} (+offline reader)`

const ACCEPT: Readonly<Record<ResourceKind, string>> = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1',
  image: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1',
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Whether a media type is acceptable for the kind of resource asked for. */
export function acceptsMediaType(kind: ResourceKind, mediaType: string): boolean {
  switch (kind) {
    case 'page':
      // Servers that send no type at all are given the benefit of the doubt; the body is checked later.
      return mediaType === '' || mediaType === 'text/html' || mediaType === 'application/xhtml+xml'
    case 'feed':
      // Feeds are served under a zoo of types (text/plain, octet-stream, text/html by mistake);
      // the feed parser is the real judge, so only clearly non-text types are refused here.
      return (
        mediaType === '' ||
        mediaType.startsWith('text/') ||
        /^application\/(?:[\w.+-]*\+)?(?:xml|json)$/.test(mediaType) ||
        mediaType === 'application/octet-stream'
      )
    case 'image':
      // SVG can carry script; raster formats cannot. The bytes' signature is checked afterwards.
      return (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml') || mediaType === '' || mediaType === 'application/octet-stream'
  }
}

export async function fetchResource(rawUrl: string, options: FetchOptions): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? fetchDefaults.timeoutMs
  const maxRedirects = options.maxRedirects ?? fetchDefaults.maxRedirects
  const maxBytes = options.maxBytes ?? fetchDefaults.maxBytes
  const firstUrl = parseHttpUrl(rawUrl)
  const shown = shortUrl(firstUrl.href)

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onCallerAbort = (): void => controller.abort()
  options.signal?.addEventListener('abort', onCallerAbort, { once: true })
  if (options.signal?.aborted) controller.abort()

  const failure = (e: unknown): unknown => {
    if (timedOut) return webError('TIMEOUT', `${shown} did not answer within ${Math.round(timeoutMs / 1000)} s`, { url: shown, seconds: Math.max(1, Math.round(timeoutMs / 1000)) })
    if (isAppError(e)) return e
    if (e instanceof ConnectTimeout) {
      return webError('TIMEOUT', `${shown} could not be reached within ${e.seconds} s`, { url: shown, seconds: e.seconds })
    }
    if (options.signal?.aborted) return webError('FETCH_FAILED', `Fetching ${shown} was cancelled`, { url: shown, reason: 'cancelled', context: 'cancelled' })
    const { reason, context } = reasonOf(e)
    return webError('FETCH_FAILED', `Could not fetch ${shown}: ${reason}`, { url: shown, reason, ...(context ? { context } : {}) }, { cause: e })
  }

  try {
    let url = firstUrl
    for (let hop = 0; ; hop++) {
      const res = await send(url, options, controller.signal)
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (REDIRECT_STATUSES.has(status) && location) {
        res.destroy()
        if (hop >= maxRedirects) throw webError('TOO_MANY_REDIRECTS', `${shown} redirected more than ${maxRedirects} times`, { url: shown, max: maxRedirects })
        // Each hop is a new address a server chose: it gets the same scheme check as the first.
        url = parseHttpUrl(location, url)
        continue
      }
      const etag = headerOf(res, 'etag')
      const lastModified = headerOf(res, 'last-modified')
      const contentType = headerOf(res, 'content-type')
      const mediaType = mediaTypeOf(contentType)
      const common = { url: url.href, status, contentType, mediaType, etag, lastModified }
      if (status === 304 && (options.etag || options.lastModified)) {
        res.destroy()
        return { ...common, bytes: new Uint8Array(0), notModified: true }
      }
      if (status < 200 || status > 299) {
        res.destroy()
        throw webError('HTTP_STATUS', `${shown} answered with HTTP status ${status}`, { url: shown, status })
      }
      if (!acceptsMediaType(options.kind, mediaType)) {
        res.destroy()
        throw notAccepted(options.kind, shown, mediaType)
      }
      const bytes = await readBody(res, maxBytes, shown)
      return { ...common, bytes, notModified: false }
    }
  } catch (e) {
    throw failure(e)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onCallerAbort)
  }
}

function notAccepted(kind: ResourceKind, url: string, mediaType: string): Error {
  const type = mediaType || 'unknown'
  if (kind === 'page') return webError('NOT_HTML', `${url} is not a web page (${type})`, { url, type })
  if (kind === 'feed') return webError('NOT_FEED', `${url} is not a feed (${type})`, { name: url, url, type })
  return webError('UNSUPPORTED', `${url} is not an image Warta keeps (${type})`, { name: url, url, type })
}

class ConnectTimeout extends Error {
  readonly seconds: number
  constructor(ms: number) {
    super('no connection in time')
    this.seconds = Math.max(1, Math.round(ms / 1000))
  }
}

function send(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? userAgentFor('0'),
    accept: ACCEPT[options.kind],
    'accept-encoding': 'gzip, deflate, br',
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  const connectTimeoutMs = options.connectTimeoutMs ?? fetchDefaults.connectTimeoutMs
  const secure = url.protocol === 'https:'

  return new Promise((resolve, reject) => {
    // No shared agent: no pooled sockets or cookies outlive one save.
    const req = (secure ? httpsRequest : httpRequest)(url, { method: 'GET', headers, agent: false, signal }, resolve)
    req.on('error', reject)
    req.on('socket', (socket) => {
      if (!socket.connecting) return
      const timer = setTimeout(() => req.destroy(new ConnectTimeout(connectTimeoutMs)), connectTimeoutMs)
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(timer))
      socket.once('close', () => clearTimeout(timer))
    })
    req.end()
  })
}

/** Reads the body through the right decompressor, counting decoded bytes and stopping at the cap. */
async function readBody(res: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = () =>
    webError('TOO_LARGE', `${url} is larger than ${megabytes(maxBytes)} MB`, { name: url, maxMegabytes: megabytes(maxBytes) })
  const coding = (headerOf(res, 'content-encoding') ?? 'identity').trim().toLowerCase()
  const declaredLength = Number(headerOf(res, 'content-length') ?? NaN)
  if ((coding === 'identity' || coding === '') && declaredLength > maxBytes) {
    res.destroy()
    throw tooLarge()
  }
  const body = decoded(res, coding, url)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > maxBytes) throw tooLarge()
      chunks.push(buffer)
    }
  } finally {
    // Stops the decompressor and the socket at once, whether the body ended, overflowed or failed.
    body.destroy()
    res.destroy()
  }
  return new Uint8Array(Buffer.concat(chunks, size))
}

function decoded(res: IncomingMessage, coding: string, url: string): Readable {
  const decompressor =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : null
  if (coding === 'identity' || coding === '') return res
  if (!decompressor) {
    res.destroy()
    throw webError('FETCH_FAILED', `${url} used an unknown compression (${coding})`, { url, reason: `unknown content encoding ${coding}` })
  }
  // Errors surface through the decompressor's iterator; the callback only keeps pipeline from throwing.
  pipeline(res, decompressor, () => {})
  return decompressor
}

function headerOf(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

/**
 * Why a fetch failed: English for logs and the CLI, and the context that picks the translated
 * message (errors FETCH_FAILED_<context>); no context for reasons without a translation.
 */
function reasonOf(e: unknown): { reason: string; context?: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { reason: 'the server name could not be found', context: 'nameNotFound' }
    case 'ECONNREFUSED':
      return { reason: 'the connection was refused', context: 'refused' }
    case 'ECONNRESET':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return { reason: 'the connection was cut off', context: 'cutOff' }
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR_BROTLI_DECOMPRESSION_FAILED':
      return { reason: 'the server sent damaged compressed data', context: 'damaged' }
    default:
      if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return { reason: 'the secure connection could not be verified', context: 'insecure' }
      return { reason: e instanceof Error ? e.message : String(e) }
  }
}
