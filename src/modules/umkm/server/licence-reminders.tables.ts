import { date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { REMINDER_CHANNELS } from '../domain/reminders.ts'
import { umkmLicences } from './umkm.tables.ts'

/**
 * That a member of staff reminded an owner of a licence's expiry, how, and about which expiry date:
 * a renewal (a new expiry date) starts with no reminders. Append-only.
 */
export const umkmLicenceReminders = pgTable(
  'umkm_licence_reminders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    licenceId: integer('licence_id')
      .notNull()
      .references(() => umkmLicences.id),
    /** The licence's expiry date when the reminder was made. */
    expiresOn: date('expires_on').notNull(),
    channel: text('channel', { enum: REMINDER_CHANNELS }).notNull(),
    note: text('note'),
    sentBy: integer('sent_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_licence_reminders_public_id_key').on(table.cityId, table.publicId),
    index('umkm_licence_reminders_licence_idx').on(table.cityId, table.licenceId, table.expiresOn),
  ],
)
