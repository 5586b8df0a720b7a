// Subscriptions working end to end over one archive: following a feed (or the feed a page
// announces), refreshing — one feed after another, never two at once — with every new item
// saved whole and its images kept offline, each feed's retention rule, unsubscribing, OPML.
import { ErrorCode, type AppErrorData, type FeedRefreshResult, type FeedSummary } from '../../../preload/contract'
import type { Archive } from '../archive/archive'
import { SerialQueue } from '../archive/serialQueue'
import { AppError } from '../errors'
import { decodeWebText } from '../net/charset'
import type { FetchOptions } from '../net/safeFetch'
import { extractInProcess, type ExtractArticle } from '../web/articleExtractor'
import { webError } from '../web/webErrors'
import { addWithImages, prepareWebArticle, type PreparedWebArticle } from '../web/webImport'
import { discoverFeedUrl } from './feedDiscovery'
import { parseFeedDocument } from './feedDocument'
import { openFeedStore, type FeedStore } from './feedStore'
import { opmlOf, parseOpmlEntries } from './opml'
import { refreshSubscription } from './refreshFeed'
import { articlesToDrop } from './retention'
import type { Retention, StoredError, Subscription } from './subscription'

export interface FeedServiceOptions {
  archive: Archive
  extract?: ExtractArticle
  fetch?: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs'>
  now?: () => Date
}

export class FeedService {
  readonly #archive: Archive
  readonly #extract: ExtractArticle
  readonly #fetch: FeedServiceOptions['fetch']
  readonly #now: () => Date
  /** Refreshes and changes to subscriptions, one at a time: a timer's refresh and a click never interleave. */
  readonly #queue = new SerialQueue()
  #store: Promise<FeedStore> | null = null

  constructor(options: FeedServiceOptions) {
    this.#archive = options.archive
    this.#extract = options.extract ?? extractInProcess
    this.#fetch = options.fetch
    this.#now = options.now ?? (() => new Date())
  }

  async list(): Promise<FeedSummary[]> {
    const store = await this.#feeds()
    const counts = this.#archive.feedArticleCounts()
    return store.list().map((s) => summaryOf(s, counts.get(s.id) ?? 0))
  }

  /** Follows `url` — or the feed the page at `url` announces — and refreshes it once. A feed that cannot be read is not kept. */
  add(url: string): Promise<{ feed: FeedSummary; refresh: FeedRefreshResult }> {
    return this.#queue.run(async () => {
      const store = await this.#feeds()
      const feedUrl = await discoverFeedUrl(url, this.#fetch ?? {})
      const subscription = await store.add({ url: feedUrl })
      let refresh: FeedRefreshResult
      try {
        refresh = await this.#refreshOne(store, subscription)
      } catch (e) {
        await store.remove(subscription.id).catch(() => {})
        throw e
      }
      if (refresh.error) {
        await store.remove(subscription.id)
        throw new AppError(refresh.error.code, refresh.error.message, refresh.error.params ?? {})
      }
      return { feed: await this.#summary(store, subscription.id), refresh }
    })
  }

