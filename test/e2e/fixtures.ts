// Each test gets its own archive in a temp directory, the real handler table over it, and the
// preview host serving the built renderer on 127.0.0.1 — the same code as the app, only the
// transport differs. Options: `systemLocale` (what the OS would say), `archiveSize` (that many
// synthetic articles written straight to disk before the host starts; the search index is then
// built in the background, as after an upgrade — `warta.indexed` resolves when it is done),
// `prepareArchive` (writes files into the archive folder before the host opens it).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { createHandlers, type Handlers } from '../../main/core/handlers'
import { startSearchIndex } from '../../main/core/search/searchHost'
import { createWorkerExtractor } from '../../main/core/web/articleExtractor'
import type { SearchIndex } from '../../main/core/search/searchIndex'
import { createEventHub } from '../../main/preview/previewEvents'
import { startPreviewServer } from '../../main/preview/server'
import { writeSyntheticArchive } from '../bench/syntheticArchive'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const rendererDir = join(repoRoot, 'out', 'renderer')
export const samplesDir = join(repoRoot, 'assets', 'samples')
export const dispatchesDir = join(import.meta.dirname, 'dispatches')
export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots')

export interface WartaHost {
  url: string
  dir: string
  archive: Archive
  handlers: Handlers
  searchIndex: SearchIndex | null
  /** Resolves once the search index has taken in the whole archive. */
  indexed: () => Promise<void>
}

/**
 * Writes files into the archive folder before the host opens it (a damaged file, a hand-made
 * body). An object, as Playwright would take a bare function in test.use for a fixture.
 */
export type PrepareArchive = { run: (dir: string) => Promise<void> } | null

export const test = base.extend<{ systemLocale: string; archiveSize: number; prepareArchive: PrepareArchive; warta: WartaHost }>({
  systemLocale: ['id-ID', { option: true }],
  archiveSize: [0, { option: true }],
  prepareArchive: [null, { option: true }],

  warta: async ({ systemLocale, archiveSize, prepareArchive }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run \`npx electron-vite build\` first.`)
    }
    const dir = await mkdtemp(join(tmpdir(), 'warta-e2e-'))
    if (archiveSize > 0) await writeSyntheticArchive(dir, archiveSize, { seed: 7 })
    await prepareArchive?.run(dir)
    const archive = await openArchive(dir)
    const events = createEventHub()
    const searchIndex = startSearchIndex(archive, {
      syncDelayMs: 0,
      log: () => {},
      onProgress: (progress) => events.publish('searchIndexProgress', progress),
    })
    const indexed = async (): Promise<void> => {
      // Polled on a timer: the build finishes after its last progress report, in a later task,
      // and waiting on an already-resolved promise here would never let that task run.
      while (searchIndex && !searchIndex.synced) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // Saved pages are read in a worker, as in the app; their images are served from the archive.
    const extractor = createWorkerExtractor({ log: () => {} })
    const handlers = createHandlers({ archive, systemLocale, samplesDir, web: { extractor }, ...(searchIndex ? { searchIndex } : {}) })
    const server = await startPreviewServer({ handlers, rendererDir, archiveDir: dir, events, log: () => {} })
    try {
      await use({ url: server.url, dir, archive, handlers, searchIndex, indexed })
    } finally {
      await server.close()
      await extractor.close()
      searchIndex?.close()
      await archive.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
})

export { expect }
