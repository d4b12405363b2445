import type { WasteBalanceIndicator } from './indicators.ts'
import { CAPAIAN_COLUMNS } from './sipsn-sheets.ts'

/** One row of a sheet, keyed by its header text. */
export type SheetRow = Record<string, string | number | null | undefined>

export interface ImportedValue {
  year: number
  code: WasteBalanceIndicator
  value: number
  note: string
}

export interface ImportProblem {
  sheet: string
  row: number
  column: string
  code: 'import.not_a_number' | 'import.year_invalid'
}

export interface SipsnImport {
  values: ImportedValue[]
  problems: ImportProblem[]
  /** Every Kabupaten/Kota (or code) the file names that is not this city. */
  otherCities: string[]
}

const CAPAIAN_CODES: [string, WasteBalanceIndicator][] = [
  [CAPAIAN_COLUMNS[4], 'waste_timbulan_tpy'],
  [CAPAIAN_COLUMNS[5], 'waste_pengurangan_t'],
  [CAPAIAN_COLUMNS[6], 'waste_pengurangan_pct'],
  [CAPAIAN_COLUMNS[7], 'waste_penanganan_t'],
  [CAPAIAN_COLUMNS[8], 'waste_penanganan_pct'],
  [CAPAIAN_COLUMNS[10], 'waste_terkelola_pct'],
  [CAPAIAN_COLUMNS[13], 'waste_recycling_rate_pct'],
]
const CODE_COLUMNS = ['Kode Kabupaten/Kota', 'Kode Wilayah', 'Kode']

function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^kab\.?\s+/, 'kabupaten ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** SIPSN writes Indonesian numbers (`1.234,5`) as text as often as real numbers. */
export function sipsnNumber(cell: SheetRow[string]): number | null | 'invalid' {
  if (cell === null || cell === undefined || cell === '' || cell === '-') return null
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid'
  const text = cell.trim().replace('%', '')
  const normal = /,\d+$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '')
  const value = Number(normal)
  return Number.isFinite(value) && normal !== '' ? value : 'invalid'
}

function periodeRank(cell: SheetRow[string]): number {
  // A whole-year row beats periode 2, which beats periode 1.
  const text = String(cell ?? '').trim()
  if (text === '') return 3
  return text === '2' ? 2 : 1
}

interface Candidate extends ImportedValue {
  rank: number
}

/**
 * Reads SIPSN's Capaian Kinerja and Timbulan sheets as baseline values for one city. Rows of any
 * other city make the whole file foreign; any unreadable number makes the file invalid.
 */
export function readSipsnImport(options: {
  city: { code: string; name: string }
  capaian: SheetRow[]
  timbulan: SheetRow[]
}): SipsnImport {
  const problems: ImportProblem[] = []
  const otherCities = new Set<string>()
  const best = new Map<string, Candidate>()
  const offer = (candidate: Candidate) => {
    const key = `${candidate.year}|${candidate.code}`
    const current = best.get(key)
    if (!current || candidate.rank > current.rank) best.set(key, candidate)
  }
  const read = (sheet: string, rows: SheetRow[], columns: [string, WasteBalanceIndicator][]) => {
    rows.forEach((row, index) => {
      const rowNumber = index + 2
      const name = String(row['Kabupaten/Kota'] ?? '').trim()
      const code = CODE_COLUMNS.map((column) => row[column]).find(
        (value) => value !== undefined && value !== '',
      )
      if (
        code !== undefined
          ? String(code).trim() !== options.city.code
          : normalName(name) !== normalName(options.city.name)
      ) {
        otherCities.add(code !== undefined ? String(code) : name || '(kosong)')
        return
      }
      const year = Number(row.Tahun)
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        problems.push({ sheet, row: rowNumber, column: 'Tahun', code: 'import.year_invalid' })
        return
      }
      const periode = String(row.Periode ?? '').trim()
      for (const [column, indicator] of columns) {
        const value = sipsnNumber(row[column])
        if (value === 'invalid') problems.push({ sheet, row: rowNumber, column, code: 'import.not_a_number' })
        else if (value !== null) {
          const note = `SIPSN, ${sheet}${periode ? `, periode ${periode}` : ''}`
          offer({ year, code: indicator, value, note, rank: periodeRank(row.Periode) })
        }
      }
    })
  }
  read('Capaian Kinerja', options.capaian, CAPAIAN_CODES)
  read('Timbulan', options.timbulan, [['Timbulan Sampah Harian (ton)', 'waste_timbulan_tpd']])
  const values = [...best.values()].map(({ rank: _rank, ...value }) => value)
  return { values, problems, otherCities: [...otherCities] }
}
