// Selections in the rendered article map to the offsets main stores, and back — for dispatch
// paragraphs with nested marks and a dateline lead-in, and for saved HTML with inline markup
// and line breaks. A real DOM (jsdom), no mocks.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { articlePlainText } from '../../main/core/annotations/plainText'
import { paragraphsOf } from '../../main/core/import/html/articleBlocks'
import { highlightHtml } from '../../renderer/src/article/htmlHighlights'
import { blockText, locateOffset, offsetInBlock, pointInBlock, rangeToOffsets } from '../../renderer/src/article/textOffsets'

const dom = (html: string): Document => new JSDOM(`<!doctype html><body>${html}</body>`).window.document

/** A dispatch as ArticleBody renders it: a lead-in outside the text, a highlight, an aside between paragraphs. */
const dispatchHtml = `
  <div id="body">
    <p data-block="0"><span data-skip="">JAKARTA (ANTARA) – </span>Harga beras <mark data-annotation-id="a">naik tipis</mark> pekan ini.</p>
    <p class="read-also">Baca juga: Petani panen raya</p>
    <p data-block="1">Pedagang <mark data-annotation-id="b">menyebut <mark data-annotation-id="c">pasokan</mark> cukup</mark>.</p>
  </div>`
const dispatchParagraphs = ['Harga beras naik tipis pekan ini.', 'Pedagang menyebut pasokan cukup.']

const blocksIn = (doc: Document): Element[] => [...doc.querySelectorAll('[data-block]')]

describe('plain-text offsets of a rendered dispatch', () => {
  it('read a block’s text without the lead-in and with marks dissolved', () => {
    const doc = dom(dispatchHtml)
    expect(blocksIn(doc).map(blockText)).toEqual(dispatchParagraphs)
  })

  it('count a point inside a mark, nested marks and at element boundaries', () => {
    const doc = dom(dispatchHtml)
    const [first, second] = blocksIn(doc) as [Element, Element]
    const naik = doc.querySelector('[data-annotation-id="a"]')?.firstChild as Text
    expect(offsetInBlock(first, naik, 2)).toBe('Harga beras na'.length)
    const pasokan = doc.querySelector('[data-annotation-id="c"]')?.firstChild as Text
    expect(offsetInBlock(second, pasokan, 0)).toBe('Pedagang menyebut '.length)
    // Between children: after the outer mark of the second paragraph.
    expect(offsetInBlock(second, second, second.childNodes.length - 1)).toBe('Pedagang menyebut pasokan cukup'.length)
    // Inside the lead-in: before the text starts.
    expect(offsetInBlock(first, first.querySelector('[data-skip]')?.firstChild as Text, 4)).toBe(0)
  })

  it('turn a selection across the "read also" aside into one range of the stored text', () => {
    const doc = dom(dispatchHtml)
    const blocks = blocksIn(doc)
    const range = doc.createRange()
    const naik = doc.querySelector('[data-annotation-id="a"]')?.firstChild as Text
    const pasokan = doc.querySelector('[data-annotation-id="c"]')?.firstChild as Text
    range.setStart(naik, 0)
    range.setEnd(pasokan, 'pasokan'.length)
    const offsets = rangeToOffsets(blocks, dispatchParagraphs, range)
    expect(articlePlainText(dispatchParagraphs).slice(offsets?.start, offsets?.end)).toBe('naik tipis pekan ini.\n\nPedagang menyebut pasokan')
  })

  it('pull in ends that fall outside every block, and ignore a selection that touches none', () => {
    const doc = dom(`<h1 id="title">Judul</h1>${dispatchHtml}<footer id="after">Pewarta</footer>`)
    const range = doc.createRange()
    range.setStart(doc.getElementById('title')?.firstChild as Text, 2)
    range.setEnd(doc.getElementById('after')?.firstChild as Text, 3)
    expect(rangeToOffsets(blocksIn(doc), dispatchParagraphs, range)).toEqual({ start: 0, end: articlePlainText(dispatchParagraphs).length })
    const onlyTitle = doc.createRange()
    onlyTitle.selectNodeContents(doc.getElementById('title') as Element)
    expect(rangeToOffsets(blocksIn(doc), dispatchParagraphs, onlyTitle)).toBeNull()
  })

  it('find the DOM point of an offset, and the block an offset belongs to', () => {
    const doc = dom(dispatchHtml)
    const [first] = blocksIn(doc) as [Element]
    const point = pointInBlock(first, 'Harga beras na'.length)
    expect(point.node.textContent).toBe('naik tipis')
    expect(point.offset).toBe(2)
    expect(locateOffset(dispatchParagraphs, 0)).toEqual({ block: 0, offset: 0 })
    expect(locateOffset(dispatchParagraphs, dispatchParagraphs[0]!.length + 2)).toEqual({ block: 1, offset: 0 })
    expect(locateOffset(dispatchParagraphs, 10_000)).toEqual({ block: 1, offset: dispatchParagraphs[1]!.length })
  })
})

