// Imports a web page saved from a browser (.html): decoded by its own charset declaration,
// and read against the address it was saved from, when the browser noted one, so relative
// links and images resolve.
import { limits } from '../../../../preload/contract'
import { decodeWebText } from '../../net/charset'
import { httpUrlOf } from '../../net/httpUrl'
import { megabytes, webError } from '../../web/webErrors'
import { extractInProcess, type ExtractArticle } from '../../web/articleExtractor'
import type { WebArticleDraft } from './htmlArticle'

export interface HtmlFile {
  name: string
  bytes: Uint8Array
}

const HTML_EXTENSION = /\.(?:html?|xhtml)$/i
/** How far into a file the sniff looks for an opening HTML tag. */
const SNIFF_CHARS = 1024

/** Whether a dropped file is a web page: by its extension, or by how it starts. */
export function isHtmlFile(name: string, bytes: Uint8Array): boolean {
  if (HTML_EXTENSION.test(name)) return true
  const head = Buffer.from(bytes.subarray(0, SNIFF_CHARS)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head)\b/i.test(head)
}

/** Reads a saved page; `extract` decides where (articleExtractor.ts runs it in a worker). */
export async function articleFromHtmlFile(file: HtmlFile, extract: ExtractArticle = extractInProcess): Promise<WebArticleDraft> {
  if (file.bytes.length > limits.maxImportBytes) {
    throw webError('TOO_LARGE', `${file.name} is larger than ${megabytes(limits.maxImportBytes)} MB`, {
      name: file.name,
      maxMegabytes: megabytes(limits.maxImportBytes),
    })
  }
  if (file.bytes.length === 0) throw webError('EMPTY', `${file.name} is empty`, { name: file.name })
  const html = decodeWebText(file.bytes, { kind: 'html' })
  return extract(html, { url: savedFromUrl(html), name: file.name })
}

/**
 * The address a browser noted when saving the page: Chrome's and IE's "saved from url"
 * comment, or SingleFile's "url:" line. Null when there is none or it is not http(s).
 */
export function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4096)
  const match =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head) ?? /<!--\s*Page saved with SingleFile\s+url:\s*(\S+)/i.exec(head)
  return httpUrlOf(match?.[1])
}
