// Property tests: whatever bytes or markup arrive, the importers answer with an article or an
// AppError — never a TypeError, a RangeError or a hang — and a web article's stored HTML
// reads back to exactly its paragraphs. jsdom is slow per case, so the timeouts are long
// rather than the counts low. The HTML properties are async and yield after each case: jsdom
// frees a closed window only once the event loop turns (measured: a synchronous loop of
// 1,500 pages grows the heap past 4 GB; with a setImmediate per page it stays at ~50 MB).
import { setImmediate as nextTurn } from 'node:timers/promises'
import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { afterAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../main/core/errors'
import { articleBlocks, blockText } from '../../../main/core/import/html/articleBlocks'
import { finaliseArticleHtmlString } from '../../../main/core/import/html/articleHtml'
import { ARTICLE_TAGS } from '../../../main/core/import/html/articleAllowList'
import { extractArticle } from '../../../main/core/import/html/htmlArticle'
import { articleFromHtmlFile } from '../../../main/core/import/html/htmlFile'
import { withoutImages } from '../../../main/core/import/html/offlineImages'
import { articleFromFile } from '../../../main/core/import/importFiles'

const counts = { html: 0, htmlBytes: 0, text: 0, textBytes: 0, articles: 0, appErrors: new Map<string, number>() }
afterAll(() => {
  const total = counts.html + counts.htmlBytes + counts.text + counts.textBytes
  console.log(
    `importer properties: ${counts.html} generated pages + ${counts.htmlBytes} random HTML files + ${counts.text} structured texts + ${counts.textBytes} random text files = ${total} cases; ` +
      `${counts.articles} articles, AppErrors ${JSON.stringify(Object.fromEntries(counts.appErrors))}`,
  )
})

/** Runs an importer: an article, or an AppError (counted); anything else fails the property. */
function articleOrAppError<T>(run: () => T): T | null {
  try {
    const article = run()
    counts.articles++
    return article
  } catch (e) {
    return countAppError(e)
  }
}

function countAppError(e: unknown): null {
  if (!isAppError(e)) throw e
  counts.appErrors.set(e.code, (counts.appErrors.get(e.code) ?? 0) + 1)
  return null
}

/** The same for an importer that answers with a promise: it must settle, never reject with anything else. */
async function articleOrAppErrorAsync<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    const article = await run()
    counts.articles++
    return article
  } catch (e) {
    return countAppError(e)
  }
}

// -- a small grammar of hostile, sloppy and ordinary HTML ------------------------------------

const tags = [
  'p', 'div', 'span', 'a', 'img', 'script', 'style', 'svg', 'math', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h5', 'br', 'hr', 'b', 'i', 'em', 'strong', 'iframe', 'form', 'input', 'button', 'pre', 'code',
  'blockquote', 'figure', 'figcaption', 'noscript', 'template', 'select', 'option', 'textarea', 'title', 'meta', 'base',
  'picture', 'source', 'video', 'details', 'summary', 'x-widget', 'article', 'nav', 'footer', 'caption', 'object',
] as const
const urls = fc.constantFrom(
  'https://example.com/a', 'http://example.com/b.png', '/relative/path', 'img.jpg', '#frag', '', 'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)', 'mailto:a@example.com', 'file:///etc/passwd', '//evil.example/x', 'https://example.com/a b"c',
)
const attribute = fc.oneof(
  fc.tuple(fc.constantFrom('href', 'src', 'data-src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background'), urls),
  fc.tuple(fc.constantFrom('onclick', 'onerror', 'onload', 'style', 'class', 'id', 'name', 'lang', 'title', 'alt', 'colspan', 'rowspan', 'start', 'srcdoc', 'http-equiv', 'content', 'charset', 'type', 'rel'), fc.string({ maxLength: 20 })),
)
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('Warga pesisir menyambut jalur perahu baru. ', 'The trains return next month. ', '&amp; &lt;b&gt; &#0; &#x110000; &nbsp;', '\n\t  \r\n', ']]>', '<!-- c -->', '<![CDATA[x]]>', '</p>', '<p>', '<'),
)
const escapeAttr = (v: string) => v.replace(/"/g, '&quot;')
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([tag, attrs, children, close]) => `<${tag}${attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}>${children.join('')}${close ? `</${tag}>` : ''}`),
  ),
}))
const page = fc
  .tuple(fc.array(node, { maxLength: 6 }), fc.boolean(), fc.constantFrom('id', 'en', 'fr', '', 'x'))
  .map(([body, doctype, lang]) => `${doctype ? '<!doctype html>' : ''}<html lang="${lang}"><body>${body.join('')}</body></html>`)

