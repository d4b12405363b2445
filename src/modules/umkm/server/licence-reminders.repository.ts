import { and, desc, eq, inArray } from 'drizzle-orm'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { umkmLicenceReminders } from './licence-reminders.tables.ts'
import { umkmLicences } from './umkm.tables.ts'

export type ReminderRow = typeof umkmLicenceReminders.$inferSelect

export async function insertReminder(
  db: DbOrTx,
  values: typeof umkmLicenceReminders.$inferInsert,
): Promise<ReminderRow> {
  const [row] = await db.insert(umkmLicenceReminders).values(values).returning()
  return row!
}

/** The latest reminder about each licence's current expiry date, with who made it. */
export async function latestReminders(db: DbOrTx, options: { cityId: number; licenceIds: number[] }) {
  if (options.licenceIds.length === 0) return new Map<number, ReminderRow & { sentByName: string | null }>()
  const rows = await db
    .selectDistinctOn([umkmLicenceReminders.licenceId], {
      reminder: umkmLicenceReminders,
      sentByName: users.displayName,
    })
    .from(umkmLicenceReminders)
    // A reminder about an earlier expiry date (before a renewal) is not about this one.
    .innerJoin(
      umkmLicences,
      and(
        eq(umkmLicences.cityId, umkmLicenceReminders.cityId),
        eq(umkmLicences.id, umkmLicenceReminders.licenceId),
        eq(umkmLicences.expiresOn, umkmLicenceReminders.expiresOn),
      ),
    )
    .leftJoin(users, eq(users.id, umkmLicenceReminders.sentBy))
    .where(
      and(
        eq(umkmLicenceReminders.cityId, options.cityId),
        inArray(umkmLicenceReminders.licenceId, options.licenceIds),
      ),
    )
    .orderBy(
      umkmLicenceReminders.licenceId,
      desc(umkmLicenceReminders.createdAt),
      desc(umkmLicenceReminders.id),
    )
  return new Map(rows.map((row) => [row.reminder.licenceId, { ...row.reminder, sentByName: row.sentByName }]))
}
