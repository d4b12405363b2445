import { describe, expect, it } from 'vitest'
import {
  attendanceRate,
  checkEligibility,
  isFull,
  isWithdrawnBy,
  outcomeChange,
  sessionsWhileEnrolled,
} from './coaching.ts'

describe('who may join a programme', () => {
  it('requires an NIB when the programme does', () => {
    expect(checkEligibility({ requiresNib: true, scales: [] }, { nib: null, scale: 'mikro' })).toEqual([
      { code: 'coaching.requires_nib', params: {} },
    ])
    expect(
      checkEligibility({ requiresNib: true, scales: [] }, { nib: '1234567890123', scale: null }),
    ).toEqual([])
  })

  it('admits only the scales named, and not a business whose scale is unknown', () => {
    const microOnly = { requiresNib: false, scales: ['mikro'] }
    expect(checkEligibility(microOnly, { nib: null, scale: 'mikro' })).toEqual([])
    expect(checkEligibility(microOnly, { nib: null, scale: 'kecil' })[0]?.code).toBe(
      'coaching.scale_not_eligible',
    )
    expect(checkEligibility(microOnly, { nib: null, scale: null })[0]?.code).toBe(
      'coaching.scale_not_eligible',
    )
  })

  it('is full exactly at the quota', () => {
    expect(isFull(20, 19)).toBe(false)
    expect(isFull(20, 20)).toBe(true)
    expect(isFull(null, 10_000)).toBe(false)
  })
})

describe('outcomes before and after', () => {
  it('measures sales growth, workers, certificates and going online', () => {
    const change = outcomeChange(
      { annualSalesRupiah: 120_000_000, workers: 2, certificates: 0, sellsOnline: false },
      { annualSalesRupiah: 150_000_000, workers: 3, certificates: 2, sellsOnline: true },
    )
    expect(change).toEqual({
      salesChangeRupiah: 30_000_000,
      salesGrowthPercent: 25,
      workersChange: 1,
      certificatesChange: 2,
      wentOnline: true,
    })
  })

  it('leaves what cannot be compared empty rather than zero', () => {
    const change = outcomeChange(
      { annualSalesRupiah: 0, workers: null, certificates: 1, sellsOnline: true },
      null,
    )
    expect(change).toEqual({
      salesChangeRupiah: null,
      salesGrowthPercent: null,
      workersChange: null,
      certificatesChange: null,
      wentOnline: null,
    })
    expect(
      outcomeChange(
        { annualSalesRupiah: 0, workers: 1, certificates: 0, sellsOnline: false },
        { annualSalesRupiah: 5, workers: 1, certificates: 0, sellsOnline: false },
      ).salesGrowthPercent,
    ).toBeNull()
  })

  it('rates attendance over the sessions held', () => {
    expect(attendanceRate(3, 4)).toBe(75)
    expect(attendanceRate(0, 0)).toBeNull()
  })
})

describe('withdrawal', () => {
  it('counts sessions before the withdrawal day only; the day itself is already out', () => {
    const held = ['2026-03-05', '2026-03-12', '2026-03-19']
    expect(sessionsWhileEnrolled(held, null)).toBe(3)
    expect(sessionsWhileEnrolled(held, '2026-03-12')).toBe(1)
    expect(sessionsWhileEnrolled(held, '2026-03-13')).toBe(2)
    expect(sessionsWhileEnrolled(held, '2026-03-01')).toBe(0)
    expect(isWithdrawnBy('2026-03-12', '2026-03-11')).toBe(false)
    expect(isWithdrawnBy('2026-03-12', '2026-03-12')).toBe(true)
    expect(isWithdrawnBy(null, '2099-01-01')).toBe(false)
  })
})
