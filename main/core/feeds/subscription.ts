// A feed subscription as stored in <archiveDir>/feeds.json, and the retention rules a person
// sets per feed. Kept apart from the catalogue: a refresh rewrites this small file, never it.
import { createHash } from 'node:crypto'
import { z } from 'zod'

const IsoDate = z.iso.datetime({ offset: true })

// How many of a feed's articles to keep is the contract's rule, stored as given.
import { FeedId, FeedRetention as Retention } from '../../../preload/contract'

export { FeedId, Retention }

/** An error as stored: the code is a string here so an older build can still read codes added later. */
export const StoredError = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type StoredError = z.infer<typeof StoredError>

/** How many item keys a subscription remembers: enough for any feed's window, so a dropped item is not fetched again. */
export const MAX_SEEN = 2000

export const Subscription = z.object({
  id: FeedId,
  /** The feed address as given; redirects are followed on each refresh, not stored. */
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  addedAt: IsoDate,
  lastFetched: IsoDate.nullable(),
  /** The last refresh's failure; null once a refresh succeeds. */
  lastError: StoredError.nullable(),
  /** Conditional GET validators from the last answer. */
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  retention: Retention,
  /** Keys of items already handled (see itemKeyOf), newest first. */
  seen: z.array(z.string()).max(MAX_SEEN),
})
export type Subscription = z.infer<typeof Subscription>

export const FEEDS_VERSION = 1
export const FeedsFile = z.object({
  version: z.literal(FEEDS_VERSION),
  subscriptions: z.array(Subscription),
})
export type FeedsFile = z.infer<typeof FeedsFile>
export const emptyFeeds = (): FeedsFile => ({ version: FEEDS_VERSION, subscriptions: [] })

/** One id per feed address, so subscribing twice is recognised. */
export function feedIdOf(url: string): FeedId {
  return createHash('sha256').update(new URL(url).href).digest('hex').slice(0, 16)
}
