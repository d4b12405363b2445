import { checkKbliCode, type KbliReference } from './identifiers.ts'

/** One kelompok of a KBLI version's table. */
export interface KbliKelompok {
  code: string
  category: string
  title: string
}

export interface KbliTableProblem {
  row: number
  code: string
  value?: string
}

/** Fewer kelompok than this is not the whole table (KBLI 2020 has about 1,790). */
export const KBLI_TABLE_MIN_ROWS = 1000

/**
 * The kelompok of a BPS KBLI table: rows of `kode` and `judul`. The publication lists kategori (a
 * letter), golongan pokok (2 digits), golongan (3) and subgolongan (4) in the same column; only the
 * 5-digit kelompok are kept. A number cell of fewer than 5 digits is refused as ambiguous (a
 * subgolongan, or a category A kelompok that lost its leading 0): the column must be text.
 */
export function parseKbliTable(
  rows: readonly { row: number; kode: unknown; judul: unknown }[],
  reference: KbliReference,
): { kelompok: KbliKelompok[]; problems: KbliTableProblem[] } {
  const kelompok: KbliKelompok[] = []
  const problems: KbliTableProblem[] = []
  const seen = new Set<string>()
  for (const { row, kode, judul } of rows) {
    if (typeof kode === 'number') {
      if (!Number.isInteger(kode) || kode < 10_000) {
        problems.push({ row, code: 'kbli_table.number_cell', value: String(kode) })
        continue
      }
    }
    const code = String(kode ?? '').trim()
    if (!/^\d{5}$/.test(code)) continue
    const check = checkKbliCode(code, reference)
    const title = typeof judul === 'string' ? judul.trim().replace(/\s+/g, ' ') : ''
    if (!check.ok) problems.push({ row, code: 'kbli_table.unknown_division', value: code })
    else if (seen.has(code)) problems.push({ row, code: 'kbli_table.duplicate', value: code })
    else if (title === '') problems.push({ row, code: 'kbli_table.title_missing', value: code })
    else {
      seen.add(code)
      kelompok.push({ code, category: check.category, title })
    }
  }
  return { kelompok, problems }
}
