import { lt } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

/** A retry comes within minutes; a day is generous. Older keys are deleted (see main.ts). */
export const IDEMPOTENCY_RETENTION_HOURS = 24

export async function purgeIdempotencyKeys(db: DbOrTx, now: Date = new Date()): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000)))
}
