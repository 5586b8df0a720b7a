// A feed's retention rule as the Feeds view offers it: keep everything, the newest N articles,
// or the articles of the last N days — one at a time, the way people think of it.
import type { FeedRetention } from '../../../preload/contract'

export type RetentionMode = 'all' | 'last' | 'days'

export interface RetentionChoice {
  mode: RetentionMode
  /** The N of "newest N" or "last N days"; kept while another mode is picked, so switching back restores it. */
  count: number
}

/** The limits of FeedRetention in the contract (the renderer imports it for types only). */
export const retentionLimits = { last: { min: 1, max: 100_000 }, days: { min: 1, max: 36_500 } } as const

export const defaultCounts = { last: 50, days: 30 } as const

/** How a stored rule shows. A rule with both limits (set from the CLI) shows as its count limit. */
export function choiceOf(retention: FeedRetention): RetentionChoice {
  if (retention.keepLast !== undefined) return { mode: 'last', count: retention.keepLast }
  if (retention.keepDays !== undefined) return { mode: 'days', count: retention.keepDays }
  return { mode: 'all', count: defaultCounts.last }
}

/** The rule to save, or null when the number is not one the contract accepts. */
export function retentionOf(choice: RetentionChoice): FeedRetention | null {
  if (choice.mode === 'all') return {}
  const { min, max } = retentionLimits[choice.mode]
  if (!Number.isInteger(choice.count) || choice.count < min || choice.count > max) return null
  return choice.mode === 'last' ? { keepLast: choice.count } : { keepDays: choice.count }
}

/** Whether saving `choice` would change `retention`. */
export function changesRetention(retention: FeedRetention, choice: RetentionChoice): boolean {
  const next = retentionOf(choice)
  return next !== null && (next.keepLast !== retention.keepLast || next.keepDays !== retention.keepDays)
}
