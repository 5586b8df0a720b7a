// "Follow this site": a person often pastes a site's or an article's address rather than its
// feed's. A page that announces its feed (<link rel="alternate" type="application/rss+xml">)
// is followed through that feed, as browsers and feed readers do.
import { decodeWebText } from '../net/charset'
import { httpUrlOf } from '../net/httpUrl'
import { fetchResource, type FetchOptions } from '../net/safeFetch'

const FEED_TYPES = /^application\/(?:rss|atom|feed)\+(?:xml|json)$|^application\/json$/i
/** Only the head of a page is searched: feeds are announced there. */
const HEAD_CHARS = 256 * 1024

/** The feed addresses a page announces, in page order. */
export function announcedFeeds(html: string, pageUrl: string): string[] {
  const head = html.slice(0, HEAD_CHARS)
  const found: string[] = []
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = attributesOf(tag)
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/)
    if (!rel.includes('alternate') || !FEED_TYPES.test((attrs.get('type') ?? '').trim())) continue
    const url = httpUrlOf(decodeEntities(attrs.get('href') ?? ''), pageUrl)
    if (url && !found.includes(url)) found.push(url)
  }
  return found
}

/**
 * The feed to follow for an address: the address itself when it serves a feed (or anything
 * not HTML: the feed parser judges), else the first feed the page announces. Network errors
 * are left to the refresh that follows, which reports them.
 */
export async function discoverFeedUrl(url: string, options: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs' | 'signal'>): Promise<string> {
  let res
  try {
    res = await fetchResource(url, { ...options, kind: 'feed' })
  } catch {
    return url
  }
  const head = Buffer.from(res.bytes.subarray(0, 2048)).toString('latin1')
  const looksHtml = res.mediaType === 'text/html' || res.mediaType === 'application/xhtml+xml' || /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i.test(head)
  if (!looksHtml) return url
  return announcedFeeds(decodeWebText(res.bytes, { contentType: res.contentType, kind: 'html' }), res.url)[0] ?? url
}

function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const m of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const name = (m[1] as string).toLowerCase()
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attrs
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/gi, '&').replace(/&quot;/gi, '"').replace(/&#39;|&apos;/gi, "'").replace(/&lt;/gi, '<').replace(/&gt;/gi, '>')
}
