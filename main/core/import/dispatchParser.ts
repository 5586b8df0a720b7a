// Turns the text of a saved wire dispatch into a structured article: headline, dateline, body
// paragraphs, "Baca juga" links, the related list and the credits. Input is whatever people
// copy out of a browser or a wire feed, so every rule leans towards keeping text in the body
// rather than mistaking a sentence for structure.
import type { Language } from '../../../preload/contract'
import { AppError } from '../errors'
import { toNFC } from '../nfc'
import { detectLanguage } from './detectLanguage'
import { isDatelineDate, parseDateLine, parseDatelineDate, splitTrailingDate, UTC, WIB } from './dispatchDates'

export interface ParsedDispatch {
  /** The headline, or one derived from the first sentence. */
  title: string
  /** True when derived, so the reader knows to offer an edit. */
  titleDerived: boolean
  language: Language
  dateline: { place: string | null; agency: string | null }
  /** ISO 8601 with offset when the dispatch said when it ran, else null. */
  publishedAt: string | null
  /** Body only; the first paragraph without its dateline prefix. */
  paragraphs: string[]
  /** Index of the body paragraph each link followed, -1 if before the first. */
  inlineRelated: { title: string; afterParagraph: number }[]
  related: { title: string; publishedAt: string | null }[]
  credits: { reporter: string | null; editor: string | null; copyright: string | null }
}

export interface ParseDispatchOptions {
  /** Clock for datelines without a year ("Jan 15"); defaults to now. */
  now?: Date
  /** File name, for the error a person sees. */
  name?: string
}

type Credits = ParsedDispatch['credits']
type RelatedItem = ParsedDispatch['related'][number]

/** Headlines are short; a longer first line is a paragraph. */
const MAX_HEADLINE_LENGTH = 200
const DERIVED_TITLE_LENGTH = 90
/** A line this long in a related list is body text that followed it, not a title. */
const MAX_RELATED_TITLE_LENGTH = 200
/** Hard-wrapped text breaks lines at 72–80 columns; a longer line was never wrapped. */
const WRAP_WIDTH = 100
/** A dateline's place (with its date) is short; anything longer is a sentence. */
const MAX_DATELINE_PLACE_LENGTH = 60
const MAX_CREDIT_LINE_LENGTH = 250

const DASH = '(?:--|[-–—―])'
const PAREN_DATELINE = new RegExp(`^([^()]{0,${MAX_DATELINE_PLACE_LENGTH}}?)\\s*\\(([^()]{1,40})\\)\\s*${DASH}\\s*(.*)$`, 'u')
// "TEMPO.CO, Jakarta - " and "JAKARTA, KOMPAS.com - ": Indonesian portals sign with their domain.
const DOMAIN = '[\\p{L}\\p{N}]{1,30}(?:\\.(?:co|com|id|net|org|tv|news)){1,2}'
const DOMAIN_FIRST_DATELINE = new RegExp(`^(${DOMAIN})\\s*,\\s*([^()–—-]{2,${MAX_DATELINE_PLACE_LENGTH}}?)\\s*${DASH}\\s*(.*)$`, 'iu')
const PLACE_FIRST_DATELINE = new RegExp(`^([^()–—-]{2,${MAX_DATELINE_PLACE_LENGTH}}?)\\s*,\\s*(${DOMAIN})\\s*${DASH}\\s*(.*)$`, 'iu')

// Agencies seen in parentheses; anything else must at least be written in capitals (KCNA),
// so "Presiden Joko Widodo (kiri) - ..." stays a sentence.
const KNOWN_AGENCIES = new Set(
  ['antara', 'antaranews', 'reuters', 'ap', 'afp', 'xinhua', 'bernama', 'kyodo', 'yonhap', 'dpa', 'upi', 'efe', 'ansa', 'tass', 'sputnik', 'kcna', 'pti', 'ians', 'pna', 'vna', 'aap', 'cna', 'bbc', 'cnn', 'anadolu', 'bloomberg', 'rri', 'kbrn', 'oana'],
)
const INDONESIAN_AGENCY = /^(?:antara|tempo|kompas|detik|liputan6|republika|okezone|viva|tribun|bisnis|kontan|jpnn|suara|kumparan|beritasatu|rri|kbrn)|\.id$/i

