// "5 minutes ago" / "5 menit yang lalu" for recent moments, the date itself for older ones:
// how long ago a feed was refreshed matters more than when, until it is days old.
import type { Language } from '../../../preload/contract'
import { formatDateTime, formatDay, interfaceLocaleOf } from '../interfaceLocale'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Relative within a week ("now", "12 minutes ago", "yesterday"), else the day ("4 Oct 2024"). */
export function formatSince(iso: string, now: Date, language: Language): string {
  const then = Date.parse(iso)
  if (!Number.isFinite(then)) return ''
  const ago = now.getTime() - then
  // A clock a little ahead of the server's still says "now", not "in 3 seconds".
  if (ago < MINUTE) return new Intl.RelativeTimeFormat(interfaceLocaleOf(language), { numeric: 'auto' }).format(0, 'second')
  const relative = new Intl.RelativeTimeFormat(interfaceLocaleOf(language), { numeric: 'auto' })
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute')
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour')
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), 'day')
  return formatDay(iso, language)
}

/** The full date and time, for a tooltip beside formatSince. */
export const formatMoment = (iso: string, language: Language): string => formatDateTime(iso, language)
