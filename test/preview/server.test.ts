import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startPreviewServer, TOKEN_HEADER, type PreviewServer } from '../../main/preview/server'
import { contentSecurityPolicy } from '../../main/core/contentSecurityPolicy'
import { base64, tempDir, tempHost, type TempHost } from '../helpers/tempArchive'

let host: TempHost
let server: PreviewServer
let rendererDir: string
let cleanupRenderer: () => Promise<void>

beforeEach(async () => {
  host = await tempHost({ systemLocale: 'en-GB' })
  const t = await tempDir('warta-renderer-')
  rendererDir = join(t.dir, 'renderer')
  cleanupRenderer = t.cleanup
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(t.dir, 'secret.txt'), 'outside the renderer')
  server = await startPreviewServer({ handlers: host.handlers, rendererDir, log: () => {} })
})
afterEach(async () => {
  await server.close()
  await host.cleanup()
  await cleanupRenderer()
})

/** A raw HTTP request, so tests can forge the Host header and send unnormalised paths. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(server.url)
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: { Host: url.host, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify(input),
  })

describe('preview host', () => {
  it('serves the renderer with the CSP and this run’s token', async () => {
    const res = await raw('/')
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(res.body).toContain(`<meta name="warta-token" content="${server.token}">`)
  })

  it('runs the real handlers against the archive on disk', async () => {
    const text = 'Surabaya (ANTARA) - Sebuah pasar ikan higienis dibuka di pesisir utara Surabaya pada Senin.\nPedagang mendapat lapak baru dengan air bersih.'
    const res = await api('importFiles', { files: [{ name: 'pasar.txt', contentBase64: base64(text) }] })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).value.outcomes[0].status).toBe('imported')
    expect(host.archive.size).toBe(1)
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    for (const token of ['', 'wrong', server.token.slice(1)]) {
      const res = await api('setLanguage', { language: 'id' }, { [TOKEN_HEADER]: token })
      expect(res.status).toBe(403)
      expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN')
    }
    expect(host.archive.language).toBeNull()
  })

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const res = await raw('/api/getSettings', {
      method: 'POST',
      headers: { Host: 'evil.example:80', 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{}',
    })
    expect(res.status).toBe(421)
    expect((await raw('/', { headers: { Host: 'attacker.test' } })).status).toBe(421)
  })

  it('returns validation errors as data', async () => {
    const res = await api('setBookmark', { articleId: '../../etc/passwd', bookmarked: 'yes' })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const bad = await raw('/api/getSettings', { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{nope' })
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_INPUT')
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/%00app.js']) {
      const res = await raw(path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('outside the renderer')
    }
    expect((await raw('/assets/app.js')).status).toBe(200)
  })

  it('only answers GET for pages and POST for calls', async () => {
    expect((await raw('/', { method: 'POST' })).status).toBe(405)
    expect((await raw('/api/getSettings', { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405)
  })
})
