import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { buildDashboard } from '../domain/facility-dashboard.ts'
import * as facilitiesRepo from './facilities.repository.ts'
import * as repo from './flows.repository.ts'
import { assertCanReadWaste } from './waste.policy.ts'

/** Reading the ledger: lists, stock, a facility's day and its dashboard. Writes are in flows.service.ts. */
export async function listFlows(
  context: ServiceContext,
  options: { city: CityRef; facilityId?: string; from?: string; to?: string; page: number; pageSize: number },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  const { db } = context.database
  let facilityId: number | undefined
  if (options.facilityId) {
    const found = await facilitiesRepo.findFacility(db, {
      cityId: options.city.id,
      publicId: options.facilityId,
    })
    if (!found) throw new AppError('facility.not_found')
    facilityId = found.facility.id
  }
  const result = await repo.listFlows(db, {
    cityId: options.city.id,
    facilityId,
    from: options.from,
    to: options.to,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  return { ...result, names: await namesOf(context, { city: options.city, rows: result.rows }) }
}

/** Facility public ids and names for presenting rows. */
export function namesOf(context: ServiceContext, options: { city: CityRef; rows: repo.FlowRow[] }) {
  const ids = options.rows
    .flatMap((row) => [row.fromFacilityId, row.toFacilityId])
    .filter((id): id is number => id !== null)
  return repo.facilityNames(context.database.db, { cityId: options.city.id, ids })
}

/** Public ids of the entries these rows reverse. */
export function publicIdsOf(context: ServiceContext, options: { city: CityRef; rows: repo.FlowRow[] }) {
  const ids = options.rows.map((row) => row.reversesId).filter((id): id is number => id !== null)
  return repo.flowPublicIds(context.database.db, { cityId: options.city.id, ids })
}

export async function facilityStock(
  context: ServiceContext,
  options: { city: CityRef; facilityId: string; asOf?: string },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  const found = await facilitiesRepo.findFacility(context.database.db, {
    cityId: options.city.id,
    publicId: options.facilityId,
  })
  if (!found) throw new AppError('facility.not_found')
  return repo.stockByMaterial(context.database.db, {
    cityId: options.city.id,
    facilityId: found.facility.id,
    asOf: options.asOf,
  })
}

/** The day's balance at one facility: what came in, what was sorted, where it went, what is left. */
export async function facilityDay(
  context: ServiceContext,
  options: { city: CityRef; facilityId: string; date: string },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  const { db } = context.database
  const found = await facilitiesRepo.findFacility(db, {
    cityId: options.city.id,
    publicId: options.facilityId,
  })
  if (!found) throw new AppError('facility.not_found')
  const where = { cityId: options.city.id, facilityId: found.facility.id }
  const [totals, stock] = await Promise.all([
    repo.dayTotals(db, { ...where, date: options.date }),
    repo.stockByMaterial(db, { ...where, asOf: options.date }),
  ])
  const sum = (rows: { grams: number }[]) => rows.reduce((total, row) => total + row.grams, 0)
  const lines = totals.filter((row) => row.grams !== 0)
  return {
    date: options.date,
    inGrams: sum(lines.filter((row) => row.direction === 'in')),
    outGrams: sum(lines.filter((row) => row.direction === 'out')),
    sortedGrams: sum(lines.filter((row) => row.direction === 'sorted')),
    revenueRupiah: lines.reduce((total, row) => total + row.revenue, 0),
    lines: lines.map(({ revenue, ...line }) => ({ ...line, revenueRupiah: revenue })),
    stockAtEndOfDay: stock.filter((row) => row.grams !== 0),
  }
}

const MAX_DASHBOARD_DAYS = 1_830

/** Daily or monthly in/out by material at one facility, its sales, and the share kept out of the TPA. */
export async function facilityDashboard(
  context: ServiceContext,
  options: { city: CityRef; facilityId: string; from?: string; to?: string; granularity: 'day' | 'month' },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: options.city.id })
  const { db } = context.database
  const found = await facilitiesRepo.findFacility(db, {
    cityId: options.city.id,
    publicId: options.facilityId,
  })
  if (!found) throw new AppError('facility.not_found')
  const to = options.to ?? cityToday(context, options.city)
  const from =
    options.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10)
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000
  if (days < 0 || days > MAX_DASHBOARD_DAYS) {
    throw new AppError('validation.failed', {
      details: [{ field: '/querystring/from', code: 'validation.invalid' }],
    })
  }
  const rows = await repo.periodTotals(db, {
    cityId: options.city.id,
    facilityId: found.facility.id,
    from,
    to,
    granularity: options.granularity,
  })
  return { from, to, granularity: options.granularity, ...buildDashboard(rows) }
}
