// The allow-list every saved web article passes through, run by DOMPurify on the jsdom window
// that parsed the page (never a lighter DOM: DOMPurify's guarantees rest on a real HTML
// parser). What survives is text structure, links out and images; nothing that runs, loads,
// styles or submits.
import createDOMPurify from 'dompurify'
import type { DOMWindow } from 'jsdom'
import { httpUrlOf } from '../../net/httpUrl'
import { articlePurifyConfig } from './articleAllowList'

/**
 * Decides each image's fate: the src to keep, or null to drop the image. Called with the src
 * as DOMPurify left it (http(s), or a data:image URL while images are still being saved).
 */
export type ImagePolicy = (src: string) => string | null

/**
 * Sanitises `dirty` into a detached <body> of the window's document family. Links keep only
 * absolute http(s) targets and get rel="noopener noreferrer"; images go through `images`.
 */
export function sanitiseArticle(window: DOMWindow, dirty: Node | string, images: ImagePolicy): HTMLElement {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element
    switch (element.localName) {
      case 'a': {
        const href = httpUrlOf(element.getAttribute('href'))
        if (href) element.setAttribute('href', href)
        else element.removeAttribute('href')
        element.setAttribute('rel', 'noopener noreferrer')
        break
      }
      case 'img': {
        const src = element.getAttribute('src')
        const kept = src ? images(src) : null
        // Marked rather than removed: DOMPurify is still walking the tree.
        if (kept) element.setAttribute('src', kept)
        else element.removeAttribute('src')
        break
      }
      case 'td':
      case 'th':
        for (const name of ['colspan', 'rowspan']) keepSmallNumber(element, name, 1000)
        break
      case 'ol':
        keepSmallNumber(element, 'start', 1_000_000)
        break
    }
  })
  const body = purify.sanitize(dirty, { ...articlePurifyConfig, RETURN_DOM: true }) as HTMLElement
  for (const img of Array.from(body.querySelectorAll('img:not([src])'))) img.remove()
  return body
}

function keepSmallNumber(element: Element, name: string, max: number): void {
  const value = element.getAttribute(name)
  if (value === null) return
  const n = Number(value)
  if (Number.isInteger(n) && n >= 1 && n <= max) element.setAttribute(name, String(n))
  else element.removeAttribute(name)
}
