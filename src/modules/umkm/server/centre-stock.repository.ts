import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { villages } from '../../../platform/server/tenancy/cities.tables.ts'
import { latestGrade } from './centre.repository.ts'
import {
  umkmCentreProducts,
  umkmCentreSaleLines,
  umkmConsignmentRemovals,
  umkmConsignments,
  umkmOutlets,
} from './centre.tables.ts'
import { umkmBusinesses } from './umkm.tables.ts'

/** The shelves of the UMKM centre: consignment batches, what is left of them, and the public catalogue. */

export type ConsignmentRow = typeof umkmConsignments.$inferSelect

// --- consignment stock ---------------------------------------------------------------------------

const soldOf = sql<number>`coalesce((
  select sum(${umkmCentreSaleLines.quantity}) from ${umkmCentreSaleLines}
  where ${umkmCentreSaleLines.cityId} = ${umkmConsignments.cityId}
    and ${umkmCentreSaleLines.consignmentId} = ${umkmConsignments.id}
    and not ${umkmCentreSaleLines.isVoided}), 0)::int`
const removedOf = sql<number>`coalesce((
  select sum(${umkmConsignmentRemovals.quantity}) from ${umkmConsignmentRemovals}
  where ${umkmConsignmentRemovals.cityId} = ${umkmConsignments.cityId}
    and ${umkmConsignmentRemovals.consignmentId} = ${umkmConsignments.id}), 0)::int`
/** What is left on the shelf: the batch less its (unvoided) sale lines and removals, summed from them. */
const remainingOf = sql<number>`(${umkmConsignments.quantity} - ${soldOf} - ${removedOf})`

const batchColumns = {
  batch: umkmConsignments,
  sold: soldOf,
  removed: removedOf,
  remaining: remainingOf,
  productPublicId: umkmCentreProducts.publicId,
  productName: umkmCentreProducts.name,
  unit: umkmCentreProducts.unit,
  businessPublicId: umkmBusinesses.publicId,
  businessName: umkmBusinesses.name,
  outletPublicId: umkmOutlets.publicId,
  outletName: umkmOutlets.name,
  grade: latestGrade,
}

function batches(db: DbOrTx) {
  return db
    .select(batchColumns)
    .from(umkmConsignments)
    .innerJoin(umkmCentreProducts, eq(umkmCentreProducts.id, umkmConsignments.productId))
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmConsignments.businessId))
    .innerJoin(umkmOutlets, eq(umkmOutlets.id, umkmConsignments.outletId))
}

export type BatchRow = Awaited<ReturnType<typeof listStock>>[number]

/** Batches with stock left, earliest expiry first (what should sell first). */
export async function listStock(
  db: DbOrTx,
  options: { cityId: number; outletId?: number; businessId?: number; productId?: number },
) {
  const conditions: SQL[] = [eq(umkmConsignments.cityId, options.cityId), gt(remainingOf, 0)]
  if (options.productId !== undefined) conditions.push(eq(umkmConsignments.productId, options.productId))
  if (options.outletId !== undefined) conditions.push(eq(umkmConsignments.outletId, options.outletId))
  if (options.businessId !== undefined) conditions.push(eq(umkmConsignments.businessId, options.businessId))
  return batches(db)
    .where(and(...conditions))
    .orderBy(
      sql`${umkmConsignments.expiresOn} asc nulls last`,
      asc(umkmConsignments.receivedOn),
      asc(umkmConsignments.id),
    )
}

export async function findBatch(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await batches(db).where(
    and(eq(umkmConsignments.cityId, options.cityId), eq(umkmConsignments.publicId, options.publicId)),
  )
  return row
}

/**
 * Locks the batches a sale or removal draws on, in id order so two sales of the same batches
 * queue instead of deadlocking, then reads what is left of each under the lock.
 */
export async function lockBatches(tx: Tx, options: { cityId: number; publicIds: string[] }) {
  const locked = await tx
    .select({ id: umkmConsignments.id })
    .from(umkmConsignments)
    .where(
      and(eq(umkmConsignments.cityId, options.cityId), inArray(umkmConsignments.publicId, options.publicIds)),
    )
    .orderBy(asc(umkmConsignments.id))
    .for('update')
  if (locked.length === 0) return []
  return batches(tx).where(
    and(
      eq(umkmConsignments.cityId, options.cityId),
      inArray(
        umkmConsignments.id,
        locked.map((row) => row.id),
      ),
    ),
  )
}

export async function insertConsignment(db: DbOrTx, values: typeof umkmConsignments.$inferInsert) {
  const [row] = await db.insert(umkmConsignments).values(values).returning()
  return row!
}

export async function insertRemoval(db: DbOrTx, values: typeof umkmConsignmentRemovals.$inferInsert) {
  const [row] = await db.insert(umkmConsignmentRemovals).values(values).returning()
  return row!
}
// --- public catalogue ----------------------------------------------------------------------------

/** What is on the shelves now, per product and outlet: no owner, no personal data. */
export async function catalogue(db: DbOrTx, options: { cityId: number }) {
  return db
    .select({
      productPublicId: umkmCentreProducts.publicId,
      productName: umkmCentreProducts.name,
      description: umkmCentreProducts.description,
      unit: umkmCentreProducts.unit,
      businessName: umkmBusinesses.name,
      villageName: villages.name,
      outletPublicId: umkmOutlets.publicId,
      outletName: umkmOutlets.name,
      outletAddress: umkmOutlets.address,
      grade: latestGrade,
      minPriceRupiah: sql<number>`min(${umkmConsignments.unitPriceRupiah})`.mapWith(Number),
      maxPriceRupiah: sql<number>`max(${umkmConsignments.unitPriceRupiah})`.mapWith(Number),
      available: sql<number>`sum(${remainingOf})::int`,
    })
    .from(umkmConsignments)
    .innerJoin(umkmCentreProducts, eq(umkmCentreProducts.id, umkmConsignments.productId))
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmConsignments.businessId))
    .innerJoin(umkmOutlets, eq(umkmOutlets.id, umkmConsignments.outletId))
    .leftJoin(villages, eq(villages.code, umkmBusinesses.villageCode))
    .where(
      and(eq(umkmConsignments.cityId, options.cityId), eq(umkmOutlets.isActive, true), gt(remainingOf, 0)),
    )
    .groupBy(umkmCentreProducts.id, umkmBusinesses.name, villages.name, umkmOutlets.id)
    .orderBy(asc(umkmOutlets.name), asc(umkmCentreProducts.name))
}
