import { boolean, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'

/** Organisasi Perangkat Daerah: the city's agencies. */
export const agencies = pgTable(
  'agencies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** Which affairs it handles, as a stable key (`environment`, `umkm`, …) modules can look up. */
    function: text('function'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('agencies_public_id_key').on(table.cityId, table.publicId),
    unique('agencies_name_key').on(table.cityId, table.name),
  ],
)
