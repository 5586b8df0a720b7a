// "Save from URL": fetches a page under the safe-fetch rules and extracts its article. The
// images are saved in a second step (keepImagesOffline), once the archive has given the
// article its id.
import { decodeWebText } from '../net/charset'
import { fetchResource, type FetchOptions } from '../net/safeFetch'
import type { ArticleHints, WebArticleDraft } from '../import/html/htmlArticle'
import { extractInProcess, type ExtractArticle } from './articleExtractor'
import { webError } from './webErrors'

export type PageFetchOptions = Omit<FetchOptions, 'kind' | 'etag' | 'lastModified'> & {
  /** What a feed item already said about the story; it wins over the page. */
  hints?: ArticleHints
  /** Where the page is read (articleExtractor.ts); in this thread by default. */
  extract?: ExtractArticle
}

export async function fetchArticle(url: string, options: PageFetchOptions = {}): Promise<WebArticleDraft> {
  const { hints, extract = extractInProcess, ...fetchOptions } = options
  const res = await fetchResource(url, { ...fetchOptions, kind: 'page' })
  const html = decodeWebText(res.bytes, { contentType: res.contentType, kind: 'html' })
  // A server that names no type gets the benefit of the doubt only if the body is plainly HTML.
  if (res.mediaType === '' && !/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(html.slice(0, 2048))) {
    throw webError('NOT_HTML', `${res.url} is not a web page`, { url: res.url, type: 'unknown' })
  }
  return extract(html, { url: res.url, name: res.url, ...(hints ? { hints } : {}) })
}
