// The Feeds view's logic: "Refresh all" one feed at a time against the real handlers and a
// local site (a broken feed never stops the others), the keep rule as the view offers it, and
// "refreshed 5 minutes ago" in both languages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { FeedRefreshResult, FeedSummary, Result } from '../../preload/contract'
import { invoke } from '../../main/core/invoke'
import { changesRetention, choiceOf, isValidCount, retentionOf, type RetentionChoice } from '../../renderer/src/feeds/feedRetention'
import { refreshEach, type RefreshProgress } from '../../renderer/src/feeds/refreshEach'
import { formatSince } from '../../renderer/src/feeds/relativeTime'
import { fixture, startLocalSite, type LocalSite } from '../core/web/localSite'
import { tempHost, type TempHost } from '../helpers/tempArchive'

let site: LocalSite
let host: TempHost
let feedBroken = false

beforeAll(async () => {
  site = await startLocalSite({
    '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml; charset=utf-8'),
    '/feeds/atom.xml': (req, res, s) => {
      if (feedBroken) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('down')
        return
      }
      return fixture('feeds/atom.xml', 'application/atom+xml')(req, res, s)
    },
    '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    '/pages/article-meta.html': fixture('pages/article-meta.html', 'text/html; charset=utf-8'),
  })
})
afterAll(() => site.close())

beforeEach(async () => {
  feedBroken = false
  host = await tempHost({ search: false })
})
afterEach(() => host.cleanup())

const call = async <T>(method: string, input: unknown): Promise<Result<T>> => (await invoke(host.handlers, method as never, input, { log: () => {} })) as Result<T>

describe('refreshing every feed, one at a time', () => {
  it('says which feed it is on, sums up what came in, and goes on past a feed that fails', async () => {
    const rss = await call<{ feed: FeedSummary }>('addFeed', { url: site.url('/feeds/rss.xml') })
    const atom = await call<{ feed: FeedSummary }>('addFeed', { url: site.url('/feeds/atom.xml') })
    if (!rss.ok || !atom.ok) throw new Error('could not subscribe')
    feedBroken = true
    const progress: RefreshProgress[] = []
    const summary = await refreshEach(
      [atom.value.feed.id, rss.value.feed.id],
      (feedId) => call<{ results: FeedRefreshResult[]; feeds: FeedSummary[] }>('refreshFeeds', { feedId }),
      (p) => progress.push(p),
    )
    expect(progress).toEqual([
      { done: 0, total: 2, current: atom.value.feed.id },
      { done: 1, total: 2, current: rss.value.feed.id },
      { done: 2, total: 2, current: null },
    ])
    expect(summary.failed.map((f) => [f.feedId, f.error.code])).toEqual([[atom.value.feed.id, 'HTTP_STATUS']])
    // Everything was already saved when subscribing: nothing new the second time.
    expect(summary.added).toBe(0)
    expect(summary.feeds?.find((f) => f.id === atom.value.feed.id)?.lastError?.code).toBe('HTTP_STATUS')
    expect(summary.feeds?.find((f) => f.id === rss.value.feed.id)?.lastError).toBeNull()
  })

  it('counts a call main refused as a failed feed', async () => {
    const summary = await refreshEach(['0123456789abcdef'], (feedId) => call('refreshFeeds', { feedId }))
    expect(summary.failed.map((f) => f.error.code)).toEqual(['NOT_FOUND'])
    expect(summary.feeds).toBeNull()
  })
})

