import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../../main/core/errors'
import { articleBlocks, blockText, paragraphsOf } from '../../../../main/core/import/html/articleBlocks'
import { extractArticle } from '../../../../main/core/import/html/htmlArticle'
import { articleFromHtmlFile, isHtmlFile, savedFromUrl } from '../../../../main/core/import/html/htmlFile'
import { readPageMetadata } from '../../../../main/core/import/html/pageMetadata'
import { webFixtures } from '../../web/localSite'

const page = (name: string) => readFile(join(webFixtures, 'pages', name), 'utf8')
const doc = (head: string, body = '<p>x</p>') => new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document

function appErrorOf(run: () => unknown) {
  try {
    run()
  } catch (e) {
    if (isAppError(e)) return e
    throw e
  }
  throw new Error('expected an AppError')
}

/** The blocks as the renderer will find them: its own parse of the stored HTML, not ours. */
function rendererParagraphs(html: string): string[] {
  const article = new JSDOM('<!doctype html><article></article>').window.document.querySelector('article') as HTMLElement
  article.innerHTML = html
  return articleBlocks(article).map(blockText)
}

describe('extracting an article from a page saved with Open Graph tags', async () => {
  const article = extractArticle(await page('article-og.html'), { url: 'https://kabar-pesisir.example/2024/03/perahu-listrik' })

  it('reads title, author, site, date and language from the tags', () => {
    expect(article.title).toBe('Perahu Listrik Mulai Melayani Warga Pulau Seribu')
    expect(article.titleDerived).toBe(false)
    expect(article.byline).toBe('Sari Wulandari')
    expect(article.credits.reporter).toBe('Sari Wulandari')
    expect(article.siteName).toBe('Kabar Pesisir')
    expect(article.publishedAt).toBe('2024-03-05T09:30:00+07:00')
    expect(article.language).toBe('id')
    expect(article.url).toBe('https://kabar-pesisir.example/2024/03/perahu-listrik?utm_source=og')
  })

  it('keeps the story and leaves out navigation, ads, comments, sidebar and footer', () => {
    const text = article.paragraphs.join('\n')
    expect(text).toContain('Dua perahu bertenaga listrik mulai mengangkut penumpang')
    expect(text).toContain('Pemerintah daerah juga menyiapkan pelatihan')
    for (const junk of ['Nasional', 'IKLAN', 'Komentar pembaca', 'Terpopuler', 'Hak cipta']) expect(text).not.toContain(junk)
  })

  it('does not repeat the title or the author line in the body', () => {
    expect(article.paragraphs[0]).not.toBe(article.title)
    expect(article.paragraphs.some((p) => /^Oleh /.test(p))).toBe(false)
    expect(article.htmlWithRemoteImages).not.toContain('<h1')
    expect(article.htmlWithRemoteImages).toContain('<h2>Tarif tetap sama</h2>')
  })

  it('resolves lazy-loaded and <picture> images to one absolute address each, and drops tracking pixels', () => {
    const srcs = [...article.htmlWithRemoteImages.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1])
    expect(srcs).toEqual(['https://kabar-pesisir.example/media/perahu.png', 'https://kabar-pesisir.example/media/peta.png'])
    expect(article.htmlWithRemoteImages).not.toMatch(/srcset|data-src|pixel\.gif|placeholder/)
  })

  it('stores paragraphs the renderer finds again in the stored HTML', () => {
    expect(rendererParagraphs(article.htmlWithRemoteImages)).toEqual(article.paragraphs)
    expect(article.paragraphs).toContain('Perahu listrik bersandar di dermaga Pulau Pramuka.')
  })
})

describe('extracting an article described by JSON-LD', async () => {
  const article = extractArticle(await page('article-jsonld.html'), { url: 'https://valley-courier.example/transport/night-trains?ref=home' })

  it('reads headline, authors, publisher, date and language from JSON-LD', () => {
    expect(article.title).toBe('Night trains return to the mountain line')
    expect(article.byline).toBe('Tomas Reed, Ana Silva')
    expect(article.siteName).toBe('The Valley Courier')
    expect(article.publishedAt).toBe('2024-04-12T18:45:00+02:00')
    expect(article.language).toBe('en')
    expect(article.url).toBe('https://valley-courier.example/transport/night-trains')
  })

  it('keeps quotes and lists as blocks, and picks a sensible srcset candidate', () => {
    expect(article.paragraphs).toContain('“People have asked us for this every single winter,” a spokeswoman for the operator said.')
    expect(article.paragraphs).toContain('Bicycles carried in a dedicated van')
    expect(article.htmlWithRemoteImages).toContain('src="https://valley-courier.example/media/train-1600.png"')
  })

  it('keeps http links (made absolute, rel=noopener noreferrer) and drops javascript: ones', () => {
    expect(article.htmlWithRemoteImages).toContain('<a href="https://valley-courier.example/transport/rail-history" rel="noopener noreferrer">')
    expect(article.htmlWithRemoteImages).not.toContain('javascript')
    expect(article.paragraphs.join('\n')).not.toMatch(/cookies|Airport expansion/)
  })
})

