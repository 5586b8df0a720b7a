import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDay, interfaceLocaleOf } from '../../renderer/src/interfaceLocale'

// 4 Oktober 2024 17:17 WIB, as the dispatch parser stores it.
const iso = '2024-10-04T17:17:00+07:00'

describe('dates in the interface language', () => {
  it('uses Indonesian and British English conventions', () => {
    expect(interfaceLocaleOf('id')).toBe('id-ID')
    expect(interfaceLocaleOf('en')).toBe('en-GB')
  })

  it('writes related-news dates with the Indonesian month name and time', () => {
    const text = formatDateTime(iso, 'id', 'Asia/Jakarta')
    expect(text).toContain('4 Oktober 2024')
    expect(text).toMatch(/17[.:]17/)
  })

  it('writes the same date in English for an English interface', () => {
    const text = formatDateTime(iso, 'en', 'Asia/Jakarta')
    expect(text).toContain('4 October 2024')
    expect(text).toContain('17:17')
  })

  it('shows the day in the reader’s own time zone', () => {
    // 01:30 on the 5th in Jakarta is still the 4th in UTC.
    expect(formatDay('2024-10-05T01:30:00+07:00', 'en', 'Asia/Jakarta')).toBe('5 Oct 2024')
    expect(formatDay('2024-10-05T01:30:00+07:00', 'en', 'UTC')).toBe('4 Oct 2024')
  })

  it('abbreviates months in the list', () => {
    expect(formatDay(iso, 'id', 'Asia/Jakarta')).toBe('4 Okt 2024')
  })

  it('shows a date the source gave without a time as that day, with no "00:00", in any zone', () => {
    // "JAKARTA, Jan 15 (Reuters)" is stored as midnight in Jakarta.
    for (const zone of ['UTC', 'America/New_York', 'Asia/Jakarta']) {
      expect(formatDateTime('2026-01-15T00:00:00+07:00', 'en', zone)).toBe('15 January 2026')
      expect(formatDay('2026-01-15T00:00:00+07:00', 'id', zone)).toBe('15 Jan 2026')
    }
    expect(formatDateTime('2026-01-15T00:00:00+07:00', 'id')).toBe('15 Januari 2026')
  })
})
