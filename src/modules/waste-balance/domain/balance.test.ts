import { describe, expect, it } from 'vitest'
import { buildBalance, type ManualFlow } from './balance.ts'
import { districtIndicatorValuesOf } from './indicators.ts'
import { balancePeriod, elapsedPeriod } from './periods.ts'
import type { FacilityRef, LedgerAggregate } from './terminal-flows.ts'
import type { TimbulanInputs } from './timbulan.ts'

const T = 1_000_000 // grams in a tonne
const tps3r: FacilityRef = { kind: 'tps3r', landfillSystem: null, districtCode: '99.01.01' }
const tpaControlled: FacilityRef = {
  kind: 'tpa',
  landfillSystem: 'controlled_landfill',
  districtCode: '99.01.03',
}
const tpaOpen: FacilityRef = { kind: 'tpa', landfillSystem: 'open_dumping', districtCode: '99.01.03' }
const unit: FacilityRef = { kind: 'bank_sampah_unit', landfillSystem: null, districtCode: '99.01.02' }
const induk: FacilityRef = { kind: 'bank_sampah_induk', landfillSystem: null, districtCode: '99.01.01' }

function row(partial: Partial<LedgerAggregate>): LedgerAggregate {
  return {
    month: '2025-01',
    kind: 'intake',
    outcome: null,
    material: 'campuran',
    fromSector: null,
    fromDistrictCode: null,
    from: null,
    to: null,
    grams: 0,
    ...partial,
  }
}

/**
 * A small city's January 2025, computed on paper:
 * A = (10 000 people × 500 g + 1 t non-household) × 31 days + 36 500 visits × 365 g × 31/365
 *   = 155 t + 31 t + 1.1315 t = 187.1315 t.
 * B = composted 30 − 2 (reversed) + maggot 5 + sold 10 + bank sampah sold 1 + informal sector 3 = 47 t.
 * C = 50 t to a controlled landfill + 40 t straight to an open dump = 90 t (50 t without open dumping).
 */
const inputs: TimbulanInputs = {
  population: 10_000,
  gramsPerCapitaDay: 500,
  nonHouseholdGramsPerDay: 1 * T,
  touristVisits: 36_500,
  gramsPerVisit: 365,
}
const rows: LedgerAggregate[] = [
  row({ kind: 'intake', fromSector: 'rumah_tangga', to: tps3r, grams: 100 * T }),
  row({ kind: 'sorting', material: 'sisa_makanan', from: tps3r, to: tps3r, grams: 35 * T }),
  row({ kind: 'sorting', material: 'plastik', from: tps3r, to: tps3r, grams: 10 * T }),
  row({
    kind: 'outcome',
    outcome: 'composted',
    material: 'sisa_makanan',
    from: tps3r,
    grams: 30 * T - 2 * T,
  }),
  row({ kind: 'outcome', outcome: 'maggot', material: 'sisa_makanan', from: tps3r, grams: 5 * T }),
  row({ kind: 'outcome', outcome: 'recycled_sold', material: 'plastik', from: tps3r, grams: 10 * T }),
  row({ kind: 'transfer', material: 'lainnya', from: tps3r, to: tpaControlled, grams: 50 * T }),
  // What the TPA does with what it received is not counted a second time.
  row({ kind: 'outcome', outcome: 'landfilled', material: 'lainnya', from: tpaControlled, grams: 50 * T }),
  row({ kind: 'intake', fromSector: 'pasar', fromDistrictCode: '99.01.02', to: tpaOpen, grams: 40 * T }),
  row({ kind: 'intake', material: 'plastik', fromSector: 'rumah_tangga', to: unit, grams: 1 * T }),
  row({ kind: 'transfer', material: 'plastik', from: unit, to: induk, grams: 1 * T }),
  row({ kind: 'outcome', outcome: 'recycled_sold', material: 'plastik', from: induk, grams: 1 * T }),
]
const manual: ManualFlow[] = [
  { month: '2025-01', part: 'to_recycler', material: 'plastik', districtCode: null, grams: 3 * T },
]

describe('a hand-computed month for a small city', () => {
  const balance = buildBalance({ period: balancePeriod('2025-01')!, rows, manual, inputs })

  it('estimates timbulan from population, non-household sources and tourists', () => {
    expect(balance.estimate).toMatchObject({
      householdPerDay: 5 * T,
      nonHouseholdPerDay: 1 * T,
      touristsPerDay: 36_500,
      total: 187_131_500,
      days: 31,
    })
  })

  it('computes SIPSN capaian kinerja A–E and SDG 11.6.1', () => {
    expect(balance.figures).toEqual({
      timbulan: 187_131_500,
      reduction: 47 * T,
      handling: 90 * T,
      handlingControlled: 50 * T,
      managed: 137 * T,
      unmanaged: 187_131_500 - 137 * T,
      recycled: 47 * T,
      feedstock: 0,
      percent: {
        reduction: 25.12,
        handling: 48.09,
        handlingControlled: 26.72,
        managed: 73.21,
        unmanaged: 26.79,
        recyclingRate: 25.12,
        sdg1161: 51.84,
      },
      exceedsEstimate: false,
    })
  })

  it('breaks B and C down by kecamatan where the path ended', () => {
    expect(balance.districts).toEqual([
      { districtCode: '99.01.01', reduction: 44 * T, handling: 50 * T },
      { districtCode: '99.01.02', reduction: 0, handling: 40 * T },
      { districtCode: null, reduction: 3 * T, handling: 0 },
    ])
  })

  it('gives the registry B and C in tonnes for each kecamatan with a place, none for the rest', () => {
    expect(districtIndicatorValuesOf(balance)).toEqual([
      { code: 'waste_pengurangan_t', value: 44, districtCode: '99.01.01' },
      { code: 'waste_penanganan_t', value: 50, districtCode: '99.01.01' },
      { code: 'waste_pengurangan_t', value: 0, districtCode: '99.01.02' },
      { code: 'waste_penanganan_t', value: 40, districtCode: '99.01.02' },
    ])
    const quiet = { ...balance, districts: [{ districtCode: '99.01.04', reduction: 0, handling: 0 }] }
    expect(districtIndicatorValuesOf(quiet)).toEqual([])
  })

  it('reports sources and the composition sorted at facilities', () => {
    expect(balance.sources).toEqual([
      { sector: 'rumah_tangga', grams: 101 * T },
      { sector: 'pasar', grams: 40 * T },
    ])
    expect(balance.composition).toEqual([
      { material: 'sisa_makanan', grams: 35 * T },
      { material: 'plastik', grams: 11 * T },
    ])
  })

  it('draws the neraca from sources through facilities to outcomes', () => {
    expect(balance.links).toContainEqual({
      from: 'source:rumah_tangga',
      to: 'facility:tps3r',
      grams: 100 * T,
    })
    expect(balance.links).toContainEqual({ from: 'facility:tps3r', to: 'facility:tpa', grams: 50 * T })
    expect(balance.links).toContainEqual({
      from: 'facility:tpa',
      to: 'part:tpa_controlled_landfill',
      grams: 50 * T,
    })
    expect(balance.links).toContainEqual({
      from: 'facility:bank_sampah_induk',
      to: 'part:recycled_sold',
      grams: T,
    })
  })
})

