// A saved page's HTML is sanitised again in the window before it is shown, with a real DOM
// (jsdom here, the page's own in the app): nothing that runs, loads from the network or
// navigates survives — only this article's saved images and links out to the web — and the
// text blocks stay exactly those highlights are anchored to.
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, Result } from '../../preload/contract'
import { invoke } from '../../main/core/invoke'
import { paragraphsOf } from '../../main/core/import/html/articleBlocks'
import { ARTICLE_TAGS } from '../../main/core/import/html/articleAllowList'
import { createArticleHtmlSanitiser, webLinkOf } from '../../renderer/src/article/safeArticleHtml'
import { fixture, startLocalSite, type LocalSite } from '../core/web/localSite'
import { tempHost, type TempHost } from '../helpers/tempArchive'

const window = new JSDOM('<!doctype html><html><body></body></html>').window
const sanitise = createArticleHtmlSanitiser(window as unknown as Window)
const id = 'a1b2c3d4e5f60718'
const img = `media/${id}/0123456789abcdef.png`

const parse = (html: string): HTMLElement => {
  const div = window.document.createElement('div')
  div.innerHTML = html
  return div
}

describe('sanitising a saved page in the window', () => {
  it('keeps every tag on the allow-list main uses, with its words, and no other tag', () => {
    // Table parts only parse inside a table; the saved image is the only <img> the window keeps.
    const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'])
    const kept = ARTICLE_TAGS.filter((tag) => tag !== 'img')
    const table = '<table><caption>kata</caption><thead><tr><th>kata</th></tr></thead><tbody><tr><td>kata</td></tr></tbody><tfoot><tr><td>kata</td></tr></tfoot></table>'
    const html =
      [...kept.filter((tag) => !tableParts.has(tag)), 'div', 'span', 'font', 'center'].map((tag) => `<${tag}>kata-${tag}</${tag}>`).join('') + table
    const out = parse(sanitise(html, id))
    const tags = new Set(Array.from(out.querySelectorAll('*'), (e) => e.localName))
    for (const tag of kept) expect(tags, tag).toContain(tag)
    for (const tag of ['div', 'span', 'font', 'center']) {
      expect(tags, tag).not.toContain(tag)
      expect(out.textContent).toContain(`kata-${tag}`)
    }
  })

  it('drops scripts, handlers, styles, frames and forms, keeping the words around them', () => {
    const out = sanitise(
      `<p onclick="steal()" style="color:red" class="x">Satu <script>alert(1)</script><b onmouseover="x()">dua</b></p>` +
        `<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="q"><button>Kirim</button></form>` +
        `<svg><script>alert(2)</script></svg><style>p{}</style><p>Tiga<object data="x.swf"></object></p>`,
      id,
    )
    expect(out).toBe('<p>Satu <b>dua</b></p><p>Tiga</p>')
  })

  it('keeps only this article’s saved images: no remote, data:, other article’s or odd-path image', () => {
    const out = parse(
      sanitise(
        `<figure><img src="${img}" alt="Perahu"><figcaption>Perahu</figcaption></figure>` +
          `<p><img src="https://tracker.example/pixel.gif">a</p><p><img src="data:image/png;base64,AAAA">b</p>` +
          `<p><img src="media/ffffffffffffffff/0123456789abcdef.png">c</p><p><img src="media/${id}/../../catalog.json">d</p>` +
          `<p><img srcset="https://x.example/a.png 2x" src="${img}">e</p>`,
        id,
      ),
    )
    const srcs = [...out.querySelectorAll('img')].map((i) => i.getAttribute('src'))
    expect(srcs).toEqual([img, img])
    expect(out.querySelector('img[srcset]')).toBeNull()
    expect(out.textContent).toBe('Perahuabcde')
  })

  it('keeps links only to http(s) addresses', () => {
    const out = parse(
      sanitise(
        `<p><a href="https://example.com/a">web</a> <a href="javascript:alert(1)">js</a> <a href="file:///etc/passwd">file</a> ` +
          `<a href="#/article/${id}">in-app</a> <a href="/relative">rel</a> <a href="mailto:x@example.com">mail</a></p>`,
        id,
      ),
    )
    const links = [...out.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a', null, null, null, null, null])
    expect(out.textContent).toBe('web js file in-app rel mail')
  })

  it('reads only web links as links to open', () => {
    expect(webLinkOf('https://example.com/x')).toBe('https://example.com/x')
    expect(webLinkOf('http://example.com')).toBe('http://example.com/')
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'media/x', '#/article/x', '', null]) expect(webLinkOf(href), String(href)).toBeNull()
  })
})

describe('a page saved from the web, as the window shows it', () => {
  let site: LocalSite
  let host: TempHost
  let article: Article

  beforeAll(async () => {
    site = await startLocalSite({
      '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
      '/media/perahu.png': fixture('images/harbour.png', 'image/png'),
      '/media/peta.png': fixture('images/map.png', 'image/png'),
    })
    host = await tempHost({ search: false })
    const saved = (await invoke(host.handlers, 'importUrl', { url: site.url('/pages/article-og.html') })) as Result<{ outcome: { article: { id: string } } }>
    if (!saved.ok) throw new Error(saved.error.message)
    const got = (await invoke(host.handlers, 'getArticle', { articleId: saved.value.outcome.article.id })) as Result<Article>
    if (!got.ok) throw new Error(got.error.message)
    article = got.value
  })
  afterAll(async () => {
    await site.close()
    await host.cleanup()
  })

  it('keeps its saved images and its text blocks exactly as main stored them, so highlights land where they were made', () => {
    const out = parse(sanitise(article.html ?? '', article.id))
    const srcs = [...out.querySelectorAll('img')].map((i) => i.getAttribute('src') ?? '')
    expect(srcs.length).toBeGreaterThan(0)
    for (const src of srcs) expect(src).toMatch(new RegExp(`^media/${article.id}/[0-9a-f]{16}\\.png$`))
    expect(paragraphsOf(out)).toEqual(article.paragraphs)
  })
})
