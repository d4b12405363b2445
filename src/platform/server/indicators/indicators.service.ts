import { type PeriodKind, parsePeriod } from '../../domain/periods.ts'
import { assertCan } from '../access/policy.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { ServiceContext } from '../context.ts'
import type { Tx } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { runWrite } from '../idempotency/run-write.ts'
import type { CityRef } from '../module.ts'
import * as repo from './indicators.repository.ts'

export function listIndicatorDefinitions(context: ServiceContext) {
  return repo.listDefinitions(context.database.db)
}

async function requireDefinition(context: ServiceContext, code: string) {
  const definition = await repo.findDefinition(context.database.db, code)
  if (!definition) throw new AppError('indicator.not_found', { params: { code } })
  return definition
}

export async function listIndicatorValues(
  context: ServiceContext,
  options: { city: CityRef; code: string; from?: string; to?: string },
) {
  assertCan(context.access, { actor: context.actor!, cityId: options.city.id, permission: 'indicators:read' })
  const definition = await requireDefinition(context, options.code)
  const values = await repo.listValues(context.database.db, { cityId: options.city.id, ...options })
  return { definition, values }
}

/**
 * A figure typed in by hand (e.g. population from BPS), always with the document it came from.
 * Entering the same period again replaces the manual value; computed and imported values are
 * kept apart and never overwritten by it.
 */
export async function recordManualValue(
  context: ServiceContext,
  options: { city: CityRef; code: string; period: string; value: number; sourceNote: string },
) {
  const actor = context.actor!
  assertCan(context.access, { actor, cityId: options.city.id, permission: 'indicators:write' })
  const definition = await requireDefinition(context, options.code)
  const range = parsePeriod(definition.periodKind as PeriodKind, options.period)
  if (!range) {
    throw new AppError('validation.failed', {
      details: [
        {
          field: '/params/period',
          code: 'indicator.period_invalid',
          params: { period: options.period, kind: definition.periodKind },
        },
      ],
    })
  }
  return runWrite(context, async (tx) => {
    const before = await repo.findValue(tx, {
      cityId: options.city.id,
      code: definition.code,
      period: options.period,
      provenance: 'manual',
    })
    const row = await repo.upsertValue(tx, {
      cityId: options.city.id,
      indicatorCode: definition.code,
      period: options.period,
      periodStart: range.start,
      periodEnd: range.end,
      value: String(options.value),
      provenance: 'manual',
      sourceNote: options.sourceNote.trim(),
      formulaVersion: definition.formulaVersion,
      recordedBy: actor.userId,
    })
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: before ? 'indicator_value.updated' : 'indicator_value.created',
      entityType: 'indicator_value',
      entityId: row.publicId,
      before: before ? { value: Number(before.value), sourceNote: before.sourceNote } : undefined,
      after: {
        indicator: definition.code,
        period: row.period,
        value: Number(row.value),
        sourceNote: row.sourceNote,
      },
    })
    return row
  })
}

/**
 * Values a module computed from its own records (or imported from a file), written in the module's
 * transaction: the value of that provenance and period is replaced, the others are left as they are.
 */
export async function recordComputedValues(
  tx: Tx,
  options: {
    cityId: number
    period: string
    periodKind: PeriodKind
    values: { code: string; value: number; formulaVersion: string; sourceNote: string }[]
    recordedBy: number | null
    provenance?: 'computed' | 'imported'
  },
) {
  const range = parsePeriod(options.periodKind, options.period)
  if (!range) throw new Error(`Malformed ${options.periodKind} period ${options.period}`)
  for (const value of options.values) {
    await repo.upsertValue(tx, {
      cityId: options.cityId,
      indicatorCode: value.code,
      period: options.period,
      periodStart: range.start,
      periodEnd: range.end,
      value: String(value.value),
      provenance: options.provenance ?? 'computed',
      sourceNote: value.sourceNote,
      formulaVersion: value.formulaVersion,
      recordedBy: options.recordedBy,
    })
  }
}
