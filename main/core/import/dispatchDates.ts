// Reads the dates wire dispatches print — "4 Oktober 2024 17:17", "October 4, 2024 5:17 PM",
// "Senin, 9 Mei 2024 16.32 WIB", "Jan 15" in a dateline — into ISO 8601 with an offset.

/** WIB: Indonesian agencies print local Jakarta time unless they say otherwise. */
export const WIB = '+07:00'
export const UTC = '+00:00'

const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  wib: '+07:00',
  wita: '+08:00',
  wit: '+09:00',
  utc: '+00:00',
  gmt: '+00:00',
}

// Indonesian and English names with the abbreviations newsrooms use; longest first so an
// alternation never settles for a prefix.
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
]

const MONTH_OF: ReadonlyMap<string, number> = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)))
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?(?![\\p{L}])`
const WEEKDAY =
  "(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+"

const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\s+${MONTH}\\s*,?\\s*(\\d{4})(?!\\d)`, 'iu')
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'iu')
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/
const LEADING_WEEKDAY = new RegExp(`^${WEEKDAY}`, 'iu')
// Whatever may stand between the date and the time: "4 Oktober 2024, pukul 17.17 WIB".
const TIME_AND_ZONE =
  /^(?:\s*(?:,|\||-|–|—|pukul|jam|at|T)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?)?\s*(wib|wita|wit|utc|gmt)?\s*$/iu

// Dateline dates carry no year: "Jan 15", "15 Jan", "Jan. 15, 2024", "15/1".
const DATELINE_MONTH_DAY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?$`, 'iu')
const DATELINE_DAY_MONTH = new RegExp(`^(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?$`, 'iu')
const DATELINE_NUMERIC = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/

interface CalendarDate {
  year: number
  month: number
  day: number
}

/**
 * A line that is nothing but a date (optionally a weekday, a time and a zone), as ISO 8601.
 * Times without a zone are WIB; a date without a time is midnight WIB. Null when the line
 * holds anything else or names an impossible date.
 */
export function parseDateLine(line: string, defaultOffset: string = WIB): string | null {
  const text = line.trim().replace(LEADING_WEEKDAY, '')
  const date = readDate(text)
  if (!date) return null
  const time = TIME_AND_ZONE.exec(text.slice(date.length))
  if (!time) return null
  const [, h, min, sec, meridiem, zone] = time
  let hour = h === undefined ? 0 : Number(h)
  const minute = min === undefined ? 0 : Number(min)
  const second = sec === undefined ? 0 : Number(sec)
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  const offset = zone ? (ZONE_OFFSETS[zone.toLowerCase()] ?? defaultOffset) : defaultOffset
  return `${isoDate(date.value)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`
}

/**
 * Splits "Title – 4 Oktober 2024 17:17" or "Title (October 4, 2024)" into the title and the
 * date; null when the line does not end in a date.
 */
export function splitTrailingDate(line: string): { title: string; publishedAt: string } | null {
  // Every date parseDateLine() reads has a four-digit year; without one, no split can succeed.
  if (!/\d{4}/.test(line)) return null
  // The earliest split that still reads as a date keeps a leading weekday with the date.
  for (const match of line.matchAll(/\s/g)) {
    const title = line.slice(0, match.index).replace(/\s*[-–—|,(]\s*$/, '').trim()
    if (!title) continue
    const rawTail = line.slice(match.index + 1)
    const tail = rawTail.replace(/^[-–—|,(\s]+/, '').replace(/\)\s*$/, '')
    // "… pada 19 Maret 2024" is a title about a date; only a separator or a clock time marks a date line.
    const separated = /[-–—|,(]\s*$/.test(line.slice(0, match.index)) || rawTail !== tail.trimStart() || /\d[:.]\d{2}/.test(tail)
    const publishedAt = separated ? parseDateLine(tail) : null
    if (publishedAt) return { title, publishedAt }
  }
  return null
}

/**
 * The date in a dateline such as "Jan 15" or "15 Januari 2024", as midnight at `offset`.
 * A missing year is the latest one that does not put the date in the future of `now`
 * (with a day's slack, since the dispatch's zone may be ahead of ours).
 */
export function parseDatelineDate(text: string, now: Date, offset: string): string | null {
  const parts = readDatelineParts(text.trim())
  if (!parts) return null
  const { month, day } = parts
  let year = parts.year
  if (year === null) {
    const today = new Date(now.getTime() + 14 * 60 * 60 * 1000)
    const todayKey = today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate()
    // Looking back up to eight years finds the last 29 February too.
    for (let y = today.getUTCFullYear(); y > today.getUTCFullYear() - 8; y--) {
      if (isValidDate({ year: y, month, day }) && y * 10_000 + month * 100 + day <= todayKey) {
        year = y
        break
      }
    }
    if (year === null) return null
  }
  const date = { year, month, day }
  return isValidDate(date) ? `${isoDate(date)}T00:00:00${offset}` : null
}

/** Whether text is a dateline date at all, whatever its year; lets the parser split "JAKARTA, Jan 15". */
export function isDatelineDate(text: string): boolean {
  return readDatelineParts(text.trim()) !== null
}

function readDatelineParts(text: string): { year: number | null; month: number; day: number } | null {
  let m = DATELINE_MONTH_DAY.exec(text)
  if (m) return datelineParts(monthOf(m[1]), m[2], m[3])
  m = DATELINE_DAY_MONTH.exec(text)
  if (m) return datelineParts(monthOf(m[2]), m[1], m[3])
  m = DATELINE_NUMERIC.exec(text)
  // Indonesian papers write day/month ("15/1"), the only order this form appears in.
  if (m) return datelineParts(Number(m[2]), m[1], m[3])
  return null
}

function datelineParts(month: number, day: string | undefined, year: string | undefined) {
  const d = Number(day)
  if (month < 1 || month > 12 || !(d >= 1 && d <= 31)) return null
  return { year: year === undefined ? null : Number(year), month, day: d }
}

function readDate(text: string): { value: CalendarDate; length: number } | null {
  let m = DAY_MONTH_YEAR.exec(text)
  if (m) return checked({ year: Number(m[3]), month: monthOf(m[2]), day: Number(m[1]) }, m[0].length)
  m = MONTH_DAY_YEAR.exec(text)
  if (m) return checked({ year: Number(m[3]), month: monthOf(m[1]), day: Number(m[2]) }, m[0].length)
  m = ISO_DATE.exec(text)
  if (m) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m[0].length)
  return null
}

function checked(value: CalendarDate, length: number): { value: CalendarDate; length: number } | null {
  return isValidDate(value) ? { value, length } : null
}

function monthOf(name: string | undefined): number {
  return MONTH_OF.get((name ?? '').toLowerCase().replace(/\.$/, '')) ?? 0
}

function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoDate({ year, month, day }: CalendarDate): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
