import { boolean, date, index, integer, pgTable, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { EXPENSE_CATEGORIES } from '../domain/fees.ts'
import { facilities } from './facilities.tables.ts'

/** A household served by a facility, with its monthly fee. The head's name is personal data. */
export const wasteHouseholds = pgTable(
  'waste_households',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    facilityId: integer('facility_id')
      .notNull()
      .references(() => facilities.id),
    /** Where, as people say it: `RT 02/RW 05 No. 12`. */
    label: text('label').notNull(),
    headName: text('head_name'),
    monthlyFeeRupiah: integer('monthly_fee_rupiah').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('waste_households_public_id_key').on(table.cityId, table.publicId),
    unique('waste_households_label_key').on(table.cityId, table.facilityId, table.label),
  ],
)

/** One household's fee for one month: charged once, paid or not. */
export const wasteFeeCharges = pgTable(
  'waste_fee_charges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => wasteHouseholds.id),
    period: varchar('period', { length: 7 }).notNull(),
    amountRupiah: integer('amount_rupiah').notNull(),
    paidOn: date('paid_on'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('waste_fee_charges_period_key').on(table.cityId, table.householdId, table.period)],
)

/** What running the facility costs. A mistaken entry is voided (kept, marked), never deleted. */
export const wasteExpenses = pgTable(
  'waste_expenses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    facilityId: integer('facility_id')
      .notNull()
      .references(() => facilities.id),
    spentOn: date('spent_on').notNull(),
    category: text('category', { enum: EXPENSE_CATEGORIES }).notNull(),
    amountRupiah: integer('amount_rupiah').notNull(),
    note: text('note'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('waste_expenses_public_id_key').on(table.cityId, table.publicId),
    index('waste_expenses_facility_idx').on(table.cityId, table.facilityId, table.spentOn),
  ],
)
