// A saved web article's HTML, sanitised again here with the page's own DOM before it is set:
// main sanitised it when saving, but the archive is a folder of files anyone could edit, and the
// renderer trusts nothing it did not check itself. The same allow-list as main
// (main/core/import/html/articleAllowList.ts), stricter URLs: links
// only to http(s), images only from this article's own saved files (media/<id>/<hash>.<ext>),
// so reading an article never reaches the network.
import createDOMPurify from 'dompurify'
import { articlePurifyConfig } from '../../../main/core/import/html/articleAllowList'

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
    const fragment = purify.sanitize(html, { ...articlePurifyConfig, RETURN_DOM_FRAGMENT: true })
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