describe('extracting an article described by plain meta tags', async () => {
  const article = extractArticle(await page('article-meta.html'), { url: 'https://riverside.example/local/repair-cafe' })

  it('reads author, date and site name from meta names', () => {
    expect(article.title).toBe('Library opens a repair café for broken radios')
    expect(article.byline).toBe('Priya Natarajan')
    expect(article.publishedAt).toBe('2024-02-20T14:00:00Z')
    expect(article.siteName).toBe('Riverside Weekly')
    expect(article.language).toBe('en')
    expect(article.paragraphs).toHaveLength(4)
    expect(article.htmlWithRemoteImages).not.toContain('ads.example')
  })
})

describe('reading the publication date from each kind of source', () => {
  it.each([
    ['Open Graph', '<meta property="article:published_time" content="2024-01-02T03:04:05+07:00">', '2024-01-02T03:04:05+07:00'],
    ['a plain meta name', '<meta name="pubdate" content="2024-01-02T03:04:05+0700">', '2024-01-02T03:04:05+07:00'],
    ['Dublin Core', '<meta name="DC.date.issued" content="2024-01-02">', '2024-01-02T00:00:00Z'],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T03:04:05Z"}</script>', '2024-01-02T03:04:05Z'],
    ['JSON-LD in a graph, typed as a list', '<script type="application/ld+json">{"@graph":[{"@type":["Thing","BlogPosting"],"datePublished":"2024-01-02T03:04:05-05:00"}]}</script>', '2024-01-02T03:04:05-05:00'],
  ])('from %s', (_source, head, expected) => {
    expect(readPageMetadata(doc(head)).publishedAt).toBe(expected)
  })

  it('from a <time itemprop=datePublished> in the body', () => {
    expect(readPageMetadata(doc('', '<time itemprop="datePublished" datetime="2024-01-02T03:04:05+08:00">2 Jan</time>')).publishedAt).toBe('2024-01-02T03:04:05+08:00')
  })

  it('prefers JSON-LD over Open Graph over plain meta tags', () => {
    const all = doc(
      '<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2021-01-01T00:00:00Z">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-01T00:00:00Z"}</script>',
    )
    expect(readPageMetadata(all).publishedAt).toBe('2022-01-01T00:00:00Z')
    expect(readPageMetadata(doc('<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2021-01-01T00:00:00Z">')).publishedAt).toBe('2021-01-01T00:00:00Z')
  })

  it('ignores dates it cannot read rather than guessing', () => {
    expect(readPageMetadata(doc('<meta name="date" content="yesterday">')).publishedAt).toBeNull()
    expect(readPageMetadata(doc('<meta name="date" content="2024-02-31">')).publishedAt).toBeNull()
  })
})

