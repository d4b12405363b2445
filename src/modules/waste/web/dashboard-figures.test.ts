import { describe, expect, it } from 'vitest'
import { dashboardRange, outGrams } from './dashboard-figures.ts'
import { importContentType, rowProblemOf } from './facilities.api.ts'

describe('dashboardRange', () => {
  it('gives the last 30 days, today included, by day', () => {
    expect(dashboardRange('days30', '2026-03-01')).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
      granularity: 'day',
    })
  })

  it('gives the last 12 months, this one included, by month', () => {
    expect(dashboardRange('months12', '2026-11-28')).toEqual({
      from: '2025-12-01',
      to: '2026-11-28',
      granularity: 'month',
    })
  })
})

describe('outGrams', () => {
  it('adds every way out, but not what came in or was sorted', () => {
    const grams = {
      in: 1000,
      sorted: 900,
      composted: 1,
      maggot: 2,
      recycled_sold: 3,
      reused: 4,
      burned: 5,
      landfilled: 6,
      to_tpa: 7,
      transferred: 8,
    }
    expect(outGrams(grams)).toBe(36)
  })
})

describe('import helpers', () => {
  it('reads the row and column of a refused row', () => {
    expect(rowProblemOf('/rows/7/berat_kg')).toEqual({ row: 7, column: 'berat_kg' })
    expect(rowProblemOf('/rows/3')).toEqual({ row: 3, column: '' })
    expect(rowProblemOf('/file')).toBeNull()
  })

  it('sends a CSV as text/csv even when the browser gives no type', () => {
    expect(importContentType(new File(['a'], 'log.CSV'))).toBe('text/csv')
    expect(importContentType(new File(['a'], 'log.xlsx'))).toMatch(/spreadsheetml/)
  })
})
