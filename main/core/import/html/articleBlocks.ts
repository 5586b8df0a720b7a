// How a saved web article's HTML maps to its `paragraphs`: the one definition shared by main
// (which computes `paragraphs` when saving) and the renderer (which finds the block an
// annotation or search hit belongs to). Plain DOM only — no Node or jsdom imports — so the
// renderer can import it as is.
//
// The rule: a block is an element named in BLOCK_TAGS with no other such element inside it
// and some text. Blocks are taken in document order; paragraph i is the text of block i.
// The text of a block is the data of its Text nodes in order, with each <br> read as "\n".
// Saving already collapsed whitespace in the DOM itself (outside <pre>) and trimmed each
// block, so offsets into a paragraph are offsets into those Text nodes: an annotation's
// position maps to a DOM range by walking them, with no normalising in between.

/** Elements that hold one paragraph of text each, once nested ones are set aside. */
export const BLOCK_TAGS = ['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'pre', 'figcaption', 'caption', 'th', 'td'] as const

export const BLOCK_SELECTOR: string = BLOCK_TAGS.join(',')

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** The elements that make up `paragraphs`, in order. */
export function articleBlocks(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(BLOCK_SELECTOR)).filter((el) => el.querySelector(BLOCK_SELECTOR) === null && blockText(el) !== '')
}

/** One block's text: its Text nodes' data in document order, each <br> as "\n". */
export function blockText(block: Element): string {
  let text = ''
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) text += (child as Text).data
      else if (child.nodeType === ELEMENT_NODE) {
        if ((child as Element).localName === 'br') text += '\n'
        else walk(child)
      }
    }
  }
  walk(block)
  return text
}

/** The paragraphs of an article root, as stored beside its HTML. */
export function paragraphsOf(root: ParentNode): string[] {
  return articleBlocks(root).map(blockText)
}
