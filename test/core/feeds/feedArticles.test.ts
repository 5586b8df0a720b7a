// "Show articles" of a feed: the library narrowed to what one subscription brought, through
// the same listArticles call the window makes, next to dispatches and other feeds' articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../preload/contract'
import { invoke } from '../../../main/core/invoke'
import { base64, tempHost, type TempHost } from '../../helpers/tempArchive'
import { fixture, startLocalSite, type LocalSite } from '../web/localSite'

let site: LocalSite
let host: TempHost
let rssId = ''
let atomId = ''

type Listing = { items: { id: string; title: string }[]; total: number; archiveTotal: number }
const list = async (input: Record<string, unknown>): Promise<Listing> => {
  const result = (await invoke(host.handlers, 'listArticles', input, { log: () => {} })) as Result<Listing>
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

beforeAll(async () => {
  site = await startLocalSite({
    '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml; charset=utf-8'),
    '/feeds/atom.xml': fixture('feeds/atom.xml', 'application/atom+xml'),
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/pages/article-meta.html': fixture('pages/article-meta.html', 'text/html; charset=utf-8'),
  })
  host = await tempHost({ search: false })
  const dispatch = 'GARUT (ANTARA) - Petani kopi di Garut memanen lebih awal karena kemarau panjang tahun ini.\nHarga di tingkat petani naik tipis.\n'
  await invoke(host.handlers, 'importFiles', { files: [{ name: 'garut.txt', contentBase64: base64(dispatch) }] })
  for (const [path, set] of [['/feeds/rss.xml', (id: string) => (rssId = id)], ['/feeds/atom.xml', (id: string) => (atomId = id)]] as const) {
    const added = (await invoke(host.handlers, 'addFeed', { url: site.url(path) })) as Result<{ feed: { id: string; articleCount: number } }>
    if (!added.ok) throw new Error(added.error.message)
    set(added.value.feed.id)
  }
})
afterAll(async () => {
  await site.close()
  await host.cleanup()
})

describe('a feed’s articles in the library', () => {
  it('lists only what that feed brought, with its count matching the Feeds view', async () => {
    const all = await list({})
    const rss = await list({ feedId: rssId })
    const atom = await list({ feedId: atomId })
    const feeds = (await invoke(host.handlers, 'listFeeds', {})) as Result<{ feeds: { id: string; articleCount: number }[] }>
    if (!feeds.ok) throw new Error(feeds.error.message)
    expect(rss.total).toBe(feeds.value.feeds.find((f) => f.id === rssId)?.articleCount)
    expect(atom.total).toBe(feeds.value.feeds.find((f) => f.id === atomId)?.articleCount)
    expect(rss.total).toBeGreaterThan(0)
    expect(rss.items.map((i) => i.title)).toContain('Pasar apung dibuka kembali di Muara')
    expect(rss.items.some((i) => atom.items.some((a) => a.id === i.id))).toBe(false)
    expect(all.total).toBe(rss.total + atom.total + 1)
    // The archive's size is still the whole archive, for the tabs' counts.
    expect(rss.archiveTotal).toBe(all.total)
  })

  it('combines with the other filters, and finds nothing for a feed no longer followed', async () => {
    expect((await list({ feedId: rssId, language: 'en' })).total).toBe(0)
    expect((await list({ feedId: rssId, unread: true })).total).toBe((await list({ feedId: rssId })).total)
    expect((await list({ feedId: 'ffffffffffffffff' })).total).toBe(0)
  })

  it('refuses a feed id that is not one', async () => {
    const result = (await invoke(host.handlers, 'listArticles', { feedId: '../x' }, { log: () => {} })) as Result<unknown>
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT')
  })
})
