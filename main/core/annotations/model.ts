// What an annotation is, on disk, on the wire and in exports: W3C selectors against the
// article's plain text (see plainText.ts), the content hash it was made on, a colour and a
// note. Records are never changed in place: every operation builds a new one, so undo is
// "put the old one back".
//
// The schemas live in preload/contract.ts (section "Annotations"), since the contract's
// calls carry them; this file re-exports them beside the helpers the core shares.
import type { AnnotationColour, AnnotationRecord } from '../../../preload/contract'

export {
  Anchor,
  AnchoredAnnotation,
  AnnotationColour,
  AnnotationId,
  AnnotationImportResult,
  AnnotationList,
  AnnotationListItem,
  AnnotationNote,
  AnnotationRecord,
  AnnotationSkipReason,
  TextPositionSelector,
  TextQuoteSelector,
  annotationColours,
  annotationLimits,
  annotationSkipReasons,
} from '../../../preload/contract'

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
