// What a page says about itself in machine-readable form: JSON-LD (schema.org Article),
// Open Graph and other meta tags, <html lang>, <link rel=canonical>. Read before Readability
// runs, because Readability rewrites the document.
import { httpUrlOf } from '../../net/httpUrl'
import { isoDateTimeOf } from '../../web/isoDateTime'

export interface PageMetadata {
  title: string | null
  byline: string | null
  siteName: string | null
  /** ISO 8601 with offset. */
  publishedAt: string | null
  /** The language tag as the page gave it ("id-ID", "en"), not yet mapped to Warta's languages. */
  languageTag: string | null
  /** The page's own address for itself (canonical link or og:url), http(s) only. */
  canonicalUrl: string | null
  description: string | null
}

/** Each JSON-LD block is read only up to this size; article metadata is never bigger. */
const MAX_JSON_LD_CHARS = 512 * 1024
/** Objects visited per page when searching JSON-LD graphs. */
const MAX_JSON_LD_NODES = 2000
const MAX_FIELD_LENGTH = 500

// Meta names that carry a publication date, most specific first.
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'citation_publication_date',
  'parsely-pub-date',
  'sailthru.date',
] as const

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting)$/

export function readPageMetadata(document: Document): PageMetadata {
  const meta = metaValues(document)
  const ld = jsonLdArticle(document)
  const siteName = clean(meta.get('og:site_name')) ?? ld.siteName ?? clean(meta.get('application-name'))

  const metaDate = DATE_META.map((name) => isoDateTimeOf(meta.get(name))).find((d) => d !== null) ?? null
  const timeDate = isoDateTimeOf(
    document.querySelector('time[itemprop~="datePublished"], time[pubdate]')?.getAttribute('datetime'),
  )

  const rawTitle = ld.title ?? clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? clean(document.title)
  const author = meta.get('author') ?? meta.get('dc.creator') ?? meta.get('byl') ?? meta.get('parsely-author')
  const articleAuthor = meta.get('article:author')

  return {
    title: rawTitle ? withoutSiteName(rawTitle, siteName) : null,
    byline: ld.byline ?? clean(author) ?? (articleAuthor && !/^https?:/i.test(articleAuthor) ? clean(articleAuthor) : null),
    siteName,
    publishedAt: ld.publishedAt ?? metaDate ?? timeDate,
    languageTag:
      clean(document.documentElement.getAttribute('lang')) ??
      clean(meta.get('content-language')) ??
      clean(meta.get('og:locale'))?.replace('_', '-') ??
      ld.language,
    canonicalUrl:
      httpUrlOf(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), document.baseURI) ??
      httpUrlOf(meta.get('og:url'), document.baseURI),
    description: clean(meta.get('og:description')) ?? clean(meta.get('description')),
  }
}

/** Meta tags by lowercased property, name, itemprop or http-equiv; the first of each wins. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>()
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content') ?? el.getAttribute('datetime')
    if (content === null) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !values.has(key)) values.set(key, content)
      }
    }
  }
  return values
}

interface LdArticle {
  title: string | null
  byline: string | null
  siteName: string | null
  publishedAt: string | null
  language: string | null
}

function jsonLdArticle(document: Document): LdArticle {
  const found: LdArticle = { title: null, byline: null, siteName: null, publishedAt: null, language: null }
  let visited = 0
  const visit = (node: unknown, depth: number): void => {
    if (visited++ > MAX_JSON_LD_NODES || depth > 20 || node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1)
      return
    }
    const obj = node as Record<string, unknown>
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string')
    if (types.some((t) => ARTICLE_TYPE.test(t))) {
      found.title ??= clean(str(obj.headline) ?? str(obj.name))
      found.byline ??= peopleOf(obj.author)
      found.siteName ??= clean(str((obj.publisher as Record<string, unknown> | undefined)?.name))
      found.publishedAt ??= isoDateTimeOf(str(obj.datePublished) ?? str(obj.dateCreated))
      found.language ??= clean(str(obj.inLanguage))
    }
    if (obj['@graph']) visit(obj['@graph'], depth + 1)
    if (obj.mainEntity) visit(obj.mainEntity, depth + 1)
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = script.textContent ?? ''
    if (text.length > MAX_JSON_LD_CHARS) continue
    try {
      visit(JSON.parse(text), 0)
    } catch {
      // A malformed block is common on real sites; the meta tags still count.
    }
  }
  return found
}

function peopleOf(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((p) => (typeof p === 'string' ? p : str((p as Record<string, unknown> | null)?.name)))
    .map((n) => clean(n))
    .filter((n): n is string => n !== null && !/^https?:/i.test(n))
  return names.length > 0 ? clean(names.join(', ')) : null
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** Collapsed, trimmed and capped; null when nothing is left. */
export function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim()
  if (text === '') return null
  return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text
}

/** "Headline | Site" → "Headline", when the part cut off is the site's name. */
export function withoutSiteName(title: string, siteName: string | null): string {
  const separators = /\s+[|\-–—:·»/]\s+/
  const parts = title.split(separators)
  if (parts.length < 2) return title
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, '')
  const first = parts[0] as string
  const last = parts[parts.length - 1] as string
  const site = siteName ? norm(siteName) : null
  const isSite = (part: string): boolean => site !== null && (norm(part) === site || (norm(part).length > 2 && site.includes(norm(part))))
  if (isSite(last)) return title.slice(0, title.length - last.length).replace(new RegExp(`${separators.source}$`), '').trim()
  if (isSite(first)) return title.slice(first.length).replace(new RegExp(`^${separators.source}`), '').trim()
  return title
}
