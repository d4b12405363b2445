import { describe, expect, it } from 'vitest'
import { cityDateOf, nextDate, startOfCityDay } from './city-time.ts'

describe('city calendar days', () => {
  it('starts a day at 00:00 WIB in Batu, which is 17:00 UTC the day before', () => {
    expect(startOfCityDay('2026-11-27', 'Asia/Jakarta').toISOString()).toBe('2026-11-26T17:00:00.000Z')
  })

  it('starts the same day an hour earlier in Palopo (WITA) and two hours earlier in WIT', () => {
    expect(startOfCityDay('2026-11-27', 'Asia/Makassar').toISOString()).toBe('2026-11-26T16:00:00.000Z')
    expect(startOfCityDay('2026-11-27', 'Asia/Jayapura').toISOString()).toBe('2026-11-26T15:00:00.000Z')
  })

  it('puts 16:30 UTC on the next day in Palopo but the same day in Batu', () => {
    const instant = new Date('2026-11-27T16:30:00Z')
    expect(cityDateOf(instant, 'Asia/Makassar')).toBe('2026-11-28')
    expect(cityDateOf(instant, 'Asia/Jakarta')).toBe('2026-11-27')
  })

  it('rolls over month and year ends', () => {
    expect(nextDate('2026-11-30')).toBe('2026-12-01')
    expect(nextDate('2026-12-31')).toBe('2027-01-01')
    expect(nextDate('2028-02-28')).toBe('2028-02-29')
  })
})
