// The index following the archive as in the app: what an import announces is indexed once the
// imports pause (so a run of import calls is not held back by indexing between them), at the
// latest a while after the first, and at once when a search asks.
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { NewArticle } from '../../../main/core/archive/archive'
import { SearchIndex } from '../../../main/core/search/searchIndex'
import { archivesPerTest } from '../../helpers/tempArchive'

const archives = archivesPerTest()
const indexes: SearchIndex[] = []
afterEach(() => {
  for (const index of indexes.splice(0)) index.close()
})

/** A dispatch with a word of its own, so a search finds exactly it. */
const dispatch = (n: number): NewArticle => ({
  title: `Laporan cuaca nomor ${n}`,
  titleDerived: false,
  language: 'id',
  dateline: { place: 'Jakarta', agency: 'ANTARA' },
  publishedAt: `2024-05-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00+07:00`,
  paragraphs: [`Hujan deras turun di kota ${n}. Kata kunci khusus: penanda${n}.`],
  inlineRelated: [],
  related: [],
  credits: { reporter: null, editor: null, copyright: null },
  sourceName: `laporan-${n}.txt`,
})

async function followed(followDelays: { pauseMs: number; atLatestMs: number }) {
  const archive = await archives.open()
  const index = SearchIndex.open(archives.dir, { followDelays })
  indexes.push(index)
  await index.sync(archive)
  index.follow(archive)
  return { archive, index }
}

const found = (index: SearchIndex, word: string): string[] => index.search(word).items.map((hit) => hit.article.title)

describe('the index following imports', () => {
  it('leaves a run of import calls alone and indexes all of it once they pause', async () => {
    // A pause far longer than a call takes, even on a loaded machine.
    const { archive, index } = await followed({ pauseMs: 1000, atLatestMs: 60_000 })
    for (let call = 0; call < 4; call++) {
      await archive.addArticles([dispatch(call * 2), dispatch(call * 2 + 1)])
      // Nothing indexed between the calls: the next one is not kept waiting.
      expect(index.size).toBe(0)
    }
    await sleep(1600)
    expect(index.size).toBe(8)
    expect(found(index, 'penanda5')).toEqual(['Laporan cuaca nomor 5'])
  })

  it('indexes what was just imported at once when a search asks (settled)', async () => {
    const { archive, index } = await followed({ pauseMs: 60_000, atLatestMs: 60_000 })
    await archive.addArticles([dispatch(1), dispatch(2)])
    expect(index.size).toBe(0)
    await index.settled()
    expect(found(index, 'penanda2')).toEqual(['Laporan cuaca nomor 2'])
  })

  it('indexes a long stream of imports as it comes, not only when it stops', async () => {
    const { archive, index } = await followed({ pauseMs: 150, atLatestMs: 300 })
    const sizes: number[] = []
    for (let call = 0; call < 12; call++) {
      await archive.addArticles([dispatch(call)])
      await sleep(60)
      sizes.push(index.size)
    }
    // Calls every ~60 ms never pause for 150 ms; the first ones are indexed anyway.
    expect(sizes.some((size) => size > 0 && size < 12)).toBe(true)
    await index.settled()
    expect(index.size).toBe(12)
  })

  it('indexes an article as it is by then: removed ones not at all, a bookmark made meanwhile with it', async () => {
    const { archive, index } = await followed({ pauseMs: 60_000, atLatestMs: 60_000 })
    const [kept, removed] = (await archive.addArticles([dispatch(1), dispatch(2)])).map((o) => o.article.id) as [string, string]
    await archive.setBookmark(kept, true)
    await archive.removeArticles([removed])
    await index.settled()
    expect(index.size).toBe(1)
    expect(found(index, 'penanda1 is:bookmarked')).toEqual(['Laporan cuaca nomor 1'])
    expect(found(index, 'penanda2')).toEqual([])
  })

  it('still indexes what was announced when it stops following', async () => {
    const archive = await archives.open()
    const index = SearchIndex.open(archives.dir, { followDelays: { pauseMs: 60_000, atLatestMs: 60_000 } })
    indexes.push(index)
    const unfollow = index.follow(archive)
    await archive.addArticles([dispatch(3)])
    unfollow()
    await index.settled()
    expect(found(index, 'penanda3')).toEqual(['Laporan cuaca nomor 3'])
  })
})
