// `npm run preview -- [--archive DIR] [--port N]`: the built renderer and the real handlers
// on http://127.0.0.1, for browsers and end-to-end tests.
import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../core/archive/archive'
import { readFirstPage } from '../core/archive/firstPage'
import { createHandlers } from '../core/handlers'
import { handlersWhileOpening } from '../core/handlersWhileOpening'
import { startSearchIndex } from '../core/search/searchHost'
import { createEventHub } from './previewEvents'
import { startPreviewServer } from './server'

const repoRoot = resolve(import.meta.dirname, '../..')

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    port: { type: 'string' },
    locale: { type: 'string' },
  },
})

const archiveDir = resolve(values.archive ?? process.env.WARTA_ARCHIVE_DIR ?? join(homedir(), '.warta-preview'))
await mkdir(archiveDir, { recursive: true })
const events = createEventHub()
const systemLocale = values.locale ?? Intl.DateTimeFormat().resolvedOptions().locale
// As in the app: the page is served at once, and the first page kept at the last close answers
// while the catalogue is read (handlersWhileOpening.ts).
const opening = handlersWhileOpening({
  firstPage: await readFirstPage(archiveDir),
  systemLocale,
  open: async () => {
    const archive = await openArchive(archiveDir)
    // Built (or brought up to date) in the background; the page hears its progress over /api/events.
    const searchIndex = startSearchIndex(archive, { onProgress: (progress) => events.publish('searchIndexProgress', progress) }) ?? undefined
    const handlers = createHandlers({ archive, systemLocale, samplesDir: join(repoRoot, 'assets', 'samples'), ...(searchIndex ? { searchIndex } : {}) })
    return { archive, searchIndex, handlers }
  },
})
const server = await startPreviewServer({
  handlers: opening.handlers,
  events,
  rendererDir: join(repoRoot, 'out', 'renderer'),
  archiveDir,
  ...(values.port ? { port: Number(values.port) } : {}),
})
console.log(`Warta preview on ${server.url} (archive: ${archiveDir})`)
const { archive, searchIndex } = await opening.ready

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Closing the archive finishes pending saves and releases its lock for the next window or command.
  process.once(signal, () =>
    void server
      .close()
      .then(() => {
        searchIndex?.close()
        return archive.close()
      })
      .then(() => process.exit(0)),
  )
}