// Lower-case words allowed inside a place name ("Rio de Janeiro", "Stratford-upon-Avon").
const PLACE_CONNECTORS = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'la', 'le', 'les', 'of', 'upon', 'am', 'an', 'der', 'del', 'van', 'von', 'bin', 'al', 'el'])
// Capitalised abbreviations that stay capitals when an ALL-CAPS place is title-cased.
const PLACE_ABBREVIATIONS = new Set(['DKI', 'DIY', 'NTB', 'NTT', 'US', 'USA', 'UK', 'UAE', 'DC', 'D.C.', 'PNG'])

const INLINE_RELATED =
  /^(?:baca\s+juga|baca|berita\s+terkait|lihat\s+juga|simak\s+juga|read\s+also|also\s+read|read\s+more|related\s+news|related|see\s+also)\s*[:：]\s*(.*)$/i
const RELATED_HEADING = /^(?:berita\s+terkait|artikel\s+terkait|related\s+news|related\s+stories|related\s+articles|related\s+coverage)\s*:?$/i

const REPORTER_LABELS = ['pewarta', 'reporter', 'penulis', 'wartawan', 'writer', 'author', 'oleh', 'koresponden', 'correspondent', 'kontributor', 'contributor']
const EDITOR_LABELS = ['editor', 'redaktur', 'penyunting']
const CREDIT_LABEL = [...REPORTER_LABELS, ...EDITOR_LABELS].join('|')
const CREDIT_SEGMENT = new RegExp(`^(${CREDIT_LABEL})\\s*[:：]\\s*(.+)$`, 'i')
// Several credits on one line: "Pewarta: A | Editor: B", "Pewarta: A; Editor: B", "Pewarta: A Editor: B".
const CREDIT_SPLIT = new RegExp(`\\s*[|;]\\s*|\\s+(?=(?:${CREDIT_LABEL})\\s*[:：])`, 'i')
// Reuters signs off "(Reporting by A; Additional reporting by B; Editing by C)".
const BY_LINE_SEGMENT = /^(additional\s+reporting|reporting|writing|editing|edited)\s+by\s+(.+)$/i
// The keyword must be followed by ©, a year or a capital, so "Copyright infringement rose…" stays body.
const COPYRIGHT = /^(?:©|\([cC]\)\s)|^(?:[Cc]opyright|COPYRIGHT|[Hh]ak\s+[Cc]ipta|HAK\s+CIPTA)\s*(?:©|\([cC]\))?\s*(?:\d{4}|[\p{Lu}©]|dilindungi)/u
const MAX_COPYRIGHT_LENGTH = 150

const BULLET = /^(?:[-•*·▪►»]|\d{1,2}[.)])\s+/
const SENTENCE_END = /[.!?…:]["”’')\]]*$/
// Newsroom and honorific abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  'dr', 'drs', 'dra', 'drg', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'no', 'nos', 'tn', 'ny', 'nn', 'sdr', 'sdri', 'h', 'hj',
  'ir', 'kol', 'jend', 'brigjen', 'mayjen', 'letjen', 'kapt', 'kompol', 'akbp', 'lt', 'gen', 'col', 'sgt', 'capt', 'rep', 'sen',
  'gov', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'dll', 'dsb', 'dst', 'dkk', 'yth', 'jl', 'jln', 'kab', 'kec', 'kel', 'tbk',
  'pt', 'cv', 'rp', 'dept', 'est', 'fig', 'mt', 'ft', 'vol', 'hlm', 'hal', 'tel', 'telp', 'bpk', 'sdn', 'bhd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'agu', 'agt', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'des',
])

type BodyEvent = { kind: 'text'; line: string } | { kind: 'blank' } | { kind: 'section' } | { kind: 'inline'; title: string }

interface Scan {
  body: BodyEvent[]
  related: RelatedItem[]
  credits: Credits
  /** From a line in the body that was nothing but a date ("Senin, 9 Mei 2024 16:32 WIB"). */
  publishedAt: string | null
}

interface DatelineMatch {
  place: string | null
  agency: string
  dateText: string | null
  rest: string
}

