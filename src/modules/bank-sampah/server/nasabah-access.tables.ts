import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAtColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { nasabah } from './bank-sampah.tables.ts'

/**
 * A nasabah's self-service session: apart from staff sessions (another table, another cookie), so
 * it never becomes a platform actor and can reach nothing but the nasabah's own savings. Only the
 * SHA-256 of the cookie's token is stored.
 */
export const nasabahSessions = pgTable(
  'bank_sampah_nasabah_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    nasabahId: integer('nasabah_id')
      .notNull()
      .references(() => nasabah.id),
    createdAt: createdAtColumn(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('bank_sampah_nasabah_sessions_nasabah_idx').on(table.nasabahId)],
)

/** Failed PIN logins counted per city and member number as typed, existing or not. */
export const pinThrottle = pgTable('bank_sampah_pin_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
})
