import { describe, expect, it } from 'vitest'
import { isoDateTimeOf } from '../../../main/core/web/isoDateTime'

describe('reading machine dates from pages and feeds', () => {
  it.each([
    ['2024-03-05T10:00:00+07:00', '2024-03-05T10:00:00+07:00'],
    ['2024-03-05T10:00:00.123+0700', '2024-03-05T10:00:00+07:00'],
    ['2024-03-05 10:00', '2024-03-05T10:00:00Z'],
    ['2024-03-05T03:00:00Z', '2024-03-05T03:00:00Z'],
    ['2024-03-05', '2024-03-05T00:00:00Z'],
    ['Tue, 05 Mar 2024 10:00:00 +0700', '2024-03-05T10:00:00+07:00'],
    ['5 Mar 2024 10:00 GMT', '2024-03-05T10:00:00Z'],
    ['March 5, 2024 10:00 UTC', '2024-03-05T10:00:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(isoDateTimeOf(raw)).toBe(iso)
  })

  it.each(['', 'yesterday', '1', '2024-02-31', '2024-13-01T00:00:00Z', '0001-01-01', 'Tue, 35 Mar 2024 10:00:00 +0700'])('refuses %j', (raw) => {
    expect(isoDateTimeOf(raw)).toBeNull()
  })
})
