import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../../main/core/errors'
import { openFeedStore, type FeedStore } from '../../../main/core/feeds/feedStore'
import { opmlOf, parseOpmlEntries } from '../../../main/core/feeds/opml'
import { refreshSubscription } from '../../../main/core/feeds/refreshFeed'
import { tempDir } from '../../helpers/tempArchive'
import { fixture, startLocalSite, webFixtures, type LocalSite } from '../web/localSite'

let site: LocalSite
let dir: { dir: string; cleanup: () => Promise<void> }
let store: FeedStore

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
  site = await startLocalSite({
    '/feeds/rss.xml': (req, res, s) => {
      // ETag support, so the second refresh is a 304.
      if (req.headers['if-none-match'] === '"rss-1"') {
        res.writeHead(304, { etag: '"rss-1"' })
        res.end()
        return
      }
      return fixture('feeds/rss.xml', 'application/rss+xml; charset=utf-8', { etag: '"rss-1"' })(req, res, s)
    },
    '/feeds/rss-no-etag.xml': fixture('feeds/rss.xml', 'text/xml'),
    '/feeds/atom.xml': fixture('feeds/atom.xml', 'application/atom+xml'),
    '/feeds/feed.json': fixture('feeds/feed.json', 'application/feed+json'),
    '/feeds/laughs.xml': fixture('feeds/billion-laughs.xml', 'application/rss+xml'),
    '/feeds/broken-links.xml': (_req, res: ServerResponse, s) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(`<rss version="2.0"><channel><title>Broken</title><link>${s.origin}/</link><description>d</description>
        <item><title>Gone page</title><link>${s.origin}/nowhere</link><guid>gone-1</guid></item>
        <item><title>Fine page</title><link>${s.origin}/pages/article-meta.html</link><guid>fine-1</guid></item>
      </channel></rss>`)
    },
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/pages/article-meta.html': fixture('pages/article-meta.html', 'text/html; charset=utf-8'),
  })
})
afterAll(() => site.close())

beforeEach(async () => {
  await dir?.cleanup()
  dir = await tempDir()
  store = await openFeedStore(dir.dir, { now: () => new Date('2024-03-06T00:00:00Z') })
})

describe('refreshing a feed', () => {
  it('makes an article from full feed content without fetching the page, and fetches the page of a teaser', async () => {
    const sub = await store.add({ url: site.url('/feeds/rss.xml') })
    const result = await refreshSubscription(sub, { now: () => new Date('2024-03-06T00:00:00Z') })

    expect(result.failures).toEqual([])
    expect(result.articles.map((a) => a.title)).toEqual(['Perahu listrik mulai melayani warga', 'Pasar apung dibuka kembali di Muara'])
    expect(site.hits.get('/2024/pasar-apung') ?? 0).toBe(0)
    expect(site.hits.get('/pages/article-og.html')).toBe(1)

    const [fromPage, fromContent] = result.articles
    expect(fromContent).toMatchObject({
      byline: 'Dewi Lestari',
      publishedAt: '2024-03-05T10:00:00+07:00',
      feedGuid: 'kabar-pesisir-1001',
      siteName: 'Kabar Pesisir & Sekitarnya',
      language: 'id',
      url: `${site.origin}/2024/pasar-apung?utm_source=rss&utm_medium=feed`,
    })
    expect(fromContent?.htmlWithRemoteImages).toContain(`src="${site.origin}/media/harbour.png"`)
    expect(fromContent?.htmlWithRemoteImages).not.toMatch(/script|alert/)
    // The feed's own title and date win over the page's.
    expect(fromPage).toMatchObject({ publishedAt: '2024-03-05T09:30:00+07:00', feedGuid: `${site.origin}/pages/article-og.html`, byline: 'Sari Wulandari' })
    expect(fromPage?.paragraphs.join(' ')).toContain('Dua perahu bertenaga listrik')

    expect(result.subscription).toMatchObject({ title: 'Kabar Pesisir & Sekitarnya', siteUrl: `${site.origin}/`, etag: '"rss-1"', lastError: null, lastFetched: '2024-03-06T00:00:00.000Z' })
    expect(result.subscription.seen).toHaveLength(2)
  })

  it('asks conditionally next time and fetches nothing when the feed is unchanged', async () => {
    const first = await refreshSubscription(await store.add({ url: site.url('/feeds/rss.xml') }))
    const pageHits = site.hits.get('/pages/article-og.html') ?? 0
    const second = await refreshSubscription(first.subscription)
    expect(second.notModified).toBe(true)
    expect(second.articles).toEqual([])
    expect(site.hits.get('/pages/article-og.html') ?? 0).toBe(pageHits)
  })

  it('does not fetch or add an item it has seen, even when the server cannot say the feed is unchanged', async () => {
    const first = await refreshSubscription(await store.add({ url: site.url('/feeds/rss-no-etag.xml') }))
    expect(first.articles).toHaveLength(2)
    const pageHits = site.hits.get('/pages/article-og.html') ?? 0
    const second = await refreshSubscription(first.subscription)
    expect(second.notModified).toBe(false)
    expect(second.articles).toEqual([])
    expect(site.hits.get('/pages/article-og.html') ?? 0).toBe(pageHits)
  })

  it('skips items the archive already holds, by story key', async () => {
    const sub = await store.add({ url: site.url('/feeds/rss-no-etag.xml') })
    const saved = `url:127.0.0.1:${new URL(site.origin).port}/pages/article-og.html`
    const result = await refreshSubscription(sub, { isArchived: (keys) => keys.includes(saved) })
    expect(result.articles.map((a) => a.feedGuid)).toEqual(['kabar-pesisir-1001'])
    expect(result.subscription.seen).toHaveLength(2)
  })

  it('takes only the newest N items on the first refresh of a feed kept to its last N', async () => {
    const sub = await store.add({ url: site.url('/feeds/rss-no-etag.xml'), retention: { keepLast: 1 } })
    const result = await refreshSubscription(sub)
    expect(result.articles.map((a) => a.title)).toEqual(['Pasar apung dibuka kembali di Muara'])
  })

  it('reads Atom and JSON feeds, falling back to the teaser when the linked page is missing', async () => {
    const atom = await refreshSubscription(await store.add({ url: site.url('/feeds/atom.xml') }))
    expect(atom.failures).toEqual([])
    expect(atom.articles.map((a) => a.title)).toEqual(['Ferry timetable changes for spring', 'Night trains & sleeper cars return'])
    expect(atom.articles[1]?.paragraphs[0]).toMatch(/^Sleeper carriages will run again/)
    expect(atom.articles[1]?.htmlWithRemoteImages).not.toContain('onclick')
    const json = await refreshSubscription(await store.add({ url: site.url('/feeds/feed.json') }))
    expect(json.articles.map((a) => a.title)).toEqual(['Short note with no link', 'Repair café marks its first anniversary'])
    expect(json.articles[1]?.paragraphs).toHaveLength(3)
  })

  it('lists an item whose page fails and tries it again next time, keeping the rest', async () => {
    const first = await refreshSubscription(await store.add({ url: site.url('/feeds/broken-links.xml') }))
    expect(first.articles.map((a) => a.title)).toEqual(['Fine page'])
    expect(first.failures).toMatchObject([{ title: 'Gone page', error: { code: 'HTTP_STATUS', params: { status: 404 } } }])
    expect(first.subscription.seen).toEqual(['guid:fine-1'])
    const second = await refreshSubscription(first.subscription)
    expect(second.failures).toHaveLength(1)
    expect(second.articles).toEqual([])
  })

  it('records a failing feed on the subscription instead of throwing', async () => {
    const missing = await refreshSubscription(await store.add({ url: site.url('/feeds/missing.xml') }))
    expect(missing.subscription.lastError).toMatchObject({ code: 'HTTP_STATUS', params: { status: 404 } })
    const bomb = await refreshSubscription(await store.add({ url: site.url('/feeds/laughs.xml') }))
    expect(bomb.subscription.lastError?.code).toBe('NOT_FEED')
    expect(bomb.articles).toEqual([])
  })
})

