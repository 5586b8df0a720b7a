// Reads an RSS, Atom, RDF or JSON feed (via feedsmith) into the few fields Warta uses. The text
// is checked first: a size cap, and XML that declares its own entities is refused outright —
// feedsmith does not expand them (processEntities is off), but nothing a news feed needs
// comes from an internal DTD, and refusing it means no later parser can be tricked either.
import { parseFeed, type AnyFeed } from 'feedsmith'
import { jsdom } from '../import/html/jsdom'
import { httpUrlOf as resolveHttpUrl } from '../net/httpUrl'
import { isoDateTimeOf } from '../web/isoDateTime'
import { megabytes, webError } from '../web/webErrors'

export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id, RDF about). */
  guid: string | null
  /** The story's page. */
  url: string | null
  title: string | null
  publishedAt: string | null
  author: string | null
  /** The full story as HTML, when the feed carries it (content:encoded, Atom content, content_html). */
  contentHtml: string | null
  /** A teaser (RSS description, Atom summary, JSON summary), as HTML. */
  summaryHtml: string | null
  languageTag: string | null
}

export interface FeedDocument {
  format: 'rss' | 'atom' | 'rdf' | 'json'
  title: string | null
  /** The site the feed belongs to. */
  siteUrl: string | null
  /** Where the feed says it lives (atom:link rel=self, JSON Feed feed_url): how a saved feed file is subscribed to. */
  selfUrl: string | null
  languageTag: string | null
  items: FeedItem[]
}

export const feedLimits = {
  /** Characters of feed text parsed at most (the fetch cap bounds bytes before this). */
  maxChars: 10 * 1024 * 1024,
  /** Items read from one document; a feed listing more is an archive, not a feed. */
  maxItems: 500,
} as const

