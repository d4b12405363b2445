import { describe, expect, it } from 'vitest'
import {
  isUsableDate,
  monthOf,
  monthRange,
  parseKilogramsToGrams,
  parseRupiah,
  todayIn,
} from './quantities.ts'

describe('parseKilogramsToGrams', () => {
  it.each([
    ['12,5', 12_500],
    ['12.5', 12_500],
    ['12', 12_000],
    [' 7,25 ', 7_250],
    ['0,001', 1],
    ['1,234', 1_234],
    ['20 kg', 20_000],
    ['1000000', 1_000_000_000],
  ])('reads %j as %d g', (text, grams) => {
    expect(parseKilogramsToGrams(text)).toEqual({ ok: true, value: grams })
  })

  it('refuses an empty field', () => {
    expect(parseKilogramsToGrams('  ')).toEqual({ ok: false, reason: 'empty' })
  })

  it.each(['0', '0,0', '0,000'])('refuses zero (%j)', (text) => {
    expect(parseKilogramsToGrams(text)).toEqual({ ok: false, reason: 'notPositive' })
  })

  it.each(['-3', 'abc', '12,5,1', '1,2345', ',5', '12,', '1e3', '1.000,5', '1000000,001'])(
    'refuses %j',
    (text) => {
      expect(parseKilogramsToGrams(text)).toEqual({ ok: false, reason: 'invalid' })
    },
  )
})

describe('parseRupiah', () => {
  it.each([
    ['3500', 3_500],
    ['3.500', 3_500],
    ['Rp3.500', 3_500],
    ['1.250.000', 1_250_000],
    ['100000000', 100_000_000],
  ])('reads %j as Rp%d', (text, rupiah) => {
    expect(parseRupiah(text)).toEqual({ ok: true, value: rupiah })
  })

  it('refuses zero unless allowed', () => {
    expect(parseRupiah('0')).toEqual({ ok: false, reason: 'notPositive' })
    expect(parseRupiah('0', { allowZero: true })).toEqual({ ok: true, value: 0 })
  })

  it.each(['-500', '3,5', '3.50', '35.00', 'dua ribu', '100000001'])('refuses %j', (text) => {
    expect(parseRupiah(text)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an empty field', () => {
    expect(parseRupiah('')).toEqual({ ok: false, reason: 'empty' })
  })
})

describe('todayIn', () => {
  it('uses the city day, not UTC: 23:30 UTC is already the next day in WIB', () => {
    const now = new Date('2026-11-26T23:30:00Z')
    expect(todayIn('Asia/Jakarta', now)).toBe('2026-11-27')
    expect(todayIn('UTC', now)).toBe('2026-11-26')
  })

  it('WITA is an hour ahead of WIB at midnight', () => {
    const now = new Date('2026-11-26T16:30:00Z')
    expect(todayIn('Asia/Jakarta', now)).toBe('2026-11-26')
    expect(todayIn('Asia/Makassar', now)).toBe('2026-11-27')
  })
})

describe('months', () => {
  it('takes the month of a date', () => {
    expect(monthOf('2026-11-27')).toBe('2026-11')
  })

  it('knows the last day of February in a leap year and not', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
})

describe('isUsableDate', () => {
  it('accepts today and earlier days', () => {
    expect(isUsableDate('2026-11-27', '2026-11-27')).toBe(true)
    expect(isUsableDate('2026-11-26', '2026-11-27')).toBe(true)
  })

  it('refuses tomorrow, impossible days and garbage', () => {
    expect(isUsableDate('2026-11-28', '2026-11-27')).toBe(false)
    expect(isUsableDate('2026-02-30', '2026-11-27')).toBe(false)
    expect(isUsableDate('27/11/2026', '2026-11-27')).toBe(false)
    expect(isUsableDate('', '2026-11-27')).toBe(false)
  })
})
