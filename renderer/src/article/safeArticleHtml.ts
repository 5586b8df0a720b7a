// A saved web article's HTML, sanitised again here with the page's own DOM before it is set:
// main sanitised it when saving, but the archive is a folder of files anyone could edit, and the
// renderer trusts nothing it did not check itself. Same allow-list as main
// (main/core/import/html/articleSanitiser.ts; a test keeps the two equal), stricter URLs: links
// only to http(s), images only from this article's own saved files (media/<id>/<hash>.<ext>),
// so reading an article never reaches the network.
import createDOMPurify from 'dompurify'

export const ARTICLE_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'pre',
  'a', 'figure', 'figcaption', 'img',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'br', 'hr',
] as const

export const ARTICLE_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'start'] as const

const DROP_WITH_CONTENT = ['form', 'button', 'select', 'textarea', 'nav', 'aside', 'footer', 'dialog', 'object', 'embed', 'canvas', 'audio', 'video']

/** The absolute http(s) address of a link, or null. */
export function webLinkOf(href: string | null): string | null {
  if (!href) return null
  try {
    const url = new URL(href)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null
  } catch {
    return null
  }
}

/** The one image address an article may show: a file it saved (see main/core/mediaFiles.ts). */
export const savedImagePath = (articleId: string): RegExp => new RegExp(`^media/${articleId}/[0-9a-f]{16}\\.(?:png|jpg|gif|webp|avif)$`)

export type SanitiseArticleHtml = (html: string, articleId: string) => string

/** A sanitiser over a window's DOM: the renderer's own, or a jsdom one in tests. */
export function createArticleHtmlSanitiser(window: Window): SanitiseArticleHtml {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  let imagePath = /$^/
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element
    if (element.localName === 'a') {
      const href = webLinkOf(element.getAttribute('href'))
      if (href) element.setAttribute('href', href)
      else element.removeAttribute('href')
    } else if (element.localName === 'img') {
      const src = element.getAttribute('src')
      if (!src || !imagePath.test(src)) element.removeAttribute('src')
    }
  })
  return (html, articleId) => {
    imagePath = savedImagePath(articleId)
    const fragment = purify.sanitize(html, {
      ALLOWED_TAGS: [...ARTICLE_TAGS],
      ALLOWED_ATTR: [...ARTICLE_ATTRIBUTES],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      ALLOWED_URI_REGEXP: /^(?:https?:\/\/|media\/)/i,
      ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
      KEEP_CONTENT: true,
      RETURN_DOM_FRAGMENT: true,
    })
    // An image without a saved file would be an empty box: it goes entirely (removed only now,
    // as DOMPurify was still walking the tree when its src was dropped).
    for (const img of Array.from(fragment.querySelectorAll('img:not([src])'))) img.remove()
    const holder = window.document.createElement('div')
    holder.append(fragment)
    return holder.innerHTML
  }
}

let shared: SanitiseArticleHtml | null = null

/** The renderer's sanitiser, made on first use. */
export function sanitiseArticleHtml(html: string, articleId: string): string {
  shared ??= createArticleHtmlSanitiser(window)
  return shared(html, articleId)
}
