import { describe, expect, it } from 'vitest'
import { coachedSalesGrowth, microGrowthPercent } from './indicators.ts'

describe('growth of micro businesses', () => {
  it('is the change over last year, in percent to two decimals', () => {
    expect(microGrowthPercent(200, 230)).toBe(15)
    expect(microGrowthPercent(3, 4)).toBe(33.33)
    expect(microGrowthPercent(230, 200)).toBe(-13.04)
    expect(microGrowthPercent(7, 7)).toBe(0)
  })

  it('has no value, not 0 %, when there were none the year before', () => {
    expect(microGrowthPercent(0, 12)).toBeNull()
  })
})

describe('sales growth of coached businesses', () => {
  it('sums sales before and after, so the big business is not averaged away', () => {
    const result = coachedSalesGrowth([
      { beforeRupiah: 100_000_000, afterRupiah: 110_000_000 },
      { beforeRupiah: 1_000_000_000, afterRupiah: 900_000_000 },
    ])
    // (1,010 − 1,100) / 1,100 = −8.18 %, where an average of the two ratios would say 0 %.
    expect(result).toEqual({ percent: -8.18, participants: 2 })
  })

  it('has no value without a participant measured before and after', () => {
    expect(coachedSalesGrowth([])).toEqual({ percent: null, participants: 0 })
    expect(coachedSalesGrowth([{ beforeRupiah: 0, afterRupiah: 5_000_000 }]).percent).toBeNull()
  })
})
