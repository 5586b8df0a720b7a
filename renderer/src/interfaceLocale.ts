// Dates and numbers follow the interface language, not the article's: an English reader of an
// Indonesian story sees "4 October 2024".
import type { Language } from '../../preload/contract'

/** The BCP 47 locale Intl formats with for each interface language. */
export const interfaceLocaleOf = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB')

/**
 * The calendar day of a date the source gave without a time ("JAKARTA, Jan 15 (Reuters)"): the
 * importer stores it as midnight in the source's offset. Shown in the reader's own zone it could
 * fall on the day before, and "at 00:00" would claim a time nobody gave — so it is shown as the
 * bare day.
 */
function dayWithoutTime(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:\d{2})$/.exec(iso)
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
}

/** A day, for the library list: "4 Okt 2024" / "4 Oct 2024". */
export function formatDay(iso: string, language: Language, timeZone?: string): string {
  const day = dayWithoutTime(iso)
  if (day) return new Intl.DateTimeFormat(interfaceLocaleOf(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day)
  return new Intl.DateTimeFormat(interfaceLocaleOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

/** A day and time, for the reader and related news: "4 Oktober 2024 pukul 17.17" / "4 October 2024 at 17:17". */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const day = dayWithoutTime(iso)
  if (day) return new Intl.DateTimeFormat(interfaceLocaleOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(day)
  return new Intl.DateTimeFormat(interfaceLocaleOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}
