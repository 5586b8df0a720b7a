import { describe, expect, it } from 'vitest'
import { articlesToDrop, type RetainedArticle } from '../../../main/core/feeds/retention'

const now = new Date('2024-06-30T12:00:00Z')
const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString()
/** Article i was published i days ago and saved the same day. */
const articles: RetainedArticle[] = Array.from({ length: 10 }, (_, i) => ({ articleId: `a${i}`, savedAt: day(i), publishedAt: day(i) }))
const none = () => false

describe('deciding which feed articles retention lets go', () => {
  it('drops nothing without a rule', () => {
    expect(articlesToDrop(articles, {}, now, none)).toEqual([])
  })

  it('keeps the newest N by publication date', () => {
    expect(articlesToDrop(articles, { keepLast: 3 }, now, none)).toEqual(['a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'])
  })

  it('drops what was saved longer ago than the days kept', () => {
    expect(articlesToDrop(articles, { keepDays: 7 }, now, none)).toEqual(['a8', 'a9'])
  })

  it('counts days from saving, so an old story fetched today stays', () => {
    const old = { articleId: 'old', publishedAt: '2019-01-01T00:00:00Z', savedAt: now.toISOString() }
    expect(articlesToDrop([old], { keepDays: 1 }, now, none)).toEqual([])
  })

  it('applies both rules together', () => {
    expect(articlesToDrop(articles, { keepLast: 8, keepDays: 5 }, now, none)).toEqual(['a6', 'a7', 'a8', 'a9'])
  })

  it('never drops a bookmarked or annotated article, and does not count it against keepLast', () => {
    const kept = new Set(['a0', 'a9'])
    expect(articlesToDrop(articles, { keepLast: 2, keepDays: 3 }, now, (id) => kept.has(id))).toEqual(['a3', 'a4', 'a5', 'a6', 'a7', 'a8'])
  })

  it('ranks an article without a publication date by when it was saved', () => {
    const undated = { articleId: 'undated', publishedAt: null, savedAt: day(0.5) }
    expect(articlesToDrop([...articles.slice(0, 3), undated], { keepLast: 2 }, now, none)).toEqual(['a1', 'a2'])
  })
})
