import { kilogramsToGrams } from '../../waste/domain/flow-rows.ts'
import { MATERIALS } from '../../waste/domain/materials.ts'
import { type BalancePart, HANDLING_PARTS, REDUCTION_PARTS } from './terminal-flows.ts'

/** The columns of a spreadsheet of hand-kept flows (a pengepul survey, an RDF plant's receipts). */
export const MANUAL_FLOW_COLUMNS = ['bulan', 'bagian', 'bahan', 'kecamatan', 'berat_kg', 'sumber'] as const
export type ManualFlowColumn = (typeof MANUAL_FLOW_COLUMNS)[number]
export type RawManualFlow = Partial<Record<ManualFlowColumn, string>>

export interface ParsedManualFlow {
  month: string
  part: BalancePart
  material: string | null
  districtCode: string | null
  weightGrams: number
  source: string
}

export interface ManualRowProblem {
  row: number
  column: ManualFlowColumn
  code: string
}

const PARTS: readonly string[] = [...REDUCTION_PARTS, ...HANDLING_PARTS]

/** One row, checked against the city (`35.79`): every problem of the row, or the flow. */
export function parseManualFlowRow(
  row: number,
  raw: RawManualFlow,
  cityCode: string,
): { flow: ParsedManualFlow } | { problems: ManualRowProblem[] } {
  const problems: ManualRowProblem[] = []
  const problem = (column: ManualFlowColumn, code: string) => problems.push({ row, column, code })
  const month = raw.bulan?.trim() ?? ''
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problem('bulan', 'import.month_invalid')
  const part = raw.bagian?.trim() ?? ''
  if (!PARTS.includes(part)) problem('bagian', 'import.part_unknown')
  const material = raw.bahan?.trim() || null
  if (material && !(MATERIALS as readonly string[]).includes(material))
    problem('bahan', 'import.material_unknown')
  const districtCode = raw.kecamatan?.trim() || null
  if (districtCode && !new RegExp(`^${cityCode.replace('.', '\\.')}\\.\\d{2}$`).test(districtCode)) {
    problem('kecamatan', 'import.district_not_in_city')
  }
  const weightGrams = kilogramsToGrams(raw.berat_kg)
  if (weightGrams === null) problem('berat_kg', 'flow.weight_positive')
  const source = raw.sumber?.trim() ?? ''
  if (source.length < 2) problem('sumber', 'import.source_required')
  if (problems.length > 0) return { problems }
  return {
    flow: { month, part: part as BalancePart, material, districtCode, weightGrams: weightGrams!, source },
  }
}