export function parseDispatch(text: string, options: ParseDispatchOptions = {}): ParsedDispatch {
  const now = options.now ?? new Date()
  const name = options.name ?? ''
  const nfc = toNFC(text)
  // decodeText() has already made line ends LF; looking for a CR is cheaper than replacing none.
  const lines = (nfc.includes('\r') ? nfc.replace(/\r\n?/g, '\n') : nfc).split('\n').map(cleanLine)

  const headline = findHeadline(lines)
  const scan = scanLines(lines, headline ? headline.next : 0)

  let dateline: DatelineMatch | null = null
  const firstTextIndex = scan.body.findIndex((e) => e.kind === 'text')
  const first = scan.body[firstTextIndex]
  if (first?.kind === 'text') {
    dateline = matchDateline(first.line)
    if (dateline) {
      if (dateline.rest) first.line = dateline.rest
      else scan.body.splice(firstTextIndex, 1)
    }
  }

  const { paragraphs, inlineRelated } = assembleBody(scan.body)
  if (paragraphs.length === 0) throw new AppError('EMPTY', `${name || 'The text'} has no article text`, { name })

  const title = headline?.title ?? deriveTitle(paragraphs[0] ?? '')
  // A dateline names a day, not an instant. It is stored as that day's midnight in the zone
  // it was most likely written in: WIB for Indonesian agencies, UTC for the rest, so the day
  // reads the same from Jakarta to London.
  const datelineDate =
    dateline?.dateText != null
      ? parseDatelineDate(dateline.dateText, now, INDONESIAN_AGENCY.test(dateline.agency) ? WIB : UTC)
      : null

  return {
    title,
    titleDerived: headline === null,
    language: detectLanguage(languageSample(headline?.title ?? '', paragraphs)),
    dateline: { place: dateline?.place ?? null, agency: dateline?.agency ?? null },
    // A full date line carries a time; a dateline only a day.
    publishedAt: scan.publishedAt ?? datelineDate,
    paragraphs,
    inlineRelated,
    related: scan.related,
    credits: scan.credits,
  }
}

/** The headline and the opening paragraphs: plenty for detection, and cheap however long the body. */
function languageSample(headline: string, paragraphs: readonly string[]): string {
  let sample = headline
  for (const paragraph of paragraphs) {
    if (sample.length > 6000) break
    sample += `\n${paragraph}`
  }
  return sample
}

function cleanLine(line: string): string {
  // Only a tab or two spaces in a row give the replacement work; most lines have neither.
  const collapse = line.includes('  ') || line.includes('\t')
  return (collapse ? line.replace(/[ \t]+/g, ' ') : line).trim()
}

// -- headline ------------------------------------------------------------------

/** A short first line standing alone above the body, not itself a sentence or a dateline. */
function findHeadline(lines: readonly string[]): { title: string; next: number } | null {
  const i = lines.findIndex((l) => l !== '')
  const line = lines[i]
  if (line === undefined || lines[i + 1] !== '') return null
  if (!lines.some((l, j) => j > i + 1 && l !== '')) return null
  if (line.length > MAX_HEADLINE_LENGTH) return null
  // A period at the end marks a sentence; an ellipsis may end a headline.
  if (/(?<!\.)\.["”’')]*$/.test(line)) return null
  if (matchDateline(line) || isSpecialLine(line)) return null
  return { title: stripPortalSuffix(line), next: i + 1 }
}

/** Page titles copied from a browser end in the site's name, which is not part of the headline. */
function stripPortalSuffix(title: string): string {
  return title.replace(/\s+[|–—-]\s+(?:ANTARA News|ANTARA|Reuters|AP News|TEMPO\.CO|Kompas\.com)$/i, '')
}

function isSpecialLine(line: string): boolean {
  return (
    INLINE_RELATED.test(line) || RELATED_HEADING.test(line) || parseCreditLine(line) !== null || parseDateLine(line) !== null
  )
}

// -- scanning --------------------------------------------------------------------

/** Sorts lines into body, related list and credits; paragraphs are assembled afterwards. */
function scanLines(lines: readonly string[], start: number): Scan {
  const scan: Scan = { body: [], related: [], credits: { reporter: null, editor: null, copyright: null }, publishedAt: null }
  let inRelated = false
  // The related title still waiting for its date line; a date never attaches further back.
  let awaitingDate: RelatedItem | null = null

  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') {
      if (!inRelated) scan.body.push({ kind: 'blank' })
      continue
    }

    const credit = parseCreditLine(line)
    if (credit) {
      mergeCredits(scan.credits, credit)
      scan.body.push({ kind: 'section' })
      awaitingDate = null
      continue
    }

    if (RELATED_HEADING.test(line)) {
      inRelated = true
      awaitingDate = null
      scan.body.push({ kind: 'section' })
      continue
    }

    if (inRelated) {
      if (line.length <= MAX_RELATED_TITLE_LENGTH) {
        const date = parseDateLine(line)
        if (date) {
          if (awaitingDate) awaitingDate.publishedAt = date
          awaitingDate = null
          continue
        }
        const item = relatedItemOf(line)
        scan.related.push(item)
        awaitingDate = item.publishedAt === null ? item : null
        continue
      }
      inRelated = false
      awaitingDate = null
    }

    const inline = INLINE_RELATED.exec(line)
    if (inline) {
      let title = inline[1] ?? ''
      // "Baca juga:" alone on its line, with the title on the next.
      let next = i + 1
      while (lines[next] === '') next++
      const nextLine = lines[next]
      if (!title && nextLine !== undefined && nextLine.length <= MAX_RELATED_TITLE_LENGTH && !isSpecialLine(nextLine)) {
        title = nextLine
        i = next
      }
      scan.body.push(title ? { kind: 'inline', title: cleanTitle(title) } : { kind: 'section' })
      continue
    }

    // A line that is only a date says when the story ran; it is never a paragraph.
    const date = parseDateLine(line)
    if (date) {
      scan.publishedAt ??= date
      scan.body.push({ kind: 'section' })
      continue
    }

    scan.body.push({ kind: 'text', line })
  }
  return scan
}

