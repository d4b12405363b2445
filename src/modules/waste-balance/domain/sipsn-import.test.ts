import { describe, expect, it } from 'vitest'
import { readSipsnImport, sipsnNumber } from './sipsn-import.ts'

const batu = { code: '35.79', name: 'Kota Batu' }
const row = (values: Record<string, string | number | null>) => ({
  Tahun: 2024,
  Provinsi: 'Jawa Timur',
  'Kabupaten/Kota': 'Kota Batu',
  ...values,
})

describe('reading SIPSN baselines', () => {
  it('reads Indonesian and plain numbers, and refuses text', () => {
    expect(sipsnNumber('52.910,59')).toBe(52910.59)
    expect(sipsnNumber('25,69%')).toBe(25.69)
    expect(sipsnNumber(144.96)).toBe(144.96)
    expect(sipsnNumber('-')).toBeNull()
    expect(sipsnNumber('banyak')).toBe('invalid')
  })

  it('prefers the whole-year row over periode 2 over periode 1', () => {
    const result = readSipsnImport({
      city: batu,
      capaian: [
        row({ Periode: 1, 'Timbulan Sampah Tahunan (ton/tahun)(A)': 26_000 }),
        row({
          Periode: 2,
          'Timbulan Sampah Tahunan (ton/tahun)(A)': 52_910.59,
          '%Pengurangan Sampah(B/A)': '25,69',
        }),
      ],
      timbulan: [row({ 'Timbulan Sampah Harian (ton)': '144,96' })],
    })
    expect(result.problems).toEqual([])
    expect(result.values).toEqual(
      expect.arrayContaining([
        {
          year: 2024,
          code: 'waste_timbulan_tpy',
          value: 52_910.59,
          note: 'SIPSN, Capaian Kinerja, periode 2',
        },
        {
          year: 2024,
          code: 'waste_pengurangan_pct',
          value: 25.69,
          note: 'SIPSN, Capaian Kinerja, periode 2',
        },
        { year: 2024, code: 'waste_timbulan_tpd', value: 144.96, note: 'SIPSN, Timbulan' },
      ]),
    )
    expect(result.values).toHaveLength(3)
  })

  it("names every other city's rows, by name or by code", () => {
    const result = readSipsnImport({
      city: batu,
      capaian: [row({ 'Kabupaten/Kota': 'Kota Palopo' }), row({ Kode: '73.73' })],
      timbulan: [row({ 'Kabupaten/Kota': 'KOTA  BATU' })],
    })
    expect(result.otherCities).toEqual(['Kota Palopo', '73.73'])
  })

  it('reports the row and column of every unreadable figure', () => {
    const result = readSipsnImport({
      city: batu,
      capaian: [
        row({ Tahun: 'dua ribu', 'Timbulan Sampah Tahunan (ton/tahun)(A)': 1 }),
        row({ '%Penanganan Sampah(C/A)': 'x' }),
      ],
      timbulan: [],
    })
    expect(result.problems).toEqual([
      { sheet: 'Capaian Kinerja', row: 2, column: 'Tahun', code: 'import.year_invalid' },
      { sheet: 'Capaian Kinerja', row: 3, column: '%Penanganan Sampah(C/A)', code: 'import.not_a_number' },
    ])
  })
})
