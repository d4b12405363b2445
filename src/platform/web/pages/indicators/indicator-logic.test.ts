import { describe, expect, it } from 'vitest'
import {
  districtRowsOf,
  groupByModule,
  kindOfPeriod,
  parseIndicatorNumber,
  periodsOfYear,
  yearInCity,
} from './indicator-logic.ts'
import type { IndicatorValue } from './indicators-api.ts'

function value(period: string, districtCode: string | null, districtName: string | null): IndicatorValue {
  return {
    id: `${period}-${districtCode}`,
    period,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    value: 1,
    provenance: 'computed',
    sourceNote: '',
    formulaVersion: '1',
    computedAt: '2026-01-01T00:00:00Z',
    districtCode,
    districtName,
  }
}

describe('indicator page logic', () => {
  it('reads the year in the city: 31 December 20:00 UTC is already next year in Jayapura', () => {
    const instant = new Date('2026-12-31T20:00:00Z')
    expect(yearInCity('Asia/Jayapura', instant)).toBe(2027)
    expect(yearInCity('Asia/Jakarta', instant)).toBe(2027)
    expect(yearInCity('Asia/Jakarta', new Date('2026-12-31T16:59:00Z'))).toBe(2026)
  })

  it('knows the periods of a year by kind', () => {
    expect(kindOfPeriod('2026')).toBe('year')
    expect(kindOfPeriod('2026-S2')).toBe('semester')
    expect(kindOfPeriod('2026-03')).toBe('month')
    expect(periodsOfYear(2026, 'month')).toHaveLength(12)
    expect(periodsOfYear(2026, 'semester')).toEqual(['2026-S1', '2026-S2'])
  })

  it('groups kecamatan rows by kecamatan in name order and leaves the city rows out', () => {
    const rows = districtRowsOf([
      value('2026', null, null),
      value('2026', '35.79.03', 'Junrejo'),
      value('2026-S1', '35.79.02', 'Bumiaji'),
      value('2026-S2', '35.79.02', 'Bumiaji'),
    ])
    expect(rows.map((row) => [row.name, row.values.length])).toEqual([
      ['Bumiaji', 2],
      ['Junrejo', 1],
    ])
  })

  it('puts the platform’s own indicators first', () => {
    const groups = groupByModule([
      { indicator: { module: 'waste-balance' } },
      { indicator: { module: 'platform' } },
      { indicator: { module: 'waste-balance' } },
    ])
    expect(groups.map(([module, items]) => [module, items.length])).toEqual([
      ['platform', 1],
      ['waste-balance', 2],
    ])
  })
})

describe('reading a typed figure', () => {
  it('reads Indonesian grouping and decimal comma, and refuses what is not a number', () => {
    expect(parseIndicatorNumber('220.000')).toBe(220_000)
    expect(parseIndicatorNumber('85,3')).toBe(85.3)
    expect(parseIndicatorNumber('1.234,5')).toBe(1234.5)
    expect(parseIndicatorNumber('85.25')).toBe(85.25)
    expect(parseIndicatorNumber('-3')).toBe(-3)
    expect(parseIndicatorNumber('')).toBeNull()
    expect(parseIndicatorNumber('12a')).toBeNull()
    expect(parseIndicatorNumber('1,2,3')).toBeNull()
  })
})
