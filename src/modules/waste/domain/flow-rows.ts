import { checkFlowShape, FLOW_KINDS, type FlowDraft, type FlowKind, OUTCOMES, type Outcome } from './flows.ts'
import {
  MATERIALS,
  type Material,
  SOURCE_SECTORS,
  type SourceSector,
  SUB_MATERIALS,
  type SubMaterial,
} from './materials.ts'

/**
 * The spreadsheet layout of the waste flow ledger, for import and export. Headers are Indonesian,
 * as officials keep their logs; every row is recorded at one facility (the one importing).
 */
export const FLOW_COLUMNS = [
  { key: 'tanggal', help: 'YYYY-MM-DD' },
  { key: 'jenis', help: FLOW_KINDS.join(' | ') },
  { key: 'bahan', help: MATERIALS.join(' | ') },
  { key: 'sub_bahan', help: 'opsional: pet, hdpe, kardus, besi, …' },
  { key: 'berat_kg', help: 'angka, koma atau titik desimal: 12,5' },
  { key: 'desa_kode', help: 'intake: kode Kemendagri desa/kelurahan asal' },
  { key: 'sumber', help: `intake: ${SOURCE_SECTORS.join(' | ')}` },
  { key: 'dipilah_dari', help: 'sorting: bahan asal, biasanya campuran' },
  { key: 'ke_fasilitas', help: 'transfer: nama fasilitas tujuan' },
  { key: 'hasil', help: `outcome: ${OUTCOMES.join(' | ')}` },
  { key: 'harga_per_kg', help: 'penjualan: rupiah bulat' },
  { key: 'pembeli', help: 'penjualan: nama pembeli' },
  { key: 'catatan', help: 'opsional' },
] as const
export type FlowColumn = (typeof FLOW_COLUMNS)[number]['key']
export type RawFlowRow = Partial<Record<FlowColumn, string>>

export interface RowProblem {
  /** Spreadsheet row number, counting the header as row 1. */
  row: number
  column: FlowColumn | null
  code: string
}

export interface ParsedFlowRow {
  row: number
  date: string
  draft: FlowDraft
  destinationName: string | null
  note: string | null
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null

/** "12,5", "12.5", "1.234,5" (Indonesian thousands) → grams; null for anything else or ≤ 0. */
export function kilogramsToGrams(text: string | undefined): number | null {
  if (!text) return null
  let normalised = text.trim().replace(/\s/g, '')
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(normalised)) normalised = normalised.replace(/\./g, '')
  normalised = normalised.replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null
  const grams = Math.round(Number(normalised) * 1000)
  return grams > 0 && Number.isSafeInteger(grams) ? grams : null
}

function isIsoDate(text: string | undefined): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

const FIELD_COLUMN: Record<string, FlowColumn> = {
  weightGrams: 'berat_kg',
  subMaterial: 'sub_bahan',
  from: 'desa_kode',
  to: 'ke_fasilitas',
  sortedFrom: 'dipilah_dari',
  outcome: 'hasil',
  pricePerKgRupiah: 'harga_per_kg',
  buyerName: 'pembeli',
}

/**
 * One spreadsheet row to a movement at `facilityId`, or its problems. References (the desa, the
 * destination facility) and the stock are checked by the server afterwards.
 */
export function parseFlowRow(options: {
  raw: RawFlowRow
  row: number
  facilityId: number
}): ParsedFlowRow | RowProblem[] {
  const { raw, row, facilityId } = options
  const problems: RowProblem[] = []
  const fail = (column: FlowColumn | null, code: string) => problems.push({ row, column, code })
  const kind = oneOf<FlowKind>(FLOW_KINDS, raw.jenis)
  const material = oneOf<Material>(MATERIALS, raw.bahan)
  const weightGrams = kilogramsToGrams(raw.berat_kg)
  if (!isIsoDate(raw.tanggal)) fail('tanggal', 'import.date_invalid')
  if (!kind) fail('jenis', 'import.value_unknown')
  if (!material) fail('bahan', 'import.value_unknown')
  if (weightGrams === null) fail('berat_kg', 'flow.weight_positive')
  const subMaterial = raw.sub_bahan
    ? oneOf<SubMaterial>(Object.keys(SUB_MATERIALS) as SubMaterial[], raw.sub_bahan)
    : null
  if (raw.sub_bahan && !subMaterial) fail('sub_bahan', 'import.value_unknown')
  const price = raw.harga_per_kg ? Number(raw.harga_per_kg.replace(/\./g, '')) : null
  if (raw.harga_per_kg && !Number.isSafeInteger(price)) fail('harga_per_kg', 'import.number_invalid')
  if (problems.length > 0 || !kind || !material || weightGrams === null) return problems

  const draft: FlowDraft = {
    kind,
    material,
    weightGrams,
    subMaterial,
    sortedFrom: kind === 'sorting' ? oneOf<Material>(MATERIALS, raw.dipilah_dari) : null,
    fromFacilityId: kind === 'intake' ? null : facilityId,
    fromVillageCode: kind === 'intake' ? (raw.desa_kode ?? null) : null,
    fromSector: kind === 'intake' ? oneOf<SourceSector>(SOURCE_SECTORS, raw.sumber) : null,
    // A transfer's destination is resolved by name later; a placeholder keeps the shape check honest.
    toFacilityId:
      kind === 'intake' || kind === 'sorting'
        ? facilityId
        : kind === 'transfer' && raw.ke_fasilitas
          ? -1
          : null,
    outcome: kind === 'outcome' ? oneOf<Outcome>(OUTCOMES, raw.hasil) : null,
    pricePerKgRupiah: price,
    buyerName: raw.pembeli || null,
  }
  for (const problem of checkFlowShape(draft)) {
    fail(FIELD_COLUMN[problem.field] ?? null, problem.code)
  }
  if (problems.length > 0) return problems
  return {
    row,
    date: raw.tanggal!,
    draft,
    destinationName: raw.ke_fasilitas?.trim() || null,
    note: raw.catatan?.trim() || null,
  }
}
