// Turns the HTML of a web page (a saved file, a fetched page or a feed item's content) into an
// article: metadata from the page, the story itself via Readability, then the allow-list.
// jsdom runs no scripts and loads nothing; the page is only ever data.
import { Readability } from '@mozilla/readability'
import type { Language } from '../../../../preload/contract'
import type { NewArticle } from '../../archive/archive'
import { webError } from '../../web/webErrors'
import { detectLanguage } from '../detectLanguage'
import { firstSentence } from '../dispatchParser'
import { closeInertWindow, finaliseArticleHtml, inertWindow } from './articleHtml'
import { resolveImageSources } from './imageSources'
import { clean, readPageMetadata } from './pageMetadata'

/** An article from the web, before its images are saved (see offlineImages.ts). */
export interface WebArticleDraft extends NewArticle {
  /** The page's address (its canonical one when it names one), used to recognise the story again. */
  url: string | null
  byline: string | null
  siteName: string | null
  /** The feed item's id, when the article came from a feed. */
  feedGuid: string | null
  /**
   * Sanitised article HTML whose images still point where they came from (http(s) or
   * data:image). Not for display or storage: keepImagesOffline() or withoutImages() turns it
   * into the stored `html`.
   */
  htmlWithRemoteImages: string
}

/** What a feed item says about itself; it wins over what the page says. */
export interface ArticleHints {
  title?: string | null
  byline?: string | null
  publishedAt?: string | null
  siteName?: string | null
  url?: string | null
  languageTag?: string | null
  feedGuid?: string | null
}

export interface ExtractOptions {
  /** Where the HTML came from: the base for relative links and images. http(s) only. */
  url?: string | null
  /** For messages (file name, or the address). */
  name?: string
  /** False when the HTML is already just the article (a feed item's content): Readability is skipped. */
  readable?: boolean
  hints?: ArticleHints
}

/** Pages with more elements than this are refused: a 38,000-element page took 7.8 s and 220 MB of heap to extract (2 cores, loaded). */
export const MAX_PAGE_ELEMENTS = 40_000
/**
 * Deeper nesting is refused: parsing, serialising and sanitising recurse per level, and no
 * real article comes near this (browsers' own parsers flatten beyond 512).
 */
export const MAX_PAGE_DEPTH = 1000
const DERIVED_TITLE_LENGTH = 90

