// The subscriptions of one archive, in <archiveDir>/feeds.json (atomic writes, checked on read).
// Every change is saved before it is visible; a failed save leaves memory as it was.
import { join } from 'node:path'
import { Low } from 'lowdb'
import { AtomicJsonFile, CorruptFileError } from '../archive/atomicJsonFile'
import { parseHttpUrl } from '../net/httpUrl'
import { webError } from '../web/webErrors'
import { emptyFeeds, feedIdOf, FeedsFile, type FeedId, type Retention, type Subscription } from './subscription'

export const FEEDS_FILE = 'feeds.json'

export interface NewSubscription {
  url: string
  title?: string | null
  siteUrl?: string | null
  retention?: Retention
}

export class FeedStore {
  readonly #db: Low<FeedsFile>
  readonly #now: () => Date

  private constructor(db: Low<FeedsFile>, now: () => Date) {
    this.#db = db
    this.#now = now
  }

  static async open(archiveDir: string, options: { now?: () => Date } = {}): Promise<FeedStore> {
    const path = join(archiveDir, FEEDS_FILE)
    const decode = (json: unknown): FeedsFile => {
      const parsed = FeedsFile.safeParse(json)
      if (!parsed.success) throw new CorruptFileError(path, parsed.error.issues[0]?.message ?? 'wrong shape')
      return parsed.data
    }
    const db = new Low(new AtomicJsonFile<FeedsFile>(path, { decode, pretty: true }), emptyFeeds())
    await db.read()
    return new FeedStore(db, options.now ?? (() => new Date()))
  }

  list(): Subscription[] {
    return [...this.#db.data.subscriptions]
  }

  get(id: string): Subscription {
    const found = this.#db.data.subscriptions.find((s) => s.id === id)
    if (!found) throw webError('NOT_FOUND', `No subscription ${id}`, { id })
    return found
  }

  /** Subscribes; ALREADY_SUBSCRIBED when the address is already followed. Nothing is fetched here. */
  async add(input: NewSubscription): Promise<Subscription> {
    const url = parseHttpUrl(input.url).href
    const id = feedIdOf(url)
    if (this.#db.data.subscriptions.some((s) => s.id === id)) {
      throw webError('ALREADY_SUBSCRIBED', `${url} is already followed`, { url })
    }
    const subscription = this.#newSubscription(id, url, input)
    await this.#change((subs) => [...subs, subscription])
    return subscription
  }

  /** Adds each address not yet followed (OPML import); returns the new subscriptions and how many were already there. */
  /** A subscription not fetched yet; its title is the host until the feed names itself. */
  #newSubscription(id: FeedId, url: string, input: NewSubscription): Subscription {
    return {
      id,
      url,
      title: input.title?.trim() || new URL(url).hostname,
      siteUrl: input.siteUrl ?? null,
      addedAt: this.#now().toISOString(),
      lastFetched: null,
      lastError: null,
      etag: null,
      lastModified: null,
      retention: input.retention ?? {},
      seen: [],
    }
  }

  async addMany(inputs: readonly NewSubscription[]): Promise<{ added: Subscription[]; alreadyFollowed: number }> {
    const known = new Set(this.#db.data.subscriptions.map((s) => s.id))
    const added: Subscription[] = []
    let alreadyFollowed = 0
    for (const input of inputs) {
      const url = parseHttpUrl(input.url).href
      const id = feedIdOf(url)
      if (known.has(id)) {
        alreadyFollowed++
        continue
      }
      known.add(id)
      added.push(this.#newSubscription(id, url, input))
    }
    if (added.length > 0) await this.#change((subs) => [...subs, ...added])
    return { added, alreadyFollowed }
  }

  /** Stores a subscription as a refresh left it. */
  async update(subscription: Subscription): Promise<void> {
    this.get(subscription.id)
    await this.#change((subs) => subs.map((s) => (s.id === subscription.id ? subscription : s)))
  }

  async setRetention(id: string, retention: Retention): Promise<Subscription> {
    const updated = { ...this.get(id), retention }
    await this.update(updated)
    return updated
  }

  async remove(id: string): Promise<void> {
    this.get(id)
    await this.#change((subs) => subs.filter((s) => s.id !== id))
  }

  async #change(next: (subs: Subscription[]) => Subscription[]): Promise<void> {
    const previous = this.#db.data.subscriptions
    this.#db.data.subscriptions = next(previous)
    try {
      await this.#db.write()
    } catch (e) {
      this.#db.data.subscriptions = previous
      throw e
    }
  }
}

export const openFeedStore = (archiveDir: string, options?: { now?: () => Date }): Promise<FeedStore> => FeedStore.open(archiveDir, options)
