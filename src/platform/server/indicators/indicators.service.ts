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

/**
 * One indicator's values: the city rows by default, one kecamatan's (`district` its code, which
 * must be the city's) or `all`, the city and every kecamatan.
 */
export async function listIndicatorValues(
  context: ServiceContext,
  options: { city: CityRef; code: string; from?: string; to?: string; district?: string },
) {
  assertCan(context.access, { actor: context.actor!, cityId: options.city.id, permission: 'indicators:read' })
  const definition = await requireDefinition(context, options.code)
  if (options.district !== undefined && options.district !== 'all') {
    await requireCityDistrict(context, options.city, options.district)
  }
  const values = await repo.listValues(context.database.db, { cityId: options.city.id, ...options })
  return { definition, values }
}

async function requireCityDistrict(context: ServiceContext, city: CityRef, code: string) {
  const district = await repo.findCityDistrict(context.database.db, city.id, code)
  if (!district)
    throw new AppError('indicator.district_not_found', { params: { district: code, city: city.name } })
  return district
}

/**
 * Every registered indicator with its values of one year: the year, its semesters and months,
 * every provenance, city rows and kecamatan rows. Two statements, whatever the number of indicators.
 */
export async function indicatorOverview(context: ServiceContext, options: { city: CityRef; year: number }) {
  assertCan(context.access, { actor: context.actor!, cityId: options.city.id, permission: 'indicators:read' })
  const definitions = await repo.listDefinitions(context.database.db)
  const values = await repo.listValuesOfYear(context.database.db, {
    cityId: options.city.id,
    year: options.year,
  })
  const byCode = new Map<string, repo.IndicatorValueWithDistrict[]>()
  for (const value of values) {
    const list = byCode.get(value.indicatorCode) ?? []
    list.push(value)
    byCode.set(value.indicatorCode, list)
  }
  return definitions.map((definition) => ({ definition, values: byCode.get(definition.code) ?? [] }))
}

/**
 * A figure typed in by hand (e.g. population from BPS), always with the document it came from.
 * Entering the same period again replaces the manual value; computed and imported values are
 * kept apart and never overwritten by it.
 */
export async function recordManualValue(
  context: ServiceContext,
  options: {
    city: CityRef
    code: string
    period: string
    value: number
    sourceNote: string
    /** A kecamatan of the city; absent or null is the whole city. */
    districtCode?: string | null
  },
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
  const districtCode = options.districtCode ?? null
  const district = districtCode
    ? await repo.findCityDistrict(context.database.db, options.city.id, districtCode)
    : null
  if (districtCode && !district) {
    throw new AppError('validation.failed', {
      details: [
        {
          field: '/body/districtCode',
          code: 'indicator.district_not_found',
          params: { district: districtCode, city: options.city.name },
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
      districtCode,
    })
    const row = await repo.upsertValue(tx, {
      cityId: options.city.id,
      indicatorCode: definition.code,
      period: options.period,
      periodStart: range.start,
      periodEnd: range.end,
      districtCode,
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
        districtCode: row.districtCode,
        value: Number(row.value),
        sourceNote: row.sourceNote,
      },
    })
    return { ...row, districtName: district?.name ?? null }
  })
}

/**
 * One value a module writes; without `districtCode` (or with null) it is the whole city's. A `value`
 * of null says the figure has no value now (e.g. a share without its denominator): the earlier one
 * is removed, never kept stale nor written as 0.
 */
export interface ComputedValue {
  code: string
  value: number | null
  formulaVersion: string
  sourceNote: string
  /** A kecamatan of the city (Kemendagri code, e.g. `35.79.01`). */
  districtCode?: string | null
}

/**
 * Values a module computed from its own records (or imported from a file), written in the module's
 * transaction. For every indicator code present in `values`, the set REPLACES that code's earlier
 * values of the same city, period and provenance, city row and kecamatan rows alike: a kecamatan
 * missing from the set loses its stale value. Codes not present, and other provenances (a manual
 * value above all), are left as they are; a code given only with a null value loses its rows.
 * A kecamatan of another city, or the same code and kecamatan twice, is a programming error and
 * throws.
 */
export async function recordComputedValues(
  tx: Tx,
  options: {
    cityId: number
    period: string
    periodKind: PeriodKind
    values: ComputedValue[]
    recordedBy: number | null
    provenance?: 'computed' | 'imported'
  },
) {
  const range = parsePeriod(options.periodKind, options.period)
  if (!range) throw new Error(`Malformed ${options.periodKind} period ${options.period}`)
  const keys = new Set<string>()
  for (const value of options.values) {
    const key = `${value.code}|${value.districtCode ?? ''}`
    if (keys.has(key))
      throw new Error(`Indicator ${value.code} given twice for ${value.districtCode ?? 'the city'}`)
    keys.add(key)
  }
  const districtCodes = [
    ...new Set(options.values.flatMap((value) => (value.districtCode ? [value.districtCode] : []))),
  ]
  const own = await repo.cityDistrictCodes(tx, options.cityId, districtCodes)
  const foreign = districtCodes.filter((code) => !own.has(code))
  if (foreign.length > 0) {
    throw new Error(`Kecamatan ${foreign.join(', ')} not of city ${options.cityId}`)
  }
  const provenance = options.provenance ?? 'computed'
  const codes = [...new Set(options.values.map((value) => value.code))]
  await repo.replaceValues(
    tx,
    { cityId: options.cityId, period: options.period, provenance, codes },
    options.values
      .flatMap((value) => (value.value === null ? [] : [{ ...value, value: value.value }]))
      .map((value) => ({
        cityId: options.cityId,
        indicatorCode: value.code,
        period: options.period,
        periodStart: range.start,
        periodEnd: range.end,
        districtCode: value.districtCode ?? null,
        value: String(value.value),
        provenance,
        sourceNote: value.sourceNote,
        formulaVersion: value.formulaVersion,
        recordedBy: options.recordedBy,
      })),
  )
}
