// A saved web article's images as the renderer loads them: `media/<id>/<file>` served from the
// archive by the Electron app protocol and by the preview host — the very files importUrl kept —
// and nothing else, whatever the path tries.
import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../main/core/contentSecurityPolicy'
import { invoke } from '../../main/core/invoke'
import { createAppProtocolHandler } from '../../main/electron/appProtocol'
import { startPreviewServer, type PreviewServer } from '../../main/preview/server'
import type { Result } from '../../preload/contract'
import { fixture, startLocalSite, type LocalSite } from '../core/web/localSite'
import { tempDir, tempHost, type TempHost } from '../helpers/tempArchive'

let site: LocalSite
let host: TempHost
let renderer: { dir: string; cleanup: () => Promise<void> }
let preview: PreviewServer
let appProtocol: (request: Request) => Promise<Response>
/** The src values of the saved article's images, as stored in its HTML. */
let srcs: string[] = []
let articleId = ''

beforeAll(async () => {
  site = await startLocalSite({
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/media/perahu.png': fixture('images/harbour.png', 'image/png'),
    '/media/peta.png': fixture('images/map.png', 'image/png'),
  })
  host = await tempHost()
  renderer = await tempDir('warta-renderer-')
  await writeFile(join(renderer.dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  // A secret in the archive folder and one beside it, which no media path may reach.
  await writeFile(join(host.dir, 'secret.png'), 'catalogue secret')
  await mkdir(join(host.dir, 'media', 'aaaaaaaaaaaaaaaa'), { recursive: true })
  await writeFile(join(host.dir, 'media', 'aaaaaaaaaaaaaaaa', 'notes.txt'), 'not an image')
  preview = await startPreviewServer({ handlers: host.handlers, rendererDir: renderer.dir, archiveDir: host.dir, log: () => {} })
  appProtocol = createAppProtocolHandler(renderer.dir, { archiveDir: host.dir })

  const saved = (await invoke(host.handlers, 'importUrl', { url: site.url('/pages/article-og.html') })) as Result<{ outcome: { status: string; article: { id: string } } }>
  if (!saved.ok) throw new Error(saved.error.message)
  articleId = saved.value.outcome.article.id
  const article = (await invoke(host.handlers, 'getArticle', { articleId })) as Result<{ html: string }>
  if (!article.ok) throw new Error(article.error.message)
  srcs = [...article.value.html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1] as string)
})
afterAll(async () => {
  await preview.close()
  await host.cleanup()
  await renderer.cleanup()
  await site.close()
})

function previewGet(path: string, hostHeader?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(preview.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path, headers: { Host: hostHeader ?? url.host } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const isPng = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))

const hostile = [
  ['dot segments', '/media/../catalog.json'],
  ['encoded dot segments', '/media/%2e%2e/secret.png'],
  ['an encoded slash', `/media/aaaaaaaaaaaaaaaa%2f..%2f..%2fsecret.png`],
  ['a file that is not an image', '/media/aaaaaaaaaaaaaaaa/notes.txt'],
  ['an image type Warta never saves', '/media/aaaaaaaaaaaaaaaa/0123456789abcdef.svg'],
  ['upper-case hex', '/media/aaaaaaaaaaaaaaaa/0123456789ABCDEF.png'],
  ['a short id', '/media/aaaa/0123456789abcdef.png'],
  ['a deeper path', '/media/aaaaaaaaaaaaaaaa/x/0123456789abcdef.png'],
  ['a missing image', '/media/aaaaaaaaaaaaaaaa/0123456789abcdef.png'],
  ['the archive root', '/secret.png'],
] as const

describe('the preview host', () => {
  it('serves each saved image at its stored path, typed, with the renderer headers', async () => {
    expect(srcs).toHaveLength(2)
    for (const src of srcs) {
      const res = await previewGet(`/${src}`)
      expect(res.status, src).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy)
      expect(isPng(res.body)).toBe(true)
    }
  })

  it.each(hostile)('answers 404 to %s', async (_what, path) => {
    const res = await previewGet(path)
    expect(res.status).toBe(404)
    expect(res.body.toString()).not.toMatch(/secret|not an image/)
  })

  it('refuses a request for an image under another Host name', async () => {
    expect((await previewGet(`/${srcs[0]}`, 'evil.example')).status).toBe(421)
  })
})

describe('the Electron app protocol', () => {
  it('serves each saved image at app://warta/<stored path>', async () => {
    for (const src of srcs) {
      const res = await appProtocol(new Request(`app://warta/${src}`))
      expect(res.status, src).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(isPng(new Uint8Array(await res.arrayBuffer()))).toBe(true)
    }
  })

  it.each(hostile)('answers 404 to %s', async (_what, path) => {
    const res = await appProtocol(new Request(`app://warta${path}`))
    expect(res.status).toBe(404)
    expect(await res.text()).not.toMatch(/secret|not an image/)
  })

  it('serves nothing from the archive when it was given none', async () => {
    const rendererOnly = createAppProtocolHandler(renderer.dir)
    expect((await rendererOnly(new Request(`app://warta/${srcs[0]}`))).status).toBe(404)
  })

  it('no longer serves the images of an article that was removed', async () => {
    await host.archive.removeArticles([articleId])
    expect((await appProtocol(new Request(`app://warta/${srcs[0]}`))).status).toBe(404)
    expect((await previewGet(`/${srcs[0]}`)).status).toBe(404)
  })
})