function relatedItemOf(line: string): RelatedItem {
  const text = line.replace(BULLET, '')
  const split = splitTrailingDate(text)
  return split ? { title: cleanTitle(split.title), publishedAt: split.publishedAt } : { title: cleanTitle(text), publishedAt: null }
}

function cleanTitle(title: string): string {
  const t = title.replace(BULLET, '').trim()
  // Quotes around a whole title are decoration; quotes inside it are part of it.
  const quoted = /^["“]([^"“”]+)["”]$/.exec(t)
  return quoted?.[1]?.trim() ?? t
}

// -- paragraphs --------------------------------------------------------------------

function assembleBody(events: readonly BodyEvent[]): Pick<ParsedDispatch, 'paragraphs' | 'inlineRelated'> {
  // Blank lines between body lines mean paragraphs are blocks, whose lines may be hard-wrapped;
  // without any, each line is a paragraph. Blanks before credits or related lists do not count.
  const firstText = events.findIndex((e) => e.kind === 'text')
  const lastText = events.findLastIndex((e) => e.kind === 'text')
  const blockMode = events.some((e, i) => e.kind === 'blank' && i > firstText && i < lastText)

  const paragraphs: string[] = []
  const inlineRelated: ParsedDispatch['inlineRelated'] = []
  let block: string[] = []
  const flush = (): void => {
    // A loop, not push(...spread): a block can hold millions of one-line paragraphs.
    for (const paragraph of paragraphsOfBlock(block, blockMode)) paragraphs.push(paragraph)
    block = []
  }
  for (const event of events) {
    if (event.kind === 'text') {
      block.push(event.line)
      continue
    }
    flush()
    if (event.kind === 'inline') inlineRelated.push({ title: event.title, afterParagraph: paragraphs.length - 1 })
  }
  flush()
  return { paragraphs, inlineRelated }
}

function paragraphsOfBlock(block: string[], blockMode: boolean): string[] {
  if (!blockMode || block.length === 1) return block
  // Text pasted with one paragraph per line but the odd blank line is not wrapped: its lines
  // are long, or every one of them ends a sentence.
  const inner = block.slice(0, -1)
  const wrapped = inner.every((l) => l.length <= WRAP_WIDTH) && inner.some((l) => !SENTENCE_END.test(l))
  return wrapped ? [block.join(' ')] : block
}

// -- dateline ------------------------------------------------------------------------