/** Refuses XML carrying an internal DTD subset or entity declarations (billion laughs and kin). */
export function refuseUnsafeXml(text: string, name: string): void {
  // Declarations can only come before the root element; looking there is enough and cheap.
  const prolog = text.slice(0, prologEnd(text))
  if (/<!ENTITY/i.test(prolog) || /<!DOCTYPE[^>[]*\[/i.test(prolog)) {
    throw webError('NOT_FEED', `${name} declares its own XML entities, which Warta refuses for safety`, { name })
  }
}

/** Where the root element starts: the first "<" that opens neither a declaration, a comment nor a PI. */
function prologEnd(text: string): number {
  const match = /<(?![?!])/.exec(text)
  return match ? match.index : text.length
}

/**
 * `baseUrl` is the feed's own address: relative links in it (common in Atom) resolve against it.
 */
export function parseFeedDocument(text: string, name: string, baseUrl?: string): FeedDocument {
  const httpUrlOf = (value: string | null | undefined): string | null => resolveHttpUrl(value, baseUrl)
  if (text.length > feedLimits.maxChars) {
    throw webError('TOO_LARGE', `${name} is larger than ${megabytes(feedLimits.maxChars)} MB`, { name, maxMegabytes: megabytes(feedLimits.maxChars) })
  }
  const trimmed = text.replace(/^\uFEFF/, '')
  if (!/\S/.test(trimmed)) throw webError('EMPTY', `${name} is empty`, { name })
  if (!trimmed.trimStart().startsWith('{')) refuseUnsafeXml(trimmed, name)

  let parsed: AnyFeed<string>
  try {
    parsed = parseFeed<string>(trimmed, { maxItems: feedLimits.maxItems })
  } catch (e) {
    // feedsmith's own errors, and a parser giving up on pathological input (RangeError on
    // extreme nesting), mean the same to a person: this is not a feed Warta can read.
    throw webError('NOT_FEED', `${name} is not an RSS, Atom or JSON feed`, { name }, { cause: e })
  }
  switch (parsed.format) {
    case 'rss':
      return {
        format: 'rss',
        title: plainText(parsed.feed.title),
        siteUrl: httpUrlOf(parsed.feed.link),
        selfUrl: selfLink(parsed.feed.atom?.links, httpUrlOf),
        languageTag: plainText(parsed.feed.language),
        items: (parsed.feed.items ?? []).map((item) => ({
          guid: plainText(item.guid?.value),
          url: httpUrlOf(item.link) ?? (item.guid?.isPermaLink !== false ? httpUrlOf(item.guid?.value) : null),
          title: plainText(item.title),
          publishedAt: isoDateTimeOf(item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.created?.[0]),
          author: plainText(item.dc?.creators?.[0] ?? item.authors?.[0]?.name ?? item.authors?.[0]?.email),
          contentHtml: nonEmpty(item.content?.encoded),
          summaryHtml: nonEmpty(item.description),
          languageTag: plainText(item.dc?.languages?.[0]),
        })),
      }
    case 'rdf':
      return {
        format: 'rdf',
        title: plainText(parsed.feed.title),
        siteUrl: httpUrlOf(parsed.feed.link),
        selfUrl: selfLink(parsed.feed.atom?.links, httpUrlOf),
        languageTag: plainText(parsed.feed.dc?.languages?.[0]),
        items: (parsed.feed.items ?? []).map((item) => ({
          guid: plainText(item.rdf?.about ?? item.link),
          url: httpUrlOf(item.link),
          title: plainText(item.title),
          publishedAt: isoDateTimeOf(item.dc?.dates?.[0]),
          author: plainText(item.dc?.creators?.[0]),
          contentHtml: nonEmpty(item.content?.encoded),
          summaryHtml: nonEmpty(item.description),
          languageTag: plainText(item.dc?.languages?.[0]),
        })),
      }
    case 'atom':
      return {
        format: 'atom',
        title: atomText(parsed.feed.title),
        siteUrl: alternateLink(parsed.feed.links, httpUrlOf),
        selfUrl: selfLink(parsed.feed.links, httpUrlOf),
        languageTag: plainText(parsed.feed.xml?.lang),
        items: (parsed.feed.entries ?? []).map((entry) => ({
          guid: plainText(entry.id),
          url: alternateLink(entry.links, httpUrlOf),
          title: atomText(entry.title),
          publishedAt: isoDateTimeOf(entry.published ?? entry.updated),
          author: plainText(entry.authors?.[0]?.name),
          contentHtml: atomHtml(entry.content),
          summaryHtml: atomHtml(entry.summary),
          languageTag: plainText(entry.xml?.lang),
        })),
      }
    case 'json':
      return {
        format: 'json',
        title: plainText(parsed.feed.title),
        siteUrl: httpUrlOf(parsed.feed.home_page_url),
        selfUrl: httpUrlOf(parsed.feed.feed_url),
        languageTag: plainText(parsed.feed.language),
        items: (parsed.feed.items ?? []).map((item) => ({
          guid: plainText(String(item.id ?? '')),
          url: httpUrlOf(item.url) ?? httpUrlOf(item.external_url),
          title: plainText(item.title),
          publishedAt: isoDateTimeOf(item.date_published),
          author: plainText(item.authors?.[0]?.name),
          contentHtml: nonEmpty(item.content_html) ?? textAsHtml(item.content_text),
          summaryHtml: nonEmpty(item.summary ? escapeHtml(item.summary) : null),
          languageTag: plainText(item.language),
        })),
      }
  }
}

/** Feed titles are often HTML-escaped twice or carry tags; a title is shown as plain text. */
export function plainText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null
  let text = value
  if (/[<&]/.test(text)) text = jsdom().JSDOM.fragment(text).textContent ?? ''
  text = text.replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

type AtomTextLike = { value?: string; type?: string } | undefined

function atomText(text: AtomTextLike): string | null {
  return plainText(text?.value)
}

/** Atom content as HTML: type="html"/"xhtml" is HTML already, plain text is escaped into paragraphs. */
function atomHtml(content: AtomTextLike): string | null {
  const value = nonEmpty(content?.value)
  if (!value) return null
  const type = (content?.type ?? 'text').toLowerCase()
  return type === 'html' || type === 'xhtml' || type.includes('html') ? value : textAsHtml(value)
}

function alternateLink(
  links: readonly { href?: string; rel?: string; type?: string }[] | undefined,
  httpUrlOf: (value: string | undefined) => string | null,
): string | null {
  const candidates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate')
  const html = candidates.find((l) => !l.type || /html/i.test(l.type)) ?? candidates[0]
  return httpUrlOf(html?.href)
}

function selfLink(
  links: readonly { href?: string; rel?: string }[] | undefined,
  httpUrlOf: (value: string | undefined) => string | null,
): string | null {
  return httpUrlOf((links ?? []).find((l) => l.rel === 'self')?.href)
}

function textAsHtml(text: string | null | undefined): string | null {
  const value = nonEmpty(text)
  if (!value) return null
  return value
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function nonEmpty(value: string | null | undefined): string | null {
  return typeof value === 'string' && /\S/.test(value) ? value : null
}
