// Refreshes the feeds every so often while the computer is online: one pass at a time (the
// feed service also runs refreshes one after another), none while offline, and the page told
// when a pass brought something new. No Electron import: `isOnline` is net.isOnline() in the app.
import type { FeedRefreshResult } from '../../preload/contract'

export interface FeedScheduleOptions {
  refresh: () => Promise<FeedRefreshResult[]>
  isOnline: () => boolean
  /** After a pass that saved or removed something. */
  onRefreshed: (results: FeedRefreshResult[]) => void
  log: (message: string, error?: unknown) => void
  /** Between passes; 30 minutes by default. */
  intervalMs?: number
  /** Before the first pass, so starting the app is not slowed; 1 minute by default. */
  firstDelayMs?: number
}

export const feedScheduleDefaults = { intervalMs: 30 * 60 * 1000, firstDelayMs: 60 * 1000 } as const

export function startFeedSchedule(options: FeedScheduleOptions): { stop: () => void } {
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const schedule = (ms: number): void => {
    if (stopped) return
    timer = setTimeout(() => void pass(), ms)
    // A pending refresh never keeps the app from quitting.
    timer.unref()
  }
  const pass = async (): Promise<void> => {
    try {
      if (options.isOnline()) {
        const results = await options.refresh()
        if (results.some((r) => r.added > 0 || r.newVersions > 0 || r.removed > 0)) options.onRefreshed(results)
      }
    } catch (e) {
      options.log('warta: refreshing the feeds failed', e)
    } finally {
      schedule(options.intervalMs ?? feedScheduleDefaults.intervalMs)
    }
  }
  schedule(options.firstDelayMs ?? feedScheduleDefaults.firstDelayMs)
  return {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
