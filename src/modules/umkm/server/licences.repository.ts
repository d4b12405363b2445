import { and, asc, count, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { umkmLicenceReminders } from './licence-reminders.tables.ts'
import { umkmBusinesses, umkmLicences } from './umkm.tables.ts'

export type LicenceRow = typeof umkmLicences.$inferSelect
export type NewLicence = typeof umkmLicences.$inferInsert

/** A business's licences, by kind then newest issue first. */
export function listLicences(db: DbOrTx, options: { cityId: number; businessId: number }) {
  return db
    .select()
    .from(umkmLicences)
    .where(and(eq(umkmLicences.cityId, options.cityId), eq(umkmLicences.businessId, options.businessId)))
    .orderBy(asc(umkmLicences.kind), asc(umkmLicences.expiresOn), asc(umkmLicences.id))
}

export async function findLicence(
  db: DbOrTx,
  options: { cityId: number; businessId: number; publicId: string },
): Promise<LicenceRow | undefined> {
  const [row] = await db
    .select()
    .from(umkmLicences)
    .where(
      and(
        eq(umkmLicences.cityId, options.cityId),
        eq(umkmLicences.businessId, options.businessId),
        eq(umkmLicences.publicId, options.publicId),
      ),
    )
  return row
}

export async function insertLicence(db: DbOrTx, values: NewLicence): Promise<LicenceRow> {
  const [row] = await db.insert(umkmLicences).values(values).returning()
  return row!
}

/** Many licences in one statement (the sample generator). */
export async function insertLicences(db: DbOrTx, rows: NewLicence[]): Promise<void> {
  if (rows.length === 0) return
  await db.insert(umkmLicences).values(rows)
}

export async function updateLicence(
  db: DbOrTx,
  options: { cityId: number; id: number; values: Partial<NewLicence> },
): Promise<LicenceRow> {
  const [row] = await db
    .update(umkmLicences)
    .set({ ...options.values, updatedAt: new Date() })
    .where(and(eq(umkmLicences.cityId, options.cityId), eq(umkmLicences.id, options.id)))
    .returning()
  return row!
}

export interface ExpiringFilter {
  cityId: number
  /** Inclusive ISO dates. */
  from: string
  to: string
  /** Only licences nobody has reminded the owner about for their current expiry date. */
  notReminded?: boolean
  limit: number
  offset: number
}

/** Reminders made about the licence's current expiry date (a renewal starts a new count). */
const remindersOfCurrentExpiry = sql`(
  select count(*)::int from ${umkmLicenceReminders} r
  where r.city_id = ${umkmLicences.cityId} and r.licence_id = ${umkmLicences.id}
    and r.expires_on = ${umkmLicences.expiresOn})`

/**
 * Licences whose expiry date falls in [from, to], soonest first, with their business and its owner.
 * A closed business is left out: there is nobody to remind.
 */
export async function listExpiringLicences(db: DbOrTx, filter: ExpiringFilter) {
  const where: SQL | undefined = and(
    eq(umkmLicences.cityId, filter.cityId),
    isNotNull(umkmLicences.expiresOn),
    gte(umkmLicences.expiresOn, filter.from),
    lte(umkmLicences.expiresOn, filter.to),
    isNull(umkmBusinesses.closedOn),
    filter.notReminded ? sql`${remindersOfCurrentExpiry} = 0` : undefined,
  )
  const joined = and(
    eq(umkmBusinesses.cityId, umkmLicences.cityId),
    eq(umkmBusinesses.id, umkmLicences.businessId),
  )
  const [rows, [total]] = await Promise.all([
    db
      .select({
        licence: umkmLicences,
        businessPublicId: umkmBusinesses.publicId,
        businessName: umkmBusinesses.name,
        ownerName: umkmBusinesses.ownerName,
        ownerPhone: umkmBusinesses.ownerPhone,
        reminderCount: sql<number>`${remindersOfCurrentExpiry}`,
      })
      .from(umkmLicences)
      .innerJoin(umkmBusinesses, joined)
      .where(where)
      .orderBy(asc(umkmLicences.expiresOn), asc(umkmLicences.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: count() }).from(umkmLicences).innerJoin(umkmBusinesses, joined).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}
