import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../main/core/errors'
import { parseFeedDocument } from '../../../main/core/feeds/feedDocument'
import { webFixtures } from '../web/localSite'

const origin = 'https://feeds.example'
const feedText = async (name: string) => (await readFile(join(webFixtures, 'feeds', name), 'utf8')).replaceAll('{{origin}}', origin)

function appErrorOf(run: () => unknown) {
  try {
    run()
  } catch (e) {
    if (isAppError(e)) return e
    throw e
  }
  throw new Error('expected an AppError')
}

/** Runs `run`, reporting how long it took and how much the heap and buffers grew at most. */
function measured<T>(run: () => T): { result: T; ms: number; growthMiB: number } {
  const before = process.memoryUsage()
  const started = performance.now()
  const result = run()
  const after = process.memoryUsage()
  return { result, ms: performance.now() - started, growthMiB: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20 }
}

describe('reading feeds', () => {
  it('reads RSS 2.0 with content:encoded, guids, authors and RFC 822 dates', async () => {
    const feed = parseFeedDocument(await feedText('rss.xml'), 'rss.xml')
    expect(feed.format).toBe('rss')
    expect(feed.title).toBe('Kabar Pesisir & Sekitarnya')
    expect(feed.siteUrl).toBe(`${origin}/`)
    expect(feed.languageTag).toBe('id')
    const [full, teaser] = feed.items
    expect(full).toMatchObject({
      guid: 'kabar-pesisir-1001',
      url: `${origin}/2024/pasar-apung?utm_source=rss&utm_medium=feed`,
      title: 'Pasar apung dibuka kembali di Muara',
      publishedAt: '2024-03-05T10:00:00+07:00',
      author: 'Dewi Lestari',
    })
    expect(full?.contentHtml).toContain('Pasar apung di Muara dibuka kembali')
    expect(teaser).toMatchObject({ guid: `${origin}/pages/article-og.html`, url: `${origin}/pages/article-og.html`, contentHtml: null })
    expect(teaser?.summaryHtml).toContain('Baca selengkapnya')
  })

  it('reads Atom, resolving relative links and unescaping HTML titles', async () => {
    const feed = parseFeedDocument(await feedText('atom.xml'), 'atom.xml', `${origin}/feeds/atom.xml`)
    expect(feed.format).toBe('atom')
    expect(feed.title).toBe('The Valley Courier')
    expect(feed.siteUrl).toBe(`${origin}/`)
    expect(feed.languageTag).toBe('en')
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:valley-courier.example,2024:night-trains',
      url: `${origin}/transport/night-trains`,
      title: 'Night trains & sleeper cars return',
      publishedAt: '2024-04-12T18:45:00+02:00',
      author: 'Tomas Reed',
    })
    expect(feed.items[0]?.contentHtml).toMatch(/^<p>Sleeper carriages/)
    expect(feed.items[1]).toMatchObject({ url: `${origin}/pages/article-meta.html`, publishedAt: '2024-04-10T07:00:00Z', contentHtml: null, summaryHtml: '<p>New sailing times from April.</p>' })
  })

  it('reads JSON Feed, turning plain-text content into paragraphs', async () => {
    const feed = parseFeedDocument(await feedText('feed.json'), 'feed.json')
    expect(feed.format).toBe('json')
    expect(feed.title).toBe('Riverside Weekly')
    expect(feed.items[0]).toMatchObject({ guid: 'riverside-77', url: `${origin}/local/repair-cafe`, publishedAt: '2024-05-01T09:00:00-05:00', author: 'Priya Natarajan' })
    expect(feed.items[0]?.contentHtml?.match(/<p>/g)).toHaveLength(3)
    expect(feed.items[1]).toMatchObject({ url: null, contentHtml: '<p>Too short.</p>' })
  })

  it('refuses an entity-expansion bomb ("billion laughs") at once, in bounded time and memory', async () => {
    const text = await feedText('billion-laughs.xml')
    const { result, ms, growthMiB } = measured(() => appErrorOf(() => parseFeedDocument(text, 'laughs.xml')))
    console.log(`billion laughs: refused in ${ms.toFixed(1)} ms, heap+buffers growth ${growthMiB.toFixed(1)} MiB`)
    expect(result.code).toBe('NOT_FEED')
    expect(result.message).toMatch(/entities/)
    expect(ms).toBeLessThan(1_000)
  })

  it('would not expand the entities even without the guard (feedsmith parses them as text)', async () => {
    const text = await feedText('billion-laughs.xml')
    const { result, ms, growthMiB } = measured(() => parseFeed(text))
    console.log(`billion laughs straight into feedsmith: ${ms.toFixed(1)} ms, heap+buffers growth ${growthMiB.toFixed(1)} MiB`)
    expect(JSON.stringify(result).length).toBeLessThan(10_000)
    expect(ms).toBeLessThan(1_000)
  })

  it('refuses entity declarations even without a DOCTYPE subset marker trick, and an external-entity read', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>'
    expect(appErrorOf(() => parseFeedDocument(xxe, 'xxe.xml')).code).toBe('NOT_FEED')
    // An external DTD reference alone (old RSS 0.91 feeds carry one) is harmless: nothing is fetched.
    const legacy = '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description><item><title>One</title><link>https://old.example/1</link></item></channel></rss>'
    expect(parseFeedDocument(legacy, 'legacy.xml').items).toHaveLength(1)
  })

  it('copes with a deeply nested item in bounded time', () => {
    const depth = 100_000
    const deep = `<rss version="2.0"><channel><title>Deep</title><item><title>t</title><link>https://deep.example/1</link><description>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</description></item></channel></rss>`
    const { result, ms, growthMiB } = measured(() => {
      try {
        return parseFeedDocument(deep, 'deep.xml').items.length
      } catch (e) {
        if (isAppError(e)) return e.code
        throw e
      }
    })
    console.log(`deeply nested feed (${depth} levels): ${result} in ${ms.toFixed(0)} ms, heap+buffers growth ${growthMiB.toFixed(1)} MiB`)
    expect([1, 'NOT_FEED']).toContain(result)
    expect(ms).toBeLessThan(10_000)
    const deepJson = `{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":[{"id":"1","content_html":${'['.repeat(depth)}${']'.repeat(depth)}}]}`
    const json = measured(() => {
      try {
        return parseFeedDocument(deepJson, 'deep.json').items.length
      } catch (e) {
        if (isAppError(e)) return e.code
        throw e
      }
    })
    expect([1, 'NOT_FEED']).toContain(json.result)
    expect(json.ms).toBeLessThan(10_000)
  })

  it('reads at most 500 items of a huge feed, in bounded time, and refuses one over the size cap', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://big.example/${i}</link><guid>g${i}</guid><description>${'lorem ipsum '.repeat(60)}</description></item>`).join('')
    const huge = `<rss version="2.0"><channel><title>Big</title><link>https://big.example/</link><description>d</description>${items}</channel></rss>`
    const { result, ms, growthMiB } = measured(() => parseFeedDocument(huge, 'big.xml'))
    console.log(`huge feed (${(huge.length / 2 ** 20).toFixed(1)} MiB, 5000 items): ${result.items.length} items in ${ms.toFixed(0)} ms, heap+buffers growth ${growthMiB.toFixed(1)} MiB`)
    expect(result.items).toHaveLength(500)
    expect(ms).toBeLessThan(15_000)
    const tooBig = `<rss version="2.0"><channel><title>x</title><description>${'a'.repeat(10 * 2 ** 20)}</description></channel></rss>`
    expect(appErrorOf(() => parseFeedDocument(tooBig, 'too-big.xml')).code).toBe('TOO_LARGE')
  })

  it('says NOT_FEED for a web page or garbage', () => {
    expect(appErrorOf(() => parseFeedDocument('<!doctype html><html><body><p>page</p></body></html>', 'page.html')).code).toBe('NOT_FEED')
    expect(appErrorOf(() => parseFeedDocument('{"hello": "world"}', 'x.json')).code).toBe('NOT_FEED')
    expect(appErrorOf(() => parseFeedDocument('\u0000\u0001binary', 'x.bin')).code).toBe('NOT_FEED')
    expect(appErrorOf(() => parseFeedDocument('   ', 'blank.xml')).code).toBe('EMPTY')
  })
})
