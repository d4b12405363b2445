import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { type DbOrTx, rowsOf, type Tx } from '../../../platform/server/db/client.ts'
import { cities, districts, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import { UPDATABLE } from './umkm.bulk.repository.ts'
import { umkmBusinesses, umkmBusinessFigures } from './umkm.tables.ts'

/** The city's kecamatan and desa/kelurahan, and its province, for checking where businesses are. */
export async function findCityPlaces(db: DbOrTx, options: { cityId: number }) {
  const [[city], districtRows, villageRows] = await Promise.all([
    db
      .select({ provinceCode: cities.provinceCode, provinceName: cities.provinceName })
      .from(cities)
      .where(eq(cities.id, options.cityId)),
    db
      .select({ code: districts.code, name: districts.name })
      .from(districts)
      .where(eq(districts.cityId, options.cityId)),
    db
      .select({ code: villages.code, name: villages.name, districtCode: villages.districtCode })
      .from(villages)
      .where(eq(villages.cityId, options.cityId)),
  ])
  return { province: city!, districts: districtRows, villages: villageRows }
}

/** Which of these desa codes exist anywhere in Indonesia (an owner may live outside the city). */
export async function findKnownVillageCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await db.select({ code: villages.code }).from(villages).where(inArray(villages.code, codes))
  return new Set(rows.map((row) => row.code))
}

/**
 * Serialises SIDT imports of one city across every app server: each one reads which businesses
 * exist, then writes; two at once would both insert the same new SIDT record.
 */
export async function lockCityForImport(tx: Tx, options: { cityId: number }) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('umkm.sidt_import'), ${options.cityId})`)
}

/** Each business's latest figures record from SIDT, to skip appending the same figures again. */
export async function findLatestSidtFigures(db: DbOrTx, options: { cityId: number; sourceNote: string }) {
  const result = await db.execute(sql`
    select distinct on (${umkmBusinessFigures.businessId})
      ${umkmBusinessFigures.businessId} as business_id, ${umkmBusinessFigures.asOf}::text as as_of,
      ${umkmBusinessFigures.capitalRupiah} as capital_rupiah,
      ${umkmBusinessFigures.annualSalesRupiah} as annual_sales_rupiah,
      ${umkmBusinessFigures.assetsRupiah} as assets_rupiah, ${umkmBusinessFigures.workers} as workers
    from ${umkmBusinessFigures}
    where ${umkmBusinessFigures.cityId} = ${options.cityId}
      and ${umkmBusinessFigures.sourceNote} = ${options.sourceNote}
    order by ${umkmBusinessFigures.businessId}, ${umkmBusinessFigures.asOf} desc, ${umkmBusinessFigures.id} desc`)
  const rupiah = (value: string | number | null) => (value === null ? null : Number(value))
  const rows = rowsOf<{
    business_id: number
    as_of: string
    capital_rupiah: string | number | null
    annual_sales_rupiah: string | number | null
    assets_rupiah: string | number | null
    workers: number | null
  }>(result)
  return new Map(
    rows.map((row) => [
      Number(row.business_id),
      {
        asOf: row.as_of,
        capitalRupiah: rupiah(row.capital_rupiah),
        annualSalesRupiah: rupiah(row.annual_sales_rupiah),
        assetsRupiah: rupiah(row.assets_rupiah),
        workers: row.workers === null ? null : Number(row.workers),
      },
    ]),
  )
}

/**
 * What an import matches rows on (the SIDT id, then the NIB), with the columns it may change, so
 * a row that states nothing new is not written again.
 */
export function findBusinessesForImport(db: DbOrTx, options: { cityId: number }) {
  return db
    .select({
      id: umkmBusinesses.id,
      ...Object.fromEntries(UPDATABLE.map((key) => [key, umkmBusinesses[key]])),
    } as { id: typeof umkmBusinesses.id } & { [K in (typeof UPDATABLE)[number]]: (typeof umkmBusinesses)[K] })
    .from(umkmBusinesses)
    .where(eq(umkmBusinesses.cityId, options.cityId))
}

export type StoredBusiness = Awaited<ReturnType<typeof findBusinessesForImport>>[number]

export type ExportBusinessRow = typeof umkmBusinesses.$inferSelect

/**
 * A page of the city's businesses in operation, in id order, for an export that streams. SIDT has
 * no column for a closure, so a closed business is left out rather than sent as operating.
 */
export function listBusinessesAfter(db: DbOrTx, options: { cityId: number; afterId: number; limit: number }) {
  return db
    .select()
    .from(umkmBusinesses)
    .where(
      and(
        eq(umkmBusinesses.cityId, options.cityId),
        gt(umkmBusinesses.id, options.afterId),
        isNull(umkmBusinesses.closedOn),
      ),
    )
    .orderBy(asc(umkmBusinesses.id))
    .limit(options.limit)
}

/** The figures of some businesses, oldest first: the export reads each figure's latest value. */
export function listFiguresOf(db: DbOrTx, options: { cityId: number; businessIds: number[] }) {
  if (options.businessIds.length === 0) return Promise.resolve([])
  return db
    .select({
      businessId: umkmBusinessFigures.businessId,
      capitalRupiah: umkmBusinessFigures.capitalRupiah,
      annualSalesRupiah: umkmBusinessFigures.annualSalesRupiah,
      assetsRupiah: umkmBusinessFigures.assetsRupiah,
    })
    .from(umkmBusinessFigures)
    .where(
      and(
        eq(umkmBusinessFigures.cityId, options.cityId),
        inArray(umkmBusinessFigures.businessId, options.businessIds),
      ),
    )
    .orderBy(asc(umkmBusinessFigures.businessId), asc(umkmBusinessFigures.asOf), asc(umkmBusinessFigures.id))
}

// The bulk writers are shared with the sample generator.
export {
  type BusinessChanges,
  insertBusinesses,
  insertFigures,
  updateBusinesses,
} from './umkm.bulk.repository.ts'
