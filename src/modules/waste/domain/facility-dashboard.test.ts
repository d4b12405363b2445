import { describe, expect, it } from 'vitest'
import { buildDashboard, keptOutOfTpaShare } from './facility-dashboard.ts'

describe('facility dashboard', () => {
  it('gives no value, not 0 %, when nothing came in', () => {
    expect(keptOutOfTpaShare({ in: 0, to_tpa: 0 })).toBeNull()
  })

  it('counts what went to the TPA against what came in', () => {
    expect(keptOutOfTpaShare({ in: 100_000, to_tpa: 15_000 })).toBeCloseTo(0.85)
    expect(keptOutOfTpaShare({ in: 100_000, to_tpa: 100_000 })).toBe(0)
  })

  it('groups totals per period, per material and overall, with sales revenue', () => {
    const dashboard = buildDashboard([
      { period: '2026-10', bucket: 'in', material: 'campuran', grams: 100_000, revenue: 0 },
      { period: '2026-10', bucket: 'to_tpa', material: 'lainnya', grams: 20_000, revenue: 0 },
      { period: '2026-11', bucket: 'in', material: 'campuran', grams: 50_000, revenue: 0 },
      { period: '2026-11', bucket: 'recycled_sold', material: 'plastik', grams: 5_000, revenue: 12_500 },
    ])
    expect(dashboard.totals).toMatchObject({ revenueRupiah: 12_500, keptOutOfTpaShare: 1 - 20_000 / 150_000 })
    expect(dashboard.periods.map((p) => [p.period, p.grams.in])).toEqual([
      ['2026-10', 100_000],
      ['2026-11', 50_000],
    ])
    expect(dashboard.byMaterial.find((m) => m.material === 'plastik')?.grams.recycled_sold).toBe(5_000)
  })
})