/** The renderer's view: its own parse of the stored HTML, read with the shared block rule. */
function rendererParagraphs(html: string): string[] {
  const article = new JSDOM('<!doctype html><article></article>').window.document.querySelector('article') as HTMLElement
  article.innerHTML = html
  return articleBlocks(article).map(blockText)
}

describe('the HTML importer on arbitrary input', () => {
  it('returns an article or an AppError for generated pages, and stored HTML reads back to its paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(page, fc.boolean(), async (html, readable) => {
        await nextTurn()
        counts.html++
        const draft = articleOrAppError(() => extractArticle(html, { url: 'https://example.com/news/story', readable }))
        if (!draft) return
        expect(draft.paragraphs.length).toBeGreaterThan(0)
        expect(draft.paragraphs.every((p) => p.trim() !== '')).toBe(true)
        const stored = withoutImages(draft.htmlWithRemoteImages)
        expect(stored.paragraphs).toEqual(draft.paragraphs)
        expect(rendererParagraphs(stored.html)).toEqual(draft.paragraphs)
        // Saving is a fixed point: the stored HTML, finalised again, is unchanged.
        expect(finaliseArticleHtmlString(stored.html, { images: (src) => src }).html).toBe(stored.html)
        const tagsUsed = new Set([...stored.html.matchAll(/<([a-z][\w-]*)/g)].map((m) => m[1]))
        for (const tag of tagsUsed) expect(ARTICLE_TAGS as readonly string[]).toContain(tag)
      }),
      { numRuns: 220 },
    )
  }, 600_000)

  it('returns an article or an AppError for random bytes saved as .html', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await nextTurn()
        counts.htmlBytes++
        await articleOrAppErrorAsync(() => articleFromHtmlFile({ name: 'random.html', bytes }))
      }),
      { numRuns: 100 },
    )
  }, 300_000)
})

// -- the text importer -----------------------------------------------------------------------

const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    'JAKARTA (ANTARA) - Pemerintah meresmikan taman baca baru di tepi sungai.',
    'BANDUNG, KOMPAS.com -',
    'JAKARTA, March 3 (Reuters) - A new ferry route began service on Sunday.',
    'Baca juga: Perpustakaan keliling kembali menyapa warga',
    'Berita Terkait',
    '2 Maret 2024 09:15',
    'Senin, 9 Mei 2024 16.32 WIB',
    'Pewarta: Rina Kusuma',
    'Editor: Budi Santoso',
    'Copyright © ANTARA 2024',
    '',
    '   ',
    '\u200b',
    'Jan 15',
  ),
)
const dispatch = fc.array(line, { maxLength: 14 }).map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n', '\r'), 1)[0] ?? '\n'))

describe('the text importer on arbitrary input', () => {
  it('returns an article or an AppError for dispatch-shaped text', () => {
    fc.assert(
      fc.property(dispatch, (text) => {
        counts.text++
        articleOrAppError(() => articleFromFile({ name: 'dispatch.txt', bytes: new TextEncoder().encode(text) }, new Date('2024-03-05T00:00:00Z')))
      }),
      { numRuns: 400 },
    )
  }, 300_000)

  it('returns an article or an AppError for random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        counts.textBytes++
        articleOrAppError(() => articleFromFile({ name: 'random.txt', bytes }))
      }),
      { numRuns: 350 },
    )
  }, 300_000)
})
