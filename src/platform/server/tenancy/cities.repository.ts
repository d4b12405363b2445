import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm'
import { isCityCode } from '../../domain/regions.ts'
import type { DbOrTx } from '../db/client.ts'
import { cities, districts, villages } from './cities.tables.ts'

export type CityRow = typeof cities.$inferSelect

export async function findCityByCodeOrSlug(db: DbOrTx, codeOrSlug: string): Promise<CityRow | undefined> {
  const key = codeOrSlug.trim().toLowerCase()
  const [row] = await db
    .select()
    .from(cities)
    .where(isCityCode(key) ? eq(cities.code, key) : eq(cities.slug, key))
  return row
}

/** What a tenant route needs of its `{city}`: who it is, and whether it is on the platform. */
export type TenantCity = Pick<CityRow, 'id' | 'code' | 'slug' | 'name' | 'timezone' | 'isActive'>

/**
 * The city of a `{city}` parameter as a JSON value (null when there is none), to read inside
 * another statement: the session lookup reads it along, so a tenant request costs one round trip
 * less, and a city taken off the platform is still refused on the very next request.
 * By one column, the key a value or a placeholder (the session lookup is compiled once per
 * column: `cityKeyOf` says which column a request's key is for).
 */
export function tenantCityJsonBy(column: 'code' | 'slug', key: unknown): SQL<TenantCity | null> {
  return sql<TenantCity | null>`(
    select json_build_object('id', c.id, 'code', c.code, 'slug', c.slug, 'name', c.name,
                             'timezone', c.timezone, 'isActive', c.is_active)
      from ${cities} c where ${column === 'code' ? sql`c.code = ${key}` : sql`c.slug = ${key}`})`
}

/** A `{city}` parameter as tenantCityJsonBy() takes it: normalised, and which column it names. */
export function cityKeyOf(codeOrSlug: string): { column: 'code' | 'slug'; key: string } {
  const key = codeOrSlug.trim().toLowerCase()
  return { column: isCityCode(key) ? 'code' : 'slug', key }
}

export async function findCityById(db: DbOrTx, cityId: number): Promise<CityRow | undefined> {
  const [row] = await db.select().from(cities).where(eq(cities.id, cityId))
  return row
}

export async function searchCities(
  db: DbOrTx,
  options: { q?: string; isActive?: boolean; provinceCode?: string; limit: number; offset: number },
) {
  const conditions: SQL[] = []
  if (options.q) {
    const q = options.q.trim()
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(
      or(ilike(cities.name, pattern), ilike(cities.code, `${q}%`), ilike(cities.slug, pattern))!,
    )
  }
  if (options.isActive !== undefined) conditions.push(eq(cities.isActive, options.isActive))
  if (options.provinceCode) conditions.push(eq(cities.provinceCode, options.provinceCode))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(cities)
      .where(where)
      .orderBy(asc(cities.code))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ value: count() }).from(cities).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}

export async function findRegionTree(db: DbOrTx, cityId: number) {
  const [districtRows, villageRows] = await Promise.all([
    db.select().from(districts).where(eq(districts.cityId, cityId)).orderBy(asc(districts.code)),
    db.select().from(villages).where(eq(villages.cityId, cityId)).orderBy(asc(villages.code)),
  ])
  return districtRows.map((district) => ({
    code: district.code,
    name: district.name,
    villages: villageRows
      .filter((village) => village.districtCode === district.code)
      .map((village) => ({ code: village.code, name: village.name, kind: village.kind })),
  }))
}

export async function setCityActive(
  db: DbOrTx,
  options: { cityId: number; isActive: boolean },
): Promise<CityRow> {
  const [row] = await db
    .update(cities)
    .set({ isActive: options.isActive, activatedAt: options.isActive ? new Date() : null })
    .where(eq(cities.id, options.cityId))
    .returning()
  return row!
}

/** A desa/kelurahan, only if it belongs to the city: every module checks locations with this. */
export async function findVillageOfCity(db: DbOrTx, options: { cityId: number; code: string }) {
  const [row] = await db
    .select()
    .from(villages)
    .where(and(eq(villages.cityId, options.cityId), eq(villages.code, options.code)))
  return row
}

/** All 514 kabupaten/kota in code order (for side-by-side comparisons). */
export function listAllCities(db: DbOrTx): Promise<CityRow[]> {
  return db.select().from(cities).orderBy(cities.code)
}
