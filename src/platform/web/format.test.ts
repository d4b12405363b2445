import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatKilograms,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatRupiah,
} from './format.ts'

describe('formatNumber', () => {
  it('uses a dot for thousands and a comma for decimals in Indonesian', () => {
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5')
    expect(formatNumber(1234567, 'id')).toBe('1.234.567')
  })
  it('uses English separators in English', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5')
  })
  it('rounds to one decimal unless told otherwise', () => {
    expect(formatNumber(0.06, 'id')).toBe('0,1')
    expect(formatNumber(2.345, 'id', 2)).toBe('2,35')
  })
})

describe('formatKilograms', () => {
  it('shows integer grams as kilograms', () => {
    expect(formatKilograms(1_234_500, 'id')).toBe('1.234,5 kg')
    expect(formatKilograms(0, 'id')).toBe('0 kg')
    expect(formatKilograms(1_234_500, 'en')).toBe('1,234.5 kg')
  })
})

describe('formatRupiah', () => {
  it('writes Rp with no space and no decimals', () => {
    expect(formatRupiah(12_500, 'id')).toBe('Rp12.500')
    expect(formatRupiah(1_000_000_000, 'id')).toBe('Rp1.000.000.000')
    expect(formatRupiah(12_500, 'en')).toBe('Rp12,500')
  })
  it('puts the minus sign before Rp', () => {
    expect(formatRupiah(-12_500, 'id')).toBe('-Rp12.500')
  })
})

describe('formatDate', () => {
  it('shows a calendar day as day, short month, year', () => {
    expect(formatDate('2026-11-27', 'id')).toBe('27 Nov 2026')
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026')
    expect(formatDate('2026-11-27', 'en')).toBe('27 Nov 2026')
  })
  it('never shifts a calendar day, whatever the zone', () => {
    expect(formatDate('2026-01-01', 'id', 'Asia/Jayapura')).toBe('1 Jan 2026')
  })
  it('reads an instant in the city time zone', () => {
    // 17:30 UTC is already the next day in WITA (UTC+8).
    expect(formatDate('2026-11-26T17:30:00Z', 'id', 'Asia/Makassar')).toBe('27 Nov 2026')
    expect(formatDate('2026-11-26T17:30:00Z', 'id', 'Asia/Jakarta')).toBe('27 Nov 2026')
    expect(formatDate('2026-11-26T16:30:00Z', 'id', 'Asia/Jakarta')).toBe('26 Nov 2026')
  })
})

describe('formatDateTime', () => {
  it('shows the time on a 24-hour clock in the city time zone', () => {
    expect(formatDateTime('2026-11-27T07:05:00Z', 'id', 'Asia/Jakarta')).toBe('27 Nov 2026, 14.05')
    expect(formatDateTime('2026-11-27T07:05:00Z', 'en', 'Asia/Jakarta')).toBe('27 Nov 2026, 14:05')
  })
})

describe('formatPeriod and formatPercent', () => {
  it('shows months and days short, in the UI language', () => {
    expect(formatPeriod('2026-08', 'id')).toBe('Agu 2026')
    expect(formatPeriod('2026-08-07', 'en')).toBe('7 Aug')
    expect(formatPercent(0.853, 'id')).toBe('85,3%')
    expect(formatPercent(0.853, 'en')).toBe('85.3%')
  })
})
