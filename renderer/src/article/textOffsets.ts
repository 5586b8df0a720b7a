// Maps between places in the rendered article and offsets into its plain text (the paragraphs
// joined by a blank line, main/core/annotations/plainText.ts). Block i of the page holds
// paragraph i; a block's text is its Text nodes in document order with each <br> as "\n" —
// the rule of main/core/import/html/articleBlocks.ts — leaving out anything inside a
// [data-skip] element (the dateline lead-in), which the stored text does not contain.
// Plain DOM, so it works on React-rendered paragraphs and saved HTML alike.
import { PARAGRAPH_SEPARATOR, plainTextOffset } from '../../../main/core/annotations/plainText'

/** Marks rendered content that is not part of the article's stored text. */
export const SKIP_ATTRIBUTE = 'data-skip'

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** The block's text units in order: Text nodes and <br> elements, outside [data-skip]. */
function* textUnits(block: Element): Generator<Text | Element> {
  const walk = function* (node: Node): Generator<Text | Element> {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) yield child as Text
      else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element
        if (element.hasAttribute(SKIP_ATTRIBUTE)) continue
        if (element.localName === 'br') yield element
        else yield* walk(element)
      }
    }
  }
  yield* walk(block)
}

const unitLength = (unit: Text | Element): number => (unit.nodeType === TEXT_NODE ? (unit as Text).data.length : 1)

/** The block's text as offsets count it. */
export function blockText(block: Element): string {
  let text = ''
  for (const unit of textUnits(block)) text += unit.nodeType === TEXT_NODE ? (unit as Text).data : '\n'
  return text
}

/** How much of the block's text lies before a DOM boundary point inside it. */
export function offsetInBlock(block: Element, container: Node, offset: number): number {
  const doc = block.ownerDocument
  const point = doc.createRange()
  point.setStart(container, offset)
  let total = 0
  for (const unit of textUnits(block)) {
    if (unit === container) return total + Math.min(offset, unitLength(unit))
    const parent = unit.parentNode as Node
    const index = Array.prototype.indexOf.call(parent.childNodes, unit) as number
    // Wholly before the point: counts in full. Starting at or after it: the point is reached.
    if (point.comparePoint(parent, index + 1) < 0) total += unitLength(unit)
    else break
  }
  return total
}

/** The DOM boundary point at `offset` characters into the block's text (clamped to its end). */
export function pointInBlock(block: Element, offset: number): { node: Node; offset: number } {
  let remaining = Math.max(0, offset)
  let last: Text | Element | null = null
  for (const unit of textUnits(block)) {
    const length = unitLength(unit)
    if (unit.nodeType === TEXT_NODE && remaining <= length) return { node: unit, offset: remaining }
    if (unit.nodeType !== TEXT_NODE && remaining < length) {
      const parent = unit.parentNode as Node
      return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, unit) as number }
    }
    remaining -= length
    last = unit
  }
  if (last?.nodeType === TEXT_NODE) return { node: last, offset: (last as Text).data.length }
  return { node: block, offset: block.childNodes.length }
}

/**
 * A selection as plain-text offsets, or null when it touches no block. Ends outside the
 * blocks (in a heading, a "Read also" aside, past the last paragraph) are pulled in to the
 * nearest block edge, so dragging a little too far still highlights what was meant.
 */
export function rangeToOffsets(blocks: readonly Element[], paragraphs: readonly string[], range: Range): { start: number; end: number } | null {
  let first = -1
  let last = -1
  for (let i = 0; i < blocks.length && i < paragraphs.length; i++) {
    if (!range.intersectsNode(blocks[i] as Element)) continue
    if (first === -1) first = i
    last = i
  }
  if (first === -1) return null
  const firstBlock = blocks[first] as Element
  const lastBlock = blocks[last] as Element
  const startIn = firstBlock.contains(range.startContainer) ? offsetInBlock(firstBlock, range.startContainer, range.startOffset) : 0
  const endIn = lastBlock.contains(range.endContainer)
    ? offsetInBlock(lastBlock, range.endContainer, range.endOffset)
    : (paragraphs[last] as string).length
  const start = plainTextOffset(paragraphs, first, startIn)
  const end = plainTextOffset(paragraphs, last, endIn)
  return end > start ? { start, end } : null
}

/** Which block a plain-text offset falls in, and where in it; separators belong to the block before. */
export function locateOffset(paragraphs: readonly string[], offset: number): { block: number; offset: number } {
  let start = 0
  for (let i = 0; i < paragraphs.length; i++) {
    const length = (paragraphs[i] as string).length
    if (offset <= start + length || i === paragraphs.length - 1) return { block: i, offset: Math.min(Math.max(0, offset - start), length) }
    start += length + PARAGRAPH_SEPARATOR.length
  }
  return { block: 0, offset: 0 }
}
