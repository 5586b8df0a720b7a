// Reads the machine dates web pages and feeds carry (ISO 8601 in meta tags and JSON-LD,
// RFC 822 in RSS) into the ISO 8601 the contract stores, keeping the writer's offset when
// the source gave one ("+07:00" stays WIB rather than becoming UTC).

const ISO_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** RFC 822 as RSS writes it: "Tue, 05 Mar 2024 10:00:00 +0700". */
const RFC_822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|gmt|ut|utc|z)$/i
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const EARLIEST_YEAR = 1900
const LATEST_YEAR = 2200

/** ISO 8601 with an offset, or null when `raw` is not a date we can read with confidence. */
export function isoDateTimeOf(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? ''
  if (text === '' || text.length > 64) return null

  const iso = ISO_WITH_TIME.exec(text)
  if (iso) {
    const [, y, mo, d, h, mi, s = '00', zone] = iso as unknown as [string, string, string, string, string, string, string | undefined, string | undefined]
    // A time without a zone is taken as UTC: the page did not say, and UTC is at least stable.
    const offset = !zone || /^z$/i.test(zone) ? 'Z' : normaliseOffset(zone)
    const out = `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`
    return isPlausible(out) ? out : null
  }
  const dateOnly = ISO_DATE.exec(text)
  if (dateOnly) {
    const out = `${text}T00:00:00Z`
    return isPlausible(out) && new Date(out).toISOString().startsWith(text) ? out : null
  }
  const rfc = RFC_822.exec(text)
  const month = rfc ? MONTHS.indexOf((rfc[2] as string).toLowerCase()) + 1 : 0
  if (rfc && month > 0) {
    const [, d, , y, h, mi, s = '00', zone] = rfc as unknown as [string, string, string, string, string, string, string | undefined, string]
    const offset = /^[+-]/.test(zone) ? normaliseOffset(zone) : 'Z'
    const out = `${y}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}${offset}`
    return isPlausible(out) ? out : null
  }
  // Other near relatives of RFC 822 ("Tue, 5 Mar 2024 10:00 EST", "March 5, 2024"). Date.parse
  // accepts almost anything ("1" is 2001), so a four-digit year and a month name are required.
  if (!/\b\d{4}\b/.test(text) || !/[a-z]{3}/i.test(text)) return null
  const time = Date.parse(text)
  if (Number.isNaN(time)) return null
  const out = new Date(time).toISOString()
  return isPlausible(out) ? out : null
}

function normaliseOffset(zone: string): string {
  const digits = zone.replace(':', '')
  const sign = digits[0] as string
  const hours = digits.slice(1, 3)
  const minutes = digits.slice(3, 5) || '00'
  return `${sign}${hours}:${minutes}`
}

function isPlausible(iso: string): boolean {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return false
  const year = new Date(time).getUTCFullYear()
  // Rejects 2024-02-31 as well, which Date would roll over into March.
  const [, , month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) ?? []
  const local = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(month) - 1, Number(day)))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && local.getUTCDate() === Number(day) && local.getUTCMonth() === Number(month) - 1
}
