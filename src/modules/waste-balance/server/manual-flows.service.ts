import ExcelJS from 'exceljs'
import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  MANUAL_FLOW_COLUMNS,
  type ManualRowProblem,
  type ParsedManualFlow,
  parseManualFlowRow,
} from '../domain/manual-flow-rows.ts'
import { balancePeriod } from '../domain/periods.ts'
import type { BalancePart } from '../domain/terminal-flows.ts'
import * as repo from './waste-balance.repository.ts'
import { loadWorkbook, rowsOf } from './xlsx-rows.ts'

export interface ManualFlowInput {
  month: string
  part: BalancePart
  material?: string | null
  districtCode?: string | null
  weightGrams: number
  source: string
}

function present(row: repo.ManualFlowRow) {
  return {
    id: row.publicId,
    month: row.month.slice(0, 7),
    part: row.part,
    material: row.material,
    districtCode: row.districtCode,
    weightGrams: row.weightGrams,
    provenance: row.provenance,
    source: row.source,
  }
}

export async function listManualFlows(context: ServiceContext, options: { city: CityRef; period: string }) {
  assertCan(context.access, {
    actor: context.actor!,
    cityId: options.city.id,
    permission: 'waste_balance:read',
  })
  const period = balancePeriod(options.period)
  if (!period) throw fieldError('/query/period', 'balance.period_invalid', { period: options.period })
  const rows = await repo.listManualFlows(context.database.db, {
    cityId: options.city.id,
    start: period.start,
    end: period.end,
  })
  return rows.map(present)
}

/** A flow the platform does not see, with where the figure came from; `imported` rows come from a file. */
export async function addManualFlow(
  context: ServiceContext,
  options: { city: CityRef; input: ManualFlowInput; provenance?: 'manual' | 'imported' },
) {
  const { city, input } = options
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'waste_balance:write' })
  if (!balancePeriod(input.month) || input.month.length !== 7) {
    throw fieldError('/body/month', 'balance.period_invalid', { period: input.month })
  }
  if (input.districtCode && !input.districtCode.startsWith(`${city.code}.`)) {
    throw fieldError('/body/districtCode', 'balance.district_not_in_city', { code: input.districtCode })
  }
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertManualFlow(tx, {
      cityId: city.id,
      month: `${input.month}-01`,
      part: input.part,
      material: input.material ?? null,
      districtCode: input.districtCode ?? null,
      weightGrams: input.weightGrams,
      provenance: options.provenance ?? 'manual',
      source: input.source.trim(),
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'waste_balance.manual_flow_added',
      entityType: 'waste_balance_manual_flow',
      entityId: inserted.publicId,
      after: present(inserted),
    })
    return inserted
  })
  return present(row)
}

/** A hand-entered flow entered by mistake is removed; the audit log keeps what it was. */
export async function removeManualFlow(context: ServiceContext, options: { city: CityRef; flowId: string }) {
  assertCan(context.access, {
    actor: context.actor!,
    cityId: options.city.id,
    permission: 'waste_balance:write',
  })
  await runWrite(context, async (tx) => {
    const removed = await repo.deleteManualFlow(tx, { cityId: options.city.id, publicId: options.flowId })
    if (!removed) throw new AppError('balance.manual_flow_not_found')
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'waste_balance.manual_flow_removed',
      entityType: 'waste_balance_manual_flow',
      entityId: removed.publicId,
      before: present(removed),
    })
  })
}

export const MAX_MANUAL_ROWS = 5_000

/**
 * A spreadsheet of hand-kept flows (columns bulan, bagian, bahan, kecamatan, berat_kg, sumber):
 * every row is checked, and a file with any bad row imports nothing. The rows keep provenance
 * `imported` and their own source.
 */
export async function importManualFlows(context: ServiceContext, options: { city: CityRef; body: Buffer }) {
  const { city } = options
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'waste_balance:write' })
  const workbook = await loadWorkbook(options.body)
  const rows = rowsOf(workbook.worksheets[0])
  if (rows.length === 0) throw new AppError('import.file_empty')
  if (rows.length > MAX_MANUAL_ROWS)
    throw new AppError('import.too_many_rows', { params: { max: MAX_MANUAL_ROWS } })
  const flows: ParsedManualFlow[] = []
  const problems: ManualRowProblem[] = []
  rows.forEach((raw, index) => {
    const text = Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [
        key.trim().toLowerCase(),
        value === null ? undefined : String(value),
      ]),
    )
    const parsed = parseManualFlowRow(index + 2, text, city.code)
    if ('flow' in parsed) flows.push(parsed.flow)
    else problems.push(...parsed.problems)
  })
  if (problems.length > 0) {
    throw new AppError('import.rows_invalid', {
      params: { count: new Set(problems.map((problem) => problem.row)).size },
      details: problems.map((problem) => ({
        field: `/rows/${problem.row}/${problem.column}`,
        code: problem.code,
        params: { row: problem.row, column: problem.column },
      })),
    })
  }
  await runWrite(context, async (tx) => {
    await repo.insertManualFlows(
      tx,
      flows.map((flow) => ({
        cityId: city.id,
        month: `${flow.month}-01`,
        part: flow.part,
        material: flow.material,
        districtCode: flow.districtCode,
        weightGrams: flow.weightGrams,
        provenance: 'imported' as const,
        source: flow.source,
        recordedBy: context.actor?.userId ?? null,
      })),
    )
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'waste_balance.manual_flows_imported',
      entityType: 'waste_balance_manual_flow',
      entityId: null,
      after: { rows: flows.length, grams: flows.reduce((sum, flow) => sum + flow.weightGrams, 0) },
    })
  })
  return { imported: flows.length }
}

/** The import layout with two example rows, for a spreadsheet program. */
export async function manualFlowTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Aliran manual')
  sheet.addRow([...MANUAL_FLOW_COLUMNS])
  sheet.getRow(1).font = { bold: true }
  sheet.addRow(['2026-01', 'to_recycler', 'plastik', '', '1250,5', 'Survei pengepul DLH'])
  sheet.addRow(['2026-01', 'feedstock', 'lainnya', '', '30000', 'Tanda terima RDF pabrik semen'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
