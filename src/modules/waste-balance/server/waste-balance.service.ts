import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { recordComputedValues } from '../../../platform/server/indicators/indicators.service.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { findCityByCodeOrSlug } from '../../../platform/server/tenancy/cities.repository.ts'
import { facilityPeriodTotals, ledgerGroups } from '../../waste/index.ts'
import { buildBalance, type CityBalance } from '../domain/balance.ts'
import { districtIndicatorValuesOf, indicatorFiguresOf } from '../domain/indicators.ts'
import { type BalancePeriod, balancePeriod, elapsedPeriod } from '../domain/periods.ts'
import { nationalTarget, progressAgainst, type YearTarget } from '../domain/targets.ts'
import type { BalancePart } from '../domain/terminal-flows.ts'
import { checkTimbulanInputs, estimateTimbulan, type TimbulanInputs } from '../domain/timbulan.ts'
import { sipsnWorkbook } from './sipsn.workbook.ts'
import * as repo from './waste-balance.repository.ts'

export const FORMULA_VERSION = '1'

function assertRead(context: ServiceContext, city: CityRef) {
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'waste_balance:read' })
}

function assertWrite(context: ServiceContext, city: CityRef) {
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'waste_balance:write' })
}

function requirePeriod(period: string): BalancePeriod {
  const parsed = balancePeriod(period)
  if (!parsed) throw fieldError('/params/period', 'balance.period_invalid', { period })
  return parsed
}

export interface EstimateInput extends TimbulanInputs {
  populationSource: string
  rateSource: string
  nonHouseholdSource?: string | null
  touristVisitsSource?: string | null
  confirmUnusualRate?: boolean
}

export function inputsOf(row: repo.EstimateRow): TimbulanInputs {
  return {
    population: row.population,
    gramsPerCapitaDay: row.gramsPerCapitaDay,
    nonHouseholdGramsPerDay: row.nonHouseholdGramsPerDay,
    touristVisits: row.touristVisits,
    gramsPerVisit: row.gramsPerVisit,
  }
}

/** An estimate with its method visible: every input, its source, and the components per day. */
export function presentEstimate(row: repo.EstimateRow) {
  const year = estimateTimbulan(inputsOf(row), 365)
  return {
    year: row.year,
    population: row.population,
    populationSource: row.populationSource,
    gramsPerCapitaDay: row.gramsPerCapitaDay,
    rateSource: row.rateSource,
    rateConfirmed: row.rateConfirmed,
    nonHouseholdGramsPerDay: row.nonHouseholdGramsPerDay,
    nonHouseholdSource: row.nonHouseholdSource,
    touristVisits: row.touristVisits,
    touristVisitsSource: row.touristVisitsSource,
    gramsPerVisit: row.gramsPerVisit,
    perDay: {
      household: year.householdPerDay,
      nonHousehold: year.nonHouseholdPerDay,
      tourists: year.touristsPerDay,
      total: year.perDay,
    },
    perYearGrams: year.total,
    formulaVersion: FORMULA_VERSION,
  }
}

export async function listEstimates(context: ServiceContext, options: { city: CityRef }) {
  assertRead(context, options.city)
  const rows = await repo.listEstimates(context.database.db, { cityId: options.city.id })
  return rows.map(presentEstimate)
}

export async function putEstimate(
  context: ServiceContext,
  options: { city: CityRef; year: number; input: EstimateInput },
) {
  assertWrite(context, options.city)
  const { input, city, year } = options
  const problems = checkTimbulanInputs(input, input.confirmUnusualRate === true)
  if (problems.length > 0) {
    throw new AppError('validation.failed', {
      details: problems.map((problem) => ({
        field: `/body/${problem.field}`,
        code: problem.code,
      })),
    })
  }
  const row = await runWrite(context, async (tx) => {
    const before = await repo.findEstimate(tx, { cityId: city.id, year })
    const saved = await repo.upsertEstimate(tx, {
      cityId: city.id,
      year,
      population: input.population,
      populationSource: input.populationSource.trim(),
      gramsPerCapitaDay: input.gramsPerCapitaDay,
      rateSource: input.rateSource.trim(),
      rateConfirmed: input.confirmUnusualRate === true,
      nonHouseholdGramsPerDay: input.nonHouseholdGramsPerDay,
      nonHouseholdSource: input.nonHouseholdSource?.trim() || null,
      touristVisits: input.touristVisits,
      touristVisitsSource: input.touristVisitsSource?.trim() || null,
      gramsPerVisit: input.gramsPerVisit,
      updatedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: before ? 'waste_balance.estimate_changed' : 'waste_balance.estimate_created',
      entityType: 'waste_balance_estimate',
      entityId: String(year),
      before: before ? presentEstimate(before) : null,
      after: presentEstimate(saved),
    })
    return saved
  })
  return presentEstimate(row)
}

