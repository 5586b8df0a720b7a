import { readdir, readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../main/core/errors'
import { keepImagesOffline, mediaDirOf, removeArticleMedia } from '../../../main/core/import/html/offlineImages'
import { fetchArticle } from '../../../main/core/web/fetchArticle'
import { tempDir } from '../../helpers/tempArchive'
import { fixture, startLocalSite, webFixtures, type LocalSite } from './localSite'

const ARTICLE_ID = 'a1b2c3d4e5f60718'
const story = Array.from({ length: 4 }, (_, i) => `<p>Paragraf ${i + 1}: warga pesisir menyambut jalur perahu baru yang melayani pulau-pulau kecil setiap pagi dan sore hari.</p>`).join('')
const pageWithImages = (...srcs: string[]) =>
  `<!doctype html><html lang="id"><head><title>Jalur perahu baru</title></head><body><article><h1>Jalur perahu baru</h1>${story}${srcs.map((s) => `<p><img src="${s}" alt="foto"> Keterangan foto.</p>`).join('')}</article></body></html>`

let site: LocalSite
let archive: { dir: string; cleanup: () => Promise<void> }

async function appErrorOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    if (isAppError(e)) return e
    throw e
  }
  throw new Error('expected an AppError')
}

beforeAll(async () => {
  archive = await tempDir()
  const html = (body: string, contentType = 'text/html; charset=utf-8') => (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': contentType })
    res.end(body)
  }
  site = await startLocalSite({
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/media/perahu.png': fixture('images/harbour.png', 'image/png'),
    '/media/peta.png': fixture('images/map.png', 'image/png'),
    '/media/dot.gif': fixture('images/dot.gif', 'application/octet-stream'),
    '/media/train.png': fixture('images/train.png', 'image/png'),
    '/media/huge.png': (_req, res) => {
      const body = Buffer.alloc(6 * 1024 * 1024)
      body.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(body)
    },
    '/media/not-an-image.png': html('<html>surprise</html>', 'image/png'),
    '/media/svg.svg': html('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'),
    '/mixed': html(pageWithImages('/media/train.png', '/media/huge.png', '/media/not-an-image.png', '/media/gone.png', '/media/svg.svg', '/media/dot.gif')),
    '/many': html(pageWithImages('/media/train.png', '/media/peta.png', '/media/dot.gif')),
    '/legacy-1252': fixture('pages/legacy-1252.html', 'text/html; charset=windows-1252'),
    '/legacy-latin1': fixture('pages/legacy-1252.html', 'text/html; charset=ISO-8859-1'),
    '/legacy-meta': fixture('pages/legacy-meta-charset.html', 'text/html'),
    '/report.pdf': html('%PDF-1.7', 'application/pdf'),
    '/untyped-text': (_req, res) => {
      res.removeHeader('content-type')
      res.writeHead(200)
      res.end('just some text, not a page')
    },
  })
})

afterAll(async () => {
  await site.close()
  await archive.cleanup()
})

