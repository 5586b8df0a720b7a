// Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), so
// they can leave Warta for any tool that speaks the standard and come back unchanged.
// Colour travels the standard way, as a target `styleClass` with a CSS stylesheet; the
// article's content hash is Warta's one extension term. Import never throws: a file that is
// not an annotation file is a typed error, an entry that does not fit is skipped and counted.
import { z } from 'zod'
import type { AppErrorData, Result } from '../../../preload/contract'
import { AppError } from '../errors'
import {
  AnnotationNote,
  AnnotationRecord,
  annotationColours,
  annotationLimits,
  articleLink,
  byCreated,
  defaultColour,
  normaliseNote,
  type AnnotationColour as Colour,
  type AnnotationImportResult,
  type AnnotationSkipReason,
} from './model'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Warta's own terms live under its own URI scheme, the one its article links use. */
export const WARTA_VOCABULARY = 'warta://vocabulary/'
const context = [ANNOTATION_CONTEXT, { warta: WARTA_VOCABULARY }] as const
const CONTENT_HASH = 'warta:contentHash'

const styleClassOf = (colour: Colour): string => `warta-${colour}`
const cssColours: Record<Colour, string> = { yellow: '#fde68a', green: '#bbf7d0', blue: '#bfdbfe', pink: '#fbcfe8' }

// ---------------------------------------------------------------------------
// The wire shape, checked strictly on import
// ---------------------------------------------------------------------------
const IsoDate = z.iso.datetime({ offset: true })
const uuidUrn = /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/
/** An `articleLink`, capturing the article id. */
const articleIri = /^warta:\/\/article\/([a-z0-9]{16})$/

const Context = z.union([
  z.literal(ANNOTATION_CONTEXT),
  z
    .array(z.union([z.string().max(200), z.record(z.string().max(100), z.string().max(200))]))
    .max(8)
    .refine((c) => c.includes(ANNOTATION_CONTEXT), { message: `the @context must include ${ANNOTATION_CONTEXT}` }),
])

const TextualBody = z.strictObject({
  type: z.literal('TextualBody'),
  value: AnnotationNote,
  format: z.literal('text/plain').optional(),
  purpose: z.literal('commenting').optional(),
  language: z.string().max(35).optional(),
})

const QuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(annotationLimits.maxQuoteLength),
  prefix: z.string().max(annotationLimits.contextLength).optional(),
  suffix: z.string().max(annotationLimits.contextLength).optional(),
})

const PositionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
})

const Selector = z.discriminatedUnion('type', [QuoteSelector, PositionSelector])

const Target = z.strictObject({
  type: z.literal('SpecificResource').optional(),
  source: z.string().max(100).regex(articleIri, 'the target is not a Warta article (warta://article/<id>)'),
  styleClass: z.enum(annotationColours.map(styleClassOf) as [string, ...string[]]).optional(),
  [CONTENT_HASH]: z.string().regex(/^[0-9a-f]{64}$/),
  selector: z.array(Selector).length(2),
})

