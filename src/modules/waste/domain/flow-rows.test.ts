import { describe, expect, it } from 'vitest'
import { kilogramsToGrams, parseFlowRow } from './flow-rows.ts'

describe('weights typed in a spreadsheet', () => {
  it('reads decimal commas and points, and Indonesian thousands', () => {
    expect(kilogramsToGrams('12,5')).toBe(12_500)
    expect(kilogramsToGrams('12.5')).toBe(12_500)
    expect(kilogramsToGrams('1.234,5')).toBe(1_234_500)
    expect(kilogramsToGrams('0,001')).toBe(1)
  })

  it('refuses zero, negatives and words', () => {
    for (const text of ['0', '-3', 'dua belas', '', '0,0001']) expect(kilogramsToGrams(text)).toBeNull()
  })
})

describe('a ledger row from a spreadsheet', () => {
  const intake = {
    tanggal: '2026-11-02',
    jenis: 'intake',
    bahan: 'campuran',
    berat_kg: '100',
    desa_kode: '35.79.01.2006',
    sumber: 'rumah_tangga',
  }

  it('becomes an intake into the importing facility', () => {
    const parsed = parseFlowRow({ raw: intake, row: 2, facilityId: 7 })
    expect(parsed).toMatchObject({
      row: 2,
      date: '2026-11-02',
      draft: { kind: 'intake', weightGrams: 100_000, toFacilityId: 7 },
    })
  })

  it('names the row and column of every problem', () => {
    const problems = parseFlowRow({
      raw: { ...intake, tanggal: '2026-02-30', bahan: 'emas', berat_kg: '0' },
      row: 5,
      facilityId: 7,
    })
    expect(problems).toEqual([
      { row: 5, column: 'tanggal', code: 'import.date_invalid' },
      { row: 5, column: 'bahan', code: 'import.value_unknown' },
      { row: 5, column: 'berat_kg', code: 'flow.weight_positive' },
    ])
  })

  it('applies the ledger shape rules: a sale needs a price and a buyer', () => {
    const problems = parseFlowRow({
      raw: {
        tanggal: '2026-11-02',
        jenis: 'outcome',
        hasil: 'recycled_sold',
        bahan: 'plastik',
        berat_kg: '5',
      },
      row: 3,
      facilityId: 7,
    })
    expect(problems).toEqual([
      { row: 3, column: 'harga_per_kg', code: 'flow.sale_needs_price' },
      { row: 3, column: 'pembeli', code: 'flow.sale_needs_buyer' },
    ])
  })

  it('takes a transfer destination by name', () => {
    const parsed = parseFlowRow({
      raw: {
        tanggal: '2026-11-02',
        jenis: 'transfer',
        bahan: 'lainnya',
        berat_kg: '15',
        ke_fasilitas: 'TPA Tlekung',
      },
      row: 4,
      facilityId: 7,
    })
    expect(parsed).toMatchObject({ destinationName: 'TPA Tlekung', draft: { fromFacilityId: 7 } })
  })
})
