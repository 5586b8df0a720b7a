// A feed's retention rule as the Feeds view offers it: keep everything, the newest N articles,
// the articles of the last D days, or both limits at once (the newest N of the last D days).
import type { FeedRetention } from '../../../preload/contract'

export type RetentionMode = 'all' | 'last' | 'days' | 'both'

/** The limits a mode sets. */
export const limitsOf: Record<RetentionMode, readonly RetentionLimit[]> = { all: [], last: ['last'], days: ['days'], both: ['last', 'days'] }

export type RetentionLimit = 'last' | 'days'

export interface RetentionChoice {
  mode: RetentionMode
  /** N of "newest N" and D of "last D days"; both kept while another mode is picked, so switching back restores them. */
  last: number
  days: number
}

/** The limits of FeedRetention in the contract (the renderer imports it for types only). */
export const retentionLimits = { last: { min: 1, max: 100_000 }, days: { min: 1, max: 36_500 } } as const

export const defaultCounts = { last: 50, days: 30 } as const

/** How a stored rule shows. */
export function choiceOf(retention: FeedRetention): RetentionChoice {
  const last = retention.keepLast ?? defaultCounts.last
  const days = retention.keepDays ?? defaultCounts.days
  const has = { last: retention.keepLast !== undefined, days: retention.keepDays !== undefined }
  const mode: RetentionMode = has.last && has.days ? 'both' : has.last ? 'last' : has.days ? 'days' : 'all'
  return { mode, last, days }
}

/** Whether the number for `limit` is one the contract accepts. */
export function isValidCount(limit: RetentionLimit, count: number): boolean {
  const { min, max } = retentionLimits[limit]
  return Number.isInteger(count) && count >= min && count <= max
}

/** The rule to save, or null when a number the mode uses is not one the contract accepts. */
export function retentionOf(choice: RetentionChoice): FeedRetention | null {
  const limits = limitsOf[choice.mode]
  if (!limits.every((limit) => isValidCount(limit, choice[limit]))) return null
  return {
    ...(limits.includes('last') ? { keepLast: choice.last } : {}),
    ...(limits.includes('days') ? { keepDays: choice.days } : {}),
  }
}

/** Whether saving `choice` would change `retention`. */
export function changesRetention(retention: FeedRetention, choice: RetentionChoice): boolean {
  const next = retentionOf(choice)
  return next !== null && (next.keepLast !== retention.keepLast || next.keepDays !== retention.keepDays)
}
