import { and, asc, desc, eq, ilike, isNull, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import type { Grade } from '../domain/centre.ts'
import { umkmCentreProducts, umkmCurations, umkmOutlets } from './centre.tables.ts'
import { umkmBusinesses } from './umkm.tables.ts'

/** The UMKM centre's setup: its outlets, and the products offered to it with their curations. */

export type OutletRow = typeof umkmOutlets.$inferSelect
export type ProductRow = typeof umkmCentreProducts.$inferSelect
export type CurationRow = typeof umkmCurations.$inferSelect

const inCity = (column: typeof umkmOutlets.cityId, cityId: number) => eq(column, cityId)

// --- outlets -------------------------------------------------------------------------------------

export async function listOutlets(db: DbOrTx, options: { cityId: number }) {
  return db
    .select()
    .from(umkmOutlets)
    .where(inCity(umkmOutlets.cityId, options.cityId))
    .orderBy(asc(umkmOutlets.name))
}

export async function findOutlet(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select()
    .from(umkmOutlets)
    .where(and(eq(umkmOutlets.cityId, options.cityId), eq(umkmOutlets.publicId, options.publicId)))
  return row
}

export async function insertOutlet(db: DbOrTx, values: typeof umkmOutlets.$inferInsert) {
  const [row] = await db.insert(umkmOutlets).values(values).returning()
  return row!
}

/** The outlet under a row lock, so two edits of it queue and each audits what it changed. */
export async function lockOutlet(tx: Tx, options: { cityId: number; publicId: string }) {
  const [row] = await tx
    .select()
    .from(umkmOutlets)
    .where(and(eq(umkmOutlets.cityId, options.cityId), eq(umkmOutlets.publicId, options.publicId)))
    .for('update')
  return row
}

export async function updateOutlet(
  tx: Tx,
  options: { id: number; values: Partial<Pick<OutletRow, 'name' | 'address' | 'isActive'>> },
) {
  const [row] = await tx
    .update(umkmOutlets)
    .set(options.values)
    .where(eq(umkmOutlets.id, options.id))
    .returning()
  return row!
}

/** The first sample business whose name starts with `prefix` (the demo centre's producers). */
export async function firstSampleBusiness(db: DbOrTx, options: { cityId: number; prefix: string }) {
  const [row] = await db
    .select({ id: umkmBusinesses.id, name: umkmBusinesses.name })
    .from(umkmBusinesses)
    .where(
      and(
        eq(umkmBusinesses.cityId, options.cityId),
        eq(umkmBusinesses.isSampleData, true),
        // A closed business consigns nothing new (centre-stock.service.ts).
        isNull(umkmBusinesses.closedOn),
        sql`${umkmBusinesses.name} like ${`${options.prefix}%`}`,
      ),
    )
    .orderBy(asc(umkmBusinesses.name))
    .limit(1)
  return row
}

// --- products and curation -----------------------------------------------------------------------

/** The grade of the product's latest assessment, or null when it was never curated. */
export const latestGrade = sql<Grade | null>`(
  select ${umkmCurations.grade} from ${umkmCurations}
  where ${umkmCurations.cityId} = ${umkmCentreProducts.cityId}
    and ${umkmCurations.productId} = ${umkmCentreProducts.id}
  order by ${umkmCurations.id} desc limit 1)`

const productWithBusiness = {
  product: umkmCentreProducts,
  businessPublicId: umkmBusinesses.publicId,
  businessName: umkmBusinesses.name,
  businessClosedOn: umkmBusinesses.closedOn,
  grade: latestGrade,
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export async function listProducts(
  db: DbOrTx,
  options: { cityId: number; businessId?: number; q?: string; shelfable?: boolean },
) {
  const conditions: SQL[] = [eq(umkmCentreProducts.cityId, options.cityId)]
  if (options.businessId !== undefined) conditions.push(eq(umkmCentreProducts.businessId, options.businessId))
  if (options.q) conditions.push(ilike(umkmCentreProducts.name, `%${escapeLike(options.q)}%`))
  // Shelfable is the latest grade being A–C (see isShelfable); a product never curated is not.
  if (options.shelfable) conditions.push(sql`${latestGrade} in ('A', 'B', 'C')`)
  return db
    .select(productWithBusiness)
    .from(umkmCentreProducts)
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmCentreProducts.businessId))
    .where(and(...conditions))
    .orderBy(asc(umkmBusinesses.name), asc(umkmCentreProducts.name))
}

export async function findProduct(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select(productWithBusiness)
    .from(umkmCentreProducts)
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmCentreProducts.businessId))
    .where(
      and(eq(umkmCentreProducts.cityId, options.cityId), eq(umkmCentreProducts.publicId, options.publicId)),
    )
  return row
}

export async function insertProduct(db: DbOrTx, values: typeof umkmCentreProducts.$inferInsert) {
  const [row] = await db.insert(umkmCentreProducts).values(values).returning()
  return row!
}

export async function insertCuration(db: DbOrTx, values: typeof umkmCurations.$inferInsert) {
  const [row] = await db.insert(umkmCurations).values(values).returning()
  return row!
}

export async function listCurations(db: DbOrTx, options: { cityId: number; productId: number }) {
  return db
    .select()
    .from(umkmCurations)
    .where(and(eq(umkmCurations.cityId, options.cityId), eq(umkmCurations.productId, options.productId)))
    .orderBy(desc(umkmCurations.id))
}
