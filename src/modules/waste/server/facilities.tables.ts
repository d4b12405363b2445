import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import { FACILITY_KINDS, FACILITY_STATUSES, LANDFILL_SYSTEMS } from '../domain/facilities.ts'

/** Every place waste goes through: from a TPS to the TPA, including bank sampah and pengepul. */
export const facilities = pgTable(
  'facilities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    kind: text('kind', { enum: FACILITY_KINDS }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: FACILITY_STATUSES }).notNull().default('active'),
    villageCode: varchar('village_code', { length: 13 }).references(() => villages.code),
    address: text('address'),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    /** Kept in whole kilograms per day (tonnes in the UI), never as a float. */
    designCapacityKgPerDay: integer('design_capacity_kg_per_day'),
    householdsServed: integer('households_served'),
    /** Who runs it: a KSM, a BUMDes, DLH's own UPT, a private company. */
    operatorName: text('operator_name'),
    /** The decree that set it up (SK kepala desa/lurah for a TPS3R). */
    decreeNumber: text('decree_number'),
    landfillSystem: text('landfill_system', { enum: LANDFILL_SYSTEMS }),
    parentId: integer('parent_id').references((): AnyPgColumn => facilities.id),
    openedOn: date('opened_on'),
    /** Demo records generated from stated assumptions are labelled so nobody mistakes them for data. */
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('facilities_public_id_key').on(table.cityId, table.publicId),
    unique('facilities_name_key').on(table.cityId, table.name),
    index('facilities_city_kind_idx').on(table.cityId, table.kind),
  ],
)
