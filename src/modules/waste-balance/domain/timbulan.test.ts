import { describe, expect, it } from 'vitest'
import { nationalTarget, progressAgainst } from './targets.ts'
import { checkTimbulanInputs, estimateTimbulan, type TimbulanInputs } from './timbulan.ts'

const inputs: TimbulanInputs = {
  population: 215_000,
  gramsPerCapitaDay: 700,
  nonHouseholdGramsPerDay: 20_000_000,
  touristVisits: 10_870_000,
  gramsPerVisit: 500,
}

describe('timbulan inputs', () => {
  it('accepts the usual band 0.1–3 kg/person/day at both ends', () => {
    expect(checkTimbulanInputs({ ...inputs, gramsPerCapitaDay: 100 }, false)).toEqual([])
    expect(checkTimbulanInputs({ ...inputs, gramsPerCapitaDay: 3000 }, false)).toEqual([])
  })

  it('asks for confirmation one gram outside the band, and accepts it confirmed', () => {
    for (const rate of [99, 3001]) {
      expect(checkTimbulanInputs({ ...inputs, gramsPerCapitaDay: rate }, false)).toEqual([
        { field: 'gramsPerCapitaDay', code: 'balance.rate_unusual' },
      ])
      expect(checkTimbulanInputs({ ...inputs, gramsPerCapitaDay: rate }, true)).toEqual([])
    }
  })

  it('refuses a negative population or tourist count', () => {
    expect(checkTimbulanInputs({ ...inputs, population: -1, touristVisits: -5 }, true)).toEqual([
      { field: 'population', code: 'balance.not_negative' },
      { field: 'touristVisits', code: 'balance.not_negative' },
    ])
  })

  it('shows each component of the estimate per day', () => {
    const year = estimateTimbulan(inputs, 365)
    expect(year.householdPerDay).toBe(150_500_000)
    expect(year.touristsPerDay).toBe(Math.round((10_870_000 * 500) / 365))
    expect(year.total).toBe((150_500_000 + 20_000_000) * 365 + 10_870_000 * 500)
  })
})

describe('Jakstranas targets', () => {
  it('follows the national trajectory to 30 % and 70 % in 2025 and holds it after', () => {
    expect(nationalTarget(2017)).toBeNull()
    expect(nationalTarget(2018)).toMatchObject({ reductionBasisPoints: 2000, handlingBasisPoints: 8000 })
    expect(nationalTarget(2025)).toMatchObject({ reductionBasisPoints: 3000, handlingBasisPoints: 7000 })
    expect(nationalTarget(2030)).toMatchObject({ reductionBasisPoints: 3000, origin: 'national' })
  })

  it('measures progress in percentage points, met at exactly the target', () => {
    expect(progressAgainst(3000, 30)).toEqual({
      targetPercent: 30,
      actualPercent: 30,
      gapPoints: 0,
      met: true,
    })
    expect(progressAgainst(3000, 29.99)).toMatchObject({ gapPoints: -0.01, met: false })
    expect(progressAgainst(3000, null)).toMatchObject({ gapPoints: null, met: null })
  })
})
