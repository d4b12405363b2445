/**
 * Rules across the rows of one file: duplicates within it, a file made for another city, and
 * which business of the registry each row is.
 */
import type { SidtColumn, SidtProblem } from './sidt-columns.ts'
import type { SidtRecord, SidtRowResult } from './sidt-rows.ts'

/**
 * Problems that span rows: the same SIDT id or the same NIB twice in one file. The later row is
 * the one reported, naming the earlier.
 */
export function findDuplicates(records: readonly SidtRecord[]): SidtProblem[] {
  const problems: SidtProblem[] = []
  const ids = new Map<string, number>()
  const nibs = new Map<string, number>()
  for (const record of records) {
    const { sidtId, nib } = record.business
    if (sidtId !== null) {
      const first = ids.get(sidtId)
      if (first !== undefined)
        problems.push({
          row: record.row,
          column: 'id_data_badan_usaha',
          code: 'umkm.sidt_duplicate_id',
          params: { first },
        })
      else ids.set(sidtId, record.row)
    }
    if (nib !== undefined) {
      const first = nibs.get(nib)
      if (first !== undefined)
        problems.push({ row: record.row, column: 'nib', code: 'umkm.sidt_duplicate_nib', params: { first } })
      else nibs.set(nib, record.row)
    }
  }
  return problems
}

/**
 * A file made for another city: every row that names its kota names another one. Refused as a
 * whole, with one clear answer, instead of one identical problem per row.
 */
export function statedOtherCity(results: readonly SidtRowResult[]): string | null {
  if (results.length === 0) return null
  let stated: string | null = null
  for (const result of results) {
    if (!('problems' in result)) return null
    const other = result.problems.find((p) => p.column === 'kab_usaha' && p.code === 'umkm.sidt_other_city')
    if (!other) return null
    stated ??= String(other.params?.value ?? '')
  }
  return stated
}

export interface ExistingBusinessKey {
  id: number
  sidtId: string | null
  nib: string | null
}

export interface SidtImportPlan {
  inserts: SidtRecord[]
  updates: { id: number; record: SidtRecord }[]
  problems: SidtProblem[]
}

/**
 * Which business each row is: the one with its SIDT id, else the one with its NIB (a business
 * registered in Sinergi before it had a SIDT id gets linked, not duplicated), else a new one. An
 * NIB already held by a different business is refused, as is a row that lands on a business
 * another row of the file already took.
 */
export function planSidtImport(
  records: readonly SidtRecord[],
  existing: readonly ExistingBusinessKey[],
): SidtImportPlan {
  const bySidtId = new Map<string, ExistingBusinessKey>()
  const byNib = new Map<string, ExistingBusinessKey>()
  for (const business of existing) {
    if (business.sidtId !== null) bySidtId.set(business.sidtId, business)
    if (business.nib !== null) byNib.set(business.nib, business)
  }
  const plan: SidtImportPlan = { inserts: [], updates: [], problems: [] }
  const taken = new Map<number, number>()
  for (const record of records) {
    const { sidtId, nib } = record.business
    const fail = (column: SidtColumn, code: string, params?: Record<string, unknown>) =>
      plan.problems.push({ row: record.row, column, code, ...(params ? { params } : {}) })
    const holder = nib === undefined ? undefined : byNib.get(nib)
    let target = sidtId === null ? undefined : bySidtId.get(sidtId)
    if (target) {
      if (holder && holder.id !== target.id) {
        fail('nib', 'umkm.nib_taken', { nib })
        continue
      }
    } else if (holder) {
      if (sidtId !== null && holder.sidtId !== null) {
        fail('nib', 'umkm.sidt_nib_other_record', { nib, sidtId: holder.sidtId })
        continue
      }
      target = holder
    }
    if (!target) {
      if (record.isOwnerNameMasked) fail('nama_pengusaha', 'umkm.sidt_masked_new')
      else plan.inserts.push(record)
      continue
    }
    const first = taken.get(target.id)
    if (first !== undefined) {
      fail(sidtId === null ? 'nib' : 'id_data_badan_usaha', 'umkm.sidt_duplicate_match', { first })
      continue
    }
    taken.set(target.id, record.row)
    plan.updates.push({ id: target.id, record })
  }
  return plan
}
