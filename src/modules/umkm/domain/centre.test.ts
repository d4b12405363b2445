import { describe, expect, it } from 'vitest'
import {
  type CurationScores,
  commissionOf,
  curationTotal,
  daysToExpiry,
  firstDayAfter,
  gradeOf,
  isMonthOver,
  isShelfable,
  monthBounds,
  previousMonth,
  settlementTotals,
} from './centre.ts'

const all = (score: number): CurationScores => ({
  legality: score,
  product_quality: score,
  packaging: score,
  production_capacity: score,
  price_competitiveness: score,
  market_reach: score,
})

describe('curation rubric', () => {
  it('scores 0 for all ones and 100 for all fours', () => {
    expect(curationTotal(all(1))).toBe(0)
    expect(curationTotal(all(4))).toBe(100)
  })

  it('weights the criteria: product quality counts more than market reach', () => {
    expect(curationTotal({ ...all(1), product_quality: 4 })).toBe(25)
    expect(curationTotal({ ...all(1), market_reach: 4 })).toBe(10)
  })

  it('rounds a third of a point half up', () => {
    // 10 × (2 − 1) = 10 points → 10 / 3 = 3.33 → 3; 20 × 1 = 20 → 6.67 → 7.
    expect(curationTotal({ ...all(1), market_reach: 2 })).toBe(3)
    expect(curationTotal({ ...all(1), legality: 2 })).toBe(7)
  })

  it('refuses a score outside 1–4', () => {
    expect(() => curationTotal({ ...all(3), packaging: 5 })).toThrow(RangeError)
    expect(() => curationTotal({ ...all(3), packaging: 0 })).toThrow(RangeError)
    expect(() => curationTotal({ ...all(3), packaging: 2.5 })).toThrow(RangeError)
  })

  it('grades at the exact floors', () => {
    expect(gradeOf(85)).toBe('A')
    expect(gradeOf(84)).toBe('B')
    expect(gradeOf(70)).toBe('B')
    expect(gradeOf(69)).toBe('C')
    expect(gradeOf(55)).toBe('C')
    expect(gradeOf(54)).toBe('D')
    expect(gradeOf(0)).toBe('D')
  })

  it('keeps grade D and ungraded products off the shelf', () => {
    expect(isShelfable('C')).toBe(true)
    expect(isShelfable('D')).toBe(false)
    expect(isShelfable(null)).toBe(false)
  })
})

describe('commission', () => {
  it('is basis points of the amount, rounded half up to whole rupiah', () => {
    expect(commissionOf(25_000, 1000)).toBe(2500)
    expect(commissionOf(15, 1000)).toBe(2) // 1.5 → 2
    expect(commissionOf(14, 1000)).toBe(1) // 1.4 → 1
    expect(commissionOf(99_999, 0)).toBe(0)
    expect(commissionOf(99_999, 10_000)).toBe(99_999)
  })
})

describe('settlement months', () => {
  it('knows the last day of each month, February in a leap year included', () => {
    expect(monthBounds('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('names the month before, across the new year, and the first day after a month', () => {
    expect(previousMonth('2026-12-05')).toBe('2026-11')
    expect(previousMonth('2027-01-01')).toBe('2026-12')
    expect(firstDayAfter('2026-11')).toBe('2026-12-01')
    expect(firstDayAfter('2026-12')).toBe('2027-01-01')
    expect(firstDayAfter('2028-02')).toBe('2028-03-01')
  })

  it('is over only from the first day of the next month', () => {
    expect(isMonthOver('2026-11', '2026-11-30')).toBe(false)
    expect(isMonthOver('2026-11', '2026-12-01')).toBe(true)
    expect(isMonthOver('2026-12', '2027-01-01')).toBe(true)
  })

  it('totals gross, commission and what the producer is owed', () => {
    expect(
      settlementTotals([
        { quantity: 2, amountRupiah: 30_000, commissionRupiah: 3000 },
        { quantity: 1, amountRupiah: 15_000, commissionRupiah: 1500 },
      ]),
    ).toEqual({ quantity: 3, grossRupiah: 45_000, commissionRupiah: 4500, payableRupiah: 40_500 })
    expect(settlementTotals([])).toEqual({
      quantity: 0,
      grossRupiah: 0,
      commissionRupiah: 0,
      payableRupiah: 0,
    })
  })
})

describe('expiry', () => {
  it('counts days to expiry, negative once past, none for goods that do not expire', () => {
    expect(daysToExpiry('2026-12-01', '2026-11-28')).toBe(3)
    expect(daysToExpiry('2026-11-28', '2026-11-28')).toBe(0)
    expect(daysToExpiry('2026-11-27', '2026-11-28')).toBe(-1)
    expect(daysToExpiry(null, '2026-11-28')).toBeNull()
  })
})
