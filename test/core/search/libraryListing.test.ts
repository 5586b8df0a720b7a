import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LibraryListing, type ListableRecord } from '../../../main/core/search/libraryListing'

const record = (id: string, title: string, publishedAt: string | null, savedAt: string, agency: string | null = 'ANTARA'): ListableRecord => ({
  id,
  title,
  language: id.startsWith('e') ? 'en' : 'id',
  dateline: { place: null, agency },
  publishedAt,
  savedAt,
})

const records = [
  record('a1', 'Zebra lepas', '2024-03-01T10:00:00+07:00', '2024-05-01T00:00:00Z'),
  record('a2', 'Ábaca dipanen', null, '2024-04-01T00:00:00Z', 'ANTARA News'),
  record('e3', 'Market opens', '2024-06-01T10:00:00+07:00', '2024-06-02T00:00:00Z', 'Reuters'),
  record('a4', 'banjir surut', '2023-12-31T23:00:00+07:00', '2024-01-10T00:00:00Z', null),
]
const bookmarked = new Set(['a2', 'e3'])
const flags = { isBookmarked: (id: string) => bookmarked.has(id), isRead: (id: string) => id === 'a1', hasNote: () => false }
const ids = (page: { items: ListableRecord[] }): string[] => page.items.map((r) => r.id)

describe('the library listing', () => {
  const listing = new LibraryListing(records)

  it('sorts by story date (published, else saved), saved date or title', () => {
    expect(ids(listing.page({ sort: 'newest', offset: 0, limit: 10 }, flags))).toEqual(['e3', 'a2', 'a1', 'a4'])
    expect(ids(listing.page({ sort: 'oldest', offset: 0, limit: 10 }, flags))).toEqual(['a4', 'a1', 'a2', 'e3'])
    expect(ids(listing.page({ sort: 'savedNewest', offset: 0, limit: 10 }, flags))).toEqual(['e3', 'a1', 'a2', 'a4'])
    // Case and accents do not decide the title order.
    expect(ids(listing.page({ sort: 'title', offset: 0, limit: 10 }, flags))).toEqual(['a2', 'a4', 'e3', 'a1'])
  })

  it('filters on live flags, language and source, and counts all matches', () => {
    expect(listing.page({ sort: 'newest', filter: { bookmarked: true }, offset: 0, limit: 1 }, flags)).toEqual({ items: [records[2]], total: 2 })
    expect(ids(listing.page({ sort: 'newest', filter: { read: false, language: 'id' }, offset: 0, limit: 10 }, flags))).toEqual(['a2', 'a4'])
    expect(ids(listing.page({ sort: 'newest', filter: { source: 'antara' }, offset: 0, limit: 10 }, flags))).toEqual(['a2', 'a1'])
    bookmarked.add('a4')
    expect(listing.page({ sort: 'newest', filter: { bookmarked: true }, offset: 2, limit: 10 }, flags).items.map((r) => r.id)).toEqual(['a4'])
  })
})

describe('the first page of a date order', () => {
  it('is the same picked from the dates as written as from a full sort, whatever the time zones', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    // Days close together and offsets up to a day either way, so the written day often misleads.
    const iso = fc
      .tuple(fc.integer({ min: 1, max: 9 }), two(23), two(59), fc.constantFrom('Z', '+07:00', '+14:00', '-12:00', '+23:59', '-23:59', '+09:30'))
      .map(([d, h, m, z]) => `2024-03-0${d}T${h}:${m}:00${z}`)
    const listed = fc.array(fc.record({ published: fc.option(iso), saved: iso }), { minLength: 41, maxLength: 80 })
    fc.assert(
      fc.property(listed, fc.constantFrom('newest', 'oldest', 'savedNewest', 'savedOldest') as fc.Arbitrary<'newest' | 'oldest' | 'savedNewest' | 'savedOldest'>, (rows, sort) => {
        const recs = rows.map((r, i) => record(`a${String(i).padStart(3, '0')}`, `T${i}`, r.published, r.saved))
        const partial = new LibraryListing(recs)
        const full = new LibraryListing(recs)
        full.order(sort)
        expect(ids(partial.page({ sort, offset: 0, limit: 10 }, flags))).toEqual(ids(full.page({ sort, offset: 0, limit: 10 }, flags)))
      }),
      { numRuns: 500 },
    )
  })
})
