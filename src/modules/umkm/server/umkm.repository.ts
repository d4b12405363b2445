import { and, asc, count, eq, ilike, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { districts, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import type { BusinessStatus } from '../domain/registry.ts'
import type { Scale, ScaleRule } from '../domain/scale.ts'
import { umkmBusinesses, umkmBusinessFigures } from './umkm.tables.ts'

export type BusinessRow = typeof umkmBusinesses.$inferSelect
export type NewBusiness = typeof umkmBusinesses.$inferInsert
export type FiguresRow = typeof umkmBusinessFigures.$inferSelect
export type NewFigures = typeof umkmBusinessFigures.$inferInsert

const SCALE_COLUMN = {
  pp7_2021_capital: umkmBusinessFigures.scalePp7Capital,
  pp7_2021_sales: umkmBusinessFigures.scalePp7Sales,
  uu20_2008: umkmBusinessFigures.scaleUu20,
} as const

/** The scale a rule gives from the business's latest figures record that the rule can read. */
function latestScale(rule: ScaleRule) {
  const column = SCALE_COLUMN[rule]
  return sql<Scale | null>`(
    select ${column} from ${umkmBusinessFigures}
    where ${umkmBusinessFigures.cityId} = ${umkmBusinesses.cityId}
      and ${umkmBusinessFigures.businessId} = ${umkmBusinesses.id}
      and ${column} is not null
    order by ${umkmBusinessFigures.asOf} desc, ${umkmBusinessFigures.id} desc
    limit 1)`
}

const withPlace = {
  business: umkmBusinesses,
  villageName: villages.name,
  villageKind: villages.kind,
  districtName: districts.name,
}

export interface BusinessFilter {
  cityId: number
  /** Part of the business name. */
  q?: string
  /** A KBLI code or its first digits (category C food: `10`). */
  kbli?: string
  villageCode?: string
  hasNib?: boolean
  rule: ScaleRule
  scale?: Scale
  /** In operation (not closed; the default), closed, or all. */
  status?: BusinessStatus
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function whereOf(filter: BusinessFilter): SQL | undefined {
  const conditions: SQL[] = [eq(umkmBusinesses.cityId, filter.cityId)]
  if (filter.q) conditions.push(ilike(umkmBusinesses.name, `%${escapeLike(filter.q)}%`))
  if (filter.kbli) conditions.push(like(umkmBusinesses.kbliCode, `${escapeLike(filter.kbli)}%`))
  if (filter.villageCode) conditions.push(eq(umkmBusinesses.villageCode, filter.villageCode))
  if (filter.hasNib === true) conditions.push(isNotNull(umkmBusinesses.nib))
  if (filter.hasNib === false) conditions.push(isNull(umkmBusinesses.nib))
  if (filter.scale) conditions.push(sql`${latestScale(filter.rule)} = ${filter.scale}`)
  // A closure is never dated after today, so "in operation now" is simply "not closed".
  const status = filter.status ?? 'operating'
  if (status === 'operating') conditions.push(isNull(umkmBusinesses.closedOn))
  if (status === 'closed') conditions.push(isNotNull(umkmBusinesses.closedOn))
  return and(...conditions)
}

export async function listBusinesses(db: DbOrTx, filter: BusinessFilter & { limit: number; offset: number }) {
  const where = whereOf(filter)
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...withPlace, derivedScale: latestScale(filter.rule) })
      .from(umkmBusinesses)
      .leftJoin(villages, eq(villages.code, umkmBusinesses.villageCode))
      .leftJoin(districts, eq(districts.code, villages.districtCode))
      .where(where)
      .orderBy(asc(umkmBusinesses.name), asc(umkmBusinesses.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: count() }).from(umkmBusinesses).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}

export async function findBusiness(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select(withPlace)
    .from(umkmBusinesses)
    .leftJoin(villages, eq(villages.code, umkmBusinesses.villageCode))
    .leftJoin(districts, eq(districts.code, villages.districtCode))
    .where(and(eq(umkmBusinesses.cityId, options.cityId), eq(umkmBusinesses.publicId, options.publicId)))
  return row
}

export async function findBusinessNames(db: DbOrTx, options: { cityId: number }) {
  return db
    .select({ publicId: umkmBusinesses.publicId, name: umkmBusinesses.name })
    .from(umkmBusinesses)
    .where(eq(umkmBusinesses.cityId, options.cityId))
}

/** How many businesses the city has; `sampleOnly` counts the generated ones (`is_sample_data`). */
export async function countBusinesses(db: DbOrTx, options: { cityId: number; sampleOnly?: boolean }) {
  const conditions = [eq(umkmBusinesses.cityId, options.cityId)]
  if (options.sampleOnly) conditions.push(eq(umkmBusinesses.isSampleData, true))
  const [row] = await db
    .select({ value: count() })
    .from(umkmBusinesses)
    .where(and(...conditions))
  return row?.value ?? 0
}

export async function insertBusiness(db: DbOrTx, values: NewBusiness): Promise<BusinessRow> {
  const [row] = await db.insert(umkmBusinesses).values(values).returning()
  return row!
}

export async function updateBusiness(
  db: DbOrTx,
  options: { cityId: number; id: number; values: Partial<NewBusiness> },
): Promise<BusinessRow> {
  const [row] = await db
    .update(umkmBusinesses)
    .set({ ...options.values, updatedAt: new Date() })
    .where(and(eq(umkmBusinesses.cityId, options.cityId), eq(umkmBusinesses.id, options.id)))
    .returning()
  return row!
}

/** Oldest first, the order the scale history is read in. */
export function listFigures(db: DbOrTx, options: { cityId: number; businessId: number }) {
  return db
    .select()
    .from(umkmBusinessFigures)
    .where(
      and(
        eq(umkmBusinessFigures.cityId, options.cityId),
        eq(umkmBusinessFigures.businessId, options.businessId),
      ),
    )
    .orderBy(asc(umkmBusinessFigures.asOf), asc(umkmBusinessFigures.id))
}

export async function insertFigures(db: DbOrTx, rows: NewFigures[]): Promise<FiguresRow[]> {
  if (rows.length === 0) return []
  return db.insert(umkmBusinessFigures).values(rows).returning()
}

export { findVillageOfCity } from '../../../platform/server/tenancy/cities.repository.ts'

/**
 * Closes (a date and reason) or reopens (nulls) a business, only from the state the caller saw:
 * `wasClosed` false closes an open business, true reopens a closed one. Undefined when the business
 * is no longer in that state (a concurrent closure or reopening got there first).
 */
export async function setClosure(
  db: DbOrTx,
  options: { cityId: number; id: number; wasClosed: boolean; closedOn: string | null; reason: string | null },
): Promise<BusinessRow | undefined> {
  const [row] = await db
    .update(umkmBusinesses)
    .set({ closedOn: options.closedOn, closureReason: options.reason, updatedAt: new Date() })
    .where(
      and(
        eq(umkmBusinesses.cityId, options.cityId),
        eq(umkmBusinesses.id, options.id),
        options.wasClosed ? isNotNull(umkmBusinesses.closedOn) : isNull(umkmBusinesses.closedOn),
      ),
    )
    .returning()
  return row
}
