import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import {
  umkmCentreProducts,
  umkmCentreSaleLines,
  umkmCentreSales,
  umkmConsignments,
  umkmOutlets,
  umkmSettlements,
} from './centre.tables.ts'
import { umkmBusinesses } from './umkm.tables.ts'

/** The counter of the UMKM centre: sales and their lines, voids, monthly statements and settlements. */

export type SaleRow = typeof umkmCentreSales.$inferSelect
export type SettlementRow = typeof umkmSettlements.$inferSelect

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

/** A sale with its outlet's public id and name, as the receipt shows it. */
export async function findSale(db: DbOrTx, options: { cityId: number; publicId: string; lock?: boolean }) {
  const query = db
    .select({
      sale: umkmCentreSales,
      outletPublicId: umkmOutlets.publicId,
      outletName: umkmOutlets.name,
      voidedByName: users.displayName,
    })
    .from(umkmCentreSales)
    .innerJoin(umkmOutlets, eq(umkmOutlets.id, umkmCentreSales.outletId))
    .leftJoin(users, eq(users.id, umkmCentreSales.voidedBy))
    .where(and(eq(umkmCentreSales.cityId, options.cityId), eq(umkmCentreSales.publicId, options.publicId)))
  const [row] = options.lock ? await query.for('update', { of: umkmCentreSales }) : await query
  return row
}

/** The receipt lines of a sale, in the order they were rung up. */
export async function listLinesOfSale(db: DbOrTx, options: { cityId: number; saleId: number }) {
  return db
    .select({
      line: umkmCentreSaleLines,
      batchPublicId: umkmConsignments.publicId,
      productName: umkmCentreProducts.name,
      unit: umkmCentreProducts.unit,
      businessName: umkmBusinesses.name,
    })
    .from(umkmCentreSaleLines)
    .innerJoin(umkmConsignments, eq(umkmConsignments.id, umkmCentreSaleLines.consignmentId))
    .innerJoin(umkmCentreProducts, eq(umkmCentreProducts.id, umkmConsignments.productId))
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmCentreSaleLines.businessId))
    .where(
      and(eq(umkmCentreSaleLines.cityId, options.cityId), eq(umkmCentreSaleLines.saleId, options.saleId)),
    )
    .orderBy(asc(umkmCentreSaleLines.id))
}

/** Marks a sale void, and its lines with it, so stock, till and statements skip them. */
export async function markSaleVoid(
  tx: Tx,
  options: { saleId: number; voidedAt: Date; voidedBy: number | null; reason: string },
) {
  const [row] = await tx
    .update(umkmCentreSales)
    .set({ voidedAt: options.voidedAt, voidedBy: options.voidedBy, voidReason: options.reason })
    .where(eq(umkmCentreSales.id, options.saleId))
    .returning()
  await tx
    .update(umkmCentreSaleLines)
    .set({ isVoided: true })
    .where(eq(umkmCentreSaleLines.saleId, options.saleId))
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
        eq(umkmCentreSaleLines.isVoided, false),
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
        eq(umkmCentreSaleLines.isVoided, false),
      ),
    )
    .groupBy(umkmCentreSaleLines.businessId, umkmBusinesses.publicId, umkmBusinesses.name)
    .orderBy(asc(umkmBusinesses.name))
}

/**
 * Serialises what changes a producer's month once it may be settled: settling it and voiding a sale
 * in it. A transaction-scoped advisory lock per business (not per month: a void and a settlement
 * rarely meet), taken in id order so a void of a sale with several producers cannot deadlock.
 */
export async function lockSettlementOf(tx: Tx, options: { businessIds: number[] }) {
  for (const businessId of [...new Set(options.businessIds)].sort((a, b) => a - b)) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('umkm.centre_settlement'), ${businessId})`)
  }
}

export async function listSettlements(
  db: DbOrTx,
  options: { cityId: number; month: string; businessId?: number; businessIds?: number[] },
) {
  const conditions: SQL[] = [
    eq(umkmSettlements.cityId, options.cityId),
    eq(umkmSettlements.month, options.month),
  ]
  if (options.businessId !== undefined) conditions.push(eq(umkmSettlements.businessId, options.businessId))
  if (options.businessIds !== undefined)
    conditions.push(inArray(umkmSettlements.businessId, options.businessIds))
  return db
    .select()
    .from(umkmSettlements)
    .where(and(...conditions))
}

export async function insertSettlement(db: DbOrTx, values: typeof umkmSettlements.$inferInsert) {
  const [row] = await db.insert(umkmSettlements).values(values).returning()
  return row!
}
