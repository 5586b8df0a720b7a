// Saving from the web through the handler table, as every host calls it: a page by its
// address with its images kept in the archive, a page saved again after it changed, a saved
// .html file, feeds followed, refreshed, trimmed and dropped, OPML in and out. Every address
// is a real HTTP server on 127.0.0.1.
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Method, Output, Result } from '../../../preload/contract'
import { invoke } from '../../../main/core/invoke'
import { base64, tempHost, type TempHost } from '../../helpers/tempArchive'
import { fixture, startLocalSite, webFixtures, type LocalSite } from './localSite'

let site: LocalSite
let host: TempHost
/** What /changing serves; tests edit it to make the page change. */
let changingText = ['Paragraf pertama tentang jembatan gantung baru yang menghubungkan dua desa di tepi sungai besar.']

const page = (title: string, paragraphs: string[], images: string[] = []) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title}</title>
  <meta property="article:published_time" content="2024-05-02T08:00:00+07:00"></head>
  <body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}
  ${images.map((src) => `<figure><img src="${src}" alt="foto"><figcaption>Keterangan foto.</figcaption></figure>`).join('')}</article></body></html>`

function html(body: () => string) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(body())
  }
}

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}
function call<M extends Method>(method: M, input: unknown): Promise<Result<Output<M>>> {
  return invoke(host.handlers, method, input, { log: () => {} }) as Promise<Result<Output<M>>>
}

beforeAll(async () => {
  site = await startLocalSite({
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/media/perahu.png': fixture('images/harbour.png', 'image/png'),
    '/media/peta.png': fixture('images/map.png', 'image/png'),
    '/changing': html(() => page('Jembatan gantung baru menghubungkan dua desa', changingText, ['/media/perahu.png'])),
    '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml; charset=utf-8'),
    '/feeds/from-page': html(
      () => `<!doctype html><html><head><title>Kabar Pesisir</title><link rel="alternate" type="application/rss+xml" href="/feeds/rss.xml"></head><body><p>Beranda</p></body></html>`,
    ),
    '/media/harbour.png': fixture('images/harbour.png', 'image/png'),
    '/not-a-feed': html(() => '<!doctype html><html><head><title>Nothing</title></head><body><p>No feed here.</p></body></html>'),
  })
})
afterAll(() => site.close())

beforeEach(async () => {
  host = await tempHost({ systemLocale: 'en-US', archive: { now: () => new Date('2024-05-03T00:00:00Z') } })
})
afterEach(() => host.cleanup())

describe('saving a page from its address', () => {
  it('keeps the article and its images in the archive, the HTML pointing only at archive files', async () => {
    const { outcome, imagesSaved, imagesSkipped } = ok(await call('importUrl', { url: site.url('/pages/article-og.html') }))
    expect(outcome.status).toBe('imported')
    expect(imagesSaved).toBe(2)
    expect(imagesSkipped).toBe(0)
    if (outcome.status === 'failed') throw new Error('failed')

    const article = ok(await call('getArticle', { articleId: outcome.article.id }))
    expect(article).toMatchObject({
      title: 'Perahu Listrik Mulai Melayani Warga Pulau Seribu',
      byline: 'Sari Wulandari',
      siteName: 'Kabar Pesisir',
      url: 'https://kabar-pesisir.example/2024/03/perahu-listrik?utm_source=og',
      versionIndex: 0,
      versionCount: 1,
    })
    const srcs = [...(article.html ?? '').matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1] as string)
    expect(srcs).toHaveLength(2)
    for (const src of srcs) {
      expect(src).toMatch(new RegExp(`^media/${article.id}/[0-9a-f]{16}\\.png$`))
      expect((await stat(join(host.dir, src))).size).toBeGreaterThan(0)
    }
    expect(article.html).not.toContain('127.0.0.1')
    expect(article.paragraphs.join(' ')).toContain('Dua perahu bertenaga listrik')
    // The page asked for it with Warta's own name.
    expect(site.headers.get('/pages/article-og.html')?.['user-agent']).toMatch(/^Warta\//)
  })

  it('adds a new version when the page changed, keeps the first readable, and calls an unchanged page a duplicate', async () => {
    changingText = ['Paragraf pertama tentang jembatan gantung baru yang menghubungkan dua desa di tepi sungai besar.']
    const first = ok(await call('importUrl', { url: site.url('/changing') })).outcome
    if (first.status === 'failed') throw new Error('failed')

    const again = ok(await call('importUrl', { url: site.url('/changing') })).outcome
    expect(again.status).toBe('duplicate')

    changingText = [...changingText, 'Koreksi: jembatan itu dibuka Kamis, bukan Rabu seperti diberitakan sebelumnya.']
    const corrected = ok(await call('importUrl', { url: `${site.url('/changing')}?utm_source=newsletter` })).outcome
    expect(corrected.status).toBe('newVersion')
    if (corrected.status === 'failed') throw new Error('failed')
    expect(corrected.article.id).toBe(first.article.id)
    expect(ok(await call('listArticles', {})).total).toBe(1)

    const newest = ok(await call('getArticle', { articleId: first.article.id }))
    // Two paragraphs and the photo caption.
    expect(newest.paragraphs).toEqual([...changingText, 'Keterangan foto.'])
    expect(newest).toMatchObject({ versionIndex: 1, versionCount: 2 })
    const versions = ok(await call('listVersions', { articleId: first.article.id })).versions
    expect(versions.map((v) => [v.index, v.paragraphCount, v.current])).toEqual([
      [0, 2, false],
      [1, 3, true],
    ])
    const earlier = ok(await call('getVersion', { articleId: first.article.id, index: 0 }))
    expect(earlier.paragraphs).toEqual([changingText[0], 'Keterangan foto.'])
    expect(earlier.versionIndex).toBe(0)
    // The earlier version's image is still there to show.
    const src = /src="([^"]+)"/.exec(earlier.html ?? '')?.[1] as string
    expect((await stat(join(host.dir, src))).isFile()).toBe(true)

    // The first text again, from anywhere: still the same story, nothing added.
    changingText = [changingText[0] as string]
    expect(ok(await call('importUrl', { url: site.url('/changing') })).outcome.status).toBe('duplicate')
    const noSuchVersion = await call('getVersion', { articleId: first.article.id, index: 5 })
    expect(!noSuchVersion.ok && noSuchVersion.error.code).toBe('NOT_FOUND')
  })

  it('reports an address that is not a page with a code the window can translate', async () => {
    const notHttp = await call('importUrl', { url: 'file:///etc/passwd' })
    expect(!notHttp.ok && notHttp.error).toMatchObject({ code: 'BAD_URL', params: { url: 'file:///etc/passwd' } })
    const missing = await call('importUrl', { url: site.url('/nowhere') })
    expect(!missing.ok && missing.error).toMatchObject({ code: 'HTTP_STATUS', params: { status: 404 } })
    const refused = await call('importUrl', { url: 'http://127.0.0.1:9/' })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'FETCH_FAILED', params: { context: 'refused' } })
    expect(ok(await call('listArticles', {})).total).toBe(0)
  })
})

describe('importing saved web pages as files', () => {
  it('imports an .html file with its embedded image kept as an archive file, fetching nothing', async () => {
    const png = await readFile(join(webFixtures, 'images', 'harbour.png'))
    const saved = page('Pasar terapung ramai menjelang hari raya', ['Ratusan perahu pedagang memadati kanal sejak subuh untuk menjual sayur, buah dan kue tradisional.'], [
      `data:image/png;base64,${png.toString('base64')}`,
      `${site.origin}/media/peta.png`,
    ])
    const before = site.hits.get('/media/peta.png') ?? 0
    const { outcomes } = ok(await call('importFiles', { files: [{ name: 'pasar.html', contentBase64: base64(saved) }, { name: 'kosong.htm', contentBase64: base64('<html><body> </body></html>') }] }))
    expect(outcomes.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual(['imported', 'EMPTY'])
    expect(site.hits.get('/media/peta.png') ?? 0).toBe(before)
    const first = outcomes[0]
    if (first?.status !== 'imported') throw new Error('not imported')
    const article = ok(await call('getArticle', { articleId: first.article.id }))
    const src = /src="([^"]+)"/.exec(article.html ?? '')?.[1] as string
    expect(src).toMatch(new RegExp(`^media/${article.id}/[0-9a-f]{16}\\.png$`))
    expect(await readFile(join(host.dir, src))).toEqual(png)
    expect(article.html?.match(/<img /g)).toHaveLength(1)
  })
})

describe('feeds', () => {
  const feedUrl = () => site.url('/feeds/rss.xml')

  it('follows a feed and saves its items whole, with images, at once', async () => {
    const { feed, refresh } = ok(await call('addFeed', { url: feedUrl() }))
    expect(feed).toMatchObject({ title: 'Kabar Pesisir & Sekitarnya', url: feedUrl(), articleCount: 2, lastError: null })
    expect(refresh).toMatchObject({ added: 2, newVersions: 0, removed: 0, error: null, itemFailures: [] })
    const list = ok(await call('listArticles', {}))
    expect(list.items.map((a) => a.title).sort()).toEqual(['Pasar apung dibuka kembali di Muara', 'Perahu listrik mulai melayani warga'])
    const pasar = list.items.find((a) => a.title.startsWith('Pasar')) as { id: string }
    const article = ok(await call('getArticle', { articleId: pasar.id }))
    expect(article.html).toMatch(new RegExp(`src="media/${pasar.id}/[0-9a-f]{16}\\.png"`))
    expect(article.html).not.toMatch(/script|alert/)

    expect((await call('addFeed', { url: feedUrl() })).ok).toBe(false)
    const refreshed = ok(await call('refreshFeeds', {}))
    expect(refreshed.results).toMatchObject([{ added: 0, error: null }])
    expect(refreshed.feeds[0]?.lastFetched).not.toBeNull()
  })

  it('follows the feed a page announces', async () => {
    const { feed } = ok(await call('addFeed', { url: site.url('/feeds/from-page') }))
    expect(feed.url).toBe(feedUrl())
  })

  it('keeps nothing when the address is not a feed', async () => {
    const result = await call('addFeed', { url: site.url('/not-a-feed') })
    expect(!result.ok && result.error.code).toBe('NOT_FEED')
    expect(ok(await call('listFeeds', {})).feeds).toEqual([])
  })

  it('applies a retention rule at once, never dropping a bookmarked article', async () => {
    const { feed } = ok(await call('addFeed', { url: feedUrl() }))
    const items = ok(await call('listArticles', {})).items
    const older = items.find((a) => a.title.startsWith('Perahu')) as { id: string }
    ok(await call('setBookmark', { articleId: older.id, bookmarked: true }))
    const kept = ok(await call('setFeedRetention', { feedId: feed.id, retention: { keepLast: 1 } }))
    // The bookmarked article does not count: "the last 1" is the newest besides it.
    expect(kept.removedArticles).toBe(0)
    expect(kept.feed.retention).toEqual({ keepLast: 1 })
    ok(await call('setBookmark', { articleId: older.id, bookmarked: false }))
    const trimmed = ok(await call('setFeedRetention', { feedId: feed.id, retention: { keepLast: 1 } }))
    expect(trimmed.removedArticles).toBe(1)
    expect(trimmed.feed.articleCount).toBe(1)
    expect(ok(await call('listArticles', {})).items.map((a) => a.title)).toEqual(['Pasar apung dibuka kembali di Muara'])
    // Its body and images are gone from the disk too.
    await expect(stat(join(host.dir, 'media', older.id))).rejects.toThrow()
  })

  it('unsubscribes keeping the articles, or deleting them except bookmarked ones', async () => {
    const { feed } = ok(await call('addFeed', { url: feedUrl() }))
    expect(ok(await call('removeFeed', { feedId: feed.id }))).toEqual({ removedArticles: 0, keptArticles: 2 })
    expect(ok(await call('listArticles', {})).total).toBe(2)
    expect(ok(await call('listFeeds', {})).feeds).toEqual([])

    await host.cleanup()
    host = await tempHost()
    const again = ok(await call('addFeed', { url: feedUrl() })).feed
    const [first] = ok(await call('listArticles', {})).items
    ok(await call('setBookmark', { articleId: first?.id, bookmarked: true }))
    expect(ok(await call('removeFeed', { feedId: again.id, deleteArticles: true }))).toEqual({ removedArticles: 1, keptArticles: 1 })
    expect(ok(await call('listArticles', {})).items.map((a) => a.id)).toEqual([first?.id])
  })

  it('round-trips the subscriptions through OPML export and import', async () => {
    ok(await call('addFeed', { url: feedUrl() }))
    const opml = ok(await call('importOpml', {
      name: 'others.opml',
      contentBase64: base64(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="Folder"><outline text="Valley Courier" type="rss" xmlUrl="https://valley-courier.example/atom.xml"/></outline></body></opml>`),
    }))
    expect(opml).toMatchObject({ added: [{ title: 'Valley Courier', url: 'https://valley-courier.example/atom.xml', lastFetched: null }], alreadyFollowed: 0 })
    const exported = ok(await call('exportOpml', {}))
    expect(exported.fileName).toMatch(/^warta-feeds-\d{4}-\d{2}-\d{2}\.opml$/)

    const other = await tempHost()
    try {
      const back = ok(await invoke(other.handlers, 'importOpml', { name: exported.fileName, contentBase64: base64(exported.content) })) as Output<'importOpml'>
      expect(back.added.map((f) => [f.title, f.url])).toEqual([
        ['Kabar Pesisir & Sekitarnya', feedUrl()],
        ['Valley Courier', 'https://valley-courier.example/atom.xml'],
      ])
      expect((ok(await invoke(other.handlers, 'importOpml', { name: exported.fileName, contentBase64: base64(exported.content) })) as Output<'importOpml'>).alreadyFollowed).toBe(2)
    } finally {
      await other.cleanup()
    }
  })

  it('subscribes from a saved feed file to the address the feed names, and refuses a file that is neither', async () => {
    const saved = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Saved</title><link>https://saved.example/</link><atom:link rel="self" href="https://saved.example/rss.xml"/></channel></rss>`
    expect(ok(await call('importOpml', { name: 'saved.xml', contentBase64: base64(saved) })).added.map((f) => f.url)).toEqual(['https://saved.example/rss.xml'])
    const notAFeed = await call('importOpml', { name: 'notes.txt', contentBase64: base64('just some notes') })
    expect(!notAFeed.ok && notAFeed.error).toMatchObject({ code: 'NOT_FEED', params: { name: 'notes.txt' } })
  })
})

describe('links out of an article', () => {
  it('opens only http(s) links, and only where the host can', async () => {
    const opened: string[] = []
    const withBrowser = await tempHost({ context: { openExternal: async (url) => void opened.push(url) } })
    try {
      expect(ok(await invoke(withBrowser.handlers, 'openExternal', { url: 'https://kabar-pesisir.example/a b' }))).toEqual({ opened: true })
      const script = await invoke(withBrowser.handlers, 'openExternal', { url: 'javascript:alert(1)' })
      expect(!script.ok && script.error.code).toBe('BAD_URL')
      const file = await invoke(withBrowser.handlers, 'openExternal', { url: 'file:///etc/passwd' })
      expect(!file.ok && file.error.code).toBe('BAD_URL')
      expect(opened).toEqual(['https://kabar-pesisir.example/a%20b'])
    } finally {
      await withBrowser.cleanup()
    }
    const none = await call('openExternal', { url: 'https://example.com/' })
    expect(!none.ok && none.error.code).toBe('UNSUPPORTED')
  })
})
