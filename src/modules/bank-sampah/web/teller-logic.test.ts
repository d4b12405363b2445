import { describe, expect, it } from 'vitest'
import {
  matchesNasabah,
  normaliseMemberNumber,
  priceDraftLines,
  priceHistory,
  pricesInForce,
  receiptTime,
  receiptTotals,
} from './teller-logic.ts'

const PRICES = [
  { subMaterial: 'pet', pricePerKgRupiah: 3500, effectiveFrom: '2026-01-01' },
  { subMaterial: 'pet', pricePerKgRupiah: 3800, effectiveFrom: '2026-11-28' },
  { subMaterial: 'pet', pricePerKgRupiah: 4000, effectiveFrom: '2026-12-15' },
  { subMaterial: 'kardus', pricePerKgRupiah: 1100, effectiveFrom: '2026-01-01' },
  { subMaterial: 'tembaga', pricePerKgRupiah: 50000, effectiveFrom: '2027-01-01' },
]

describe('pricesInForce', () => {
  it('takes the price that starts on the day itself, not the one before', () => {
    expect(pricesInForce(PRICES, '2026-11-28')).toEqual([
      { subMaterial: 'pet', pricePerKgRupiah: 3800, effectiveFrom: '2026-11-28' },
      { subMaterial: 'kardus', pricePerKgRupiah: 1100, effectiveFrom: '2026-01-01' },
    ])
  })

  it('leaves out a material whose first price starts later', () => {
    expect(pricesInForce(PRICES, '2026-12-31').map((price) => price.subMaterial)).toEqual(['pet', 'kardus'])
  })
})

describe('priceHistory', () => {
  it('lists one material newest first and marks the one in force and the one to come', () => {
    const history = priceHistory(PRICES, { subMaterial: 'pet', date: '2026-12-01' })
    expect(history.map((row) => [row.pricePerKgRupiah, row.status])).toEqual([
      [4000, 'future'],
      [3800, 'current'],
      [3500, 'past'],
    ])
  })
})

describe('priceDraftLines', () => {
  it('prices each line as the server does and sums the deposit', () => {
    const preview = priceDraftLines(
      [
        { subMaterial: 'pet', weight: '2,5' },
        { subMaterial: 'kardus', weight: '0,455' },
      ],
      { prices: PRICES, date: '2026-11-27' },
    )
    // 2 500 g × Rp3.500 = Rp8.750; 455 g × Rp1.100 = Rp500,5 → Rp501 (half up).
    expect(preview.lines.map((line) => line.amountRupiah)).toEqual([8750, 501])
    expect(preview.totalRupiah).toBe(9251)
  })

  it('shows the price before the weight is typed, and no amount for a line that cannot be priced', () => {
    const preview = priceDraftLines(
      [
        { subMaterial: 'pet', weight: '' },
        { subMaterial: 'tembaga', weight: '1' },
        { subMaterial: '', weight: '3' },
      ],
      { prices: PRICES, date: '2026-11-27' },
    )
    expect(preview.lines.map((line) => [line.pricePerKgRupiah, line.amountRupiah])).toEqual([
      [3500, null],
      [null, null],
      [null, null],
    ])
    expect(preview.lines[0]?.grams).toEqual({ ok: false, reason: 'empty' })
    expect(preview.totalRupiah).toBe(0)
  })
})

describe('receiptTotals', () => {
  it('adds up the weights and the amounts of the lines', () => {
    expect(
      receiptTotals([
        { weightGrams: 2500, amountRupiah: 8750 },
        { weightGrams: 4000, amountRupiah: 4400 },
        { weightGrams: 1200, amountRupiah: 2040 },
      ]),
    ).toEqual({ weightGrams: 7700, amountRupiah: 15190 })
  })

  it('is zero for no lines', () => {
    expect(receiptTotals([])).toEqual({ weightGrams: 0, amountRupiah: 0 })
  })
})

describe('normaliseMemberNumber', () => {
  it.each([
    ['NS-000012', 'NS-000012'],
    ['ns-12', 'NS-000012'],
    ['NS000012', 'NS-000012'],
    [' 12 ', 'NS-000012'],
    ['1234567', 'NS-1234567'],
  ])('reads %j as %s', (typed, expected) => {
    expect(normaliseMemberNumber(typed)).toBe(expected)
  })

  it('leaves what is not a member number alone (so it can be searched as a name)', () => {
    expect(normaliseMemberNumber('Sri')).toBe('SRI')
    expect(normaliseMemberNumber('0')).toBe('0')
  })
})

describe('matchesNasabah', () => {
  const sri = { name: 'Sri Wahyuni', memberNumber: 'NS-000001', rt: '2', rw: '5' }

  it('finds by part of the name in any case, by member number, or by RT', () => {
    expect(matchesNasabah(sri, 'wahyu')).toBe(true)
    expect(matchesNasabah(sri, 'ns-000001')).toBe(true)
    expect(matchesNasabah(sri, 'RT 2')).toBe(true)
    expect(matchesNasabah(sri, '')).toBe(true)
  })

  it('does not find someone else', () => {
    expect(matchesNasabah(sri, 'harto')).toBe(false)
    expect(matchesNasabah(sri, 'NS-000002')).toBe(false)
  })
})

describe('receiptTime', () => {
  const formatDay = (date: string) => `[${date}]`

  it("shows the bank's wall clock and zone, never the phone's", () => {
    const recorded = { recordedAt: '2026-11-28T23:59:59+08:00', timezone: 'WITA' }
    expect(receiptTime(recorded, { language: 'id', formatDay })).toBe('[2026-11-28], 23.59 WITA')
    expect(receiptTime(recorded, { language: 'en', formatDay })).toBe('[2026-11-28], 23:59 WITA')
  })

  it('keeps midnight on the new day', () => {
    const recorded = { recordedAt: '2026-12-01T00:00:05+09:00', timezone: 'WIT' }
    expect(receiptTime(recorded, { language: 'id', formatDay })).toBe('[2026-12-01], 00.00 WIT')
  })
})
