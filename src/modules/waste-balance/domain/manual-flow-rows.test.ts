import { describe, expect, it } from 'vitest'
import { parseManualFlowRow } from './manual-flow-rows.ts'

describe('a row of hand-kept flows', () => {
  it('reads a month, a part, kilograms in Indonesian writing and a source', () => {
    expect(
      parseManualFlowRow(
        2,
        {
          bulan: '2026-03',
          bagian: 'to_recycler',
          bahan: 'plastik',
          kecamatan: '35.79.01',
          berat_kg: '1.250,5',
          sumber: 'Survei pengepul',
        },
        '35.79',
      ),
    ).toEqual({
      flow: {
        month: '2026-03',
        part: 'to_recycler',
        material: 'plastik',
        districtCode: '35.79.01',
        weightGrams: 1_250_500,
        source: 'Survei pengepul',
      },
    })
  })

  it("names every problem of the row, including another city's kecamatan", () => {
    expect(
      parseManualFlowRow(
        3,
        {
          bulan: '2026-13',
          bagian: 'dibuang',
          bahan: 'emas',
          kecamatan: '73.73.01',
          berat_kg: '0',
          sumber: '',
        },
        '35.79',
      ),
    ).toEqual({
      problems: [
        { row: 3, column: 'bulan', code: 'import.month_invalid' },
        { row: 3, column: 'bagian', code: 'import.part_unknown' },
        { row: 3, column: 'bahan', code: 'import.material_unknown' },
        { row: 3, column: 'kecamatan', code: 'import.district_not_in_city' },
        { row: 3, column: 'berat_kg', code: 'flow.weight_positive' },
        { row: 3, column: 'sumber', code: 'import.source_required' },
      ],
    })
  })
})
