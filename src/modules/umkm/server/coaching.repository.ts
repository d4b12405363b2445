import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import {
  umkmAttendance,
  umkmEnrolmentOutcomes,
  umkmEnrolments,
  umkmProgrammes,
  umkmSessions,
} from './coaching.tables.ts'
import { umkmBusinesses } from './umkm.tables.ts'

export type ProgrammeRow = typeof umkmProgrammes.$inferSelect
export type OutcomeRow = typeof umkmEnrolmentOutcomes.$inferSelect

/** 1 for an enrolment still in its programme, null for a withdrawn one: `count()` skips nulls. */
const activeEnrolment = sql`case when ${umkmEnrolments.withdrawnOn} is null then 1 end`

export async function listProgrammes(db: DbOrTx, options: { cityId: number }) {
  return db
    .select({ programme: umkmProgrammes, enrolled: count(activeEnrolment) })
    .from(umkmProgrammes)
    .leftJoin(umkmEnrolments, eq(umkmEnrolments.programmeId, umkmProgrammes.id))
    .where(eq(umkmProgrammes.cityId, options.cityId))
    .groupBy(umkmProgrammes.id)
    .orderBy(asc(umkmProgrammes.startsOn), asc(umkmProgrammes.id))
}

export async function findProgramme(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select()
    .from(umkmProgrammes)
    .where(and(eq(umkmProgrammes.cityId, options.cityId), eq(umkmProgrammes.publicId, options.publicId)))
  return row
}

/**
 * Serialises enrolments and edits of one programme, so two at once cannot both take the last
 * place, and an enrolment sees a quota changed a moment before. Returns the row as locked.
 */
export async function lockProgramme(tx: Tx, options: { cityId: number; id: number }) {
  const [row] = await tx
    .select()
    .from(umkmProgrammes)
    .where(and(eq(umkmProgrammes.cityId, options.cityId), eq(umkmProgrammes.id, options.id)))
    .for('update')
  return row!
}

export async function updateProgramme(
  tx: Tx,
  options: { cityId: number; id: number },
  values: Partial<typeof umkmProgrammes.$inferInsert>,
) {
  const [row] = await tx
    .update(umkmProgrammes)
    .set(values)
    .where(and(eq(umkmProgrammes.cityId, options.cityId), eq(umkmProgrammes.id, options.id)))
    .returning()
  return row!
}

export async function insertProgramme(db: DbOrTx, values: typeof umkmProgrammes.$inferInsert) {
  const [row] = await db.insert(umkmProgrammes).values(values).returning()
  return row!
}

/** Participants holding a place in the quota: withdrawn ones have given theirs up. */
export async function countEnrolments(db: DbOrTx, options: { cityId: number; programmeId: number }) {
  const [row] = await db
    .select({ n: count() })
    .from(umkmEnrolments)
    .where(
      and(
        eq(umkmEnrolments.cityId, options.cityId),
        eq(umkmEnrolments.programmeId, options.programmeId),
        isNull(umkmEnrolments.withdrawnOn),
      ),
    )
  return row?.n ?? 0
}

export async function findEnrolment(
  db: DbOrTx,
  options: { cityId: number; programmeId: number } & ({ publicId: string } | { businessId: number }),
) {
  const which =
    'publicId' in options
      ? eq(umkmEnrolments.publicId, options.publicId)
      : eq(umkmEnrolments.businessId, options.businessId)
  const [row] = await db
    .select()
    .from(umkmEnrolments)
    .where(
      and(
        eq(umkmEnrolments.cityId, options.cityId),
        eq(umkmEnrolments.programmeId, options.programmeId),
        which,
      ),
    )
  return row
}

export async function updateEnrolment(
  tx: Tx,
  options: { cityId: number; id: number },
  values: Pick<typeof umkmEnrolments.$inferInsert, 'enrolledOn' | 'withdrawnOn' | 'withdrawalReason'>,
) {
  const [row] = await tx
    .update(umkmEnrolments)
    .set(values)
    .where(and(eq(umkmEnrolments.cityId, options.cityId), eq(umkmEnrolments.id, options.id)))
    .returning()
  return row!
}

export async function insertEnrolment(db: DbOrTx, values: typeof umkmEnrolments.$inferInsert) {
  const [row] = await db.insert(umkmEnrolments).values(values).returning()
  return row!
}

export function listEnrolments(db: DbOrTx, options: { cityId: number; programmeId: number }) {
  return db
    .select({
      enrolment: umkmEnrolments,
      businessId: umkmBusinesses.publicId,
      businessName: umkmBusinesses.name,
    })
    .from(umkmEnrolments)
    .innerJoin(umkmBusinesses, eq(umkmBusinesses.id, umkmEnrolments.businessId))
    .where(
      and(eq(umkmEnrolments.cityId, options.cityId), eq(umkmEnrolments.programmeId, options.programmeId)),
    )
    .orderBy(asc(umkmBusinesses.name))
}

export function listSessions(db: DbOrTx, options: { cityId: number; programmeId: number }) {
  return db
    .select()
    .from(umkmSessions)
    .where(and(eq(umkmSessions.cityId, options.cityId), eq(umkmSessions.programmeId, options.programmeId)))
    .orderBy(asc(umkmSessions.heldOn), asc(umkmSessions.id))
}

export async function insertSession(
  tx: Tx,
  values: typeof umkmSessions.$inferInsert,
  presentEnrolmentIds: number[],
) {
  const [session] = await tx.insert(umkmSessions).values(values).returning()
  if (presentEnrolmentIds.length > 0) {
    await tx.insert(umkmAttendance).values(
      presentEnrolmentIds.map((enrolmentId) => ({
        cityId: values.cityId,
        sessionId: session!.id,
        enrolmentId,
      })),
    )
  }
  return session!
}

export function listAttendance(db: DbOrTx, options: { cityId: number; sessionIds: number[] }) {
  if (options.sessionIds.length === 0) return Promise.resolve([])
  return db
    .select()
    .from(umkmAttendance)
    .where(
      and(eq(umkmAttendance.cityId, options.cityId), inArray(umkmAttendance.sessionId, options.sessionIds)),
    )
}

export function listOutcomes(db: DbOrTx, options: { cityId: number; enrolmentIds: number[] }) {
  if (options.enrolmentIds.length === 0) return Promise.resolve([])
  return db
    .select()
    .from(umkmEnrolmentOutcomes)
    .where(
      and(
        eq(umkmEnrolmentOutcomes.cityId, options.cityId),
        inArray(umkmEnrolmentOutcomes.enrolmentId, options.enrolmentIds),
      ),
    )
}

export async function upsertOutcome(db: DbOrTx, values: typeof umkmEnrolmentOutcomes.$inferInsert) {
  const { cityId, enrolmentId, stage, ...rest } = values
  const [row] = await db
    .insert(umkmEnrolmentOutcomes)
    .values(values)
    .onConflictDoUpdate({
      target: [umkmEnrolmentOutcomes.cityId, umkmEnrolmentOutcomes.enrolmentId, umkmEnrolmentOutcomes.stage],
      set: rest,
    })
    .returning()
  return row!
}
