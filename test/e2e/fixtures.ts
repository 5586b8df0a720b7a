// Each test gets its own archive in a temp directory, the real handler table over it, and the
// preview host serving the built renderer on 127.0.0.1 — the same code as the app, only the
// transport differs. Options: `systemLocale` (what the OS would say), `archiveSize` (that many
// synthetic articles written straight to disk before the host starts; the search index is then
// built in the background, as after an upgrade — `warta.indexed` resolves when it is done).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { createHandlers, type Handlers } from '../../main/core/handlers'
import { startSearchIndex } from '../../main/core/search/searchHost'
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

export const test = base.extend<{ systemLocale: string; archiveSize: number; warta: WartaHost }>({
  systemLocale: ['id-ID', { option: true }],
  archiveSize: [0, { option: true }],

  warta: async ({ systemLocale, archiveSize }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run \`npx electron-vite build\` first.`)
    }
    const dir = await mkdtemp(join(tmpdir(), 'warta-e2e-'))
    if (archiveSize > 0) await writeSyntheticArchive(dir, archiveSize, { seed: 7 })
    const archive = await openArchive(dir)
    const events = createEventHub()
    let finished = (): void => {}
    const done = new Promise<void>((resolve) => (finished = resolve))
    const searchIndex = startSearchIndex(archive, {
      syncDelayMs: 0,
      log: () => {},
      onProgress: (progress) => {
        events.publish('searchIndexProgress', progress)
        if (progress.done === progress.total) finished()
      },
    })
    const indexed = async (): Promise<void> => {
      // An index with nothing to build reports no progress at all.
      while (searchIndex && !searchIndex.synced) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))])
    }
    const handlers = createHandlers({ archive, systemLocale, samplesDir, ...(searchIndex ? { searchIndex } : {}) })
    const server = await startPreviewServer({ handlers, rendererDir, events, log: () => {} })
    try {
      await use({ url: server.url, dir, archive, handlers, searchIndex, indexed })
    } finally {
      await server.close()
      searchIndex?.close()
      await archive.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
})

export { expect }
