import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core'
import { createdAtColumn } from '../db/columns.ts'

/** The tenant: one of the 514 kabupaten/kota, keyed by its Kemendagri code (`35.79`). */
export const cities = pgTable(
  'cities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: varchar('code', { length: 5 }).notNull().unique(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['kota', 'kabupaten'] }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    provinceName: text('province_name').notNull(),
    timezone: text('timezone').notNull(),
    isActive: boolean('is_active').notNull().default(false),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [index('cities_name_search_idx').on(sql`lower(${table.name})`)],
)

/** Kecamatan. Reference data from Kemendagri via idn-area-data. */
export const districts = pgTable(
  'districts',
  {
    code: varchar('code', { length: 8 }).primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
  },
  (table) => [index('districts_city_idx').on(table.cityId)],
)

/** Desa (rural) or kelurahan (urban); the kind is read from the Kemendagri code. */
export const villages = pgTable(
  'villages',
  {
    code: varchar('code', { length: 13 }).primaryKey(),
    districtCode: varchar('district_code', { length: 8 })
      .notNull()
      .references(() => districts.code),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['desa', 'kelurahan'] }).notNull(),
  },
  (table) => [
    index('villages_city_idx').on(table.cityId),
    index('villages_district_idx').on(table.districtCode),
  ],
)
