import { describe, expect, it } from 'vitest'
import { contentHashOf } from '../../../main/core/archive/archive'
import { decideReimport, isSameStory, normaliseStoryUrl, storyKeysOf, type ArchivedStory } from '../../../main/core/web/storyKey'

describe('recognising the same page address', () => {
  it.each([
    ['https://www.Kabar.example/2024/03/perahu?utm_source=rss&utm_medium=feed#komentar', 'kabar.example/2024/03/perahu'],
    ['http://kabar.example:80/2024/03/perahu/', 'kabar.example/2024/03/perahu'],
    ['https://kabar.example/berita?id=7&page=all&fbclid=abc', 'kabar.example/berita?id=7&page=all'],
    ['https://kabar.example/berita?page=all&id=7', 'kabar.example/berita?id=7&page=all'],
    ['https://kabar.example:8443/', 'kabar.example:8443'],
  ])('%s → %s', (url, key) => {
    expect(normaliseStoryUrl(url)).toBe(key)
  })

  it('has no key for non-web addresses', () => {
    expect(normaliseStoryUrl('javascript:alert(1)')).toBeNull()
    expect(normaliseStoryUrl('not a url')).toBeNull()
  })
})

describe('recognising a story imported again', () => {
  const saved = { url: 'https://kabar.example/2024/03/perahu', title: 'Perahu listrik mulai melayani warga', publishedAt: '2024-03-05T09:30:00+07:00' }

  it('by its address, whatever tracking was added', () => {
    expect(isSameStory(saved, { ...saved, url: 'https://www.kabar.example/2024/03/perahu/?utm_campaign=x#top', title: 'Other wording' })).toBe(true)
  })

  it('by its feed guid, only within the same feed', () => {
    const item = { feedId: 'f1', feedGuid: 'kp-1001', title: 'A', publishedAt: null }
    expect(isSameStory(item, { ...item, title: 'B' })).toBe(true)
    expect(isSameStory(item, { ...item, feedId: 'f2' })).toBe(false)
  })

  it('by a permalink guid matching a page saved by hand', () => {
    expect(isSameStory(saved, { feedId: 'f1', feedGuid: 'http://kabar.example/2024/03/perahu', title: 'x', publishedAt: null })).toBe(true)
  })

  it('by day, place and title when there is no address', () => {
    const dispatch = { title: 'Pemkot resmikan taman baca baru', publishedAt: '2024-03-02T09:15:00+07:00', dateline: { place: 'Bandung' } }
    expect(isSameStory(dispatch, { ...dispatch, title: '  PEMKOT resmikan — taman baca baru!', publishedAt: '2024-03-02T18:00:00+07:00' })).toBe(true)
    expect(isSameStory(dispatch, { ...dispatch, publishedAt: '2024-03-03T09:15:00+07:00' })).toBe(false)
    expect(isSameStory(dispatch, { ...dispatch, dateline: { place: 'Jakarta' } })).toBe(false)
  })

  it('not by a derived, short or undated title', () => {
    expect(storyKeysOf({ title: 'Pemkot resmikan taman baca baru', titleDerived: true, publishedAt: '2024-03-02T09:15:00+07:00' })).toEqual([])
    expect(storyKeysOf({ title: 'Update', publishedAt: '2024-03-02T09:15:00+07:00' })).toEqual([])
    expect(storyKeysOf({ title: 'Pemkot resmikan taman baca baru', publishedAt: null })).toEqual([])
  })
})

describe('deciding what a re-import becomes', () => {
  const article = { url: 'https://kabar.example/2024/03/perahu', title: 'Perahu listrik', titleDerived: false, publishedAt: null, paragraphs: ['Dua perahu listrik mulai beroperasi.'] }
  const index = new Map<string, ArchivedStory>()
  for (const key of storyKeysOf(article)) index.set(key, { articleId: 'a1b2c3d4e5f60718', contentHashes: [contentHashOf(article)] })
  const find = (key: string) => index.get(key) ?? null

  it('a new story', () => {
    expect(decideReimport({ ...article, url: 'https://kabar.example/other', contentHash: 'x' }, find)).toEqual({ kind: 'new' })
  })

  it('the same text again: nothing to store', () => {
    expect(decideReimport({ ...article, contentHash: contentHashOf(article) }, find)).toEqual({ kind: 'unchanged', articleId: 'a1b2c3d4e5f60718' })
  })

  it('a corrected text: a new version of the same article', () => {
    const corrected = { ...article, paragraphs: ['Tiga perahu listrik mulai beroperasi.'] }
    expect(decideReimport({ ...corrected, contentHash: contentHashOf(corrected) }, find)).toEqual({ kind: 'new-version', articleId: 'a1b2c3d4e5f60718' })
  })
})
