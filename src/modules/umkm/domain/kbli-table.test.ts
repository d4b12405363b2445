import { describe, expect, it } from 'vitest'
import { KBLI_2020 } from './identifiers.ts'
import { parseKbliTable } from './kbli-table.ts'

describe('parseKbliTable', () => {
  it('keeps the 5-digit kelompok of a BPS table and skips the levels above them', () => {
    const { kelompok, problems } = parseKbliTable(
      [
        { row: 2, kode: 'C', judul: 'INDUSTRI PENGOLAHAN' },
        { row: 3, kode: '10', judul: 'Industri makanan' },
        { row: 4, kode: '103', judul: 'Industri pengolahan dan pengawetan buah-buahan dan sayuran' },
        { row: 5, kode: '1039', judul: 'Industri pengolahan dan pengawetan lainnya buah-buahan dan sayuran' },
        { row: 6, kode: ' 10392 ', judul: 'Industri  pengolahan sari buah' },
        { row: 7, kode: 13134, judul: 'Industri batik' },
        { row: 8, kode: '01240', judul: 'Pertanian buah apel dan buah batu' },
      ],
      KBLI_2020,
    )
    expect(problems).toEqual([])
    expect(kelompok).toEqual([
      { code: '10392', category: 'C', title: 'Industri pengolahan sari buah' },
      { code: '13134', category: 'C', title: 'Industri batik' },
      { code: '01240', category: 'A', title: 'Pertanian buah apel dan buah batu' },
    ])
  })

  it('names every row it cannot take: an ambiguous number, a duplicate, no title, no such division', () => {
    const { kelompok, problems } = parseKbliTable(
      [
        { row: 2, kode: 1240, judul: 'Pertanian buah apel' },
        { row: 3, kode: '10392', judul: 'Industri pengolahan sari buah' },
        { row: 4, kode: '10392', judul: 'Industri pengolahan sari buah' },
        { row: 5, kode: '10393', judul: '  ' },
        { row: 6, kode: '04000', judul: 'Tidak ada' },
      ],
      KBLI_2020,
    )
    expect(kelompok.map((row) => row.code)).toEqual(['10392'])
    expect(problems).toEqual([
      { row: 2, code: 'kbli_table.number_cell', value: '1240' },
      { row: 4, code: 'kbli_table.duplicate', value: '10392' },
      { row: 5, code: 'kbli_table.title_missing', value: '10393' },
      { row: 6, code: 'kbli_table.unknown_division', value: '04000' },
    ])
  })
})