function presentTarget(row: repo.TargetRow): YearTarget {
  return {
    year: row.year,
    reductionBasisPoints: row.reductionBasisPoints,
    handlingBasisPoints: row.handlingBasisPoints,
    origin: 'city',
    source: row.decree,
  }
}

/** The city's own target for the year, else the national trajectory, else none. */
async function targetFor(context: ServiceContext, city: CityRef, year: number): Promise<YearTarget | null> {
  const row = await repo.findTarget(context.database.db, { cityId: city.id, year })
  return row ? presentTarget(row) : nationalTarget(year)
}

export async function getTarget(context: ServiceContext, options: { city: CityRef; year: number }) {
  assertRead(context, options.city)
  const target = await targetFor(context, options.city, options.year)
  if (!target) throw new AppError('balance.no_target', { params: { year: options.year } })
  return target
}

export async function putTarget(
  context: ServiceContext,
  options: {
    city: CityRef
    year: number
    input: { reductionBasisPoints: number; handlingBasisPoints: number; decree: string }
  },
) {
  assertWrite(context, options.city)
  const { city, year, input } = options
  if (input.reductionBasisPoints + input.handlingBasisPoints > 10_000) {
    throw fieldError('/body/handlingBasisPoints', 'balance.targets_over_100')
  }
  const row = await runWrite(context, async (tx) => {
    const before = await repo.findTarget(tx, { cityId: city.id, year })
    const saved = await repo.upsertTarget(tx, {
      cityId: city.id,
      year,
      reductionBasisPoints: input.reductionBasisPoints,
      handlingBasisPoints: input.handlingBasisPoints,
      decree: input.decree.trim(),
      updatedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'waste_balance.target_set',
      entityType: 'waste_balance_target',
      entityId: String(year),
      before: before ? presentTarget(before) : nationalTarget(year),
      after: presentTarget(saved),
    })
    return saved
  })
  return presentTarget(row)
}

/** The balance of a period with no permission check: for the signed-in page and the public one. */
async function computeBalance(context: ServiceContext, city: CityRef, whole: BalancePeriod) {
  // A period still running is measured up to today: its timbulan counts the days gone so far.
  const period = elapsedPeriod(whole, cityToday(context, city))
  const db = context.database.db
  const [rows, manual, estimate] = await Promise.all([
    ledgerGroups(db, { cityId: city.id, start: period.start, end: period.end }),
    repo.listManualFlows(db, { cityId: city.id, start: period.start, end: period.end }),
    repo.findEstimate(db, { cityId: city.id, year: period.year }),
  ])
  const balance = buildBalance({
    period,
    rows,
    manual: manual.map((flow) => ({
      month: flow.month.slice(0, 7),
      part: flow.part as BalancePart,
      material: flow.material,
      districtCode: flow.districtCode,
      grams: flow.weightGrams,
    })),
    inputs: estimate ? inputsOf(estimate) : null,
  })
  return { balance, estimate }
}

function withTargets(balance: CityBalance, target: YearTarget | null) {
  return {
    target,
    reduction: target
      ? progressAgainst(target.reductionBasisPoints, balance.figures.percent.reduction)
      : null,
    handling: target ? progressAgainst(target.handlingBasisPoints, balance.figures.percent.handling) : null,
  }
}