export const WebAnnotation = z.strictObject({
  '@context': Context.optional(),
  id: z.string().max(100).regex(uuidUrn, 'the id is not a urn:uuid'),
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting']),
  created: IsoDate,
  modified: IsoDate,
  body: z.union([TextualBody, z.array(TextualBody).max(1)]).optional(),
  target: Target,
  stylesheet: z.strictObject({ type: z.literal('CssStylesheet'), value: z.string().max(1000) }).optional(),
})
export type WebAnnotation = z.infer<typeof WebAnnotation>

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------
export function toWebAnnotation(record: AnnotationRecord): WebAnnotation {
  const styleClass = styleClassOf(record.colour)
  return {
    '@context': [...context],
    id: `urn:uuid:${record.id}`,
    type: 'Annotation',
    motivation: record.note ? 'commenting' : 'highlighting',
    created: record.createdAt,
    modified: record.updatedAt,
    ...(record.note
      ? { body: [{ type: 'TextualBody', value: record.note, format: 'text/plain', purpose: 'commenting' }] }
      : {}),
    target: {
      source: articleLink(record.articleId),
      styleClass,
      [CONTENT_HASH]: record.contentHash,
      selector: [
        { type: 'TextQuoteSelector', ...record.quote },
        { type: 'TextPositionSelector', ...record.position },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${cssColours[record.colour]}; }` },
  }
}

export interface CollectionOptions {
  /** Fresh UUIDs for the collection and its page; injected so tests get a fixed file. */
  newId?: () => string
  label?: string
}

/** Every annotation as one W3C AnnotationCollection with its single page embedded, oldest first. */
export function annotationCollection(records: readonly AnnotationRecord[], options: CollectionOptions = {}): object {
  const newId = options.newId ?? (() => crypto.randomUUID())
  const items = [...records].sort(byCreated).map(toWebAnnotation)
  return {
    '@context': [...context],
    id: `urn:uuid:${newId()}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Warta annotations',
    total: items.length,
    first: { id: `urn:uuid:${newId()}`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

export const exportWebAnnotations = (records: readonly AnnotationRecord[], options?: CollectionOptions): string =>
  `${JSON.stringify(annotationCollection(records, options), null, 2)}\n`

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------
export type SkippedAnnotation = AnnotationImportResult['problems'][number]

/** As AnnotationImportResult, with the records themselves instead of their count. */
export interface ImportReport extends Omit<AnnotationImportResult, 'imported'> {
  /** New to the archive, in file order; the caller appends them to its list. */
  imported: AnnotationRecord[]
}

const maxProblemsListed = 50

/** A record from a checked entry, or why it cannot be one. */
export function fromWebAnnotation(entry: WebAnnotation): { ok: true; record: AnnotationRecord } | { ok: false; detail: string } {
  const quote = entry.target.selector.find((s) => s.type === 'TextQuoteSelector')
  const position = entry.target.selector.find((s) => s.type === 'TextPositionSelector')
  if (!quote || !position) return { ok: false, detail: 'needs one TextQuoteSelector and one TextPositionSelector' }
  const bodies = entry.body === undefined ? [] : Array.isArray(entry.body) ? entry.body : [entry.body]
  const colour = entry.target.styleClass?.replace(/^warta-/, '')
  const parsed = AnnotationRecord.safeParse({
    id: (uuidUrn.exec(entry.id)?.[1] ?? '').toLowerCase(),
    articleId: articleIri.exec(entry.target.source)?.[1],
    colour: colour ?? defaultColour,
    note: normaliseNote(bodies[0]?.value ?? ''),
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: { start: position.start, end: position.end },
    contentHash: entry.target[CONTENT_HASH],
    createdAt: entry.created,
    updatedAt: entry.modified,
  })
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, detail: shortIssues(parsed.error) }
}

function shortIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(entry)'}: ${i.message}`)
    .join('; ')
    .slice(0, 300)
}

const failure = (error: AppError): { ok: false; error: AppErrorData } => ({ ok: false, error: error.toData() })

/** The entries of whatever envelope the file uses: a collection, a page, a list, or one annotation. */
function entriesOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  if (typeof json !== 'object' || json === null) return null
  const o = json as Record<string, unknown>
  if (o.type === 'Annotation') return [json]
  if (o.type === 'AnnotationPage' && Array.isArray(o.items)) return o.items
  if (o.type === 'AnnotationCollection') {
    const first = o.first as Record<string, unknown> | undefined
    if (typeof first === 'object' && first !== null && Array.isArray(first.items)) return first.items
    if (o.total === 0 && first === undefined) return []
  }
  return null
}

/**
 * Reads a JSON-LD file's annotations for adding to `list`. Entries for articles not in the
 * archive, of the wrong shape, or beyond the size limit are skipped and counted; entries
 * already in `list` (or earlier in the file) are not doubled. Nothing is changed here.
 */
export function importWebAnnotations(
  list: readonly AnnotationRecord[],
  text: string,
  isKnownArticle: (articleId: string) => boolean,
): Result<ImportReport> {
  // The JSON is parsed whole, so this bounds memory.
  if (text.length > annotationLimits.maxImportChars) {
    return failure(
      // TOO_LARGE_annotations interpolates maxMegabytes, and the file name the renderer adds.
      new AppError('TOO_LARGE', 'The annotation file is too large', {
        maxMegabytes: annotationLimits.maxImportChars / (1024 * 1024),
        context: 'annotations',
      }),
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // Also a RangeError from absurdly deep nesting: either way, not a file we can read.
    return failure(new AppError('UNSUPPORTED', 'The annotation file is not JSON'))
  }
  const entries = entriesOf(json)
  if (!entries) {
    return failure(new AppError('UNSUPPORTED', 'The file is not a W3C Web Annotation collection, page or annotation'))
  }

  const known = new Set(list.map((a) => a.id))
  const report: ImportReport = {
    imported: [],
    duplicates: 0,
    skipped: { invalid: 0, unknownArticle: 0, tooMany: 0 },
    problems: [],
  }
  const skip = (index: number, entry: unknown, reason: AnnotationSkipReason, detail: string): void => {
    report.skipped[reason]++
    if (report.problems.length >= maxProblemsListed) return
    const id = (entry as { id?: unknown } | null)?.id
    report.problems.push({ index, id: typeof id === 'string' ? id.slice(0, 100) : null, reason, detail })
  }

  for (const [index, entry] of entries.slice(0, annotationLimits.maxImportItems).entries()) {
    const shape = WebAnnotation.safeParse(entry)
    if (!shape.success) {
      skip(index, entry, 'invalid', shortIssues(shape.error))
      continue
    }
    const converted = fromWebAnnotation(shape.data)
    if (!converted.ok) {
      skip(index, entry, 'invalid', converted.detail)
      continue
    }
    const { record } = converted
    if (!isKnownArticle(record.articleId)) {
      skip(index, entry, 'unknownArticle', `no article ${record.articleId} in this archive`)
      continue
    }
    if (known.has(record.id)) {
      report.duplicates++
      continue
    }
    known.add(record.id)
    report.imported.push(record)
  }
  if (entries.length > annotationLimits.maxImportItems) {
    report.skipped.tooMany = entries.length - annotationLimits.maxImportItems
    report.problems.push({
      index: annotationLimits.maxImportItems,
      id: null,
      reason: 'tooMany',
      detail: `only the first ${annotationLimits.maxImportItems} entries are read`,
    })
  }
  return { ok: true, value: report }
}
