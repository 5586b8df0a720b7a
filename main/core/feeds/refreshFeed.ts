// One refresh of one subscription: a conditional GET of the feed, then an article for each
// item not seen before — from the feed's own content when it carries the whole story, else
// from the linked page. Failures are data: a feed that fails records lastError, an item that
// fails is listed and tried again next time; neither stops the others.
import type { AppErrorData } from '../../../preload/contract'
import { isAppError } from '../errors'
import type { ArticleHints, WebArticleDraft } from '../import/html/htmlArticle'
import { decodeWebText } from '../net/charset'
import { fetchResource, type FetchOptions } from '../net/safeFetch'
import { extractInProcess, type ExtractArticle } from '../web/articleExtractor'
import { fetchArticle } from '../web/fetchArticle'
import { storyKeysOf } from '../web/storyKey'
import { webError } from '../web/webErrors'
import { parseFeedDocument, type FeedDocument, type FeedItem } from './feedDocument'
import { MAX_SEEN, type Subscription } from './subscription'

export interface RefreshOptions {
  fetch?: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs' | 'signal' | 'maxBytes'>
  now?: () => Date
  /** New items handled per refresh at most; the rest wait for the next refresh. */
  maxNewItems?: number
  /** Feed content with less text than this is a teaser, and the linked page is fetched instead. */
  minContentChars?: number
  /**
   * Whether the archive already holds a story with any of these keys (storyKey.ts). Such items
   * are marked seen without fetching, so subscribing to a feed of pages saved by hand adds nothing twice.
   */
  isArchived?: (storyKeys: string[]) => boolean
  /** Where pages and item content are read (articleExtractor.ts); in this thread by default. */
  extract?: ExtractArticle
}

export interface ItemFailure {
  url: string | null
  title: string | null
  error: AppErrorData
}

export interface RefreshResult {
  /** The subscription as it should now be stored (validators, seen items, lastError). */
  subscription: Subscription
  /** New articles, oldest first, images not yet saved (keepImagesOffline). */
  articles: WebArticleDraft[]
  failures: ItemFailure[]
  notModified: boolean
}

export const refreshDefaults = {
  maxNewItems: 30,
  minContentChars: 500,
} as const

/** How an item is recognised on the next refresh: its guid, else its link, else title and date. */
export function itemKeyOf(item: FeedItem): string | null {
  if (item.guid) return `guid:${item.guid}`
  if (item.url) return `url:${item.url}`
  if (item.title) return `title:${item.title}|${item.publishedAt ?? ''}`
  return null
}

export async function refreshSubscription(subscription: Subscription, options: RefreshOptions = {}): Promise<RefreshResult> {
  const now = (options.now ?? (() => new Date()))().toISOString()
  const failed = (e: unknown): RefreshResult => {
    if (!isAppError(e)) throw e
    return { subscription: { ...subscription, lastFetched: now, lastError: e.toData() }, articles: [], failures: [], notModified: false }
  }

  let doc: FeedDocument
  let validators: { etag: string | null; lastModified: string | null }
  try {
    const res = await fetchResource(subscription.url, {
      ...options.fetch,
      kind: 'feed',
      etag: subscription.etag,
      lastModified: subscription.lastModified,
    })
    if (res.notModified) {
      return { subscription: { ...subscription, lastFetched: now, lastError: null }, articles: [], failures: [], notModified: true }
    }
    validators = { etag: res.etag, lastModified: res.lastModified }
    const json = /json/.test(res.mediaType) || /^\s*\{/.test(Buffer.from(res.bytes.subarray(0, 64)).toString('latin1'))
    const text = decodeWebText(res.bytes, { contentType: res.contentType, kind: json ? 'json' : 'xml' })
    doc = parseFeedDocument(text, subscription.url, res.url)
  } catch (e) {
    return failed(e)
  }

  const seen = new Set(subscription.seen)
  const maxNew = Math.min(
    options.maxNewItems ?? refreshDefaults.maxNewItems,
    // A first refresh of a feed kept to its last N needs no more than N.
    subscription.lastFetched === null ? (subscription.retention.keepLast ?? Infinity) : Infinity,
  )
  const handled: string[] = []
  const fresh: { item: FeedItem; key: string }[] = []
  for (const item of doc.items) {
    const key = itemKeyOf(item)
    if (!key || seen.has(key)) continue
    const keys = storyKeysOf({ url: item.url, feedId: subscription.id, feedGuid: item.guid, title: item.title ?? '', publishedAt: item.publishedAt })
    if (options.isArchived?.(keys)) {
      handled.push(key)
      continue
    }
    if (fresh.length < maxNew) fresh.push({ item, key })
  }

  const articles: WebArticleDraft[] = []
  const failures: ItemFailure[] = []
  for (const { item, key } of fresh) {
    try {
      articles.push(await articleFromItem(item, doc, subscription, options))
      handled.push(key)
    } catch (e) {
      if (!isAppError(e)) throw e
      failures.push({ url: item.url, title: item.title, error: e.toData() })
    }
  }

  return {
    subscription: {
      ...subscription,
      // The feed's own name replaces the placeholder (the host name) given when subscribing.
      title: subscription.lastFetched === null && doc.title ? doc.title : subscription.title,
      siteUrl: doc.siteUrl ?? subscription.siteUrl,
      lastFetched: now,
      lastError: null,
      ...validators,
      seen: [...new Set([...handled, ...subscription.seen])].slice(0, MAX_SEEN),
    },
    // Feeds list newest first; the archive receives them in the order they were published.
    articles: articles.reverse(),
    failures,
    notModified: false,
  }
}

/** An article for one item: the feed's content when it is the whole story, else the linked page. */
export async function articleFromItem(
  item: FeedItem,
  doc: FeedDocument,
  subscription: Pick<Subscription, 'id' | 'url' | 'title' | 'siteUrl'>,
  options: Pick<RefreshOptions, 'fetch' | 'minContentChars' | 'extract'> = {},
): Promise<WebArticleDraft> {
  const extract = options.extract ?? extractInProcess
  const hints: ArticleHints = {
    title: item.title,
    byline: item.author,
    publishedAt: item.publishedAt,
    siteName: doc.title ?? subscription.title,
    url: item.url,
    languageTag: item.languageTag ?? doc.languageTag,
    feedGuid: item.guid,
  }
  const name = item.url ?? item.title ?? subscription.url
  const content = item.contentHtml ?? item.summaryHtml
  const fromContent = (html: string): Promise<WebArticleDraft> =>
    extract(html, { url: item.url ?? subscription.siteUrl ?? subscription.url, name, readable: false, hints })

  if (content && textLength(content) >= (options.minContentChars ?? refreshDefaults.minContentChars)) return fromContent(content)
  if (item.url) {
    try {
      return await fetchArticle(item.url, { ...options.fetch, hints, extract })
    } catch (e) {
      // The teaser is better than nothing when the page cannot be had.
      if (isAppError(e) && content) return fromContent(content)
      throw e
    }
  }
  if (content) return fromContent(content)
  throw webError('EMPTY', `${name} has no text and no link`, { name })
}

/** Characters of text in an HTML snippet, roughly: enough to tell a teaser from a story. */
function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length
}
