import { and, eq } from 'drizzle-orm'
import { holdAuditUntilCommit, writePendingAudit } from '../audit/audit.service.ts'
import type { ServiceContext } from '../context.ts'
import { isUniqueViolation, type Tx } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

/**
 * Runs a write in one transaction. Its audit rows are written just before the commit (see
 * holdAuditUntilCommit). When the request carried an Idempotency-Key, the result is
 * stored in that same transaction, so a retry can never find the record without the key or the
 * key without the record. Every write of a service belongs inside `work`: on a replay it does not
 * run at all. Two identical requests racing each other: the second one's insert of the key waits
 * for the first transaction, then fails on the unique constraint, and it returns the first one's
 * result.
 */
export async function runWrite<T>(context: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const claim = context.idempotency
  // A replay returns what the first request's transaction stored; the route presents it as before.
  if (claim?.replay) return claim.replay.result as T
  try {
    return await context.database.db.transaction(async (tx) => {
      // The key goes in first: a concurrent twin blocks on it here, before touching any record.
      const [claimed] = claim
        ? await tx
            .insert(idempotencyKeys)
            .values({ scope: claim.scope, key: claim.key, requestHash: claim.requestHash })
            .returning({ id: idempotencyKeys.id })
        : []
      holdAuditUntilCommit(tx)
      const result = await work(tx)
      // The stored result and the audit rows travel in one statement, the transaction's last.
      await writePendingAudit(
        tx,
        claimed
          ? tx
              .update(idempotencyKeys)
              .set({ result: result === undefined ? null : JSON.parse(JSON.stringify(result)) })
              .where(eq(idempotencyKeys.id, claimed.id))
              .getSQL()
          : undefined,
      )
      return result
    })
  } catch (error) {
    if (claim && isUniqueViolation(error, 'idempotency_keys_scope_key')) {
      const [stored] = await context.database.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
      if (stored && stored.requestHash !== claim.requestHash) throw new AppError('idempotency.key_reused')
      if (stored) return stored.result as T
    }
    throw error
  }
}