export async function cityBalance(
  context: ServiceContext,
  options: { city: CityRef; period: string; isPublic?: boolean },
) {
  if (!options.isPublic) assertRead(context, options.city)
  const period = requirePeriod(options.period)
  const { balance, estimate } = await computeBalance(context, options.city, period)
  const target = await targetFor(context, options.city, period.year)
  return {
    ...balance,
    estimate: estimate ? { ...presentEstimate(estimate), inPeriod: balance.estimate } : null,
    targets: withTargets(balance, target),
    formulaVersion: FORMULA_VERSION,
  }
}

/**
 * Writes the year's figures into the indicator registry as computed values: the year, each SIPSN
 * semester and each month that has begun, so a trend can be read at any of the three grains. The
 * t/year timbulan is a yearly figure only; a semester or month carries t/day and its own tonnes.
 */
export async function publishIndicators(context: ServiceContext, options: { city: CityRef; year: number }) {
  assertWrite(context, options.city)
  const year = requirePeriod(String(options.year))
  const today = cityToday(context, options.city)
  const parts = [`${options.year}-S1`, `${options.year}-S2`]
    .concat(Array.from({ length: 12 }, (_, index) => `${options.year}-${String(index + 1).padStart(2, '0')}`))
    .map(requirePeriod)
    .filter((period) => period.start <= today)
  const published: {
    period: BalancePeriod
    /** Every figure, null where it has no value: publishing again removes a value that no longer holds. */
    figures: { code: string; value: number | null }[]
    districts: ReturnType<typeof districtIndicatorValuesOf>
  }[] = []
  for (const period of [year, ...parts]) {
    const { balance } = await computeBalance(context, options.city, period)
    // t/year is a yearly figure: a semester or month carries t/day and its own tonnes.
    const figures = Object.entries(indicatorFiguresOf(balance))
      .filter(([code]) => period.kind === 'year' || code !== 'waste_timbulan_tpy')
      .map(([code, value]) => ({ code, value }))
    published.push({ period, figures, districts: districtIndicatorValuesOf(balance) })
  }
  const yearValues = published[0]!.figures.filter(
    (figure): figure is { code: string; value: number } => figure.value !== null,
  )
  await runWrite(context, async (tx) => {
    for (const { period, figures, districts } of published) {
      // The city's values and, for B and C, one per kecamatan: together they replace what was there.
      await recordComputedValues(tx, {
        cityId: options.city.id,
        period: period.period,
        periodKind: period.kind,
        values: [...figures, ...districts].map((value) => ({
          ...value,
          formulaVersion: FORMULA_VERSION,
          sourceNote: 'Dihitung dari buku besar aliran sampah Sinergi dan estimasi timbulan kota',
        })),
        recordedBy: context.actor?.userId ?? null,
      })
    }
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'waste_balance.indicators_published',
      entityType: 'waste_balance_year',
      entityId: year.period,
      after: {
        periods: published.map(({ period }) => period.period),
        year: Object.fromEntries(yearValues.map((value) => [value.code, value.value])),
      },
    })
  })
  return {
    period: year.period,
    values: yearValues,
    periods: published.map(({ period }) => period.period),
  }
}

/** The year in SIPSN's own xlsx shapes: capaian kinerja per periode and year, timbulan, komposisi, sumber, fasilitas. */
export async function sipsnExport(context: ServiceContext, options: { city: CityRef; year: number }) {
  assertRead(context, options.city)
  const { city, year } = options
  const db = context.database.db
  const periods = [String(year), `${year}-S1`, `${year}-S2`].map(requirePeriod) as [
    BalancePeriod,
    BalancePeriod,
    BalancePeriod,
  ]
  const [whole, s1, s2] = await Promise.all(periods.map((period) => computeBalance(context, city, period)))
  const facilities = await Promise.all(
    [periods[1], periods[2]].map((period) =>
      facilityPeriodTotals(db, { cityId: city.id, start: period.start, end: period.end }),
    ),
  )
  const row = await findCityByCodeOrSlug(db, city.code)
  const buffer = await sipsnWorkbook({
    place: { year, province: row?.provinceName ?? '', city: city.name },
    year: whole!.balance,
    semesters: [s1!.balance, s2!.balance],
    facilities: [facilities[0]!, facilities[1]!],
    formulaVersion: FORMULA_VERSION,
  })
  return { buffer, filename: `sipsn-${city.slug}-${year}.xlsx` }
}
