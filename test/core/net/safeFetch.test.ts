import { createServer, type AddressInfo, type Socket } from 'node:net'
import { createBrotliCompress, createGzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../main/core/errors'
import { fetchResource, userAgentFor, type FetchOptions } from '../../../main/core/net/safeFetch'
import { startLocalSite, type LocalSite } from '../web/localSite'

const MiB = 1024 * 1024

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
async function appErrorOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    if (isAppError(e)) return e
    throw e
  }
  throw new Error('expected an AppError, but the call succeeded')
}

/** 200 MiB of zeros compressed without ever holding them: the bomb itself is a few hundred KB. */
async function zeroBomb(compressor: NodeJS.ReadWriteStream, size: number): Promise<Buffer> {
  const out: Buffer[] = []
  compressor.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => compressor.on('end', resolve))
  const chunk = Buffer.alloc(MiB)
  for (let written = 0; written < size; written += MiB) {
    if (!compressor.write(chunk)) await new Promise((resolve) => compressor.once('drain', resolve))
  }
  compressor.end()
  await done
  return Buffer.concat(out)
}

let site: LocalSite
let gzipBomb: Buffer
let brotliBomb: Buffer
const page = '<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>'
const get = (path: string, options: Partial<FetchOptions> = {}) => fetchResource(site.url(path), { kind: 'page', ...options })

beforeAll(async () => {
  gzipBomb = await zeroBomb(createGzip({ level: 9 }), 200 * MiB)
  brotliBomb = await zeroBomb(createBrotliCompress(), 200 * MiB)
  site = await startLocalSite({
    '/page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(page)
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': gzipBomb.length })
      res.end(gzipBomb)
    },
    '/brotli-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
      res.end(brotliBomb)
    },
    '/gzip-page': (_req, res) => {
      const gzip = createGzip()
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      gzip.pipe(res)
      gzip.end(page)
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': 50 * MiB })
      res.write(Buffer.alloc(64 * 1024, 0x20))
      // Never finishes: the client must refuse on the header alone.
    },
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(256 * 1024, 0x61)
      let sent = 0
      const pump = (): void => {
        while (sent < 40 * MiB) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('error', () => {})
      pump()
    },
    '/silent': () => {
      // Accepts the connection and never answers.
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' })
      res.end()
    },
    '/to-file': (_req, res) => {
      res.writeHead(301, { location: 'file:///etc/passwd' })
      res.end()
    },
    '/to-javascript': (_req, res) => {
      res.writeHead(302, { location: 'javascript:alert(1)' })
      res.end()
    },
    '/missing': (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<p>gone</p>')
    },
    '/broken': (_req, res) => {
      res.writeHead(500)
      res.end()
    },
    '/image': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    },
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 10:00:00 GMT' })
      res.end(page)
    },
  })
  // A chain of exactly n redirects ending at /page.
  for (let i = 1; i <= 6; i++) {
    site.route(`/chain/${i}`, (_req, res) => {
      res.writeHead(i === 1 ? 307 : 301, { location: i === 1 ? '/page' : `/chain/${i - 1}` })
      res.end()
    })
  }
}, 60_000)

afterAll(() => site.close())

