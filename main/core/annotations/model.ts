// What an annotation is, on disk, on the wire and in exports: W3C selectors against the
// article's plain text (see plainText.ts), the content hash it was made on, a colour and a
// note. Records are never changed in place: every operation builds a new one, so undo is
// "put the old one back".
//
// The schemas above the "helpers" line depend on zod and ArticleId only, so they can move
// into preload/contract.ts as they are (the contract's calls need them); this file would
// then re-export them from there.
import { z } from 'zod'
import { ArticleId } from '../../../preload/contract'

export const annotationLimits = {
  /** Longest note (UTF-16 code units); a note is a margin comment, not a document. */
  maxNoteLength: 10_000,
  /** Longest highlight; longer passages are refused rather than stored in the small state file. */
  maxQuoteLength: 10_000,
  /** Characters of context kept either side of a quote, as Hypothesis does. */
  contextLength: 32,
  /** Largest JSON-LD text one import call takes (≈ 25,000 annotations as exported). */
  maxImportChars: 32 * 1024 * 1024,
  /** Most annotations one import reads; the rest are counted as skipped. */
  maxImportItems: 100_000,
} as const

export const annotationColours = ['yellow', 'green', 'blue', 'pink'] as const
export const AnnotationColour = z.enum(annotationColours)
export type AnnotationColour = z.infer<typeof AnnotationColour>

/** A lowercase UUID; exported as `urn:uuid:<id>`. */
export const AnnotationId = z.uuid().regex(/^[0-9a-f-]{36}$/, 'an annotation id is a lowercase UUID')
export type AnnotationId = z.infer<typeof AnnotationId>

const IsoDate = z.iso.datetime({ offset: true })

/** W3C TextQuoteSelector without its `type`: the highlighted text and the text around it. */
export const TextQuoteSelector = z.strictObject({
  exact: z.string().min(1).max(annotationLimits.maxQuoteLength),
  prefix: z.string().max(annotationLimits.contextLength),
  suffix: z.string().max(annotationLimits.contextLength),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** W3C TextPositionSelector without its `type`: offsets into the plain text, end exclusive. */
export const TextPositionSelector = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((p) => p.end > p.start, { message: 'a position ends after it starts' })
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const AnnotationNote = z.string().max(annotationLimits.maxNoteLength)

const annotationFields = {
  id: AnnotationId,
  articleId: ArticleId,
  colour: AnnotationColour,
  /** Plain text, possibly several lines; '' when there is none. */
  note: AnnotationNote,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** The article's content hash when the highlight was made; a different one means the text may have moved. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'a content hash is 64 lowercase hex digits'),
  createdAt: IsoDate,
  updatedAt: IsoDate,
}

const quoteFitsPosition = {
  check: (r: { quote: TextQuoteSelector; position: TextPositionSelector }): boolean =>
    r.position.end - r.position.start === r.quote.exact.length,
  message: 'the position and the quote disagree in length',
}

export const AnnotationRecord = z.strictObject(annotationFields).refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnnotationRecord = z.infer<typeof AnnotationRecord>

/** The state file's list; a missing list (a state file from before annotations) reads as empty. */
export const AnnotationList = z.array(AnnotationRecord).default([])

/** Where an annotation sits in the article's current text (see anchoring.ts). */
export const Anchor = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.enum(['placed', 'placed-approximate']),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The text there now; differs from the quote when placed approximately. */
    text: z.string(),
  }),
  z.strictObject({ status: z.literal('unplaced'), start: z.null(), end: z.null(), text: z.null() }),
])

export const AnchoredAnnotation = z
  .strictObject({ ...annotationFields, anchor: Anchor })
  .refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotation>

/** One row of the archive-wide list; the title is null when the article has left the archive. */
export const AnnotationListItem = z
  .strictObject({ ...annotationFields, articleTitle: z.string().nullable() })
  .refine(quoteFitsPosition.check, { message: quoteFitsPosition.message })
export type AnnotationListItem = z.infer<typeof AnnotationListItem>

export const annotationSkipReasons = ['invalid', 'unknownArticle', 'tooMany'] as const
export const AnnotationSkipReason = z.enum(annotationSkipReasons)
export type AnnotationSkipReason = z.infer<typeof AnnotationSkipReason>

export const AnnotationImportResult = z.strictObject({
  imported: z.number().int(),
  /** Already in the archive (same id): not added twice. */
  duplicates: z.number().int(),
  skipped: z.strictObject({ invalid: z.number().int(), unknownArticle: z.number().int(), tooMany: z.number().int() }),
  /** The first few skipped entries, with why (English detail, for logs). */
  problems: z.array(
    z.strictObject({
      index: z.number().int(),
      id: z.string().nullable(),
      reason: AnnotationSkipReason,
      detail: z.string(),
    }),
  ),
})
export type AnnotationImportResult = z.infer<typeof AnnotationImportResult>

// ---------------------------------------------------------------------------
// helpers (stay here)
// ---------------------------------------------------------------------------

export const defaultColour: AnnotationColour = 'yellow'

/** Warta's address for an article, in exports; the app registers the `warta:` scheme to open it. */
export const articleLink = (articleId: string): string => `warta://article/${articleId}`

/**
 * Notes are plain text: one line-ending style, no control characters that a terminal or
 * a Markdown file would choke on, no blank edges. Idempotent, so an export round-trips.
 */
export function normaliseNote(note: string): string {
  return (
    note
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[ \t]+$/gm, '')
      .trim()
  )
}

/** Oldest first; the id settles ties, so every listing and export has one order. */
export const byCreated = (a: AnnotationRecord, b: AnnotationRecord): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export const hasNote = (annotation: Pick<AnnotationRecord, 'note'>): boolean => annotation.note.length > 0
