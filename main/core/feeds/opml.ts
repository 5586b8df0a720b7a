// OPML in and out: the list of subscriptions other feed readers import and export.
import { generateOpml, parseOpml } from 'feedsmith'
import type { Opml } from 'feedsmith'
import { httpUrlOf } from '../net/httpUrl'
import { megabytes, webError } from '../web/webErrors'
import { refuseUnsafeXml } from './feedDocument'

export interface OpmlEntry {
  url: string
  title: string | null
  siteUrl: string | null
}

export const opmlLimits = {
  maxChars: 5 * 1024 * 1024,
  /** More feeds than anyone reads; beyond it the file is something else. */
  maxEntries: 5000,
  /** Folders nest; deeper than this is not a reading list. */
  maxDepth: 32,
} as const

/** The feeds an OPML file lists, folders flattened, each address once, in document order. */
export function parseOpmlEntries(text: string, name: string): OpmlEntry[] {
  if (text.length > opmlLimits.maxChars) {
    throw webError('TOO_LARGE', `${name} is larger than ${megabytes(opmlLimits.maxChars)} MB`, { name, maxMegabytes: megabytes(opmlLimits.maxChars) })
  }
  refuseUnsafeXml(text, name)
  let doc: Opml.Document<string>
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw webError('NOT_FEED', `${name} is not an OPML list of feeds`, { name }, { cause: e })
  }
  const entries = new Map<string, OpmlEntry>()
  const visit = (outlines: readonly Opml.Outline<string>[] | undefined, depth: number): void => {
    if (!outlines || depth > opmlLimits.maxDepth) return
    for (const outline of outlines) {
      if (entries.size >= opmlLimits.maxEntries) return
      const url = httpUrlOf(outline.xmlUrl)
      if (url && !entries.has(url)) {
        entries.set(url, { url, title: plainAttribute(outline.title ?? outline.text), siteUrl: httpUrlOf(outline.htmlUrl) })
      }
      visit(outline.outlines, depth + 1)
    }
  }
  visit(doc.body?.outlines, 0)
  return [...entries.values()]
}

/** An OPML 2.0 document of the given subscriptions, for other readers (and Warta) to import. */
export function opmlOf(subscriptions: readonly { url: string; title: string; siteUrl: string | null }[], now: Date): string {
  return generateOpml({
    head: { title: 'Warta subscriptions', dateCreated: now },
    body: {
      outlines: subscriptions.map((s) => ({
        text: s.title,
        title: s.title,
        type: 'rss',
        xmlUrl: s.url,
        ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
      })),
    },
  })
}

/** OPML titles are attribute text, already unescaped by the XML parser: "<" in one is a character, not a tag. */
function plainAttribute(value: string | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}