function matchDateline(line: string): DatelineMatch | null {
  const paren = PAREN_DATELINE.exec(line)
  if (paren) {
    const [, pre = '', agencyText = '', rest = ''] = paren
    const agency = agencyText.trim()
    const where = splitPlaceAndDate(pre.trim())
    if (where && isAgency(agency)) return { ...where, agency, rest }
  }
  const domainFirst = DOMAIN_FIRST_DATELINE.exec(line)
  if (domainFirst) {
    const [, agency = '', place = '', rest = ''] = domainFirst
    if (isPlace(place.trim())) return { place: titleCasePlace(place.trim()), agency, dateText: null, rest }
  }
  const placeFirst = PLACE_FIRST_DATELINE.exec(line)
  if (placeFirst) {
    const [, place = '', agency = '', rest = ''] = placeFirst
    if (isPlace(place.trim())) return { place: titleCasePlace(place.trim()), agency, dateText: null, rest }
  }
  return null
}

/** "JAKARTA, Jan 15" → place and date; "SEOUL, South Korea" → place only; null if not a place. */
function splitPlaceAndDate(pre: string): { place: string | null; dateText: string | null } | null {
  if (pre === '') return { place: null, dateText: null }
  if (isDatelineDate(pre)) return { place: null, dateText: pre }
  // The date follows the place after a comma, and may hold a comma itself ("January 15, 2024").
  for (const { index } of pre.matchAll(/,/g)) {
    if (index > 0 && isDatelineDate(pre.slice(index + 1))) {
      const place = pre.slice(0, index).trim()
      return isPlace(place) ? { place: titleCasePlace(place), dateText: pre.slice(index + 1).trim() } : null
    }
  }
  return isPlace(pre) ? { place: titleCasePlace(pre), dateText: null } : null
}

