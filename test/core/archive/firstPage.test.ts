// The first page kept at close (firstPage.ts): what the next window shows while a large
// catalogue is read. It must be exactly what the archive would list, and never used once any
// file it came from has changed.
import { existsSync } from 'node:fs'
import { appendFile, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openArchive, STATE_FILE, CATALOG_FILE } from '../../../main/core/archive/archive'
import { FIRST_PAGE_FILE, firstPageQuery, readFirstPage } from '../../../main/core/archive/firstPage'
import { journalPathOf } from '../../../main/core/archive/journal'
import { tempDir } from '../../helpers/tempArchive'
import { sampleArticle } from './sampleArticles'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(() => cleanup())

/** An archive of 150 articles (more than a page), some bookmarked, the language chosen, closed. */
async function closedArchive(): Promise<void> {
  const archive = await openArchive(dir)
  const added = await archive.addArticles(Array.from({ length: 150 }, (_, n) => sampleArticle(n)))
  for (const outcome of added.slice(0, 5)) await archive.setBookmark(outcome.article.id, true)
  await archive.setLanguage('id')
  await archive.close()
}

describe('the first page kept at close', () => {
  it('is what the archive lists first, with its counts and the chosen language', async () => {
    await closedArchive()
    const kept = await readFirstPage(dir)
    const archive = await openArchive(dir, { readOnly: true })
    try {
      expect(kept).toEqual({ language: 'id', page: archive.libraryPage(firstPageQuery) })
      expect(kept?.page.items).toHaveLength(100)
      expect(kept?.page).toMatchObject({ total: 150, archiveTotal: 150, bookmarkedTotal: 5 })
    } finally {
      await archive.close()
    }
  })

  it('follows the last session: a bookmark made then is on the page kept at its close', async () => {
    await closedArchive()
    const archive = await openArchive(dir)
    const top = archive.libraryPage(firstPageQuery).items[0]
    if (!top) throw new Error('no articles')
    await archive.setBookmark(top.id, !top.bookmarked)
    await archive.close()
    expect((await readFirstPage(dir))?.page.items[0]).toMatchObject({ id: top.id, bookmarked: !top.bookmarked })
  })

  it('is not used once a file it came from changed: a save after it, a crash before the next close', async () => {
    await closedArchive()
    // A save that was never followed by a close: the state journal grew.
    await appendFile(join(dir, journalPathOf(STATE_FILE)), '')
    expect(await readFirstPage(dir)).not.toBeNull()
    await appendFile(join(dir, journalPathOf(STATE_FILE)), '{"not":"read here"}\n')
    expect(await readFirstPage(dir)).toBeNull()
  })

  it('is not used when the catalogue was replaced with one of the same size (a restored copy)', async () => {
    await closedArchive()
    const path = join(dir, CATALOG_FILE)
    await writeFile(path, await readFile(path))
    const later = new Date(Date.now() + 5000)
    await utimes(path, later, later)
    expect(await readFirstPage(dir)).toBeNull()
  })

  it('is ignored when damaged, of another version or missing, without an error', async () => {
    await closedArchive()
    const path = join(dir, FIRST_PAGE_FILE)
    const good = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    for (const bad of ['', '{"version":1', '\u0000\u0001binary', JSON.stringify({ ...good, version: 2 }), JSON.stringify({ ...good, extra: true })]) {
      await writeFile(path, bad)
      expect(await readFirstPage(dir), bad.slice(0, 20)).toBeNull()
    }
    expect(await readFirstPage(join(dir, 'nowhere'))).toBeNull()
  })

  it('is not written by a read-only open (the command line reading while the app runs)', async () => {
    await closedArchive()
    await rm(join(dir, FIRST_PAGE_FILE))
    const readOnly = await openArchive(dir, { readOnly: true })
    await readOnly.close()
    expect(existsSync(join(dir, FIRST_PAGE_FILE))).toBe(false)
  })
})
