import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../preload/contract'
import { LibraryPages, type FetchPage, type LibraryFilter } from '../../renderer/src/libraryPages'

const summary = (i: number, bookmarked = false): ArticleSummary => ({
  id: i.toString(36).padStart(16, '0'),
  title: `Article ${i}`,
  language: i % 2 ? 'en' : 'id',
  dateline: { place: 'Jakarta', agency: 'ANTARA' },
  publishedAt: null,
  savedAt: '2024-01-01T00:00:00.000Z',
  bookmarked,
  read: false,
  annotationCount: i % 7 === 0 ? 2 : 0,
  noteCount: 0,
})

/** An archive of `size` articles behind the same paging rules as listArticles; records every call. */
function archiveOf(size: number) {
  const articles = Array.from({ length: size }, (_, i) => summary(i, i % 10 === 0))
  const calls: { filter: LibraryFilter; offset: number; limit: number }[] = []
  const fetchPage: FetchPage = async (query) => {
    calls.push(query)
    const matching =
      query.filter === 'bookmarked' ? articles.filter((a) => a.bookmarked) : query.filter === 'annotated' ? articles.filter((a) => a.annotationCount > 0) : articles
    return {
      ok: true,
      value: {
        items: matching.slice(query.offset, query.offset + query.limit).map((a) => ({ ...a })),
        total: matching.length,
        archiveTotal: articles.length,
        bookmarkedTotal: articles.filter((a) => a.bookmarked).length,
        annotatedTotal: articles.filter((a) => a.annotationCount > 0).length,
      },
    }
  }
  return { articles, calls, fetchPage }
}

describe('the library’s pages', () => {
  it('loads only the first page of a 100,000-article archive until more rows are shown', async () => {
    const archive = archiveOf(100_000)
    const pages = new LibraryPages(archive.fetchPage, 100)
    await pages.setFilter('all')
    expect(pages.getSnapshot()).toMatchObject({ loaded: true, total: 100_000, archiveTotal: 100_000, bookmarkedTotal: 10_000 })
    expect(archive.calls).toEqual([{ filter: 'all', sort: 'published', offset: 0, limit: 100 }])
    expect(pages.itemAt(99)?.title).toBe('Article 99')
    expect(pages.itemAt(100)).toBeUndefined()
  })

  it('fetches the pages that scroll into view, once each', async () => {
    const archive = archiveOf(100_000)
    const pages = new LibraryPages(archive.fetchPage, 100)
    await pages.setFilter('all')
    await Promise.all([pages.ensure(54_950, 55_020), pages.ensure(54_990, 55_030)])
    expect(archive.calls.map((c) => c.offset)).toEqual([0, 54_900, 55_000])
    expect(pages.itemAt(55_010)?.title).toBe('Article 55010')
  })

  it('switches to bookmarks from their first row', async () => {
    const archive = archiveOf(300)
    const pages = new LibraryPages(archive.fetchPage, 100)
    await pages.setFilter('all')
    await pages.setFilter('bookmarked')
    expect(pages.getSnapshot()).toMatchObject({ filter: 'bookmarked', total: 30 })
    expect(pages.itemAt(1)?.title).toBe('Article 10')
  })

  it('keeps showing the old rows while a refresh is on its way, then shows the new ones', async () => {
    const archive = archiveOf(5)
    const pages = new LibraryPages(archive.fetchPage, 100)
    await pages.setFilter('all')
    archive.articles.unshift(summary(99))
    const refreshed = pages.refresh()
    expect(pages.itemAt(0)?.title).toBe('Article 0')
    await refreshed
    expect(pages.itemAt(0)?.title).toBe('Article 99')
    expect(pages.getSnapshot().total).toBe(6)
  })

  it('ignores an answer that arrives after the filter changed', async () => {
    const archive = archiveOf(50)
    let release: () => void = () => {}
    const slow: FetchPage = async (query) => {
      if (query.filter === 'all') await new Promise<void>((r) => (release = r))
      return archive.fetchPage(query)
    }
    const pages = new LibraryPages(slow, 100)
    const first = pages.setFilter('all')
    await pages.setFilter('bookmarked')
    release()
    await first
    expect(pages.getSnapshot()).toMatchObject({ filter: 'bookmarked', total: 5 })
  })

  it('changes one row at once when it is bookmarked or read', async () => {
    const archive = archiveOf(3)
    const pages = new LibraryPages(archive.fetchPage, 100)
    await pages.setFilter('all')
    const before = pages.getSnapshot().version
    const id = summary(1).id
    pages.patch(id, { bookmarked: true, read: true })
    expect(pages.itemAt(1)).toMatchObject({ bookmarked: true, read: true })
    expect(pages.getSnapshot().version).toBeGreaterThan(before)
    expect(pages.indexOf(id)).toBe(1)
  })

  it('reports a failed call instead of throwing', async () => {
    const pages = new LibraryPages(async () => ({ ok: false, error: { code: 'ARCHIVE_CORRUPT', message: 'catalog.json is damaged' } }))
    await pages.setFilter('all')
    expect(pages.getSnapshot()).toMatchObject({ loaded: false, archiveKnown: false, error: { code: 'ARCHIVE_CORRUPT' } })
  })
})
