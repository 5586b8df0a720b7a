// Gives every <img> of a page one absolute `src` before extraction: sites lazy-load (the real
// address in data-src, a 1×1 placeholder in src), offer several sizes (srcset, <picture>) or
// leave addresses relative. Only one image per <img> is saved, so one candidate is picked.
import { httpUrlOf } from '../../net/httpUrl'

/** Attributes lazy loaders put the real address in, most common first. */
const LAZY_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src']
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset']
/** Wide enough for a reading column on a large screen; bigger candidates only cost disk. */
const PREFERRED_WIDTH = 1600
/** Raster formats a <picture> may offer that Warta keeps. */
const KEPT_TYPES = /^image\/(?:jpeg|png|gif|webp|avif)$/i

interface Candidate {
  url: string
  width: number | null
  density: number | null
}

/** Rewrites each img in place: one absolute src, no srcset/sizes/data-*; tracking pixels removed. */
export function resolveImageSources(document: Document): void {
  for (const img of Array.from(document.querySelectorAll('img'))) {
    if (isTrackingPixel(img)) {
      img.remove()
      continue
    }
    const chosen = chooseSource(img)
    for (const attr of Array.from(img.attributes)) {
      if (attr.name === 'srcset' || attr.name === 'sizes' || attr.name.startsWith('data-')) img.removeAttribute(attr.name)
    }
    const absolute = chosen ? absoluteUrl(chosen, document.baseURI) : null
    if (absolute) img.setAttribute('src', absolute)
    else img.removeAttribute('src')
  }
}

function chooseSource(img: Element): string | null {
  for (const attr of LAZY_ATTRIBUTES) {
    const value = img.getAttribute(attr)?.trim()
    if (value && !isPlaceholder(value)) return value
  }
  const srcsets = LAZY_SRCSET_ATTRIBUTES.map((a) => img.getAttribute(a))
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null
  if (picture) {
    for (const source of Array.from(picture.querySelectorAll('source'))) {
      const type = source.getAttribute('type')
      if (type && !KEPT_TYPES.test(type)) continue
      srcsets.push(source.getAttribute('data-srcset') ?? source.getAttribute('srcset'))
    }
  }
  srcsets.push(img.getAttribute('srcset'))
  // Like a browser, a srcset (or a <picture> source) wins over src, which is usually the smallest fallback.
  for (const srcset of srcsets) {
    const best = bestCandidate(parseSrcset(srcset ?? '').filter((c) => !isPlaceholder(c.url)))
    if (best) return best
  }
  const src = img.getAttribute('src')?.trim()
  if (src && !isPlaceholder(src)) return src
  return null
}

/** A 1×1 gif, an inline SVG or an empty src: what lazy loaders put in src until the real image loads. */
function isPlaceholder(src: string): boolean {
  return (
    src === '' ||
    src === '#' ||
    /^data:image\/(?:gif|svg\+xml)/i.test(src) ||
    (/^data:/i.test(src) && src.length < 200) ||
    /(?:^|\/)(?:blank|spacer|placeholder|transparent|pixel)\.(?:gif|png)(?:$|\?)/i.test(src)
  )
}

function isTrackingPixel(img: Element): boolean {
  const w = Number(img.getAttribute('width'))
  const h = Number(img.getAttribute('height'))
  return img.hasAttribute('width') && img.hasAttribute('height') && w <= 2 && h <= 2
}

/** The candidates of a srcset ("a.jpg 480w, b.jpg 960w" or "a.jpg 1x,b.jpg 2x"), read as the HTML standard does. */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = []
  let i = 0
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] as string)) i++
    let url = ''
    while (i < srcset.length && !/\s/.test(srcset[i] as string)) url += srcset[i++]
    if (url === '') break
    let descriptor = ''
    // A URL ending in commas ends its candidate; otherwise descriptors run to the next comma.
    if (/,+$/.test(url)) url = url.replace(/,+$/, '')
    else {
      while (i < srcset.length && srcset[i] !== ',') descriptor += srcset[i++]
    }
    const match = /^\s*(\d+(?:\.\d+)?)([wx])\s*$/.exec(descriptor)
    const value = match ? Number(match[1]) : null
    candidates.push({ url, width: match?.[2] === 'w' ? value : null, density: match?.[2] === 'x' ? value : null })
  }
  return candidates
}

function bestCandidate(candidates: Candidate[]): string | null {
  if (candidates.length === 0) return null
  const widths = candidates.filter((c) => c.width !== null).sort((a, b) => (a.width as number) - (b.width as number))
  if (widths.length > 0) {
    const fitting = widths.filter((c) => (c.width as number) <= PREFERRED_WIDTH)
    return (fitting[fitting.length - 1] ?? widths[0])?.url ?? null
  }
  const densities = candidates.sort((a, b) => (a.density ?? 1) - (b.density ?? 1))
  const fitting = densities.filter((c) => (c.density ?? 1) <= 2)
  return (fitting[fitting.length - 1] ?? densities[0])?.url ?? null
}

function absoluteUrl(value: string, base: string): string | null {
  // An embedded image stays as it is; keepImagesOffline decodes it into a file.
  return /^data:image\//i.test(value) ? value : httpUrlOf(value, base)
}
