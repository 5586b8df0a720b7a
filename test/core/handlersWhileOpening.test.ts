// The table a window talks to while the archive opens (handlersWhileOpening.ts): with a first
// page kept at the last close, the language and that page come at once and the archive is read
// only after; every other call waits for the real archive and gets its answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openArchive, type Archive } from '../../main/core/archive/archive'
import { firstPageQuery, readFirstPage, type FirstPage } from '../../main/core/archive/firstPage'
import { createHandlers } from '../../main/core/handlers'
import { handlersWhileOpening } from '../../main/core/handlersWhileOpening'
import { AppError } from '../../main/core/errors'
import { samplesDir, tempDir } from '../helpers/tempArchive'
import { sampleArticle } from './archive/sampleArticles'

let dir: string
let cleanup: () => Promise<void>
let opened: Archive | null = null
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  const archive = await openArchive(dir)
  await archive.addArticles(Array.from({ length: 120 }, (_, n) => sampleArticle(n)))
  await archive.setLanguage('id')
  await archive.close()
})
afterEach(async () => {
  await opened?.close()
  opened = null
  await cleanup()
})

/** The real open, counted. */
function opener(): { open: () => Promise<{ handlers: ReturnType<typeof createHandlers> }>; calls: () => number } {
  let calls = 0
  return {
    open: async () => {
      calls++
      opened = await openArchive(dir)
      return { handlers: createHandlers({ archive: opened, systemLocale: 'en-US', samplesDir }) }
    },
    calls: () => calls,
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('while the archive opens', () => {
  it('answers the language and the first page from the kept page, then starts reading the archive', async () => {
    const firstPage = await readFirstPage(dir)
    expect(firstPage).not.toBeNull()
    const { open, calls } = opener()
    const { handlers, ready } = handlersWhileOpening({ open, firstPage, systemLocale: 'en-US' })
    expect(await handlers.getSettings({})).toEqual({ language: 'id' })
    const page = await handlers.listArticles(firstPageQuery)
    expect(calls()).toBe(0)
    expect(page.items).toHaveLength(100)
    await nextTask()
    expect(calls()).toBe(1)
    const { handlers: real } = await ready
    expect(page).toEqual(await real.listArticles(firstPageQuery))
  })

  it('the other questions a window asks at start do not hold up its first page: reading starts once it is served', async () => {
    const { open, calls } = opener()
    const { handlers } = handlersWhileOpening({ open, firstPage: await readFirstPage(dir), systemLocale: 'en-US' })
    const report = handlers.getRecoveryReport({})
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(calls()).toBe(0)
    await handlers.listArticles(firstPageQuery)
    expect(calls()).toBe(0)
    await nextTask()
    expect(calls()).toBe(1)
    expect(await report).toEqual({ items: [], seen: 0 })
  })

  it('sends every other call to the archive, which it opens for it', async () => {
    const { open, calls } = opener()
    const { handlers } = handlersWhileOpening({ open, firstPage: await readFirstPage(dir), systemLocale: 'en-US' })
    const second = await handlers.listArticles({ ...firstPageQuery, offset: 100 })
    expect(calls()).toBe(1)
    expect(second).toMatchObject({ total: 120 })
    expect(second.items).toHaveLength(20)
    const bookmarked = await handlers.listArticles({ ...firstPageQuery, filter: 'bookmarked' })
    expect(bookmarked.total).toBe(0)
  })

  it('once open, answers from the archive, not from what was kept', async () => {
    const { open } = opener()
    const firstPage = (await readFirstPage(dir)) as FirstPage
    const { handlers, ready } = handlersWhileOpening({ open, firstPage, systemLocale: 'en-US' })
    const { handlers: real } = await (handlers.listArticles({ ...firstPageQuery, offset: 100 }), ready)
    await real.setLanguage({ language: 'en' })
    const top = firstPage.page.items[0]
    if (!top) throw new Error('no articles')
    await real.setBookmark({ articleId: top.id, bookmarked: true })
    expect(await handlers.getSettings({})).toEqual({ language: 'en' })
    expect((await handlers.listArticles(firstPageQuery)).items[0]).toMatchObject({ id: top.id, bookmarked: true })
  })

  it('opens at once when nothing was kept, and every call waits for it', async () => {
    const { open, calls } = opener()
    const { handlers } = handlersWhileOpening({ open, firstPage: null, systemLocale: 'id-ID' })
    await nextTask()
    expect(calls()).toBe(1)
    expect((await handlers.listArticles(firstPageQuery)).archiveTotal).toBe(120)
    expect(await handlers.getSettings({})).toEqual({ language: 'id' })
  })

  it('opens after a while even if the window never asks for its first page', async () => {
    const firstPage = await readFirstPage(dir)
    const { open, calls } = opener()
    vi.useFakeTimers()
    let ready: Promise<unknown>
    try {
      ;({ ready } = handlersWhileOpening({ open, firstPage, systemLocale: 'en-US', startAfterMs: 1500 }))
      await vi.advanceTimersByTimeAsync(1499)
      expect(calls()).toBe(0)
      await vi.advanceTimersByTimeAsync(1)
      expect(calls()).toBe(1)
    } finally {
      vi.useRealTimers()
    }
    await ready
  })

  it('let go before reading started (the app quits at once): nothing is opened, waiting calls fail', async () => {
    const { open, calls } = opener()
    const { handlers, letGo } = handlersWhileOpening({ open, firstPage: await readFirstPage(dir), systemLocale: 'en-US' })
    const waiting = handlers.getRecoveryReport({})
    expect(await letGo()).toBeNull()
    await expect(waiting).rejects.toMatchObject({ code: 'INTERNAL' })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(calls()).toBe(0)
  })

  it('let go once reading started: waits for the open and hands over what was opened, to be closed', async () => {
    const { open, calls } = opener()
    const { letGo } = handlersWhileOpening({ open, firstPage: null, systemLocale: 'en-US' })
    await nextTask()
    expect(calls()).toBe(1)
    const opened = await letGo()
    expect(opened?.handlers).toBeDefined()
  })

  it('an archive that cannot be opened fails every call that needs it with its error', async () => {
    const refused = new AppError('ARCHIVE_LOCKED', 'Another Warta has this archive open')
    const { handlers, ready } = handlersWhileOpening({ open: () => Promise.reject(refused), firstPage: await readFirstPage(dir), systemLocale: 'en-US' })
    // The kept page is still shown; the rest says why it cannot go on.
    expect((await handlers.listArticles(firstPageQuery)).archiveTotal).toBe(120)
    await expect(handlers.getArticle({ articleId: 'a'.repeat(16) })).rejects.toBe(refused)
    await expect(ready).rejects.toBe(refused)
  })
})