describe('edges', () => {
  it('gives no share at all, not 0 %, when the city has no timbulan estimate', () => {
    const balance = buildBalance({ period: balancePeriod('2025-01')!, rows, manual, inputs: null })
    expect(balance.figures.timbulan).toBeNull()
    expect(balance.figures.reduction).toBe(47 * T)
    expect(Object.values(balance.figures.percent)).toEqual([null, null, null, null, null, null, null])
    expect(balance.figures.unmanaged).toBeNull()
  })

  it('rolls months up into a semester and a year with the same tonnages', () => {
    const july = rows.map((r) => ({ ...r, month: '2025-07' }))
    const both = [...rows, ...july]
    const s1 = buildBalance({ period: balancePeriod('2025-S1')!, rows, manual: [], inputs })
    const s2 = buildBalance({ period: balancePeriod('2025-S2')!, rows: july, manual: [], inputs })
    const year = buildBalance({ period: balancePeriod('2025')!, rows: both, manual: [], inputs })
    expect(year.figures.reduction).toBe(s1.figures.reduction + s2.figures.reduction)
    expect(year.figures.handling).toBe(s1.figures.handling + s2.figures.handling)
    expect(year.months).toHaveLength(12)
    expect(year.months[6]!.figures.reduction).toBe(44 * T)
    // SIPSN: annual = daily × 365; a semester counts its own days (181 + 184 in 2025).
    expect(year.estimate!.total).toBe((5 * T + T) * 365 + 36_500 * 365)
    expect(s1.estimate!.days + s2.estimate!.days).toBe(365)
  })

  it('counts 366 days in the semesters of a leap year but 365 in the year, as SIPSN does', () => {
    expect(balancePeriod('2024-S1')!.days + balancePeriod('2024-S2')!.days).toBe(366)
    expect(balancePeriod('2024')!.days).toBe(365)
    expect(balancePeriod('2024-02')!.days).toBe(29)
  })

  it('flags B + C above the estimate rather than hiding it', () => {
    const tiny = { ...inputs, population: 100, nonHouseholdGramsPerDay: 0, touristVisits: 0 }
    const balance = buildBalance({ period: balancePeriod('2025-01')!, rows, manual, inputs: tiny })
    expect(balance.figures.exceedsEstimate).toBe(true)
    expect(balance.figures.unmanaged).toBeLessThan(0)
  })

  it('treats a TPA with no recorded landfill system as open dumping', () => {
    const unknownTpa: FacilityRef = { kind: 'tpa', landfillSystem: null, districtCode: null }
    const balance = buildBalance({
      period: balancePeriod('2025-01')!,
      rows: [row({ kind: 'transfer', from: tps3r, to: unknownTpa, grams: T })],
      manual: [],
      inputs,
    })
    expect(balance.parts.tpa_open_dumping).toBe(T)
    expect(balance.figures.handlingControlled).toBe(0)
  })

  it('refuses malformed periods', () => {
    for (const bad of ['2025-13', '2025-S3', '25', '2025-1', 'x']) expect(balancePeriod(bad)).toBeNull()
  })

  it('compares a running year with the days gone so far, not with the whole year', () => {
    const year = balancePeriod('2026')!
    const soFar = elapsedPeriod(year, '2026-03-10')
    expect(soFar).toMatchObject({
      end: '2026-03-10',
      months: ['2026-01', '2026-02', '2026-03'],
      days: 31 + 28 + 10,
    })
    const balance = buildBalance({ period: soFar, rows: [], manual: [], inputs })
    expect(balance.estimate!.days).toBe(69)
    expect(balance.months.map((m) => m.figures.timbulan)).toEqual([
      estimateOf(31),
      estimateOf(28),
      estimateOf(10),
    ])
    expect(elapsedPeriod(year, '2026-12-31')).toBe(year)
    expect(elapsedPeriod(year, '2025-12-31').days).toBe(0)
  })
})

function estimateOf(days: number) {
  return buildBalance({ period: { ...balancePeriod('2026-01')!, days }, rows: [], manual: [], inputs })
    .estimate!.total
}
