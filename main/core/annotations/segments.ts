// Splits paragraphs into runs of text covered by the same set of highlights, so the renderer
// can wrap each run in nested <mark>s without any DOM range arithmetic. Pure and free of
// imports, so the renderer bundles it directly.
import { PARAGRAPH_SEPARATOR } from './plainText'

/** A placed annotation's range in the plain text (see plainText.ts), end exclusive. */
export interface PlacedRange {
  id: string
  start: number
  end: number
}

export interface Segment {
  text: string
  /** Where the segment starts within its paragraph (UTF-16 code units). */
  offset: number
  /** The annotations covering the whole segment, outermost (earliest start, then longest) first. */
  annotationIds: string[]
}

/**
 * For each paragraph, its text cut at every highlight edge. Concatenating a paragraph's
 * segments gives back the paragraph; no segment is empty. Ranges may overlap, nest, span
 * paragraphs (the separators simply belong to no paragraph) or reach outside the text.
 */
export function segmentParagraphs(paragraphs: readonly string[], placed: readonly PlacedRange[]): Segment[][] {
  const ranges = placed
    .filter((r) => r.end > r.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const result: Segment[][] = []
  let paragraphStart = 0
  let first = 0 // ranges before this index ended in an earlier paragraph
  for (const paragraph of paragraphs) {
    const paragraphEnd = paragraphStart + paragraph.length
    while (first < ranges.length && (ranges[first] as PlacedRange).end <= paragraphStart) first++
    const covering: PlacedRange[] = []
    const cuts = new Set<number>([0, paragraph.length])
    for (let i = first; i < ranges.length; i++) {
      const r = ranges[i] as PlacedRange
      if (r.start >= paragraphEnd) break
      if (r.end <= paragraphStart) continue
      covering.push(r)
      cuts.add(Math.max(0, r.start - paragraphStart))
      cuts.add(Math.min(paragraph.length, r.end - paragraphStart))
    }
    const points = [...cuts].sort((a, b) => a - b)
    const segments: Segment[] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number
      const to = points[i + 1] as number
      if (to === from) continue
      const at = paragraphStart + from
      segments.push({
        text: paragraph.slice(from, to),
        offset: from,
        annotationIds: covering.filter((r) => r.start <= at && r.end > at).map((r) => r.id),
      })
    }
    result.push(segments)
    paragraphStart = paragraphEnd + PARAGRAPH_SEPARATOR.length
  }
  return result
}
