import { and, eq } from 'drizzle-orm'
import type { ServiceContext } from '../context.ts'
import { isUniqueViolation, type Tx } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

/**
 * Runs a write in one transaction. When the request carried an Idempotency-Key, the answer is
 * stored in that same transaction, so a retry can never find the record without the key or the
 * key without the record. Two identical requests racing each other: the second one's insert of
 * the key fails on the unique constraint, its transaction rolls back, and it returns the first
 * one's answer.
 */
export async function runWrite<T>(context: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const claim = context.idempotency
  try {
    return await context.database.db.transaction(async (tx) => {
      const result = await work(tx)
      if (claim) {
        await tx.insert(idempotencyKeys).values({
          scope: claim.scope,
          key: claim.key,
          requestHash: claim.requestHash,
          statusCode: claim.statusCode,
          responseBody: result === undefined ? null : JSON.parse(JSON.stringify(result)),
        })
      }
      return result
    })
  } catch (error) {
    if (claim && isUniqueViolation(error, 'idempotency_keys_scope_key')) {
      const [stored] = await context.database.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
      if (stored && stored.requestHash !== claim.requestHash) throw new AppError('idempotency.key_reused')
      if (stored) return stored.responseBody as T
    }
    throw error
  }
}
