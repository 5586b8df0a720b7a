// A start after a clean close, in the browser against the real handlers: the window shows the
// library's first page and the chosen language from the page kept at the close while the
// archive is still being read (handlersWhileOpening.ts), and what needs the archive — opening
// an article — follows once it is open. The reading is held back by the test, so "while" is certain.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { LOCK_FILE } from '../../main/core/archive/archiveLock'
import { readFirstPage } from '../../main/core/archive/firstPage'
import { createHandlers } from '../../main/core/handlers'
import { handlersWhileOpening } from '../../main/core/handlersWhileOpening'
import { startPreviewServer } from '../../main/preview/server'
import { writeSyntheticArchive } from '../bench/syntheticArchive'
import { expect, rendererDir, samplesDir, test } from './fixtures'

const ARTICLES = 2000

test('after a clean close, the first page shows in the chosen language before the archive is read; an article opens once it is', async ({ page }) => {
  test.setTimeout(120_000)
  const dir = await mkdtemp(join(tmpdir(), 'warta-e2e-start-'))
  let archive: Archive | null = null
  try {
    await writeSyntheticArchive(dir, ARTICLES, { seed: 11 })
    // The last session: English chosen on an Indonesian system, then quit.
    const last = await openArchive(dir)
    await last.setLanguage('en')
    await last.close()
    const firstPage = await readFirstPage(dir)
    const newest = firstPage?.page.items[0]
    if (!newest) throw new Error('no first page was kept at the close')

    let letRead = (): void => {}
    const reading = new Promise<void>((resolve) => (letRead = resolve))
    const opening = handlersWhileOpening({
      firstPage,
      systemLocale: 'id-ID',
      open: async () => {
        await reading
        archive = await openArchive(dir)
        return { archive, handlers: createHandlers({ archive, systemLocale: 'id-ID', samplesDir }) }
      },
    })
    const server = await startPreviewServer({ handlers: opening.handlers, rendererDir, archiveDir: dir, log: () => {} })
    try {
      await page.goto(server.url)
      const library = page.getByRole('region', { name: 'Library' })
      await expect(library.getByText('2,000 articles', { exact: true })).toBeVisible()
      const first = page.locator('#library-list').getByRole('listitem').first()
      await expect(first).toContainText(newest.title)
      // All of that without the archive: it takes its lock when it opens.
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)

      await first.locator('.row-link').click()
      const reader = page.getByRole('region', { name: 'Reader' })
      letRead()
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newest.title)
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
    } finally {
      letRead()
      await server.close()
      await opening.ready.catch(() => null)
    }
  } finally {
    await (archive as Archive | null)?.close()
    await rm(dir, { recursive: true, force: true })
  }
})