describe('keeping subscriptions', () => {
  it('keeps subscriptions and their retention across reopening, and refuses a second subscription to a feed', async () => {
    const sub = await store.add({ url: 'https://kabar-pesisir.example/feed.xml', title: 'Kabar Pesisir' })
    expect((await appErrorOf(store.add({ url: 'https://kabar-pesisir.example/feed.xml' }))).code).toBe('ALREADY_SUBSCRIBED')
    await store.setRetention(sub.id, { keepLast: 50, keepDays: 30 })
    const reopened = await openFeedStore(dir.dir)
    expect(reopened.list()).toMatchObject([{ id: sub.id, title: 'Kabar Pesisir', retention: { keepLast: 50, keepDays: 30 } }])
    await reopened.remove(sub.id)
    expect((await openFeedStore(dir.dir)).list()).toEqual([])
  })

  it('refuses a feed address that is not http(s)', async () => {
    expect((await appErrorOf(store.add({ url: 'file:///etc/passwd' }))).code).toBe('BAD_URL')
  })
})

describe('OPML', () => {
  it('imports the feeds of another reader’s export: folders flattened, duplicates and non-feeds left out', async () => {
    const entries = parseOpmlEntries(await readFile(join(webFixtures, 'feeds', 'subscriptions.opml'), 'utf8'), 'subscriptions.opml')
    expect(entries).toEqual([
      { url: 'https://kabar-pesisir.example/feed.xml', title: 'Kabar Pesisir', siteUrl: 'https://kabar-pesisir.example/' },
      { url: 'https://berita.example/rss?kategori=nasional&format=xml', title: 'Berita & Cerita', siteUrl: null },
      { url: 'https://valley-courier.example/atom.xml', title: 'The Valley Courier', siteUrl: 'https://valley-courier.example/' },
    ])
    const { added, alreadyFollowed } = await store.addMany(entries)
    expect(added).toHaveLength(3)
    expect((await store.addMany(entries)).alreadyFollowed).toBe(3)
    expect(alreadyFollowed).toBe(0)
  })

  it('round-trips subscriptions through an export and an import', async () => {
    await store.addMany([
      { url: 'https://kabar-pesisir.example/feed.xml', title: 'Kabar <Pesisir> & "Sekitarnya"', siteUrl: 'https://kabar-pesisir.example/' },
      { url: 'https://berita.example/rss?kategori=nasional&format=xml', title: 'Berita' },
    ])
    const exported = opmlOf(store.list(), new Date('2024-03-06T00:00:00Z'))
    const imported = parseOpmlEntries(exported, 'export.opml')
    expect(imported).toEqual(store.list().map((s) => ({ url: s.url, title: s.title, siteUrl: s.siteUrl })))
  })

  it('refuses an OPML file that declares entities', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/feed"/></body></opml>'
    expect(() => parseOpmlEntries(bomb, 'bomb.opml')).toThrow(/entities/)
  })
})
