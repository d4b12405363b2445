import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { villages } from '../../../platform/server/tenancy/cities.tables.ts'
import type { Grade } from '../domain/centre.ts'
import {
  umkmCentreProducts,
  umkmCentreSaleLines,
  umkmCentreSales,
  umkmConsignmentRemovals,
  umkmConsignments,
  umkmCurations,
  umkmOutlets,
  umkmSettlements,
} from './centre.tables.ts'
import { umkmBusinesses } from './umkm.tables.ts'

export type OutletRow = typeof umkmOutlets.$inferSelect
export type ProductRow = typeof umkmCentreProducts.$inferSelect
export type CurationRow = typeof umkmCurations.$inferSelect
export type ConsignmentRow = typeof umkmConsignments.$inferSelect
export type SaleRow = typeof umkmCentreSales.$inferSelect
export type SettlementRow = typeof umkmSettlements.$inferSelect

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

/** The first sample business whose name starts with `prefix` (the demo centre's producers). */
export async function firstSampleBusiness(db: DbOrTx, options: { cityId: number; prefix: string }) {
  const [row] = await db
    .select({ id: umkmBusinesses.id, name: umkmBusinesses.name })
    .from(umkmBusinesses)
    .where(
      and(
        eq(umkmBusinesses.cityId, options.cityId),
        eq(umkmBusinesses.isSampleData, true),
        sql`${umkmBusinesses.name} like ${`${options.prefix}%`}`,
      ),
    )
    .orderBy(asc(umkmBusinesses.name))
    .limit(1)
  return row
}

// --- products and curation -----------------------------------------------------------------------

/** The grade of the product's latest assessment, or null when it was never curated. */
const latestGrade = sql<Grade | null>`(
  select ${umkmCurations.grade} from ${umkmCurations}
  where ${umkmCurations.cityId} = ${umkmCentreProducts.cityId}
    and ${umkmCurations.productId} = ${umkmCentreProducts.id}
  order by ${umkmCurations.id} desc limit 1)`

const productWithBusiness = {
  product: umkmCentreProducts,
  businessPublicId: umkmBusinesses.publicId,
  businessName: umkmBusinesses.name,
  grade: latestGrade,
}

