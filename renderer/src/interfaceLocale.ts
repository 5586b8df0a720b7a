// Dates and numbers follow the interface language, not the article's: an English reader of an
// Indonesian story sees "4 October 2024".
import type { Language } from '../../preload/contract'

/** The BCP 47 locale Intl formats with for each interface language. */
export const interfaceLocaleOf = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB')

/** A day, for the library list: "4 Okt 2024" / "4 Oct 2024". */
export function formatDay(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(interfaceLocaleOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

/** A day and time, for the reader and related news: "4 Oktober 2024 pukul 17.17" / "4 October 2024 at 17:17". */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(interfaceLocaleOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}
