// "Refresh all" one feed at a time, so the view can say how far it has come ("2 of 5") and a
// slow feed shows as the one being waited for. Failures of one feed never stop the others.
import type { AppErrorData, FeedRefreshResult, FeedSummary, Result } from '../../../preload/contract'

export type RefreshOne = (feedId: string) => Promise<Result<{ results: FeedRefreshResult[]; feeds: FeedSummary[] }>>

export interface RefreshProgress {
  done: number
  total: number
  /** The feed being fetched now; null once finished. */
  current: string | null
}

export interface RefreshSummary {
  /** New articles saved, across every feed. */
  added: number
  newVersions: number
  removed: number
  /** Feeds that could not be read, with why. */
  failed: { feedId: string; error: AppErrorData }[]
  /** The list as main had it after the last call, when any call succeeded. */
  feeds: FeedSummary[] | null
}

export async function refreshEach(feedIds: readonly string[], refresh: RefreshOne, onProgress?: (progress: RefreshProgress) => void): Promise<RefreshSummary> {
  const summary: RefreshSummary = { added: 0, newVersions: 0, removed: 0, failed: [], feeds: null }
  for (const [i, feedId] of feedIds.entries()) {
    onProgress?.({ done: i, total: feedIds.length, current: feedId })
    const result = await refresh(feedId)
    if (!result.ok) {
      summary.failed.push({ feedId, error: result.error })
      continue
    }
    summary.feeds = result.value.feeds
    for (const r of result.value.results) {
      summary.added += r.added
      summary.newVersions += r.newVersions
      summary.removed += r.removed
      if (r.error) summary.failed.push({ feedId: r.feedId, error: r.error })
    }
  }
  onProgress?.({ done: feedIds.length, total: feedIds.length, current: null })
  return summary
}
