// Saves an article's images into the archive so it reads with no network: each image is
// fetched (or decoded from a data: URL), checked by its signature, stored once under
// <archiveDir>/media/<articleId>/<sha256-16>.<ext>, and the HTML is rewritten to point there.
// An image that cannot be kept is dropped from the HTML and listed, never fatal to the article.
import { createHash } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MEDIA_DIR } from '../../archive/bodyFiles'
import { isAppError } from '../../errors'
import { fetchResource, type FetchOptions } from '../../net/safeFetch'
import { finaliseArticleHtmlString, type ArticleHtml } from './articleHtml'
import { sniffImageFormat } from './imageFormat'

export interface SavedImage {
  /** Where it came from: its address, or "data:" for an image embedded in a saved page. */
  source: string
  type: string
  bytes: number
}

export type SkipReason = 'TOO_LARGE' | 'NOT_IMAGE' | 'UNREACHABLE' | 'LIMIT' | 'NO_NETWORK'

export interface SkippedImage {
  source: string
  reason: SkipReason
  /** The fetch error's code when the reason is UNREACHABLE (TIMEOUT, HTTP_STATUS…). */
  code?: string
}

export interface OfflineImagesOptions {
  archiveDir: string
  articleId: string
  /** False: only images embedded in the page (data: URLs) are kept; nothing is fetched. */
  network?: boolean
  fetch?: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs' | 'signal'>
  maxImageBytes?: number
  maxArticleBytes?: number
  maxImages?: number
  concurrency?: number
}

export interface OfflineArticleHtml extends ArticleHtml {
  /** File name (in the article's media folder) → what it is. */
  images: Record<string, SavedImage>
  skipped: SkippedImage[]
}

export const imageLimits = {
  maxImageBytes: 5 * 1024 * 1024,
  maxArticleBytes: 30 * 1024 * 1024,
  maxImages: 100,
  concurrency: 4,
} as const

export { MEDIA_DIR }
const ARTICLE_ID = /^[a-z0-9]{16}$/
let tempCounter = 0

/** The path stored in `img src`, relative to the archive: served as is by the app's protocol and the preview host. */
export const mediaPathOf = (articleId: string, file: string): string => `${MEDIA_DIR}/${articleId}/${file}`
export const mediaDirOf = (archiveDir: string, articleId: string): string => join(archiveDir, MEDIA_DIR, checkedId(articleId))

export async function keepImagesOffline(htmlWithRemoteImages: string, options: OfflineImagesOptions): Promise<OfflineArticleHtml> {
  const dir = mediaDirOf(options.archiveDir, options.articleId)
  const maxImageBytes = options.maxImageBytes ?? imageLimits.maxImageBytes
  const maxArticleBytes = options.maxArticleBytes ?? imageLimits.maxArticleBytes
  const maxImages = options.maxImages ?? imageLimits.maxImages
  const sources = imageSourcesOf(htmlWithRemoteImages)

  const saved = new Map<string, string>()
  const images: Record<string, SavedImage> = {}
  const skipped: SkippedImage[] = []
  let total = 0

  const keep = async (source: string): Promise<void> => {
    const got = await bytesOf(source, options, maxImageBytes)
    if ('reason' in got) {
      skipped.push({ source: shown(source), ...got })
      return
    }
    const format = sniffImageFormat(got.bytes)
    if (!format) {
      skipped.push({ source: shown(source), reason: 'NOT_IMAGE' })
      return
    }
    if (total + got.bytes.length > maxArticleBytes) {
      skipped.push({ source: shown(source), reason: 'LIMIT' })
      return
    }
    total += got.bytes.length
    const file = `${createHash('sha256').update(got.bytes).digest('hex').slice(0, 16)}.${format.ext}`
    await writeOnce(dir, file, got.bytes)
    images[file] = { source: shown(source), type: format.type, bytes: got.bytes.length }
    saved.set(source, mediaPathOf(options.articleId, file))
  }

  const queue = sources.slice(0, maxImages)
  for (const source of sources.slice(maxImages)) skipped.push({ source: shown(source), reason: 'LIMIT' })
  const workers = Array.from({ length: Math.min(options.concurrency ?? imageLimits.concurrency, queue.length) }, async () => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) await keep(source)
  })
  await Promise.all(workers)

  const body = finaliseArticleHtmlString(htmlWithRemoteImages, { images: (src) => saved.get(src) ?? null })
  return { ...body, images, skipped }
}

/** The stored HTML with every image dropped: for when nothing may be fetched and nothing is embedded. */
export function withoutImages(htmlWithRemoteImages: string): ArticleHtml {
  return finaliseArticleHtmlString(htmlWithRemoteImages, { images: () => null })
}

/** Deletes an article's saved images (when the article is removed, or its save failed). */
export async function removeArticleMedia(archiveDir: string, articleId: string): Promise<void> {
  await rm(mediaDirOf(archiveDir, articleId), { recursive: true, force: true })
}

function imageSourcesOf(html: string): string[] {
  // The HTML was written by the sanitiser, so src values are plain attribute text; a regex
  // over it avoids building a DOM just to list them.
  const sources = new Set<string>()
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)) sources.add(decodeAttribute(match[1] as string))
  return [...sources]
}

function decodeAttribute(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
}

type Got = { bytes: Uint8Array } | { reason: SkipReason; code?: string }

async function bytesOf(source: string, options: OfflineImagesOptions, maxBytes: number): Promise<Got> {
  const data = /^data:image\/[\w.+-]+;base64,(.*)$/is.exec(source)
  if (data) {
    const base64 = (data[1] as string).replace(/\s+/g, '')
    if ((base64.length * 3) / 4 > maxBytes + 3) return { reason: 'TOO_LARGE' }
    return { bytes: new Uint8Array(Buffer.from(base64, 'base64')) }
  }
  if (options.network === false) return { reason: 'NO_NETWORK' }
  try {
    const res = await fetchResource(source, { ...options.fetch, kind: 'image', maxBytes })
    return { bytes: res.bytes }
  } catch (e) {
    if (!isAppError(e)) throw e
    if (e.code === 'TOO_LARGE') return { reason: 'TOO_LARGE' }
    if (e.code === 'UNSUPPORTED') return { reason: 'NOT_IMAGE' }
    return { reason: 'UNREACHABLE', code: e.code }
  }
}

/** Content-addressed, so an image already saved (a re-import, a second <img> of it) is not written again. */
async function writeOnce(dir: string, file: string, bytes: Uint8Array): Promise<void> {
  const path = join(dir, file)
  if (await stat(path).then(() => true, () => false)) return
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${file}.${process.pid}.${++tempCounter}.tmp`)
  try {
    await writeFile(temp, bytes)
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}

function checkedId(articleId: string): string {
  // The id becomes a directory name; anything but the contract's id shape could escape the archive.
  if (!ARTICLE_ID.test(articleId)) throw new Error(`not an article id: ${JSON.stringify(articleId)}`)
  return articleId
}

function shown(source: string): string {
  return source.startsWith('data:') ? 'data:' : source
}
