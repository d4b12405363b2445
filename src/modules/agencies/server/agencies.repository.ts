import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { agencies } from './agencies.tables.ts'

export type AgencyRow = typeof agencies.$inferSelect

export function listAgencies(db: DbOrTx, options: { cityId: number; includeInactive: boolean }) {
  const conditions = [eq(agencies.cityId, options.cityId)]
  if (!options.includeInactive) conditions.push(eq(agencies.isActive, true))
  return db
    .select()
    .from(agencies)
    .where(and(...conditions))
    .orderBy(asc(agencies.id))
}

export async function findAgency(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.cityId, options.cityId), eq(agencies.publicId, options.publicId)))
  return row
}

export async function insertAgencies(
  db: DbOrTx,
  rows: (typeof agencies.$inferInsert)[],
): Promise<AgencyRow[]> {
  if (rows.length === 0) return []
  return db.insert(agencies).values(rows).onConflictDoNothing().returning()
}

export async function updateAgency(
  db: DbOrTx,
  options: { cityId: number; agencyId: number; values: Partial<typeof agencies.$inferInsert> },
): Promise<AgencyRow> {
  const [row] = await db
    .update(agencies)
    .set({ ...options.values, updatedAt: new Date() })
    .where(and(eq(agencies.cityId, options.cityId), eq(agencies.id, options.agencyId)))
    .returning()
  return row!
}
