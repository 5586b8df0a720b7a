// One Warta at a time: a second launch quits and hands its .txt files to the first, which
// comes to the front and imports them; files on the first launch's command line are imported too.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eventChannelOf, limits } from '../../preload/contract'
import { txtPathsFromArgv } from '../../main/electron/fileImport'
import { startWarta } from '../../main/electron/wartaApp'
import { repoRoot } from '../helpers/tempArchive'
import { app, appState, FakeBrowserWindow, ipcMain, resetFakeElectron } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

const fixtures = join(repoRoot, 'test', 'electron-app', 'fixtures')

let started: TestApp | null = null
beforeEach(() => resetFakeElectron())
afterEach(async () => {
  await started?.cleanup()
  started = null
})

type Outcome = { status: string; name: string; error?: { code: string } }
const archiveChanges = (): { outcomes: Outcome[] }[] =>
  (started?.window.webContents.sent ?? []).filter((s) => s.channel === eventChannelOf('archiveChanged')).map((s) => s.payload as { outcomes: Outcome[] })

describe('single instance', () => {
  it('a second launch quits at once, opening no window and no archive', async () => {
    appState.singleInstance = false
    expect(await startWarta({ env: {}, argv: [], log: () => {} })).toBeNull()
    expect(app.quit).toHaveBeenCalled()
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handle).not.toHaveBeenCalled()
  })

  it('the first instance comes to the front and imports the .txt files of the second launch', async () => {
    started = await startTestApp()
    started.window.minimized = true
    const cwd = fixtures
    app.emit('second-instance', { preventDefault() {} }, ['/opt/Warta/warta', '--no-sandbox', 'id-pasar-terapung.txt', 'notes.md', join(fixtures, 'en-night-ferry.txt'), 'missing.txt'], cwd)
    expect(started.window.calls).toEqual(['restore', 'show', 'focus'])
    await vi.waitFor(() => expect(archiveChanges()).toHaveLength(1))
    expect(archiveChanges()[0]?.outcomes.map((o) => [o.status, o.name, o.error?.code])).toEqual([
      ['imported', 'id-pasar-terapung.txt', undefined],
      ['imported', 'en-night-ferry.txt', undefined],
      ['failed', 'missing.txt', 'UNREADABLE'],
    ])
    expect(started.running.archive.size).toBe(2)
  })

  it('a second launch without files only brings the window forward', async () => {
    started = await startTestApp()
    app.emit('second-instance', { preventDefault() {} }, ['/opt/Warta/warta'], '/')
    expect(started.window.calls).toEqual(['show', 'focus'])
    await new Promise((r) => setTimeout(r, 20))
    expect(archiveChanges()).toEqual([])
  })

  it('imports the .txt files of its own command line before the page first lists the archive', async () => {
    started = await startTestApp({ argv: ['/opt/Warta/warta', 'id-pasar-terapung.txt'], cwd: fixtures })
    expect(started.running.archive.size).toBe(1)
    expect(archiveChanges()[0]?.outcomes.map((o) => o.status)).toEqual(['imported'])
  })

  it('macOS "Open With" imports the file', async () => {
    started = await startTestApp()
    const preventDefault = vi.fn()
    app.emit('open-file', { preventDefault }, join(fixtures, 'en-night-ferry.txt'))
    expect(preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(started?.running.archive.size).toBe(1))
  })

  it('refuses a file over the import limit without reading it into memory', async () => {
    started = await startTestApp()
    const big = join(started.root, 'huge.txt')
    await writeFile(big, Buffer.alloc(limits.maxImportBytes + 1, 0x61))
    app.emit('second-instance', { preventDefault() {} }, ['warta', big], '/')
    await vi.waitFor(() => expect(archiveChanges()).toHaveLength(1))
    expect(archiveChanges()[0]?.outcomes).toMatchObject([{ status: 'failed', name: 'huge.txt', error: { code: 'TOO_LARGE', params: { maxMegabytes: 5 } } }])
  })
})

describe('command-line files', () => {
  it('takes .txt arguments (any case), resolved against the launch directory, and skips flags and other files', () => {
    expect(txtPathsFromArgv(['/opt/Warta/warta', '--inspect=9229', 'a.txt', 'B.TXT', '/abs/c.txt', 'd.md', '-x.txt'], '/home/rina')).toEqual([
      '/home/rina/a.txt',
      '/home/rina/B.TXT',
      '/abs/c.txt',
    ])
  })
})
