// Each test gets its own archive in a temp directory, the real handler table over it, and the
// preview host serving the built renderer on 127.0.0.1 — the same code as the app, only the
// transport differs. Options: `systemLocale` (what the OS would say).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { createHandlers, type Handlers } from '../../main/core/handlers'
import { startPreviewServer } from '../../main/preview/server'

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
}

export const test = base.extend<{ systemLocale: string; warta: WartaHost }>({
  systemLocale: ['id-ID', { option: true }],

  warta: async ({ systemLocale }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run \`npx electron-vite build\` first.`)
    }
    const dir = await mkdtemp(join(tmpdir(), 'warta-e2e-'))
    const archive = await openArchive(dir)
    const handlers = createHandlers({ archive, systemLocale, samplesDir })
    const server = await startPreviewServer({ handlers, rendererDir, log: () => {} })
    try {
      await use({ url: server.url, dir, archive, handlers })
    } finally {
      await server.close()
      await archive.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
})

export { expect }
