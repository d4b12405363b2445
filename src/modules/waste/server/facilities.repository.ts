import { and, asc, count, eq, ilike, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { compiledQuery } from '../../../platform/server/db/compiled.ts'
import { districts, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import type { FacilityKind, FacilityStatus } from '../domain/facilities.ts'
import { facilities } from './facilities.tables.ts'

export type FacilityRow = typeof facilities.$inferSelect
export type NewFacility = typeof facilities.$inferInsert

const withPlace = {
  facility: facilities,
  villageName: villages.name,
  villageKind: villages.kind,
  districtName: districts.name,
}

export interface FacilityFilter {
  cityId: number
  kind?: FacilityKind
  status?: FacilityStatus
  villageCode?: string
  q?: string
}

function whereOf(filter: FacilityFilter): SQL | undefined {
  const conditions: SQL[] = [eq(facilities.cityId, filter.cityId)]
  if (filter.kind) conditions.push(eq(facilities.kind, filter.kind))
  if (filter.status) conditions.push(eq(facilities.status, filter.status))
  if (filter.villageCode) conditions.push(eq(facilities.villageCode, filter.villageCode))
  if (filter.q) conditions.push(ilike(facilities.name, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
  return and(...conditions)
}

export async function listFacilities(db: DbOrTx, filter: FacilityFilter & { limit: number; offset: number }) {
  const where = whereOf(filter)
  const [rows, [total]] = await Promise.all([
    db
      .select(withPlace)
      .from(facilities)
      .leftJoin(villages, eq(villages.code, facilities.villageCode))
      .leftJoin(districts, eq(districts.code, villages.districtCode))
      .where(where)
      .orderBy(asc(facilities.kind), asc(facilities.name))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: count() }).from(facilities).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}

/** Every facility of the city with a location, for the map: few columns, hard cap. */
export function listFacilityPoints(db: DbOrTx, options: { cityId: number; limit: number }) {
  return db
    .select({
      id: facilities.id,
      publicId: facilities.publicId,
      name: facilities.name,
      kind: facilities.kind,
      status: facilities.status,
      latitude: facilities.latitude,
      longitude: facilities.longitude,
    })
    .from(facilities)
    .where(eq(facilities.cityId, options.cityId))
    .orderBy(asc(facilities.id))
    .limit(options.limit)
}

export async function findFacility(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select(withPlace)
    .from(facilities)
    .leftJoin(villages, eq(villages.code, facilities.villageCode))
    .leftJoin(districts, eq(districts.code, villages.districtCode))
    .where(and(eq(facilities.cityId, options.cityId), eq(facilities.publicId, options.publicId)))
  return row
}

const parents = alias(facilities, 'parent')

/**
 * A facility with its place and its parent's public id and name, in one round trip. Compiled once
 * (db/compiled.ts): every bank sampah request looks its bank up here.
 */
const facilityWithParent = compiledQuery((db) =>
  db
    .select({ ...withPlace, parent: { id: parents.publicId, name: parents.name } })
    .from(facilities)
    .leftJoin(villages, eq(villages.code, facilities.villageCode))
    .leftJoin(districts, eq(districts.code, villages.districtCode))
    .leftJoin(parents, and(eq(parents.cityId, facilities.cityId), eq(parents.id, facilities.parentId)))
    .where(
      and(
        eq(facilities.cityId, sql.placeholder('cityId')),
        eq(facilities.publicId, sql.placeholder('publicId')),
      ),
    )
    .prepare(''),
)

/**
 * One facility's row by its public id, as a statement another module embeds (a CTE) to read the
 * facility in the same statement as its own rows: its id, kind, parent_id and village_code. Bank
 * sampah's deposit context uses it, a round trip fewer on every deposit; the columns are waste's
 * to name, so they are named here.
 */
export function facilityRowSql(key: { cityId: SQLWrapper; publicId: SQLWrapper }): SQL {
  return sql`select id, kind, parent_id, village_code from ${facilities}
              where city_id = ${key.cityId} and public_id = ${key.publicId}`
}

export async function findFacilityWithParent(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await facilityWithParent(db, { cityId: options.cityId, publicId: options.publicId })
  return row
}

export async function findFacilityById(db: DbOrTx, options: { cityId: number; id: number }) {
  const [row] = await db
    .select()
    .from(facilities)
    .where(and(eq(facilities.cityId, options.cityId), eq(facilities.id, options.id)))
  return row
}

export async function insertFacility(db: DbOrTx, values: NewFacility): Promise<FacilityRow> {
  const [row] = await db.insert(facilities).values(values).returning()
  return row!
}

export async function updateFacility(
  db: DbOrTx,
  options: { cityId: number; id: number; values: Partial<NewFacility> },
): Promise<FacilityRow> {
  const [row] = await db
    .update(facilities)
    .set({ ...options.values, updatedAt: new Date() })
    .where(and(eq(facilities.cityId, options.cityId), eq(facilities.id, options.id)))
    .returning()
  return row!
}

export { findVillageOfCity } from '../../../platform/server/tenancy/cities.repository.ts'