function isAgency(agency: string): boolean {
  if (!/^\p{L}[\p{L}\p{N} .&/'-]{0,39}$/u.test(agency)) return false
  if (agency.split(/[\s/-]+/).some((part) => KNOWN_AGENCIES.has(part.toLowerCase()))) return true
  return /^[\p{Lu}\p{N} .&/-]+$/u.test(agency) && /\p{Lu}{2}/u.test(agency)
}

/** Capitalised words (with the odd "de" or "upon"), in at most a few comma-separated parts. */
function isPlace(place: string): boolean {
  if (place.length === 0 || place.length > MAX_DATELINE_PLACE_LENGTH) return false
  const words = place.split(/\s*,\s*|\s+/)
  if (words.length > 8) return false
  return words.every(
    (w, i) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || (i > 0 && PLACE_CONNECTORS.has(w)),
  )
}

/** "JAKARTA" → "Jakarta", "SEOUL, South Korea" → "Seoul, South Korea"; mixed case is kept as written. */
function titleCasePlace(place: string): string {
  return place
    .split(/\s*,\s*/)
    .map((part) => {
      if (/\p{Ll}/u.test(part)) return part
      return part
        .split(' ')
        .map((word, i) => {
          if (PLACE_ABBREVIATIONS.has(word)) return word
          const lower = word.toLowerCase()
          if (i > 0 && PLACE_CONNECTORS.has(lower)) return lower
          return lower.replace(/(^|[-'’.])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
        })
        .join(' ')
    })
    .join(', ')
}

// -- credits ---------------------------------------------------------------------------

function parseCreditLine(line: string): Partial<Credits> | null {
  if (line.length > MAX_CREDIT_LINE_LENGTH) return null
  if (COPYRIGHT.test(line)) return line.length <= MAX_COPYRIGHT_LENGTH ? { copyright: line } : null

  const unwrapped = /^\((.*)\)\.?$/.exec(line)?.[1] ?? line
  if (BY_LINE_SEGMENT.test(unwrapped)) {
    const credits: Partial<Credits> = {}
    for (const segment of unwrapped.split(/\s*;\s*/)) {
      const m = BY_LINE_SEGMENT.exec(segment)
      if (!m) return null
      const role = (m[1] ?? '').toLowerCase()
      const who = (m[2] ?? '').trim()
      if (role.startsWith('edit')) credits.editor = joinNames(credits.editor ?? null, who)
      else credits.reporter = joinNames(credits.reporter ?? null, who)
    }
    return credits
  }

  if (!CREDIT_SEGMENT.test(line)) return null
  const credits: Partial<Credits> = {}
  for (const segment of line.split(CREDIT_SPLIT)) {
    const m = CREDIT_SEGMENT.exec(segment)
    if (m) {
      const label = (m[1] ?? '').toLowerCase()
      const who = (m[2] ?? '').trim()
      if (who.length > 120) return null
      if (EDITOR_LABELS.includes(label)) credits.editor = joinNames(credits.editor ?? null, who)
      else credits.reporter = joinNames(credits.reporter ?? null, who)
    } else if (COPYRIGHT.test(segment)) {
      credits.copyright ??= segment
    }
  }
  return credits
}

function mergeCredits(into: Credits, from: Partial<Credits>): void {
  if (from.reporter) into.reporter = joinNames(into.reporter, from.reporter)
  if (from.editor) into.editor = joinNames(into.editor, from.editor)
  if (from.copyright) into.copyright ??= from.copyright
}

function joinNames(current: string | null, next: string): string {
  if (current === null || current === next) return next
  return `${current}, ${next}`
}

// -- derived title ----------------------------------------------------------------------

/** The first sentence, cut at a word boundary so the whole title, ellipsis included, fits. */
function deriveTitle(paragraph: string): string {
  // A first sentence longer than this is cut anyway; the bound keeps a 5 MB paragraph cheap.
  const sentence = firstSentence(paragraph.slice(0, DERIVED_TITLE_LENGTH * 10))
  if (sentence.length <= DERIVED_TITLE_LENGTH) return sentence.replace(/(?<!\.)\.$/, '')
  let cut = DERIVED_TITLE_LENGTH - 1
  while (cut > DERIVED_TITLE_LENGTH / 3 && !/\s/.test(sentence[cut] ?? '')) cut--
  // One enormous word (a URL) has no boundary to respect.
  const head = cut > DERIVED_TITLE_LENGTH / 3 ? sentence.slice(0, cut) : sentence.slice(0, DERIVED_TITLE_LENGTH - 1)
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`
}

/** Splits at the first . ! ? or … that ends a sentence, not at "Dr.", "AS." or a quote's "siap!" kata dia. */
export function firstSentence(paragraph: string): string {
  let inStraightQuote = false
  let curlyDepth = 0
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i]
    if (ch === '"') inStraightQuote = !inStraightQuote
    else if (ch === '“') curlyDepth++
    else if (ch === '”') curlyDepth = Math.max(0, curlyDepth - 1)
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue

    let end = i + 1
    while (end < paragraph.length && /[.!?…]/.test(paragraph[end] ?? '')) end++
    let closed = end
    while (closed < paragraph.length && /["”’')\]]/.test(paragraph[closed] ?? '')) closed++
    if (closed >= paragraph.length) return paragraph
    if (!/\s/.test(paragraph[closed] ?? '')) continue

    // The quotes just skipped close the quote we were in.
    const closesQuote = paragraph.slice(end, closed)
    const stillInQuote =
      (inStraightQuote && !closesQuote.includes('"')) || (curlyDepth > 0 && !closesQuote.includes('”'))
    const nextChar = paragraph.slice(closed).trimStart()[0] ?? ''
    const continues = /\p{Ll}/u.test(nextChar) || stillInQuote || (ch === '.' && end === i + 1 && isAbbreviation(paragraph, i))
    if (!continues) return paragraph.slice(0, closed)
    i = closed - 1
    if (closesQuote.includes('"')) inStraightQuote = false
    if (closesQuote.includes('”')) curlyDepth = Math.max(0, curlyDepth - 1)
  }
  return paragraph
}

/** Whether the word ending at the period at `dot` is an abbreviation ("Dr", "AS", "U.S", "J"). */
function isAbbreviation(text: string, dot: number): boolean {
  const word = (/[^\s(“"]*$/.exec(text.slice(Math.max(0, dot - 30), dot))?.[0] ?? '').replace(/^['‘]/, '')
  if (word === '') return false
  if (ABBREVIATIONS.has(word.toLowerCase())) return true
  // Initials and short all-capital abbreviations: "J. Smith", "AS.", "PBB.", "U.S."
  if (/^[\p{Lu}.]{1,6}$/u.test(word) && /\p{Lu}/u.test(word)) return true
  return /\p{L}\.\p{L}/u.test(word)
}
