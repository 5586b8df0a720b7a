// Test helper: highlights a phrase of an article the way the reader will — by offsets into the plain text.
import { createHash } from 'node:crypto'
import { createAnnotation } from '../../../main/core/annotations/annotationList'
import type { AnnotationColour, AnnotationRecord } from '../../../main/core/annotations/model'
import { articlePlainText } from '../../../main/core/annotations/plainText'

export const hashOf = (paragraphs: readonly string[]): string =>
  createHash('sha256').update(articlePlainText(paragraphs)).digest('hex')

let counter = 0
/** Deterministic UUIDs, so exports can be compared character for character. */
export const testUuid = (): string => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`

export function annotate(
  list: readonly AnnotationRecord[],
  article: { id: string; paragraphs: readonly string[] },
  phrase: string,
  options: { colour?: AnnotationColour; note?: string; at?: string; occurrence?: number; until?: string } = {},
): { list: AnnotationRecord[]; annotation: AnnotationRecord } {
  const text = articlePlainText(article.paragraphs)
  let start = -1
  for (let i = 0; i <= (options.occurrence ?? 0); i++) start = text.indexOf(phrase, start + 1)
  if (start === -1) throw new Error(`no "${phrase}" in the article`)
  // `until`: the highlight runs from `phrase` to the end of this later phrase (for spans across paragraphs).
  const end = options.until ? text.indexOf(options.until, start) + options.until.length : start + phrase.length
  return createAnnotation(
    list,
    { id: article.id, paragraphs: article.paragraphs, contentHash: hashOf(article.paragraphs) },
    { start, end, colour: options.colour, note: options.note },
    { id: testUuid(), now: new Date(options.at ?? '2024-05-15T10:00:00.000Z') },
  )
}
