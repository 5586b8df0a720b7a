// The one text every annotation offset counts in. Main anchors against it and the renderer
// maps DOM selections to it paragraph by paragraph, so this file imports nothing: the
// renderer can bundle it as is. Offsets are UTF-16 code units, as in the DOM and in JS strings.

/** What separates two paragraphs in the plain text; highlights may span it. */
export const PARAGRAPH_SEPARATOR = '\n\n'

/** The plain text of a dispatch article: its paragraphs joined by a blank line. */
export function articlePlainText(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR)
}

/** Where each paragraph starts in the plain text. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = []
  let offset = 0
  for (const paragraph of paragraphs) {
    starts.push(offset)
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length
  }
  return starts
}

/**
 * A point inside paragraph `paragraphIndex` (a DOM selection end, say) as a plain-text offset.
 * Out-of-range input is clamped, so a stale selection never yields an offset outside the text.
 */
export function plainTextOffset(paragraphs: readonly string[], paragraphIndex: number, offsetInParagraph: number): number {
  if (paragraphs.length === 0) return 0
  const index = Math.min(Math.max(0, Math.trunc(paragraphIndex)), paragraphs.length - 1)
  let start = 0
  for (let i = 0; i < index; i++) start += (paragraphs[i] as string).length + PARAGRAPH_SEPARATOR.length
  const length = (paragraphs[index] as string).length
  return start + Math.min(Math.max(0, Math.trunc(offsetInParagraph)), length)
}
