// Produces the HTML and paragraphs that are stored for a web article: sanitised, laid out in
// blocks, and checked by reading the result back the way the renderer will. The second pass
// exists because the HTML parser may restructure what the first pass wrote (a table cell
// outside a table, say); after it, parsing and tidying again change nothing.
import type { DOMWindow, JSDOM } from 'jsdom'
import { paragraphsOf } from './articleBlocks'
import { jsdom } from './jsdom'
import { tidyArticle } from './articleLayout'
import { sanitiseArticle, type ImagePolicy } from './articleSanitiser'

export interface ArticleHtml {
  /** Sanitised article body (no <body> wrapper). */
  html: string
  /** The text of each block of `html`, as articleBlocks.ts defines it. */
  paragraphs: string[]
}

export interface FinaliseOptions {
  images: ImagePolicy
  /** A first heading repeating the title is dropped. */
  title?: string | null
  /** A first paragraph repeating the author line is dropped. */
  byline?: string | null
}

/** A jsdom window that runs nothing, loads nothing and reports nothing to the console. */
export function inertWindow(html = '', url?: string): JSDOM {
  const { JSDOM, VirtualConsole } = jsdom()
  const virtualConsole = new VirtualConsole()
  // Without a listener jsdom's console would print CSS parse errors from saved pages into main's log.
  virtualConsole.on('jsdomError', () => {})
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole })
}

/**
 * Closes a window from inertWindow(). jsdom's close() walks the page's frames and throws on an
 * <iframe> it counts but cannot reach (one inside <math>, found by the property test); no script
 * ran and nothing was loaded, so whatever it did not get to is dropped with the window.
 */
export function closeInertWindow(dom: JSDOM): void {
  try {
    dom.window.close()
  } catch {
    // See above: the page is read; only its closing failed.
  }
}

export function finaliseArticleHtml(window: DOMWindow, dirty: Node | string, options: FinaliseOptions): ArticleHtml {
  const first = sanitiseArticle(window, dirty, options.images)
  tidyArticle(first, { title: options.title ?? null, byline: options.byline ?? null })
  // Images were decided in the first pass; the second keeps each src it is given.
  const second = sanitiseArticle(window, first.innerHTML, (src) => src)
  tidyArticle(second)
  const html = second.innerHTML
  return { html, paragraphs: paragraphsOf(readBack(window, html)) }
}

/** Parses stored article HTML the way the renderer does: as the content of one element. */
export function readBack(window: DOMWindow, html: string): HTMLElement {
  const container = window.document.createElement('article')
  container.innerHTML = html
  return container
}

/** For callers holding only a string: finalises it on a fresh inert window. */
export function finaliseArticleHtmlString(html: string, options: FinaliseOptions): ArticleHtml {
  const dom = inertWindow()
  try {
    return finaliseArticleHtml(dom.window, html, options)
  } finally {
    closeInertWindow(dom)
  }
}
