// Checklist 17 — validate the sender of all IPC messages: every contract method has a handler,
// only the app's own top frame gets an answer, and a trusted call reaches a real archive.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, methods, type Result } from '../../preload/contract'
import { CATALOG_FILE, STATE_FILE } from '../../main/core/archive/archive'
import { isTrustedSender } from '../../main/electron/webSecurity'
import { packagedOrigin, rendererOrigin } from '../../main/electron/appOrigin'
import { samplesDir } from '../helpers/tempArchive'
import { archiveBytes } from '../helpers/archiveFiles'
import { ipcHandlerFor, ipcMain, resetFakeElectron, type FakeFrame } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

let started: TestApp
beforeEach(async () => {
  resetFakeElectron()
  started = await startTestApp()
})
afterEach(async () => {
  await started.cleanup()
})

const top = (url: string): FakeFrame => ({ url, parent: null })
const appFrame = top('app://warta/index.html')
const call = async <T>(method: string, input: unknown, frame: FakeFrame | null = appFrame): Promise<Result<T>> =>
  (await ipcHandlerFor(channelOf(method as never))({ senderFrame: frame }, input)) as Result<T>

const forgedFrames: [string, FakeFrame | null][] = [
  ['another web origin', top('https://evil.example/index.html')],
  ['a subframe of the app page', { url: 'app://warta/index.html', parent: appFrame }],
  ['a foreign subframe inside the app page', { url: 'https://ads.example/frame.html', parent: appFrame }],
  ['the same custom scheme with another host (origin "null" too)', top('app://evil/index.html')],
  ['the app host on another port', top('app://warta:8443/index.html')],
  ['a file:// page', top('file:///home/user/index.html')],
  ['a data: page', top('data:text/html,<script>1</script>')],
  ['about:blank', top('about:blank')],
  ['the dev server URL in a packaged app', top('http://localhost:5173/')],
  ['a frame that is already gone', null],
]

describe('Checklist 17 — validate the sender of all IPC messages', () => {
  it('registers exactly one handler per contract method, on the derived channel', () => {
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel)
    expect(channels.sort()).toEqual(methods.map(channelOf).sort())
  })

  it.each(forgedFrames)('answers FORBIDDEN to %s, for every method, and changes nothing', async (_what, frame) => {
    await call('importSamples', {}) // something in the archive to (not) change
    const before = await archiveBytes(started.archiveDir)
    const inputs: Record<string, unknown> = {
      setLanguage: { language: 'en' },
      importSamples: {},
      importFiles: { files: [{ name: 'x.txt', contentBase64: Buffer.from('JAKARTA (ANTARA) - Teks.').toString('base64') }] },
      setBookmark: { articleId: 'a'.repeat(16), bookmarked: true },
      renameArticle: { articleId: 'a'.repeat(16), title: 'Forged' },
    }
    for (const method of methods) {
      const result = await call(method, inputs[method] ?? {}, frame)
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await archiveBytes(started.archiveDir)).toEqual(before)
  })

  it('trusts only the top frame of the app origin (pure check)', () => {
    expect(isTrustedSender(appFrame, packagedOrigin)).toBe(true)
    expect(isTrustedSender(top('app://warta/'), packagedOrigin)).toBe(true)
    for (const [what, frame] of forgedFrames) expect(isTrustedSender(frame, packagedOrigin), what).toBe(false)
    const dev = rendererOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })
    expect(isTrustedSender(top('http://localhost:5173/'), dev)).toBe(true)
    expect(isTrustedSender(appFrame, dev)).toBe(false)
  })

  it('a call from the app page reaches the real archive: import the samples, then list them', async () => {
    const sampleCount = (await readdir(samplesDir)).filter((n) => n.endsWith('.txt')).length
    expect(sampleCount).toBeGreaterThan(0)
    const imported = await call<{ outcomes: { status: string }[] }>('importSamples', {})
    expect(imported.ok && imported.value.outcomes.filter((o) => o.status === 'imported')).toHaveLength(sampleCount)
    const listed = await call<{ total: number; items: { title: string }[] }>('listArticles', {})
    expect(listed.ok && listed.value.total).toBe(sampleCount)
    expect(JSON.parse(await readFile(join(started.archiveDir, CATALOG_FILE), 'utf8'))).toBeTruthy()
  })

  it('invalid input from the app page comes back as INVALID_INPUT, not as a thrown error', async () => {
    expect(await call('getArticle', { articleId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('setLanguage', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('a language set from the page is saved in the archive state', async () => {
    expect(await call('setLanguage', { language: 'id' })).toEqual({ ok: true, value: { language: 'id' } })
    const state = JSON.parse(await readFile(join(started.archiveDir, STATE_FILE), 'utf8')) as { settings: { language: string } }
    expect(state.settings.language).toBe('id')
  })
})
