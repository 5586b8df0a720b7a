// Starting the app (startWarta with the fake electron): the window comes up before the archive
// is read, and after a clean close it is shown the first page kept then, so a large library
// appears without waiting for its whole catalogue. If the archive then lists something else,
// the window is told to read its lists again.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, eventChannelOf, type Method } from '../../preload/contract'
import { openArchive } from '../../main/core/archive/archive'
import { LOCK_FILE } from '../../main/core/archive/archiveLock'
import { FIRST_PAGE_FILE, firstPageQuery } from '../../main/core/archive/firstPage'
import { startWarta, type RunningWarta } from '../../main/electron/wartaApp'
import { sampleArticle } from '../core/archive/sampleArticles'
import { repoRoot, tempDir } from '../helpers/tempArchive'
import { app, appState, dialog, FakeBrowserWindow, ipcHandlerFor, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

const appFrame = { url: 'app://warta/index.html', parent: null }
const call = (method: Method, input: unknown): Promise<unknown> => ipcHandlerFor(channelOf(method))({ senderFrame: appFrame }, input)

let root: string
let cleanup: () => Promise<void>
let archiveDir: string
let running: RunningWarta | null = null
beforeEach(async () => {
  resetFakeElectron()
  ;({ dir: root, cleanup } = await tempDir())
  archiveDir = join(root, 'archive')
  await mkdir(join(root, 'userData'), { recursive: true })
  Object.assign(appState, { userData: join(root, 'userData'), appPath: repoRoot, locale: 'en-US', isPackaged: false })
})
afterEach(async () => {
  running?.searchIndex?.close()
  await running?.archive.close()
  running = null
  await cleanup()
})

/** An archive of 130 articles, the language chosen, closed as the app closes it on quit. */
async function lastSession(): Promise<void> {
  const archive = await openArchive(archiveDir)
  await archive.addArticles(Array.from({ length: 130 }, (_, n) => sampleArticle(n)))
  await archive.setLanguage('id')
  await archive.close()
}

function start(): Promise<RunningWarta | null> {
  return startWarta({ env: { WARTA_ARCHIVE_DIR: archiveDir }, argv: ['/opt/Warta/warta'], cwd: root, mainDir: join(repoRoot, 'out', 'main'), log: () => {} })
}

const archiveChanges = (window: FakeBrowserWindow): unknown[] =>
  window.webContents.sent.filter((s) => s.channel === eventChannelOf('archiveChanged')).map((s) => s.payload)

describe('starting', () => {
  it('after a clean close: the window is shown the kept language and first page before the archive is read', async () => {
    await lastSession()
    const starting = start()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    // The archive is not open yet (it takes its lock when it is) and the answers are already there.
    expect(existsSync(join(archiveDir, LOCK_FILE))).toBe(false)
    expect(await call('getSettings', {})).toEqual({ ok: true, value: { language: 'id' } })
    const shown = (await call('listArticles', {})) as { ok: true; value: { items: unknown[]; archiveTotal: number } }
    expect(shown.ok).toBe(true)
    expect(shown.value.items).toHaveLength(100)
    expect(shown.value.archiveTotal).toBe(130)
    expect(existsSync(join(archiveDir, LOCK_FILE))).toBe(false)

    running = await starting
    if (!running) throw new Error('startWarta did not start')
    expect(shown.value).toEqual(running.archive.libraryPage(firstPageQuery))
    // The next page comes from the archive itself.
    expect(await call('listArticles', { offset: 100 })).toMatchObject({ ok: true, value: { total: 130, items: expect.any(Array) } })
    expect(archiveChanges(FakeBrowserWindow.instances[0] as FakeBrowserWindow)).toEqual([])
  })

  it('if the archive lists something else than the page it was shown, the window is told to read its lists again', async () => {
    await lastSession()
    // The kept file stays true of the catalogue's size and time, but says another title: as if the
    // archive were repaired on open from something the stamp cannot see.
    const path = join(archiveDir, FIRST_PAGE_FILE)
    const kept = JSON.parse(await readFile(path, 'utf8')) as { page: { items: { title: string }[] } }
    const top = kept.page.items[0]
    if (!top) throw new Error('nothing kept')
    top.title = 'A title the archive does not have'
    await writeFile(path, JSON.stringify(kept))

    const starting = start()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    expect(await call('listArticles', {})).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ title: 'A title the archive does not have' })]) } })
    running = await starting
    expect(archiveChanges(FakeBrowserWindow.instances[0] as FakeBrowserWindow)).toEqual([{ outcomes: [] }])
    expect(await call('listArticles', {})).not.toMatchObject({ value: { items: expect.arrayContaining([expect.objectContaining({ title: 'A title the archive does not have' })]) } })
  })

  it('quitting while the archive is still opening waits for it, then closes it and lets go of its lock', async () => {
    await lastSession()
    const starting = start()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    await call('listArticles', {})
    // Reading has begun once the archive holds its lock.
    await vi.waitFor(() => expect(existsSync(join(archiveDir, LOCK_FILE))).toBe(true), { interval: 1 })
    const quitting = { preventDefault: vi.fn() }
    app.emit('will-quit', quitting)
    expect(quitting.preventDefault).toHaveBeenCalled()
    running = await starting
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(existsSync(join(archiveDir, LOCK_FILE))).toBe(false)
    running = null
  })

  it('quitting before the archive was needed does not open it at all, and reports nothing', async () => {
    await lastSession()
    const starting = start()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    app.emit('will-quit', { preventDefault: vi.fn() })
    expect(await starting).toBeNull()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(existsSync(join(archiveDir, LOCK_FILE))).toBe(false)
    expect(dialog.showErrorBox).not.toHaveBeenCalled()
    // A call still waiting gets an error, not an endless wait.
    expect(await call('getArticle', { articleId: 'a'.repeat(16) })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('with nothing kept (a first start), the window comes up at once and waits for the archive', async () => {
    const starting = start()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    const listed = call('listArticles', {})
    running = await starting
    expect(await listed).toMatchObject({ ok: true, value: { items: [], archiveTotal: 0 } })
  })
})
