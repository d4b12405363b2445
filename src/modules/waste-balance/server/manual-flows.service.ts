import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { balancePeriod } from '../domain/periods.ts'
import type { BalancePart } from '../domain/terminal-flows.ts'
import * as repo from './waste-balance.repository.ts'

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
