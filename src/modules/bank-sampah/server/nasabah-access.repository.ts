import { and, eq, lt } from 'drizzle-orm'
import type { ThrottleState } from '../../../platform/domain/login-throttle.ts'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { nasabah } from './bank-sampah.tables.ts'
import { nasabahSessions, pinThrottle } from './nasabah-access.tables.ts'

export async function setPinHash(
  db: DbOrTx,
  options: { cityId: number; nasabahId: number; pinHash: string },
): Promise<void> {
  await db
    .update(nasabah)
    .set({ pinHash: options.pinHash })
    .where(and(eq(nasabah.cityId, options.cityId), eq(nasabah.id, options.nasabahId)))
}

export async function findNasabahById(db: DbOrTx, options: { cityId: number; id: number }) {
  const [row] = await db
    .select()
    .from(nasabah)
    .where(and(eq(nasabah.cityId, options.cityId), eq(nasabah.id, options.id)))
  return row
}

/** The count as it stands, without waiting for a lock (a paused city is refused before counting). */
export async function readPinThrottle(db: DbOrTx, key: string): Promise<ThrottleState | undefined> {
  const [row] = await db.select().from(pinThrottle).where(eq(pinThrottle.key, key))
  return row && row.failures > 0 ? row : undefined
}

/** The attempt is counted under this row lock, so parallel guesses queue and each one counts. */
export async function lockPinThrottle(tx: Tx, key: string): Promise<ThrottleState | undefined> {
  await tx.insert(pinThrottle).values({ key, failures: 0 }).onConflictDoNothing()
  const [row] = await tx.select().from(pinThrottle).where(eq(pinThrottle.key, key)).for('update')
  return row && row.failures > 0 ? row : undefined
}

export async function savePinThrottle(db: DbOrTx, options: { key: string; state: ThrottleState }) {
  const values = { key: options.key, ...options.state }
  await db.insert(pinThrottle).values(values).onConflictDoUpdate({ target: pinThrottle.key, set: values })
}

export async function clearPinThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.delete(pinThrottle).where(eq(pinThrottle.key, key))
}

export async function insertSession(db: DbOrTx, values: typeof nasabahSessions.$inferInsert) {
  await db.insert(nasabahSessions).values(values)
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(nasabahSessions).where(eq(nasabahSessions.tokenHash, tokenHash))
}

/** A new PIN signs the nasabah out everywhere. */
export async function deleteSessionsOf(db: DbOrTx, options: { cityId: number; nasabahId: number }) {
  await db
    .delete(nasabahSessions)
    .where(and(eq(nasabahSessions.cityId, options.cityId), eq(nasabahSessions.nasabahId, options.nasabahId)))
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(nasabahSessions).where(lt(nasabahSessions.expiresAt, now))
}

/** The session with its nasabah, and whether their city is still on the platform. */
export async function findSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ session: nasabahSessions, nasabah, cityIsActive: cities.isActive })
    .from(nasabahSessions)
    .innerJoin(nasabah, eq(nasabah.id, nasabahSessions.nasabahId))
    .innerJoin(cities, eq(cities.id, nasabah.cityId))
    .where(eq(nasabahSessions.tokenHash, tokenHash))
  return row
}
