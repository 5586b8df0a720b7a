// Highlights in a saved web article's HTML, which React does not render element by element:
// each highlight's plain-text range is cut into per-block pieces and the Text nodes there are
// wrapped in <mark>s directly, splitting them at the edges. Outer highlights are wrapped first,
// so a highlight inside another nests inside its marks, as in the React-rendered paragraphs.
import { articleBlocks } from '../../../main/core/import/html/articleBlocks'
import { PARAGRAPH_SEPARATOR } from '../../../main/core/annotations/plainText'
import { blockText, SKIP_ATTRIBUTE } from './textOffsets'

export interface RangeToMark {
  id: string
  start: number
  end: number
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** The block's Text nodes (outside [data-skip]) with where each starts in the block's text; a <br> counts one. */
function textNodesOf(block: Element): { node: Text; at: number }[] {
  const found: { node: Text; at: number }[] = []
  let at = 0
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        found.push({ node: child as Text, at })
        at += (child as Text).data.length
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element
        if (element.hasAttribute(SKIP_ATTRIBUTE)) continue
        if (element.localName === 'br') at += 1
        else walk(element)
      }
    }
  }
  walk(block)
  return found
}

/** Wraps [from, to) of a block's text, Text node by Text node; returns the marks made, in order. */
export function wrapBlockRange(block: Element, from: number, to: number, make: () => Element): Element[] {
  const made: Element[] = []
  if (to <= from) return made
  for (const { node, at } of textNodesOf(block)) {
    const end = at + node.data.length
    if (end <= from || at >= to || node.data.length === 0) continue
    let piece = node
    if (from > at) piece = piece.splitText(from - at)
    if (to < end) piece.splitText(to - Math.max(at, from))
    const mark = make()
    ;(piece.parentNode as Node).insertBefore(mark, piece)
    mark.appendChild(piece)
    made.push(mark)
  }
  return made
}

/**
 * Marks every range in the article root (already holding the sanitised HTML). Blocks get
 * `data-block="i"` so selections map back the same way as in plain articles. Returns each
 * highlight's marks by id.
 */
export function highlightHtml(root: Element, ranges: readonly RangeToMark[], make: (id: string) => Element): Map<string, Element[]> {
  const blocks = articleBlocks(root)
  const lengths = blocks.map((b) => blockText(b).length)
  blocks.forEach((block, i) => block.setAttribute('data-block', String(i)))
  const starts: number[] = []
  let offset = 0
  for (const length of lengths) {
    starts.push(offset)
    offset += length + PARAGRAPH_SEPARATOR.length
  }
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
  const marks = new Map<string, Element[]>()
  for (const range of sorted) {
    const made: Element[] = []
    blocks.forEach((block, i) => {
      const blockStart = starts[i] as number
      const from = Math.max(0, range.start - blockStart)
      const to = Math.min(lengths[i] as number, range.end - blockStart)
      if (to > from) made.push(...wrapBlockRange(block, from, to, () => make(range.id)))
    })
    marks.set(range.id, made)
  }
  return marks
}
