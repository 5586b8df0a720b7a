// Puts sanitised article HTML into the shape articleBlocks.ts reads: every run of text sits in
// exactly one block, no inline element or paragraph wraps a block (which the HTML parser
// would tear apart on the next read), whitespace is collapsed in the DOM itself, and empty
// blocks are gone. Run on a detached <body> from articleSanitiser.ts.
import { normaliseTitle } from '../../archive/titles'
import { BLOCK_SELECTOR, blockText } from './articleBlocks'

/** Elements that may sit inside a line of text. */
const PHRASING = new Set(['a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'br', 'img'])
/** Everything else the sanitiser keeps: these end a line of text. */
const NOT_PHRASING =
  'p,h1,h2,h3,h4,h5,h6,ul,ol,li,blockquote,pre,figure,figcaption,table,thead,tbody,tfoot,tr,th,td,caption,hr'
/** Elements that hold text only; a block or list inside one is unwrapped. */
const TEXT_ONLY = 'p,h2,h3,h4,pre,a,em,strong,b,i,u,s,sub,sup,code'
/** Where text may sit beside blocks and has to be wrapped into a <p> of its own. */
const CONTAINERS = 'blockquote,li,td,th,figure,figcaption,caption,ul,ol'
/** Blocks that mean nothing without text (a list item or table cell keeps its place even empty). */
const DROPPABLE_WHEN_EMPTY = 'p,h2,h3,h4,pre,blockquote,figcaption,caption'

const TEXT_NODE = 3
const ELEMENT_NODE = 1

export interface TidyOptions {
  /** The article's title; a first heading repeating it is removed (the reader shows the title itself). */
  title?: string | null
  /** The author line; a first paragraph that only repeats it ("Oleh …", "By …") is removed likewise. */
  byline?: string | null
}

export function tidyArticle(root: HTMLElement, options: TidyOptions = {}): void {
  renameHeadings(root)
  unwrapLinksWithoutTarget(root)
  unwrapMisnested(root)
  wrapLooseText(root)
  collapseWhitespace(root)
  removeEmptyBlocks(root)
  if (options.title) dropTitleHeading(root, options.title)
  if (options.byline) dropBylineParagraph(root, options.byline)
}

/** A link whose target the sanitiser refused is just text now. */
function unwrapLinksWithoutTarget(root: HTMLElement): void {
  for (const a of Array.from(root.querySelectorAll('a:not([href])'))) a.replaceWith(...Array.from(a.childNodes))
}

function renameHeadings(root: HTMLElement): void {
  const doc = root.ownerDocument
  for (const heading of Array.from(root.querySelectorAll('h1,h5,h6'))) {
    const renamed = doc.createElement(heading.localName === 'h1' ? 'h2' : 'h4')
    while (heading.firstChild) renamed.appendChild(heading.firstChild)
    heading.replaceWith(renamed)
  }
}

/** Deepest first, so an unwrapped inner element cannot leave its parent misnested again. */
function unwrapMisnested(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll(TEXT_ONLY)).reverse()) {
    if (el.querySelector(NOT_PHRASING)) el.replaceWith(...Array.from(el.childNodes))
  }
}

function isPhrasing(node: Node): boolean {
  return node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && PHRASING.has((node as Element).localName))
}

function wrapLooseText(root: HTMLElement): void {
  const doc = root.ownerDocument
  const containers: Element[] = [root, ...Array.from(root.querySelectorAll(CONTAINERS))]
  for (const container of containers) {
    // A list item or cell holding only text is itself the block; nothing to wrap.
    if (container.matches(BLOCK_SELECTOR) && !container.querySelector(NOT_PHRASING)) continue
    let run: Node[] = []
    const flush = (): void => {
      if (run.some((n) => /\S/.test(n.textContent ?? ''))) {
        const p = doc.createElement('p')
        ;(run[0] as Node).parentNode?.insertBefore(p, run[0] as Node)
        for (const n of run) p.appendChild(n)
      }
      run = []
    }
    for (const child of Array.from(container.childNodes)) {
      if (isPhrasing(child)) run.push(child)
      else flush()
    }
    flush()
  }
}

function leafBlocks(root: HTMLElement): Element[] {
  return Array.from(root.querySelectorAll(BLOCK_SELECTOR)).filter((el) => !el.querySelector(BLOCK_SELECTOR))
}

