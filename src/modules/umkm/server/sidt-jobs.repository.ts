import { and, eq, lt } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import type { SidtImportPhase } from './sidt.import.service.ts'
import { umkmSidtJobs } from './sidt-jobs.tables.ts'

export type SidtJobRow = typeof umkmSidtJobs.$inferSelect

export async function insertJob(
  db: DbOrTx,
  values: Pick<
    typeof umkmSidtJobs.$inferInsert,
    'cityId' | 'userId' | 'idempotencyKey' | 'requestHash' | 'startedAt' | 'heartbeatAt'
  >,
): Promise<SidtJobRow> {
  const [row] = await db
    .insert(umkmSidtJobs)
    .values({ ...values, status: 'running', phase: 'reading' })
    .returning()
  return row!
}

export async function findJob(db: DbOrTx, publicId: string): Promise<SidtJobRow | undefined> {
  const [row] = await db.select().from(umkmSidtJobs).where(eq(umkmSidtJobs.publicId, publicId))
  return row
}

/** The city's running import started with this Idempotency-Key by this person, if any. */
export async function findRunningJobWithKey(
  db: DbOrTx,
  options: { cityId: number; userId: number | null; key: string },
): Promise<SidtJobRow | undefined> {
  const [row] = await db
    .select()
    .from(umkmSidtJobs)
    .where(
      and(
        eq(umkmSidtJobs.cityId, options.cityId),
        eq(umkmSidtJobs.status, 'running'),
        eq(umkmSidtJobs.idempotencyKey, options.key),
      ),
    )
  return row && row.userId === options.userId ? row : undefined
}

export async function updateProgress(
  db: DbOrTx,
  options: { id: number; done: number; total: number; phase: SidtImportPhase; at: Date },
): Promise<void> {
  await db
    .update(umkmSidtJobs)
    .set({ done: options.done, total: options.total, phase: options.phase, heartbeatAt: options.at })
    .where(and(eq(umkmSidtJobs.id, options.id), eq(umkmSidtJobs.status, 'running')))
}

export async function touchJob(db: DbOrTx, options: { id: number; at: Date }): Promise<void> {
  await db
    .update(umkmSidtJobs)
    .set({ heartbeatAt: options.at })
    .where(and(eq(umkmSidtJobs.id, options.id), eq(umkmSidtJobs.status, 'running')))
}

export async function finishJob(
  db: DbOrTx,
  options: {
    id: number
    done: number
    total: number
    phase: SidtImportPhase
    status: 'done' | 'failed'
    result: unknown
    error: unknown
    at: Date
  },
): Promise<void> {
  await db
    .update(umkmSidtJobs)
    .set({
      done: options.done,
      total: options.total,
      phase: options.phase,
      status: options.status,
      result: options.result ?? null,
      error: options.error ?? null,
      finishedAt: options.at,
      heartbeatAt: options.at,
    })
    .where(eq(umkmSidtJobs.id, options.id))
}

/** Running jobs whose server stopped renewing them: failed, which frees the city for a new import. */
export async function failLostJobs(db: DbOrTx, options: { heardBefore: Date; error: unknown; at: Date }) {
  await db
    .update(umkmSidtJobs)
    .set({ status: 'failed', error: options.error, finishedAt: options.at })
    .where(and(eq(umkmSidtJobs.status, 'running'), lt(umkmSidtJobs.heartbeatAt, options.heardBefore)))
}

export async function deleteFinishedJobs(db: DbOrTx, options: { finishedBefore: Date }): Promise<void> {
  await db.delete(umkmSidtJobs).where(lt(umkmSidtJobs.finishedAt, options.finishedBefore))
}
