import { describe, expect, it } from 'vitest'
import { cityWallClock } from './city-time.ts'

describe("the time on a receipt, in the city's zone", () => {
  const instant = new Date('2026-11-28T16:59:59.900Z')

  it('reads the same instant as WIB, WITA and WIT', () => {
    expect(cityWallClock(instant, 'Asia/Jakarta')).toBe('2026-11-28T23:59:59+07:00')
    expect(cityWallClock(instant, 'Asia/Makassar')).toBe('2026-11-29T00:59:59+08:00')
    expect(cityWallClock(instant, 'Asia/Jayapura')).toBe('2026-11-29T01:59:59+09:00')
  })

  it('drops the fraction of a second and names the instant it was given', () => {
    const text = cityWallClock(instant, 'Asia/Makassar')
    expect(Date.parse(text)).toBe(Date.parse('2026-11-28T16:59:59Z'))
  })

  it('crosses a year in the east first', () => {
    const newYear = new Date('2026-12-31T15:30:00Z')
    expect(cityWallClock(newYear, 'Asia/Jakarta')).toBe('2026-12-31T22:30:00+07:00')
    expect(cityWallClock(newYear, 'Asia/Jayapura')).toBe('2027-01-01T00:30:00+09:00')
  })
})