function collapseWhitespace(root: HTMLElement): void {
  for (const block of leafBlocks(root)) {
    if (block.localName === 'pre') trimPreformatted(block)
    else collapseBlock(block)
  }
  // Whitespace between blocks carries nothing; dropping it keeps stored HTML compact.
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */)
  const between: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text
    if (!/\S/.test(text.data) && !text.parentElement?.closest(BLOCK_SELECTOR)) between.push(text)
  }
  for (const t of between) t.remove()
}

/** Preformatted text keeps its spacing, first-line indent included; only blank lines around it go. */
function trimPreformatted(block: Element): void {
  const texts: Text[] = []
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* SHOW_TEXT */)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text)
  for (const text of texts) {
    text.data = text.data.replace(/^\s*\n/, '')
    if (/\S/.test(text.data)) break
    text.data = ''
  }
  for (const text of texts.reverse()) {
    text.data = text.data.replace(/\s+$/, '')
    if (text.data !== '') break
  }
  for (const text of texts) if (text.data === '') text.remove()
}

/** Collapses runs of whitespace to one space, trims each line (at the block's ends and at every <br>). */
function collapseBlock(block: Element): void {
  const items: (Text | Element)[] = []
  const collect = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) items.push(child as Text)
      else if (child.nodeType === ELEMENT_NODE) {
        if ((child as Element).localName === 'br') items.push(child as Element)
        else collect(child)
      }
    }
  }
  collect(block)

  // Inside a line, runs of ASCII whitespace become one space; at either end of a line (the
  // block's edges and each <br>) all whitespace goes, no-break spaces included, so a
  // paragraph never starts or ends with a blank.
  let lineStart = true
  let line: Text[] = []
  const endLine = (): void => {
    for (let i = line.length - 1; i >= 0; i--) {
      const text = line[i] as Text
      text.data = text.data.replace(/\s+$/, '')
      if (text.data !== '') break
    }
    line = []
    lineStart = true
  }
  for (const item of items) {
    if (item.nodeType === ELEMENT_NODE) {
      endLine()
      continue
    }
    const text = item as Text
    let data = text.data.replace(/[\t\n\f\r ]+/g, ' ')
    if (lineStart) data = data.replace(/^\s+/, '')
    else if (line[line.length - 1]?.data.endsWith(' ')) data = data.replace(/^ /, '')
    text.data = data
    if (data !== '') {
      lineStart = false
      line.push(text)
    }
  }
  endLine()
  for (const item of items) if (item.nodeType === TEXT_NODE && (item as Text).data === '') item.remove()

  // A line break before the first text or after the last is empty space, not a line.
  const texts = items.filter((i) => i.nodeType === TEXT_NODE && (i as Text).data !== '')
  const first = texts[0]
  const last = texts[texts.length - 1]
  for (const item of items) {
    if (item.nodeType !== ELEMENT_NODE) continue
    const beforeFirst = !first || (item.compareDocumentPosition(first) & 4) !== 0 /* FOLLOWING */
    const afterLast = !last || (item.compareDocumentPosition(last) & 2) !== 0 /* PRECEDING */
    if (beforeFirst || afterLast) item.remove()
  }
}

function removeEmptyBlocks(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll(DROPPABLE_WHEN_EMPTY)).reverse()) {
    if (!el.querySelector('img') && blockText(el).trim() === '' && !el.querySelector(BLOCK_SELECTOR)) el.remove()
  }
}

function dropTitleHeading(root: HTMLElement, title: string): void {
  const first = leafBlocks(root).find((el) => blockText(el) !== '')
  if (first && /^h[2-4]$/.test(first.localName) && normaliseTitle(blockText(first)) === normaliseTitle(title)) first.remove()
}

const BYLINE_PREFIX = /^(?:by|oleh|penulis|reporter|pewarta|written by|ditulis oleh)\s*:?\s*/i

function dropBylineParagraph(root: HTMLElement, byline: string): void {
  const first = leafBlocks(root).find((el) => blockText(el) !== '')
  if (!first || first.localName !== 'p') return
  const text = blockText(first).replace(BYLINE_PREFIX, '')
  if (normaliseTitle(text) !== '' && normaliseTitle(text) === normaliseTitle(byline.replace(BYLINE_PREFIX, ''))) first.remove()
}