export async function listProducts(db: DbOrTx, options: { cityId: number; businessId?: number }) {
  const conditions: SQL[] = [eq(umkmCentreProducts.cityId, options.cityId)]
  if (options.businessId !== undefined) conditions.push(eq(umkmCentreProducts.businessId, options.businessId))
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

// --- consignment stock ---------------------------------------------------------------------------

const soldOf = sql<number>`coalesce((
  select sum(${umkmCentreSaleLines.quantity}) from ${umkmCentreSaleLines}
  where ${umkmCentreSaleLines.cityId} = ${umkmConsignments.cityId}
    and ${umkmCentreSaleLines.consignmentId} = ${umkmConsignments.id}), 0)::int`
const removedOf = sql<number>`coalesce((
  select sum(${umkmConsignmentRemovals.quantity}) from ${umkmConsignmentRemovals}
  where ${umkmConsignmentRemovals.cityId} = ${umkmConsignments.cityId}
    and ${umkmConsignmentRemovals.consignmentId} = ${umkmConsignments.id}), 0)::int`
/** What is left on the shelf: the batch less its sale lines and removals, summed from them. */
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

// --- sales ---------------------------------------------------------------------------------------

export async function insertSale(
  tx: Tx,
  sale: typeof umkmCentreSales.$inferInsert,
  lines: Omit<typeof umkmCentreSaleLines.$inferInsert, 'saleId'>[],
) {
  const [row] = await tx.insert(umkmCentreSales).values(sale).returning()
  await tx.insert(umkmCentreSaleLines).values(lines.map((line) => ({ ...line, saleId: row!.id })))
  return row!
}

const saleLineColumns = {
  saleId: umkmCentreSaleLines.saleId,
  salePublicId: umkmCentreSales.publicId,
  soldAt: umkmCentreSales.soldAt,
  soldOn: umkmCentreSaleLines.soldOn,
  paymentMethod: umkmCentreSales.paymentMethod,
  quantity: umkmCentreSaleLines.quantity,
  unitPriceRupiah: umkmCentreSaleLines.unitPriceRupiah,
  amountRupiah: umkmCentreSaleLines.amountRupiah,
  commissionRupiah: umkmCentreSaleLines.commissionRupiah,
  productName: umkmCentreProducts.name,
  unit: umkmCentreProducts.unit,
  batchPublicId: umkmConsignments.publicId,
  outletName: umkmOutlets.name,
  businessId: umkmCentreSaleLines.businessId,
}

function saleLines(db: DbOrTx) {
  return db
    .select(saleLineColumns)
    .from(umkmCentreSaleLines)
    .innerJoin(umkmCentreSales, eq(umkmCentreSales.id, umkmCentreSaleLines.saleId))
    .innerJoin(umkmConsignments, eq(umkmConsignments.id, umkmCentreSaleLines.consignmentId))
    .innerJoin(umkmCentreProducts, eq(umkmCentreProducts.id, umkmConsignments.productId))
    .innerJoin(umkmOutlets, eq(umkmOutlets.id, umkmCentreSales.outletId))
}

export async function listSaleLinesOfDay(
  db: DbOrTx,
  options: { cityId: number; day: string; outletId?: number },
) {
  const conditions: SQL[] = [
    eq(umkmCentreSaleLines.cityId, options.cityId),
    eq(umkmCentreSaleLines.soldOn, options.day),
  ]
  if (options.outletId !== undefined) conditions.push(eq(umkmCentreSales.outletId, options.outletId))
  return saleLines(db)
    .where(and(...conditions))
    .orderBy(asc(umkmCentreSales.soldAt), asc(umkmCentreSaleLines.id))
}

export async function listSalesOfDay(
  db: DbOrTx,
  options: { cityId: number; day: string; outletId?: number },
) {
  const conditions: SQL[] = [
    eq(umkmCentreSales.cityId, options.cityId),
    eq(umkmCentreSales.soldOn, options.day),
  ]
  if (options.outletId !== undefined) conditions.push(eq(umkmCentreSales.outletId, options.outletId))
  return db
    .select()
    .from(umkmCentreSales)
    .where(and(...conditions))
    .orderBy(asc(umkmCentreSales.soldAt), asc(umkmCentreSales.id))
}

// --- monthly statements and settlements ----------------------------------------------------------

export async function listStatementLines(
  db: DbOrTx,
  options: { cityId: number; businessId: number; from: string; to: string },
) {
  return saleLines(db)
    .where(
      and(
        eq(umkmCentreSaleLines.cityId, options.cityId),
        eq(umkmCentreSaleLines.businessId, options.businessId),
        sql`${umkmCentreSaleLines.soldOn} between ${options.from} and ${options.to}`,
      ),
    )
    .orderBy(asc(umkmCentreSales.soldAt), asc(umkmCentreSaleLines.id))
}

/** Every business with sales in the month (or a settlement for it), with its totals. */
export async function monthTotalsByBusiness(
  db: DbOrTx,
  options: { cityId: number; from: string; to: string },
) {
  return db
    .select({
      businessId: umkmCentreSaleLines.businessId,
      businessPublicId: umkmBusinesses.publicId,
      businessName: umkmBusinesses.name,
      quantity: sql<number>`sum(${umkmCentreSaleLines.quantity})::int`,
      grossRupiah: sql<number>`sum(${umkmCentreSaleLines.amountRupiah})`.mapWith(Number),
      commissionRupiah: sql<number>`sum(${umkmCentreSaleLines.commissionRupiah})`.mapWith(Number),
    })
    .from(umkmCentreSaleLines)
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmCentreSaleLines.businessId))
    .where(
      and(
        eq(umkmCentreSaleLines.cityId, options.cityId),
        sql`${umkmCentreSaleLines.soldOn} between ${options.from} and ${options.to}`,
      ),
    )
    .groupBy(umkmCentreSaleLines.businessId, umkmBusinesses.publicId, umkmBusinesses.name)
    .orderBy(asc(umkmBusinesses.name))
}

export async function listSettlements(
  db: DbOrTx,
  options: { cityId: number; month: string; businessId?: number },
) {
  const conditions: SQL[] = [
    eq(umkmSettlements.cityId, options.cityId),
    eq(umkmSettlements.month, options.month),
  ]
  if (options.businessId !== undefined) conditions.push(eq(umkmSettlements.businessId, options.businessId))
  return db
    .select()
    .from(umkmSettlements)
    .where(and(...conditions))
}

export async function insertSettlement(db: DbOrTx, values: typeof umkmSettlements.$inferInsert) {
  const [row] = await db.insert(umkmSettlements).values(values).returning()
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
