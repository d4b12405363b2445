import { describe, expect, it } from 'vitest'
import { collectionRate, isMonth } from './fees.ts'

describe('household fees', () => {
  it('reads months as YYYY-MM only', () => {
    expect(isMonth('2026-11')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-1')).toBe(false)
  })

  it('gives the collection rate by amount and by households', () => {
    const rate = collectionRate([
      { amountRupiah: 15_000, paidOn: '2026-11-05' },
      { amountRupiah: 15_000, paidOn: null },
      { amountRupiah: 20_000, paidOn: '2026-11-30' },
      { amountRupiah: 10_000, paidOn: null },
    ])
    expect(rate).toMatchObject({
      households: 4,
      paidHouseholds: 2,
      chargedRupiah: 60_000,
      paidRupiah: 35_000,
    })
    expect(rate.rateByAmount).toBeCloseTo(35 / 60)
    expect(rate.rateByHouseholds).toBe(0.5)
  })

  it('gives no rate for a month with no charges', () => {
    expect(collectionRate([])).toMatchObject({ rateByAmount: null, rateByHouseholds: null })
  })
})
