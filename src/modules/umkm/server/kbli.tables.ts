import { char, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core'

/**
 * The KBLI kelompok table of each version (KBLI 2020: Peraturan BPS 2/2020, about 1,790 codes), as
 * the operator loaded it from the BPS publication (`sinergi kbli load`). National reference data,
 * like the regions: not a city's. While a version has no rows, codes are checked to their division.
 */
export const umkmKbliCodes = pgTable(
  'umkm_kbli_codes',
  {
    version: text('version').notNull(),
    code: varchar('code', { length: 5 }).notNull(),
    category: char('category', { length: 1 }).notNull(),
    title: text('title').notNull(),
    /** The file it came from, as the operator named it. */
    source: text('source').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.version, table.code] })],
)
