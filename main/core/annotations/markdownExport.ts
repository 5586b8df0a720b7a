// One article's highlights and notes as a Markdown note (Obsidian, Logseq, any editor): the
// article's title, where it came from, a link back into Warta, then every highlight in reading
// order with its note, and the unplaced ones last so nothing the reader wrote is left out.
import { articleLink, type AnchoredAnnotation } from './model'

/** The words of the export, in the reader's interface language (`annotations:markdown` in the locales). */
export interface MarkdownLabels {
  source: string
  published: string
  saved: string
  openInWarta: string
  highlights: string
  unplaced: string
  unplacedHint: string
  noHighlights: string
}

export interface MarkdownArticle {
  id: string
  title: string
  dateline: { place: string | null; agency: string | null }
  publishedAt: string | null
  savedAt: string
}

/**
 * Escapes what Markdown — CommonMark, GFM and Obsidian's additions — would otherwise read as
 * markup: emphasis, code, links and wikilinks, HTML and entities, tags, tables, math,
 * highlights and comments. Ordinary punctuation is left alone so the file stays readable.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|$]/g, '\\$&')
    .replace(/([~=%])(?=\1)/g, '\\$1')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
}

/** One line of text, safe at the start of a Markdown line too (no list, heading rule or setext underline). */
function escapeMarkdownLine(line: string): string {
  return escapeMarkdownInline(line.trim())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
}

/** Text as Markdown lines: each line escaped, runs of blank lines kept as one paragraph break. */
function markdownLines(text: string): string[] {
  const lines: string[] = []
  for (const raw of text.split('\n')) {
    const line = escapeMarkdownLine(raw)
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue
    lines.push(line)
  }
  while (lines[lines.length - 1] === '') lines.pop()
  return lines
}

const blockQuote = (text: string): string => markdownLines(text).map((l) => (l === '' ? '>' : `> ${l}`)).join('\n')

/** The date of an ISO timestamp as written (in its own offset): unambiguous in every language. */
const dateOf = (iso: string): string => iso.slice(0, 10)

function sourceLine(dateline: MarkdownArticle['dateline']): string | null {
  const place = dateline.place?.trim() || null
  const agency = dateline.agency?.trim() || null
  if (place && agency) return `${place} (${agency})`
  return place ?? agency
}

function highlightBlock(annotation: AnchoredAnnotation): string {
  // A placed highlight quotes the article as it reads now; an unplaced one, as it was.
  const quote = blockQuote(annotation.anchor.text ?? annotation.quote.exact)
  const note = markdownLines(annotation.note).join('\n')
  return note ? `${quote}\n\n${note}` : quote
}

export function annotationsToMarkdown(
  article: MarkdownArticle,
  annotations: { placed: readonly AnchoredAnnotation[]; unplaced: readonly AnchoredAnnotation[] },
  labels: MarkdownLabels,
): string {
  const meta: string[] = []
  const source = sourceLine(article.dateline)
  if (source) meta.push(`- ${labels.source}: ${escapeMarkdownInline(source)}`)
  if (article.publishedAt) meta.push(`- ${labels.published}: ${dateOf(article.publishedAt)}`)
  meta.push(`- ${labels.saved}: ${dateOf(article.savedAt)}`)
  meta.push(`- [${escapeMarkdownInline(labels.openInWarta)}](${articleLink(article.id)})`)

  const blocks: string[] = [`# ${escapeMarkdownInline(article.title.replace(/\s+/g, ' ').trim())}`, meta.join('\n')]
  blocks.push(`## ${labels.highlights}`)
  if (annotations.placed.length === 0 && annotations.unplaced.length === 0) blocks.push(labels.noHighlights)
  for (const a of annotations.placed) blocks.push(highlightBlock(a))
  if (annotations.unplaced.length > 0) {
    blocks.push(`## ${labels.unplaced}`, labels.unplacedHint)
    for (const a of annotations.unplaced) blocks.push(highlightBlock(a))
  }
  return `${blocks.join('\n\n')}\n`
}

/** A file name for the export that every desktop file system accepts; the id when the title leaves nothing. */
export function markdownFileName(title: string, articleId: string): string {
  const base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = [...base].slice(0, 80).join('').replace(/[. ]+$/, '')
  // Windows refuses these names whatever the extension.
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cut) ? `_${cut}` : cut
  return `${safe || articleId}.md`
}