describe('saving a page from its address', () => {
  it('extracts the article and keeps its images in the archive, pointing the HTML at them', async () => {
    const draft = await fetchArticle(site.url('/pages/article-og.html'), { userAgent: 'Warta/test (+offline reader)' })
    expect(draft.title).toBe('Perahu Listrik Mulai Melayani Warga Pulau Seribu')
    const saved = await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: ARTICLE_ID })

    expect(Object.keys(saved.images)).toHaveLength(2)
    expect(saved.skipped).toEqual([])
    const srcs = [...saved.html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1] as string)
    expect(srcs).toHaveLength(2)
    for (const src of srcs) {
      expect(src).toMatch(new RegExp(`^media/${ARTICLE_ID}/[0-9a-f]{16}\\.png$`))
      const onDisk = await readFile(join(archive.dir, src))
      expect(onDisk.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    }
    expect(await readFile(join(archive.dir, srcs[0] as string))).toEqual(await readFile(join(webFixtures, 'images', 'harbour.png')))
    expect(saved.html).not.toMatch(/127\.0\.0\.1/)
    // Images do not change the text: the paragraphs stored are those the draft promised.
    expect(saved.paragraphs).toEqual(draft.paragraphs)
  })

  it('skips an image over the cap, a fake image and a missing one, and still saves the article', async () => {
    const draft = await fetchArticle(site.url('/mixed'))
    const saved = await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: 'b1b2c3d4e5f60718', maxImageBytes: 5 * 1024 * 1024 })
    expect(Object.values(saved.images).map((i) => i.type).sort()).toEqual(['image/gif', 'image/png'])
    const reasons = Object.fromEntries(saved.skipped.map((s) => [new URL(s.source).pathname, s.code ? `${s.reason}:${s.code}` : s.reason]))
    expect(reasons).toEqual({
      '/media/huge.png': 'TOO_LARGE',
      '/media/not-an-image.png': 'NOT_IMAGE',
      '/media/gone.png': 'UNREACHABLE:HTTP_STATUS',
      '/media/svg.svg': 'NOT_IMAGE',
    })
    expect(saved.html.match(/<img /g)).toHaveLength(2)
    expect(saved.paragraphs).toEqual(draft.paragraphs)
  })

  it('stops at the image count and byte budget, noting the rest', async () => {
    const draft = await fetchArticle(site.url('/many'))
    const counted = await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: 'c1b2c3d4e5f60718', maxImages: 2 })
    expect(Object.keys(counted.images)).toHaveLength(2)
    expect(counted.skipped).toEqual([{ source: site.url('/media/dot.gif'), reason: 'LIMIT' }])
    const budget = await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: 'd1b2c3d4e5f60718', maxArticleBytes: 560, concurrency: 1 })
    expect(Object.keys(budget.images)).toHaveLength(1)
    expect(budget.skipped.map((s) => s.reason)).toEqual(['LIMIT', 'LIMIT'])
  })

  it('fetches nothing when the network is off, keeping only embedded images', async () => {
    const before = site.hits.get('/media/train.png') ?? 0
    const draft = await fetchArticle(site.url('/many'))
    const saved = await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: 'e1b2c3d4e5f60718', network: false })
    expect(site.hits.get('/media/train.png') ?? 0).toBe(before)
    expect(saved.images).toEqual({})
    expect(saved.skipped.every((s) => s.reason === 'NO_NETWORK')).toBe(true)
    expect(saved.html).not.toContain('<img')
  })

  it('writes each image once, and removes an article’s images on request', async () => {
    const draft = await fetchArticle(site.url('/pages/article-og.html'))
    const dir = mediaDirOf(archive.dir, ARTICLE_ID)
    const before = await Promise.all((await readdir(dir)).map(async (f) => (await stat(join(dir, f))).mtimeMs))
    await keepImagesOffline(draft.htmlWithRemoteImages, { archiveDir: archive.dir, articleId: ARTICLE_ID })
    const after = await Promise.all((await readdir(dir)).map(async (f) => (await stat(join(dir, f))).mtimeMs))
    expect(after).toEqual(before)
    await removeArticleMedia(archive.dir, ARTICLE_ID)
    await expect(stat(dir)).rejects.toThrow()
  })

  it('refuses an article id that could leave the archive', async () => {
    await expect(keepImagesOffline('<p>x</p>', { archiveDir: archive.dir, articleId: '../../etc' })).rejects.toThrow(/not an article id/)
  })
})

describe('reading legacy encodings', () => {
  const expected = 'Le café “Chez Zoë” rouvre après l’hiver — une naïve façade rénovée, à deux pas du marché.'

  it.each(['/legacy-1252', '/legacy-latin1', '/legacy-meta'])('decodes %s by its charset (header or meta) as windows-1252', async (path) => {
    const draft = await fetchArticle(site.url(path))
    expect(draft.paragraphs[0]).toBe(expected)
    expect(draft.title).toBe('Le café rouvre')
  })
})

describe('addresses that are not web pages', () => {
  it('refuses a PDF with NOT_HTML', async () => {
    expect((await appErrorOf(fetchArticle(site.url('/report.pdf')))).code).toBe('NOT_HTML')
  })

  it('refuses an untyped answer that is not HTML', async () => {
    expect((await appErrorOf(fetchArticle(site.url('/untyped-text')))).code).toBe('NOT_HTML')
  })

  it('refuses a file: address with BAD_URL', async () => {
    expect((await appErrorOf(fetchArticle('file:///etc/passwd'))).code).toBe('BAD_URL')
  })
})