export function extractArticle(html: string, options: ExtractOptions = {}): WebArticleDraft {
  const name = options.name ?? options.url ?? 'page'
  if (!/\S/.test(html)) throw webError('EMPTY', `${name} is empty`, { name })
  checkMarkup(html, name)
  const dom = parsePage(html, options.url ?? undefined, name)
  try {
    const { window } = dom
    const document = window.document
    checkComplexity(document, name)
    for (const base of Array.from(document.getElementsByTagName('base'))) if (!base.hasAttribute('href')) base.remove()
    const hints = options.hints ?? {}
    const meta = readPageMetadata(document)
    resolveImageSources(document)

    // The body is handed over inside a wrapper: DOMPurify cannot remove a root it was given.
    let content: Node = wrapped(document)
    let readabilityTitle: string | null = null
    let readabilityByline: string | null = null
    if (options.readable !== false) {
      const parsed = readable(document)
      if (parsed?.content) content = parsed.content
      readabilityTitle = clean(parsed?.title)
      readabilityByline = clean(parsed?.byline)
    }

    const givenTitle = clean(hints.title) ?? meta.title ?? readabilityTitle
    const byline = clean(hints.byline) ?? meta.byline ?? readabilityByline
    const images = (src: string): string | null => (/^https?:\/\//i.test(src) || /^data:image\/[\w.+-]+;base64,/i.test(src) ? src : null)
    const body = finaliseArticleHtml(window, content, { images, title: givenTitle, byline })
    if (body.paragraphs.length === 0) throw webError('EMPTY', `${name} has no article text Warta can read`, { name })

    const first = body.paragraphs[0] as string
    const title = givenTitle ?? truncate(firstSentence(first), DERIVED_TITLE_LENGTH)
    const url = hints.url ?? meta.canonicalUrl ?? options.url ?? null
    return {
      title,
      titleDerived: givenTitle === null,
      language: languageOf(hints.languageTag ?? meta.languageTag, body.paragraphs),
      dateline: { place: null, agency: null },
      publishedAt: hints.publishedAt ?? meta.publishedAt,
      paragraphs: body.paragraphs,
      inlineRelated: [],
      related: [],
      credits: { reporter: byline, editor: null, copyright: null },
      sourceName: url ?? options.name ?? null,
      url,
      byline,
      siteName: clean(hints.siteName) ?? meta.siteName,
      feedGuid: hints.feedGuid ?? null,
      htmlWithRemoteImages: body.html,
    }
  } finally {
    closeInertWindow(dom)
  }
}

/**
 * jsdom's base-URL lookup takes <base xlink:href> for <base href>, then throws reading the
 * missing href — during parsing if a stylesheet follows (found by the property test). Such a
 * page is parsed again without its <base> elements, which then resolve nothing anyway.
 */
function parsePage(html: string, url: string | undefined, name: string): ReturnType<typeof inertWindow> {
  try {
    return inertWindow(html, url)
  } catch {
    try {
      return inertWindow(html.replace(/<base\b[^>]*>/gi, ''), url)
    } catch (e) {
      throw webError('UNSUPPORTED', `${name} could not be read as a web page`, { name }, { cause: e })
    }
  }
}

/** Tags whose end tag may be left out: an unclosed one does not nest the next, so it is not counted. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body'])
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'bgsound', 'frame'])
/** Nesting the markup may reach before parsing: jsdom recurses per level while building the tree (measured: 20,000 levels overflowed the stack after 40 s). */
const MAX_MARKUP_DEPTH = MAX_PAGE_DEPTH

/**
 * Estimates nesting and element count from the markup itself, before jsdom sees it. The
 * estimate counts opening minus closing tags, leaving out void elements and tags whose end
 * is optional, so sloppy but ordinary pages (thousands of unclosed <p>) are not refused.
 */
function checkMarkup(html: string, name: string): void {
  let depth = 0
  let elements = 0
  const refuse = (): never => {
    throw webError('TOO_COMPLEX', `${name} is too large or too deeply nested to read safely`, { name })
  }
  // Script, style and comment text is not markup, whatever it looks like.
  const markup = html.replace(/<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi, '')
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const tag = (match[2] as string).toLowerCase()
    if (match[1]) {
      if (!OPTIONAL_END.has(tag) && !VOID.has(tag) && depth > 0) depth--
      continue
    }
    if (++elements > MAX_PAGE_ELEMENTS) refuse()
    if (match[3] || OPTIONAL_END.has(tag) || VOID.has(tag)) continue
    if (++depth > MAX_MARKUP_DEPTH) refuse()
  }
}

function wrapped(document: Document): Element {
  const wrapper = document.createElement('div')
  const body = document.body ?? document.documentElement
  while (body.firstChild) wrapper.appendChild(body.firstChild)
  body.appendChild(wrapper)
  return wrapper
}

/** Refuses documents whose size or nesting would make the recursive steps after parsing unsafe. */
function checkComplexity(document: Document, name: string): void {
  let count = 0
  const stack: [Element, number][] = [[document.documentElement, 1]]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry
    if (++count > MAX_PAGE_ELEMENTS || depth > MAX_PAGE_DEPTH) {
      throw webError('TOO_COMPLEX', `${name} is too large or too deeply nested to read safely`, { name })
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1])
  }
}

type ReadabilityResult = { title?: string | null; byline?: string | null; content?: Node | null } | null

function readable(document: Document): ReadabilityResult {
  try {
    // Readability rewrites the document it is given; metadata and images were read before this.
    return new Readability<Node>(document, { serializer: (node) => node, keepClasses: false }).parse()
  } catch {
    // Readability gives up on some odd documents; the whole body, sanitised, is the fallback.
    return null
  }
}

/** Warta's language for the page: its declared tag when it is Indonesian or English, else detected from the text. */
export function languageOf(tag: string | null | undefined, paragraphs: readonly string[]): Language {
  if (tag && /^(?:id|in|ms)(?:[-_]|$)/i.test(tag)) return 'id'
  if (tag && /^en(?:[-_]|$)/i.test(tag)) return 'en'
  return detectLanguage(paragraphs.join('\n'))
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