  /** Refreshes one feed, or all of them in turn; a feed that fails is recorded and the others go on. */
  refresh(feedId?: string): Promise<FeedRefreshResult[]> {
    return this.#queue.run(async () => {
      const store = await this.#feeds()
      const targets = feedId ? [store.get(feedId)] : store.list()
      const results: FeedRefreshResult[] = []
      for (const target of targets) {
        // Unsubscribed meanwhile (only possible between queued tasks, but cheap to check).
        if (!store.list().some((s) => s.id === target.id)) continue
        results.push(await this.#refreshOne(store, store.get(target.id)))
      }
      return results
    })
  }

  remove(feedId: string, deleteArticles: boolean): Promise<{ removedArticles: number; keptArticles: number }> {
    return this.#queue.run(async () => {
      const store = await this.#feeds()
      store.get(feedId)
      const articles = this.#archive.articlesOfFeed(feedId).map((a) => a.articleId)
      const droppable = deleteArticles ? articles.filter((id) => !this.#archive.isKept(id)) : []
      await store.remove(feedId)
      const removed = await this.#archive.removeArticles(droppable)
      return { removedArticles: removed.length, keptArticles: articles.length - removed.length }
    })
  }

  setRetention(feedId: string, retention: Retention): Promise<{ feed: FeedSummary; removedArticles: number }> {
    return this.#queue.run(async () => {
      const store = await this.#feeds()
      const updated = await store.setRetention(feedId, retention)
      const removedArticles = await this.#applyRetention(updated)
      return { feed: await this.#summary(store, feedId), removedArticles }
    })
  }

  /**
   * "Subscribe from a file": an OPML list (each feed in it is followed, none fetched yet) or a
   * saved feed (the feed it says it lives at is followed).
   */
  importFile(name: string, bytes: Uint8Array): Promise<{ added: FeedSummary[]; alreadyFollowed: number }> {
    return this.#queue.run(async () => {
      const store = await this.#feeds()
      const text = decodeWebText(bytes, { kind: /^\s*[{[]/.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1')) ? 'json' : 'xml' })
      if (!/\S/.test(text)) throw webError('EMPTY', `${name} is empty`, { name })
      const entries = /<opml\b/i.test(text.slice(0, 4096))
        ? parseOpmlEntries(text, name)
        : [selfEntryOf(text, name)]
      const { added, alreadyFollowed } = await store.addMany(entries)
      const counts = this.#archive.feedArticleCounts()
      return { added: added.map((s) => summaryOf(s, counts.get(s.id) ?? 0)), alreadyFollowed }
    })
  }

  async exportOpml(): Promise<{ fileName: string; content: string }> {
    const store = await this.#feeds()
    const now = this.#now()
    return { fileName: `warta-feeds-${now.toISOString().slice(0, 10)}.opml`, content: opmlOf(store.list(), now) }
  }

  // -- internals -------------------------------------------------------------

  #feeds(): Promise<FeedStore> {
    this.#store ??= openFeedStore(this.#archive.dir, { now: this.#now }).catch((e: unknown) => {
      this.#store = null
      throw e
    })
    return this.#store
  }

  async #summary(store: FeedStore, id: string): Promise<FeedSummary> {
    return summaryOf(store.get(id), this.#archive.feedArticleCounts().get(id) ?? 0)
  }

  async #refreshOne(store: FeedStore, subscription: Subscription): Promise<FeedRefreshResult> {
    const archive = this.#archive
    const result = await refreshSubscription(subscription, {
      ...(this.#fetch ? { fetch: this.#fetch } : {}),
      now: this.#now,
      extract: this.#extract,
      isArchived: (keys) => archive.findStory(keys) !== null,
    })
    const base = { feedId: subscription.id, title: result.subscription.title, itemFailures: result.failures.map((f) => ({ ...f, error: contractError(f.error) })) }
    if (result.subscription.lastError) {
      await store.update(result.subscription)
      return { ...base, added: 0, newVersions: 0, removed: 0, error: contractError(result.subscription.lastError) }
    }

    const prepared: PreparedWebArticle[] = []
    for (const draft of result.articles) {
      prepared.push(await prepareWebArticle(archive, draft, { network: true, feedId: subscription.id, ...(this.#fetch ? { fetch: this.#fetch } : {}) }))
    }
    try {
      const outcomes = prepared.length > 0 ? await addWithImages(archive, prepared.map((p) => p.article), prepared) : []
      // Only now are the items remembered as seen: had the save failed, they would be tried again.
      await store.update(result.subscription)
      const removed = await this.#applyRetention(result.subscription)
      return {
        ...base,
        added: outcomes.filter((o) => o.status === 'imported').length,
        newVersions: outcomes.filter((o) => o.status === 'newVersion').length,
        removed,
        error: null,
      }
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      await store.update({ ...subscription, lastFetched: result.subscription.lastFetched, lastError: e.toData() }).catch(() => {})
      return { ...base, added: 0, newVersions: 0, removed: 0, error: e.toData() }
    }
  }

  /** Drops what the feed's rule lets go; bookmarked and annotated articles always stay. */
  async #applyRetention(subscription: Subscription): Promise<number> {
    const { keepLast, keepDays } = subscription.retention
    if (keepLast === undefined && keepDays === undefined) return 0
    const archive = this.#archive
    const drop = articlesToDrop(archive.articlesOfFeed(subscription.id), subscription.retention, this.#now(), (id) => archive.isKept(id))
    return drop.length > 0 ? (await archive.removeArticles(drop)).length : 0
  }
}

/** The feed a saved feed file says it lives at. */
function selfEntryOf(text: string, name: string): { url: string; title: string | null; siteUrl: string | null } {
  const doc = parseFeedDocument(text, name)
  if (!doc.selfUrl) throw webError('NOT_FEED', `${name} does not say where the feed lives online`, { name })
  return { url: doc.selfUrl, title: doc.title, siteUrl: doc.siteUrl }
}

/** A stored error as the contract carries it; a code this build does not know reads as a failed fetch. */
function contractError(error: StoredError | AppErrorData): AppErrorData {
  const code = ErrorCode.safeParse(error.code)
  return {
    code: code.success ? code.data : 'FETCH_FAILED',
    message: error.message,
    ...(error.params ? { params: error.params } : {}),
  }
}

function summaryOf(s: Subscription, articleCount: number): FeedSummary {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    siteUrl: s.siteUrl,
    addedAt: s.addedAt,
    lastFetched: s.lastFetched,
    lastError: s.lastError ? contractError(s.lastError) : null,
    articleCount,
    retention: s.retention,
  }
}
