// Checklist 7 (Content Security Policy) and 18 (custom protocol): what app://warta/ answers.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../main/core/contentSecurityPolicy'
import { createAppProtocolHandler } from '../../main/electron/appProtocol'
import { tempDir } from '../helpers/tempArchive'

let root: string
let cleanup: () => Promise<void>
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
  ;({ dir: root, cleanup } = await tempDir())
  const renderer = join(root, 'out', 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Warta</title>')
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
  // Secrets beside and above the renderer folder, which no URL may reach.
  await writeFile(join(root, 'out', 'package.json'), '{"secret":true}')
  await writeFile(join(root, 'package.json'), '{"secret":true}')
  handle = createAppProtocolHandler(renderer)
})
afterAll(() => cleanup())

const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }))

describe('Checklist 7 — define a Content Security Policy', () => {
  it('sends the renderer CSP with every response, found or not', async () => {
    for (const url of ['app://warta/', 'app://warta/index.html', 'app://warta/assets/index-abc.js', 'app://warta/missing.js', 'app://warta/%2e%2e%2fpackage.json']) {
      const res = await get(url)
      expect(res.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy)
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff')
    }
  })

  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    const directives = new Map(contentSecurityPolicy.split(';').map((d) => { const [name = '', ...values] = d.trim().split(/\s+/); return [name, values] }))
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})

describe('Checklist 18 — the app protocol serves the renderer folder and nothing else', () => {
  it('serves index.html for the root and files with their type', async () => {
    const index = await get('app://warta/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toContain('<title>Warta</title>')
    const script = await get('app://warta/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    ['dot segments', 'app://warta/../package.json'],
    ['encoded dot segments and slash', 'app://warta/%2e%2e%2fpackage.json'],
    ['encoded slash after dots', 'app://warta/..%2fpackage.json'],
    ['two levels up, encoded', 'app://warta/%2e%2e%2f%2e%2e%2fpackage.json'],
    ['encoded backslash', 'app://warta/..%5cpackage.json'],
    ['NUL byte', 'app://warta/index.html%00.js'],
    ['broken percent-encoding', 'app://warta/%E0%A4%A'],
    ['absolute path', 'app://warta/%2fetc%2fpasswd'],
    ['a folder', 'app://warta/assets'],
    ['another host of the scheme', 'app://evil/index.html'],
  ])('answers 404 to %s (%s)', async (_what, url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('secret')
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://warta/index.html', 'POST')).status).toBe(405)
    const head = await get('app://warta/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