describe('highlights in a saved web page', () => {
  const page = `<article id="root">
      <h2>Banjir surut</h2>
      <p>Air mulai <em>surut</em> di <a href="#x">Kampung Melayu</a> pada Selasa.</p>
      <ul><li>Posko tetap buka</li><li>Listrik menyala<br>kembali sore ini</li></ul>
    </article>`

  it('wraps a range that crosses inline markup and blocks, keeping the text and the block rule intact', () => {
    const doc = dom(page)
    const root = doc.getElementById('root') as Element
    const paragraphs = paragraphsOf(root)
    expect(paragraphs).toEqual(['Banjir surut', 'Air mulai surut di Kampung Melayu pada Selasa.', 'Posko tetap buka', 'Listrik menyala\nkembali sore ini'])
    const text = articlePlainText(paragraphs)
    const start = text.indexOf('surut di Kampung')
    const end = text.indexOf('Posko tetap') + 'Posko tetap'.length
    const made = highlightHtml(root, [{ id: 'x', start, end }], () => {
      const mark = doc.createElement('mark')
      mark.setAttribute('data-annotation-id', 'x')
      return mark
    })
    expect((made.get('x') ?? []).map((m) => m.textContent).join('|')).toBe('surut| di |Kampung Melayu| pada Selasa.|Posko tetap')
    // The page reads the same, and its blocks still give the same paragraphs.
    expect(paragraphsOf(root)).toEqual(paragraphs)
    expect([...root.querySelectorAll('[data-block]')].map((b) => b.getAttribute('data-block'))).toEqual(['0', '1', '2', '3'])
    // And a selection over the marked words maps back to the same offsets.
    const range = doc.createRange()
    range.setStart((made.get('x') as Element[])[0]!.firstChild as Text, 0)
    range.setEnd((made.get('x') as Element[]).at(-1)!.firstChild as Text, 'Posko tetap'.length)
    expect(rangeToOffsets([...root.querySelectorAll('[data-block]')], paragraphs, range)).toEqual({ start, end })
  })

  it('counts a line break as one character and nests a highlight inside another', () => {
    const doc = dom(page)
    const root = doc.getElementById('root') as Element
    const paragraphs = paragraphsOf(root)
    const text = articlePlainText(paragraphs)
    const outer = { id: 'outer', start: text.indexOf('menyala'), end: text.indexOf('sore ini') + 'sore ini'.length }
    const inner = { id: 'inner', start: text.indexOf('kembali'), end: text.indexOf('kembali') + 'kembali'.length }
    const make = (id: string) => {
      const mark = doc.createElement('mark')
      mark.setAttribute('data-annotation-id', id)
      return mark
    }
    const made = highlightHtml(root, [inner, outer], make)
    expect((made.get('outer') ?? []).map((m) => m.textContent)).toEqual(['menyala', 'kembali sore ini'])
    expect(made.get('inner')?.[0]?.parentElement?.getAttribute('data-annotation-id')).toBe('outer')
    const block = root.querySelector('[data-block="3"]') as Element
    expect(offsetInBlock(block, made.get('inner')?.[0]?.firstChild as Text, 0)).toBe('Listrik menyala\n'.length)
  })
})