describe('fetching a page safely', () => {
  it('fetches a page, naming Warta in the user agent', async () => {
    const res = await get('/page', { userAgent: userAgentFor('1.2.3') })
    expect(Buffer.from(res.bytes).toString()).toBe(page)
    expect(res.mediaType).toBe('text/html')
    expect(site.headers.get('/page')?.['user-agent']).toBe('Warta/1.2.3 (+offline reader)')
  })

  it('decompresses a gzip page', async () => {
    const res = await get('/gzip-page')
    expect(Buffer.from(res.bytes).toString()).toBe(page)
  })

  it.each(['file:///etc/passwd', 'ftp://example.com/file.txt', 'javascript:alert(1)', 'data:text/html,<p>hi</p>', 'not an address', ''])(
    'refuses %j as a bad address before any request',
    async (url) => {
      const e = await appErrorOf(fetchResource(url, { kind: 'page' }))
      expect(e.code).toBe('BAD_URL')
    },
  )

  it('rejects a gzip bomb (200 MiB of zeros) as too large, quickly and without holding it in memory', async () => {
    const before = process.memoryUsage()
    let peak = 0
    const sampler = setInterval(() => {
      const m = process.memoryUsage()
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers)
    }, 2)
    const started = performance.now()
    const e = await appErrorOf(get('/gzip-bomb', { maxBytes: 10 * MiB }))
    const ms = performance.now() - started
    clearInterval(sampler)
    const m = process.memoryUsage()
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers)
    console.log(
      `gzip bomb: ${(gzipBomb.length / 1024).toFixed(0)} KiB compressed → 200 MiB; rejected in ${ms.toFixed(0)} ms; ` +
        `peak heap+buffers growth ${(peak / MiB).toFixed(1)} MiB; maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    )
    expect(e.code).toBe('TOO_LARGE')
    expect(ms).toBeLessThan(5_000)
    // The cap is 10 MiB of decoded text; anything near the bomb's 200 MiB would show here.
    expect(peak).toBeLessThan(40 * MiB)
  })

  it('rejects a brotli bomb the same way', async () => {
    const e = await appErrorOf(get('/brotli-bomb', { maxBytes: 10 * MiB }))
    expect(e.code).toBe('TOO_LARGE')
  })

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const started = performance.now()
    const e = await appErrorOf(get('/huge-declared', { maxBytes: MiB }))
    expect(e.code).toBe('TOO_LARGE')
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('stops reading an undeclared body at the cap', async () => {
    const e = await appErrorOf(get('/huge-chunked', { maxBytes: 2 * MiB }))
    expect(e.code).toBe('TOO_LARGE')
    expect(e.params).toMatchObject({ maxMegabytes: 2 })
  })

  it('gives up on a server that never answers with TIMEOUT', async () => {
    const started = performance.now()
    const e = await appErrorOf(get('/silent', { timeoutMs: 300 }))
    expect(e.code).toBe('TIMEOUT')
    expect(performance.now() - started).toBeLessThan(3_000)
  })

  it('gives up on a connection that never completes its TLS handshake with TIMEOUT, before the total timeout', async () => {
    const silent = createServer(() => {})
    const sockets = new Set<Socket>()
    silent.on('connection', (s) => sockets.add(s))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as AddressInfo).port
    const started = performance.now()
    const e = await appErrorOf(fetchResource(`https://127.0.0.1:${port}/`, { kind: 'page', connectTimeoutMs: 300, timeoutMs: 20_000 }))
    for (const s of sockets) s.destroy()
    silent.close()
    expect(e.code).toBe('TIMEOUT')
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('follows up to five redirects', async () => {
    const res = await get('/chain/5')
    expect(res.url).toBe(site.url('/page'))
  })

  it('stops a sixth redirect with TOO_MANY_REDIRECTS', async () => {
    const e = await appErrorOf(get('/chain/6'))
    expect(e.code).toBe('TOO_MANY_REDIRECTS')
    expect(e.params).toMatchObject({ max: 5 })
  })

  it('stops a redirect loop with TOO_MANY_REDIRECTS', async () => {
    const e = await appErrorOf(get('/loop'))
    expect(e.code).toBe('TOO_MANY_REDIRECTS')
    expect(site.hits.get('/loop')).toBeLessThanOrEqual(6)
  })

  it.each(['/to-file', '/to-javascript'])('refuses a redirect to a non-http scheme (%s)', async (path) => {
    const e = await appErrorOf(get(path))
    expect(e.code).toBe('BAD_URL')
  })

  it('reports an error status with the status', async () => {
    expect((await appErrorOf(get('/missing'))).params).toMatchObject({ status: 404 })
    const e = await appErrorOf(get('/broken'))
    expect(e.code).toBe('HTTP_STATUS')
    expect(e.params).toMatchObject({ status: 500 })
  })

  it('refuses something that is not a web page with NOT_HTML', async () => {
    const e = await appErrorOf(get('/image'))
    expect(e.code).toBe('NOT_HTML')
    expect(e.params).toMatchObject({ type: 'image/png' })
  })

  it('reports an unreachable server as FETCH_FAILED', async () => {
    const closed = await startLocalSite()
    const url = closed.url('/page')
    await closed.close()
    const e = await appErrorOf(fetchResource(url, { kind: 'page', timeoutMs: 5_000 }))
    expect(e.code).toBe('FETCH_FAILED')
  })

  it('answers a conditional request for an unchanged resource with notModified', async () => {
    const first = await get('/etag')
    expect(first.etag).toBe('"v1"')
    const second = await get('/etag', { etag: first.etag, lastModified: first.lastModified })
    expect(second.notModified).toBe(true)
    expect(second.bytes.length).toBe(0)
  })
})