describe('the keep rule', () => {
  const choice = (mode: RetentionChoice['mode'], last = 50, days = 30): RetentionChoice => ({ mode, last, days })

  it('shows a stored rule as one choice, both limits included, and saves a choice as the contract’s rule', () => {
    expect(choiceOf({})).toEqual(choice('all'))
    expect(choiceOf({ keepLast: 20 })).toEqual(choice('last', 20))
    expect(choiceOf({ keepDays: 7 })).toEqual(choice('days', 50, 7))
    expect(choiceOf({ keepLast: 20, keepDays: 7 })).toEqual(choice('both', 20, 7))
    expect(retentionOf(choice('all', 5))).toEqual({})
    expect(retentionOf(choice('last', 20))).toEqual({ keepLast: 20 })
    expect(retentionOf(choice('days', 20, 30))).toEqual({ keepDays: 30 })
    expect(retentionOf(choice('both', 20, 30))).toEqual({ keepLast: 20, keepDays: 30 })
  })

  it('gives back a rule with both limits unchanged when it is saved as shown', () => {
    const stored = { keepLast: 200, keepDays: 14 }
    expect(retentionOf(choiceOf(stored))).toEqual(stored)
    expect(changesRetention(stored, choiceOf(stored))).toBe(false)
  })

  it('refuses numbers the contract would refuse, so Save stays off', () => {
    for (const count of [0, -1, 2.5, Number.NaN, 100_001]) expect(retentionOf(choice('last', count)), String(count)).toBeNull()
    expect(retentionOf(choice('days', 50, 36_501))).toBeNull()
    expect(retentionOf(choice('days', 50, 36_500))).toEqual({ keepDays: 36_500 })
    // A number only another mode uses does not matter.
    expect(retentionOf(choice('days', 0, 7))).toEqual({ keepDays: 7 })
    expect(retentionOf(choice('both', 0, 7))).toBeNull()
    expect(isValidCount('days', 36_500)).toBe(true)
  })

  it('knows when a choice changes the rule', () => {
    expect(changesRetention({ keepLast: 20 }, choice('last', 20))).toBe(false)
    expect(changesRetention({ keepLast: 20 }, choice('last', 21))).toBe(true)
    expect(changesRetention({ keepLast: 20 }, choice('all', 20))).toBe(true)
    expect(changesRetention({ keepLast: 20 }, choice('both', 20, 30))).toBe(true)
    expect(changesRetention({}, choice('all', 50))).toBe(false)
    expect(changesRetention({}, choice('days', 50, 0))).toBe(false)
  })

  it('is accepted by main as the view saves it', async () => {
    const added = await call<{ feed: FeedSummary }>('addFeed', { url: site.url('/feeds/rss.xml') })
    if (!added.ok) throw new Error(added.error.message)
    const rule = retentionOf({ mode: 'last', last: 1, days: 30 })
    const saved = await call<{ feed: FeedSummary; removedArticles: number }>('setFeedRetention', { feedId: added.value.feed.id, retention: rule })
    expect(saved.ok && saved.value.feed.retention).toEqual({ keepLast: 1 })
    expect(saved.ok && saved.value.removedArticles).toBe(1)
    expect(choiceOf(saved.ok ? saved.value.feed.retention : {})).toEqual({ mode: 'last', last: 1, days: 30 })
  })
})

describe('when a feed was last refreshed', () => {
  const now = new Date('2024-10-04T10:00:00Z')
  it('is said relatively within a week, in the interface language', () => {
    expect(formatSince('2024-10-04T09:59:30Z', now, 'en')).toBe('now')
    expect(formatSince('2024-10-04T09:48:00Z', now, 'en')).toBe('12 minutes ago')
    expect(formatSince('2024-10-04T09:48:00Z', now, 'id')).toBe('12 menit yang lalu')
    expect(formatSince('2024-10-04T07:00:00Z', now, 'en')).toBe('3 hours ago')
    expect(formatSince('2024-10-03T08:00:00Z', now, 'en')).toBe('yesterday')
    expect(formatSince('2024-10-03T08:00:00Z', now, 'id')).toBe('kemarin')
  })

  it('becomes the date once it is older than a week', () => {
    expect(formatSince('2024-09-01T12:00:00Z', now, 'en')).toBe('1 Sept 2024')
    expect(formatSince('2024-09-01T12:00:00Z', now, 'id')).toBe('1 Sep 2024')
  })
})
