// What the web features of one host share: the extraction worker, how to fetch (the app's
// user agent, timeouts) and the feed subscriptions. Made once per handler table.
import type { Archive } from '../archive/archive'
import { FeedService } from '../feeds/feedService'
import { jsdom } from '../import/html/jsdom'
import type { FetchOptions } from '../net/safeFetch'
import { userAgentFor } from '../net/safeFetch'
import { createWorkerExtractor, type ArticleExtractor, type ExtractArticle } from './articleExtractor'

export interface WebOptions {
  /** The app's version, for the User-Agent header. */
  appVersion?: string
  /** Where pages are read; a worker thread of this process by default. */
  extractor?: ArticleExtractor
  /** Tests shorten these. */
  timeouts?: Pick<FetchOptions, 'timeoutMs' | 'connectTimeoutMs'>
  now?: () => Date
}

export interface WebServices {
  extract: ExtractArticle
  /** Starts the page reader ahead of a save; resolves once it is ready (never rejects). */
  warmUp: () => Promise<void>
  fetch: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs'>
  feeds: FeedService
}

export function createWebServices(archive: Archive, options: WebOptions = {}): WebServices {
  // The worker starts on the first page read, not with the host.
  let extractor: ArticleExtractor | null = options.extractor ?? null
  const reader = (): ArticleExtractor => (extractor ??= createWorkerExtractor())
  const extract: ExtractArticle = (html, extractOptions) => reader().extract(html, extractOptions)
  let mainWarmed = false
  const warmUp = (): Promise<void> => {
    // A save also rewrites the page's images in main (offlineImages.ts), with jsdom: loading it
    // blocks main ~1 s, better spent while the address is typed than after Save is pressed.
    // After this turn, so the caller's answer goes out first.
    if (!mainWarmed) {
      mainWarmed = true
      setImmediate(() => jsdom())
    }
    return reader().warmUp()
  }
  const fetch = { userAgent: userAgentFor(options.appVersion ?? '0'), ...options.timeouts }
  return { extract, warmUp, fetch, feeds: new FeedService({ archive, extract, fetch, ...(options.now ? { now: options.now } : {}) }) }
}
