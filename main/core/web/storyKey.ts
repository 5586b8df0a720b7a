// Recognises a story that is imported again — the same page saved twice, a feed item seen on
// the next refresh, a dispatch re-sent with a correction — so it becomes a new version of the
// archived article instead of a second article. Pure functions; the archive keeps the index.
import { normaliseTitle } from '../archive/titles'

export interface StoryFacts {
  url?: string | null
  /** The subscription the item came from; guids are only unique within one feed. */
  feedId?: string | null
  feedGuid?: string | null
  title: string
  /** A title derived from the first sentence says nothing about identity. */
  titleDerived?: boolean
  publishedAt: string | null
  dateline?: { place: string | null } | null
}

/** Query parameters that track the reader rather than name the page. */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ref_src|ref_url|cmpid|at_medium|at_campaign)$/i
/** Shorter normalised titles ("berita", "update") are too common to identify a story by. */
const MIN_TITLE_KEY_LENGTH = 12

/**
 * One spelling per page address: no fragment, no tracking parameters, no scheme (http and
 * https name the same story), no "www.", no default port, no trailing slash, parameters sorted.
 * Null when `url` is not an http(s) address.
 */
export function normaliseStoryUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '')
  const port = parsed.port && parsed.port !== '80' && parsed.port !== '443' ? `:${parsed.port}` : ''
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : ''
  const params = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : ''
  return `${host}${port}${path}${query}`
}

/**
 * Every key a story can be recognised by. Two stories sharing any key are the same story:
 * `url:` (normalised address), `guid:` (feed and item id), `title:` (day, place and title).
 */
export function storyKeysOf(story: StoryFacts): string[] {
  const keys: string[] = []
  const url = story.url ? normaliseStoryUrl(story.url) : null
  if (url) keys.push(`url:${url}`)
  const guid = story.feedGuid?.trim()
  if (guid) {
    if (story.feedId) keys.push(`guid:${story.feedId}:${guid}`)
    // A permalink guid is an address too, and finds the page saved by hand.
    const guidUrl = /^https?:\/\//i.test(guid) ? normaliseStoryUrl(guid) : null
    if (guidUrl && guidUrl !== url) keys.push(`url:${guidUrl}`)
  }
  const title = story.titleDerived ? '' : normaliseTitle(story.title)
  const day = story.publishedAt?.slice(0, 10)
  if (title.length >= MIN_TITLE_KEY_LENGTH && day) {
    const place = story.dateline?.place ? normaliseTitle(story.dateline.place) : ''
    keys.push(`title:${day}:${place}:${title}`)
  }
  return keys
}

export function isSameStory(a: StoryFacts, b: StoryFacts): boolean {
  const keys = new Set(storyKeysOf(a))
  return storyKeysOf(b).some((k) => keys.has(k))
}

/** An archived article as the decision needs it: its id and the content hash of every version. */
export interface ArchivedStory {
  articleId: string
  contentHashes: readonly string[]
}

export type ReimportDecision =
  | { kind: 'new' }
  /** Same story, same text as one of its versions: nothing to store. */
  | { kind: 'unchanged'; articleId: string }
  /** Same story, different text: store as a new version of that article. */
  | { kind: 'new-version'; articleId: string }

/**
 * What to do with an incoming story. `find` looks a key up in the archive's story index;
 * the first key that finds an article decides (URL before guid before title).
 */
export function decideReimport(
  incoming: StoryFacts & { contentHash: string },
  find: (key: string) => ArchivedStory | null,
): ReimportDecision {
  for (const key of storyKeysOf(incoming)) {
    const existing = find(key)
    if (!existing) continue
    return existing.contentHashes.includes(incoming.contentHash)
      ? { kind: 'unchanged', articleId: existing.articleId }
      : { kind: 'new-version', articleId: existing.articleId }
  }
  return { kind: 'new' }
}
