// Search in the Electron glue: the index starts beside the archive, catches up in the background
// while the window is already usable, tells the page how far it has come, and closes on quit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eventChannelOf } from '../../preload/contract'
import { writeSyntheticArchive } from '../bench/syntheticArchive'
import { app, resetFakeElectron } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

let started: TestApp | null = null
beforeEach(() => resetFakeElectron())
afterEach(async () => {
  await started?.cleanup()
  started = null
})

const progress = (): unknown[] =>
  (started?.window.webContents.sent ?? []).filter((s) => s.channel === eventChannelOf('searchIndexProgress')).map((s) => s.payload)

describe('search in the app', () => {
  it('indexes an archive it finds without an index, telling the page its progress, and searches it', async () => {
    started = await startTestApp({ before: ({ archiveDir }) => writeSyntheticArchive(archiveDir, 40, { seed: 3 }).then(() => undefined) })
    const { handlers, searchIndex } = started.running
    expect(searchIndex).not.toBeNull()
    // Usable at once: the library lists everything before the index has caught up.
    expect((await handlers.listArticles({ filter: 'all', sort: 'published', offset: 0, limit: 10 })).archiveTotal).toBe(40)
    await vi.waitFor(() => expect(progress().at(-1)).toEqual({ done: 40, total: 40 }), { timeout: 10_000 })
    expect(progress()[0]).toEqual({ done: 0, total: 40 })
    const found = await handlers.searchArticles({ query: 'is:unread', sort: 'newest', offset: 0, limit: 100 })
    expect(found.total).toBeGreaterThan(0)
    expect(found.indexing).toBeNull()
  })

  it('closes the index when the app quits, before the archive lets go of its lock', async () => {
    started = await startTestApp()
    const index = started.running.searchIndex
    app.emit('will-quit', { preventDefault: () => {} })
    expect(index?.isClosed).toBe(true)
  })
})
