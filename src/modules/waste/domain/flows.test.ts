import { describe, expect, it } from 'vitest'
import { checkFlowShape, type DailyMovement, drawsOn, firstShortfall, saleRevenueRupiah } from './flows.ts'

const intake = {
  kind: 'intake' as const,
  weightGrams: 1000,
  material: 'campuran' as const,
  fromVillageCode: '35.79.01.2006',
  fromSector: 'rumah_tangga' as const,
  toFacilityId: 1,
}

describe('flow shape', () => {
  it('accepts an intake from a desa and a sector into a facility', () => {
    expect(checkFlowShape(intake)).toEqual([])
  })

  it('refuses a weight of zero, a negative or a fractional weight', () => {
    for (const weightGrams of [0, -5, 1.5]) {
      expect(checkFlowShape({ ...intake, weightGrams })).toEqual([
        { field: 'weightGrams', code: 'flow.weight_positive' },
      ])
    }
  })

  it('keeps a sub-material inside its SIPSN category', () => {
    expect(checkFlowShape({ ...intake, material: 'plastik', subMaterial: 'pet' })).toEqual([])
    expect(checkFlowShape({ ...intake, material: 'logam', subMaterial: 'pet' })[0]?.code).toBe(
      'flow.sub_material_mismatch',
    )
  })

  it('sorts at one facility, out of another material', () => {
    const sorting = {
      kind: 'sorting' as const,
      weightGrams: 500,
      material: 'plastik' as const,
      sortedFrom: 'campuran' as const,
      fromFacilityId: 1,
      toFacilityId: 1,
    }
    expect(checkFlowShape(sorting)).toEqual([])
    expect(checkFlowShape({ ...sorting, toFacilityId: 2 })[0]?.code).toBe('flow.sorting_same_facility')
    expect(checkFlowShape({ ...sorting, sortedFrom: 'plastik' })[0]?.code).toBe(
      'flow.sorting_needs_other_material',
    )
    expect(drawsOn(sorting)).toEqual({ facilityId: 1, material: 'campuran' })
  })

  it('needs a price and a buyer for a sale, and refuses a price on anything else', () => {
    const sale = {
      kind: 'outcome' as const,
      outcome: 'recycled_sold' as const,
      weightGrams: 2500,
      material: 'plastik' as const,
      fromFacilityId: 1,
    }
    expect(checkFlowShape({ ...sale, pricePerKgRupiah: 3500, buyerName: 'Pengepul Pak Slamet' })).toEqual([])
    expect(checkFlowShape(sale).map((p) => p.code)).toEqual([
      'flow.sale_needs_price',
      'flow.sale_needs_buyer',
    ])
    expect(checkFlowShape({ ...intake, pricePerKgRupiah: 100 })[0]?.code).toBe('flow.price_only_for_sales')
  })

  it('refuses a transfer to the same facility and an outcome without one', () => {
    expect(
      checkFlowShape({
        kind: 'transfer',
        weightGrams: 1,
        material: 'lainnya',
        fromFacilityId: 1,
        toFacilityId: 1,
      })[0]?.code,
    ).toBe('flow.transfer_needs_other_facility')
    expect(
      checkFlowShape({ kind: 'outcome', weightGrams: 1, material: 'lainnya', fromFacilityId: 1 })[0]?.code,
    ).toBe('flow.outcome_required')
  })
})

describe('sale revenue', () => {
  it('is grams × price per kg in whole rupiah, half up', () => {
    expect(saleRevenueRupiah({ weightGrams: 2500, pricePerKgRupiah: 3500 })).toBe(8750)
    expect(saleRevenueRupiah({ weightGrams: 1, pricePerKgRupiah: 500 })).toBe(1)
    expect(saleRevenueRupiah({ weightGrams: 1, pricePerKgRupiah: 499 })).toBe(0)
  })
})

describe('mass balance over time', () => {
  const days = (...entries: [string, number][]): DailyMovement[] =>
    entries.map(([date, netGrams]) => ({ date, netGrams }))

  it('allows partial sorting: what is not sorted stays in stock', () => {
    expect(firstShortfall(days(['2026-11-01', 10_000], ['2026-11-01', -6_000]))).toBeNull()
  })

  it('allows taking out exactly what came in', () => {
    expect(firstShortfall(days(['2026-11-01', 10_000], ['2026-11-02', -10_000]))).toBeNull()
  })

  it('refuses one gram more than came in', () => {
    expect(firstShortfall(days(['2026-11-01', 10_000], ['2026-11-02', -10_001]))).toEqual({
      date: '2026-11-02',
      stockGrams: -1,
    })
  })

  it('refuses taking out before it came in, even if it comes in later', () => {
    expect(firstShortfall(days(['2026-11-05', 10_000], ['2026-11-03', -1_000]))).toEqual({
      date: '2026-11-03',
      stockGrams: -1_000,
    })
  })

  it('refuses reversing an intake whose waste has already been sorted out', () => {
    expect(
      firstShortfall(days(['2026-11-01', 10_000], ['2026-11-01', -8_000], ['2026-11-02', -10_000])),
    ).toEqual({
      date: '2026-11-02',
      stockGrams: -8_000,
    })
  })
})
