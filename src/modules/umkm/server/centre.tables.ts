import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { GRADES, PAYMENT_METHODS, REMOVAL_KINDS } from '../domain/centre.ts'
import { umkmBusinesses } from './umkm.tables.ts'

const rupiah = (name: string) => bigint(name, { mode: 'number' })

/** A shop the dinas runs: the Pojok UMKM at the Balai Kota, a PLUT gallery. */
export const umkmOutlets = pgTable(
  'umkm_outlets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
    address: text('address'),
    isActive: boolean('is_active').notNull().default(true),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [unique('umkm_outlets_public_id_key').on(table.cityId, table.publicId)],
)

/** A product a business offers the centre; curated before it may be consigned. */
export const umkmCentreProducts = pgTable(
  'umkm_centre_products',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    name: text('name').notNull(),
    /** How it is counted on the shelf: pcs, pack, botol. */
    unit: text('unit').notNull().default('pcs'),
    description: text('description'),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_centre_products_public_id_key').on(table.cityId, table.publicId),
    unique('umkm_centre_products_name_key').on(table.cityId, table.businessId, table.name),
  ],
)

/** A curation assessment, append-only: the latest one is the product's grade. */
export const umkmCurations = pgTable(
  'umkm_curations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    productId: integer('product_id')
      .notNull()
      .references(() => umkmCentreProducts.id),
    rubricVersion: text('rubric_version').notNull(),
    /** Criterion code → score 1–4, under `rubric_version`. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    grade: text('grade', { enum: GRADES }).notNull(),
    assessedOn: date('assessed_on').notNull(),
    note: text('note'),
    assessedBy: integer('assessed_by').references(() => users.id, { onDelete: 'set null' }),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_curations_public_id_key').on(table.cityId, table.publicId),
    index('umkm_curations_product_idx').on(table.cityId, table.productId, table.id),
  ],
)

/**
 * A consignment batch taken in at an outlet: quantity, shelf price and the centre's commission are
 * fixed at intake. What is left on the shelf is the quantity less its sale lines and removals.
 */
export const umkmConsignments = pgTable(
  'umkm_consignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => umkmOutlets.id),
    productId: integer('product_id')
      .notNull()
      .references(() => umkmCentreProducts.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    quantity: integer('quantity').notNull(),
    unitPriceRupiah: rupiah('unit_price_rupiah').notNull(),
    /** The centre's share in basis points (10 % = 1000); 0 where the dinas takes nothing. */
    commissionBps: integer('commission_bps').notNull(),
    receivedOn: date('received_on').notNull(),
    expiresOn: date('expires_on'),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_consignments_public_id_key').on(table.cityId, table.publicId),
    index('umkm_consignments_outlet_idx').on(table.cityId, table.outletId, table.productId),
    index('umkm_consignments_business_idx').on(table.cityId, table.businessId),
    check('umkm_consignments_quantity_positive', sql`${table.quantity} > 0`),
    check('umkm_consignments_price_positive', sql`${table.unitPriceRupiah} > 0`),
    check('umkm_consignments_commission_range', sql`${table.commissionBps} between 0 and 10000`),
  ],
)

/** Stock taken off the shelf other than by sale: returned to the producer, expired, damaged. */
export const umkmConsignmentRemovals = pgTable(
  'umkm_consignment_removals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    consignmentId: integer('consignment_id')
      .notNull()
      .references(() => umkmConsignments.id),
    kind: text('kind', { enum: REMOVAL_KINDS }).notNull(),
    quantity: integer('quantity').notNull(),
    removedOn: date('removed_on').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_consignment_removals_public_id_key').on(table.cityId, table.publicId),
    index('umkm_consignment_removals_batch_idx').on(table.cityId, table.consignmentId),
    check('umkm_consignment_removals_quantity_positive', sql`${table.quantity} > 0`),
  ],
)

/** A sale at the counter, paid in cash or by QRIS. */
export const umkmCentreSales = pgTable(
  'umkm_centre_sales',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => umkmOutlets.id),
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull().defaultNow(),
    /** The sale's date in the city's time zone: the month it settles in. */
    soldOn: date('sold_on').notNull(),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
    /** The QRIS transaction reference from the merchant app, when paid by QRIS. */
    paymentReference: text('payment_reference'),
    totalRupiah: rupiah('total_rupiah').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when the sale was voided as made in error: it stays, but counts for nothing. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: integer('voided_by').references(() => users.id, { onDelete: 'set null' }),
    voidReason: text('void_reason'),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_centre_sales_public_id_key').on(table.cityId, table.publicId),
    index('umkm_centre_sales_day_idx').on(table.cityId, table.soldOn),
    check('umkm_centre_sales_void_reason', sql`(${table.voidedAt} is null) = (${table.voidReason} is null)`),
  ],
)

/** One product of a sale, drawn from one consignment batch at the batch's price. */
export const umkmCentreSaleLines = pgTable(
  'umkm_centre_sale_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    saleId: integer('sale_id')
      .notNull()
      .references(() => umkmCentreSales.id),
    consignmentId: integer('consignment_id')
      .notNull()
      .references(() => umkmConsignments.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    soldOn: date('sold_on').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceRupiah: rupiah('unit_price_rupiah').notNull(),
    amountRupiah: rupiah('amount_rupiah').notNull(),
    commissionRupiah: rupiah('commission_rupiah').notNull(),
    /** Copied from the sale when it is voided, so stock and statements skip the line without a join. */
    isVoided: boolean('is_voided').notNull().default(false),
  },
  (table) => [
    index('umkm_centre_sale_lines_batch_idx').on(table.cityId, table.consignmentId),
    index('umkm_centre_sale_lines_business_idx').on(table.cityId, table.businessId, table.soldOn),
    check('umkm_centre_sale_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
)

/** The monthly settlement with a producer: once per business and month, never redone. */
export const umkmSettlements = pgTable(
  'umkm_settlements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    month: varchar('month', { length: 7 }).notNull(),
    quantity: integer('quantity').notNull(),
    grossRupiah: rupiah('gross_rupiah').notNull(),
    commissionRupiah: rupiah('commission_rupiah').notNull(),
    payableRupiah: rupiah('payable_rupiah').notNull(),
    settledBy: integer('settled_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_settlements_public_id_key').on(table.cityId, table.publicId),
    unique('umkm_settlements_month_key').on(table.cityId, table.businessId, table.month),
  ],
)
