import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import { FLOW_KINDS, OUTCOMES } from '../domain/flows.ts'
import { MATERIALS, SOURCE_SECTORS } from '../domain/materials.ts'
import { facilities } from './facilities.tables.ts'

/**
 * The waste flow ledger: append-only, the single source of every waste figure. A correction is a
 * reversal row (reverses_id, same date as the original, counted negative) plus a new row; rows are
 * never updated or deleted. Its sums per month are kept in `waste_flow_months` by triggers in the
 * database (flows.months.tables.ts, migration 0013), in the transaction of every write.
 */
export const wasteFlows = pgTable(
  'waste_flows',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    /** The calendar day in the city's own time zone. */
    flowDate: date('flow_date').notNull(),
    kind: text('kind', { enum: FLOW_KINDS }).notNull(),
    material: text('material', { enum: MATERIALS }).notNull(),
    subMaterial: text('sub_material'),
    sortedFrom: text('sorted_from', { enum: MATERIALS }),
    weightGrams: bigint('weight_grams', { mode: 'number' }).notNull(),
    fromFacilityId: integer('from_facility_id').references(() => facilities.id),
    fromVillageCode: varchar('from_village_code', { length: 13 }).references(() => villages.code),
    fromSector: text('from_sector', { enum: SOURCE_SECTORS }),
    toFacilityId: integer('to_facility_id').references(() => facilities.id),
    outcome: text('outcome', { enum: OUTCOMES }),
    pricePerKgRupiah: integer('price_per_kg_rupiah'),
    revenueRupiah: bigint('revenue_rupiah', { mode: 'number' }),
    buyerName: text('buyer_name'),
    note: text('note'),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => wasteFlows.id),
    /** The module whose business event wrote this row (e.g. `bank-sampah`): only it may correct it. */
    recordedByModule: text('recorded_by_module'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('waste_flows_public_id_key').on(table.cityId, table.publicId),
    // An entry is reversed at most once.
    unique('waste_flows_reverses_key').on(table.cityId, table.reversesId),
    check('waste_flows_weight_positive', sql`${table.weightGrams} > 0`),
    index('waste_flows_to_idx').on(table.cityId, table.toFacilityId, table.material),
    index('waste_flows_from_idx').on(table.cityId, table.fromFacilityId, table.material),
    index('waste_flows_date_idx').on(table.cityId, table.flowDate),
  ],
)