describe('pages without much to go on', () => {
  it('derives a title from the first sentence when the page has none', () => {
    const article = extractArticle('<p>Hujan deras mengguyur kota sejak pagi. Banjir merendam beberapa ruas jalan utama.</p>')
    expect(article.titleDerived).toBe(true)
    expect(article.title).toBe('Hujan deras mengguyur kota sejak pagi.')
    expect(article.language).toBe('id')
  })

  it('refuses a page with no text as EMPTY', () => {
    expect(appErrorOf(() => extractArticle('<html><body><nav><a href="/">Home</a></nav><img src="a.png"></body></html>', { name: 'kosong.html' })).code).toBe('EMPTY')
    expect(appErrorOf(() => extractArticle('   ')).code).toBe('EMPTY')
  })

  it('refuses absurdly deep nesting quickly instead of overflowing the stack', () => {
    const started = performance.now()
    for (const depth of [1_200, 200_000]) {
      const e = appErrorOf(() => extractArticle(`${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}`))
      expect(e.code).toBe('TOO_COMPLEX')
    }
    expect(performance.now() - started).toBeLessThan(2_000)
    // Unclosed paragraphs do not nest, so a sloppy page with many of them is still read.
    expect(extractArticle(`<body>${'<p>Paragraf tanpa penutup yang cukup panjang.'.repeat(3_000)}</body>`, { readable: false }).paragraphs).toHaveLength(3_000)
  })

  it('reads a page whose <base> has only an xlink:href (which crashes jsdom’s URL lookup)', () => {
    const article = extractArticle('<html><body><base xlink:href="https://example.com/a"><p>Teks berita.<style></style></p></body></html>', { url: 'https://e.example/x' })
    expect(article.paragraphs).toEqual(['Teks berita.'])
  })

  it('reads a page with an <iframe> inside <math> (on which jsdom’s window.close throws)', () => {
    const article = extractArticle('<html lang="id"><body><p>Teks berita di atas rumus.</p><math><iframe><p><iframe></body></html>', { readable: false })
    expect(article.paragraphs).toEqual(['Teks berita di atas rumus.'])
    // The page as the property test found it: nothing to read, so a clear EMPTY, not a TypeError.
    expect(() => extractArticle('<html lang="id"><body><math><iframe><p><iframe></body></html>', { readable: false })).toThrow(
      expect.objectContaining({ code: 'EMPTY' }),
    )
  })

  it('wraps loose text and collapses whitespace so every paragraph is one block', () => {
    const article = extractArticle(
      `<body><div>  First   line of loose
      text <em>with  emphasis</em>.<br>  Second line.  </div><ul><li>Item <b>one</b><ul><li>nested</li></ul></li></ul>
      <a href="https://x.example/"><h3>Heading inside a link</h3></a><table><tr><td>cell  text</td></tr></table></body>`,
      { readable: false },
    )
    expect(article.paragraphs).toEqual([
      'First line of loose text with emphasis.\nSecond line.',
      'Item one',
      'nested',
      'Heading inside a link',
      'cell text',
    ])
    expect(rendererParagraphs(article.htmlWithRemoteImages)).toEqual(article.paragraphs)
  })
})

describe('importing a page saved from a browser', async () => {
  it('recognises HTML files by extension or by their first tag', () => {
    const bytes = (s: string) => new TextEncoder().encode(s)
    expect(isHtmlFile('page.htm', bytes('anything'))).toBe(true)
    expect(isHtmlFile('download', bytes('\uFEFF<!-- saved -->\n<!DOCTYPE html><html>'))).toBe(true)
    expect(isHtmlFile('berita.txt', bytes('JAKARTA (ANTARA) - Pemerintah <b>tidak</b> ...'))).toBe(false)
  })

  it('reads relative links against the address the browser noted when saving', async () => {
    const html = `<!-- saved from url=(0041)https://kabar-pesisir.example/2024/03/perahu -->\n${await page('article-og.html')}`
    expect(savedFromUrl(html)).toBe('https://kabar-pesisir.example/2024/03/perahu')
    const article = await articleFromHtmlFile({ name: 'perahu.html', bytes: new TextEncoder().encode(html) })
    expect(article.htmlWithRemoteImages).toContain('src="https://kabar-pesisir.example/media/perahu.png"')
  })

  it('decodes a windows-1252 file by its meta charset', async () => {
    const bytes = await readFile(join(webFixtures, 'pages', 'legacy-meta-charset.html'))
    const article = await articleFromHtmlFile({ name: 'cafe.html', bytes })
    expect(article.title).toBe('Le café rouvre')
    expect(article.paragraphs[0]).toBe('Le café “Chez Zoë” rouvre après l’hiver — une naïve façade rénovée, à deux pas du marché.')
  })

  it('keeps images embedded as data: URLs and drops relative ones it cannot resolve', async () => {
    const png = (await readFile(join(webFixtures, 'images', 'map.png'))).toString('base64')
    const article = await articleFromHtmlFile({
      name: 'inline.html',
      bytes: new TextEncoder().encode(`<html><body><p>Teks berita yang cukup panjang untuk dibaca.</p><img src="data:image/png;base64,${png}"><img src="foto/lokal.jpg"></body></html>`),
    })
    expect(article.htmlWithRemoteImages).toContain(`src="data:image/png;base64,${png}"`)
    expect(article.htmlWithRemoteImages).not.toContain('lokal.jpg')
  })
})

describe('the block rule shared with the renderer', () => {
  it('takes innermost blocks in document order, each <br> as a newline', () => {
    const root = new JSDOM('<article><blockquote><p>a</p><p>b<br>c</p></blockquote><ul><li>d</li></ul><p></p><h2>e</h2></article>').window.document.querySelector('article') as HTMLElement
    expect(paragraphsOf(root)).toEqual(['a', 'b\nc', 'd', 'e'])
  })
})
