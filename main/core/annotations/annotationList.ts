// Pure operations on the archive's list of annotations (the state file's `annotations`).
// Each change returns a new list and leaves the old one untouched, so the archive can save
// the new list and, if the save fails, keep the old one — and the UI's undo is a restore.
import { AppError } from '../errors'
import { anchorSelectors } from './anchoring'
import {
  AnnotationRecord,
  byCreated,
  defaultColour,
  hasNote,
  normaliseNote,
  type AnchoredAnnotation,
  type AnnotationColour,
} from './model'
import { articlePlainText } from './plainText'
import { makeSelectors } from './selectors'

/** The article text an annotation is made on or placed against. */
export interface AnnotatedText {
  id: string
  paragraphs: readonly string[]
  contentHash: string
}

export interface NewAnnotation {
  /** Offsets into `articlePlainText(paragraphs)`. */
  start: number
  end: number
  colour?: AnnotationColour
  note?: string
}

export interface AnnotationPatch {
  colour?: AnnotationColour
  note?: string
}

type List = readonly AnnotationRecord[]

function indexOf(list: List, id: string): number {
  const index = list.findIndex((a) => a.id === id)
  // The context picks the highlight's wording of NOT_FOUND (errors.json NOT_FOUND_annotation).
  if (index === -1) throw new AppError('NOT_FOUND', `No annotation ${id}`, { id, context: 'annotation' })
  return index
}

export function findAnnotation(list: List, id: string): AnnotationRecord | undefined {
  return list.find((a) => a.id === id)
}

export function createAnnotation(
  list: List,
  article: AnnotatedText,
  input: NewAnnotation,
  made: { id: string; now: Date },
): { list: AnnotationRecord[]; annotation: AnnotationRecord } {
  const { quote, position } = makeSelectors(articlePlainText(article.paragraphs), input.start, input.end)
  const at = made.now.toISOString()
  const annotation = AnnotationRecord.parse({
    id: made.id,
    articleId: article.id,
    colour: input.colour ?? defaultColour,
    note: normaliseNote(input.note ?? ''),
    quote,
    position,
    contentHash: article.contentHash,
    createdAt: at,
    updatedAt: at,
  })
  if (findAnnotation(list, annotation.id)) throw new AppError('INVALID_INPUT', `Annotation ${annotation.id} exists already`)
  return { list: [...list, annotation], annotation }
}

/**
 * Puts back an annotation exactly as it was (undo of a delete). Restoring one that is
 * already there changes nothing, so a double undo never doubles it.
 */
export function restoreAnnotation(list: List, record: AnnotationRecord): { list: AnnotationRecord[]; restored: boolean } {
  if (findAnnotation(list, record.id)) return { list: [...list], restored: false }
  return { list: [...list, AnnotationRecord.parse(record)], restored: true }
}

/** Changes colour and/or note; an empty note removes it. No change, no new `updatedAt`. */
export function updateAnnotation(
  list: List,
  id: string,
  patch: AnnotationPatch,
  now: Date,
): { list: AnnotationRecord[]; annotation: AnnotationRecord; previous: AnnotationRecord; changed: boolean } {
  const index = indexOf(list, id)
  const previous = list[index] as AnnotationRecord
  const colour = patch.colour ?? previous.colour
  const note = patch.note === undefined ? previous.note : normaliseNote(patch.note)
  if (colour === previous.colour && note === previous.note) {
    return { list: [...list], annotation: previous, previous, changed: false }
  }
  const annotation = AnnotationRecord.parse({ ...previous, colour, note, updatedAt: now.toISOString() })
  const next = [...list]
  next[index] = annotation
  return { list: next, annotation, previous, changed: true }
}

/** Removes one annotation and hands it back, so the UI can offer undo via `restoreAnnotation`. */
export function deleteAnnotation(list: List, id: string): { list: AnnotationRecord[]; removed: AnnotationRecord } {
  const index = indexOf(list, id)
  return { list: list.filter((_, i) => i !== index), removed: list[index] as AnnotationRecord }
}

/** For when an article leaves the archive: its annotations go with it. */
export function deleteArticleAnnotations(list: List, articleId: string): { list: AnnotationRecord[]; removed: AnnotationRecord[] } {
  return { list: list.filter((a) => a.articleId !== articleId), removed: list.filter((a) => a.articleId === articleId) }
}

/**
 * An article's annotations placed on its current text: placed ones in reading order (an
 * outer highlight before one nested in it), then the unplaced ones, oldest first.
 */
export function anchorArticleAnnotations(
  list: List,
  article: Pick<AnnotatedText, 'id' | 'paragraphs'>,
): { placed: AnchoredAnnotation[]; unplaced: AnchoredAnnotation[] } {
  const text = articlePlainText(article.paragraphs)
  const placed: AnchoredAnnotation[] = []
  const unplaced: AnchoredAnnotation[] = []
  for (const annotation of list) {
    if (annotation.articleId !== article.id) continue
    const anchored = { ...annotation, anchor: anchorSelectors(text, annotation) }
    ;(anchored.anchor.status === 'unplaced' ? unplaced : placed).push(anchored)
  }
  placed.sort((a, b) => (a.anchor.start ?? 0) - (b.anchor.start ?? 0) || (b.anchor.end ?? 0) - (a.anchor.end ?? 0) || byCreated(a, b))
  unplaced.sort(byCreated)
  return { placed, unplaced }
}

export interface AnnotationQuery {
  articleId?: string
  colour?: AnnotationColour
  /** Words that must all appear in the quote or the note; case and accents are ignored. */
  text?: string
  /** Only annotations with a note (`has:note`). */
  hasNote?: boolean
}

/** Lowercase without accents, so "Presiden" finds "présiden" and "KTT" finds "ktt". */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()

/** Annotations across the archive, newest first, filtered without reading any article body. */
export function searchAnnotations(list: List, query: AnnotationQuery = {}): AnnotationRecord[] {
  const words = query.text ? fold(query.text).split(/\s+/).filter(Boolean) : []
  return list
    .filter((a) => {
      if (query.articleId !== undefined && a.articleId !== query.articleId) return false
      if (query.colour !== undefined && a.colour !== query.colour) return false
      if (query.hasNote !== undefined && hasNote(a) !== query.hasNote) return false
      if (words.length === 0) return true
      const haystack = fold(`${a.quote.exact}\n${a.note}`)
      return words.every((w) => haystack.includes(w))
    })
    .sort((a, b) => byCreated(b, a))
}

export interface AnnotationCount {
  highlights: number
  notes: number
}

/** Per article, how many annotations and how many of them carry a note — for the library list and `has:note`. */
export function countAnnotations(list: List): Map<string, AnnotationCount> {
  const counts = new Map<string, AnnotationCount>()
  for (const a of list) {
    const count = counts.get(a.articleId) ?? { highlights: 0, notes: 0 }
    count.highlights++
    if (hasNote(a)) count.notes++
    counts.set(a.articleId, count)
  }
  return counts
}

/** Ids of articles with at least one note (`has:note` in search). */
export function articlesWithNotes(list: List): Set<string> {
  return new Set(list.filter(hasNote).map((a) => a.articleId))
}
