import { and, eq, sql } from 'drizzle-orm'
import { holdAuditUntilCommit, writePendingAudit } from '../audit/audit.service.ts'
import type { IdempotencyClaim, ServiceContext } from '../context.ts'
import type { DbOrTx, Tx } from '../db/client.ts'
import { compiledQuery, type Piece } from '../db/compiled.ts'
import { AppError } from '../errors.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

/** Claims answered with a stored result inside runWrite(); the route says so in a header. */
const replayedClaims = new WeakSet<IdempotencyClaim>()

/** Whether this request's answer is the stored answer of an earlier one with the same key. */
export function isReplayed(claim: IdempotencyClaim): boolean {
  return claim.replay !== undefined || replayedClaims.has(claim)
}

/** The first request's stored result, or `key_reused` when that request had another body. */
async function storedResult<T>(db: DbOrTx, claim: IdempotencyClaim): Promise<{ result: T } | undefined> {
  const [stored] = await db
    .select({ requestHash: idempotencyKeys.requestHash, result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
  if (!stored) return undefined
  if (stored.requestHash !== claim.requestHash) throw new AppError('idempotency.key_reused')
  replayedClaims.add(claim)
  return { result: stored.result as T }
}

/** The key's claim, compiled once (db/compiled.ts): every write with an Idempotency-Key sends it. */
const claimKey = compiledQuery((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('scope'),
      key: sql.placeholder('key'),
      requestHash: sql.placeholder('requestHash'),
    })
    .onConflictDoNothing({ target: [idempotencyKeys.scope, idempotencyKeys.key] })
    .returning({ id: idempotencyKeys.id })
    .prepare(''),
)

/** The stored result, as a piece of the transaction's last statement (writePendingAudit). */
function storeResult(tx: Tx, options: { id: number; result: unknown }): Piece {
  return {
    shape: 'idempotency-result',
    values: {
      id: options.id,
      result: options.result === undefined ? null : JSON.parse(JSON.stringify(options.result)),
    },
    build: (slot) =>
      tx
        .update(idempotencyKeys)
        .set({ result: slot('result') })
        .where(eq(idempotencyKeys.id, slot('id') as number))
        .getSQL(),
  }
}

/**
 * Runs a write in one transaction. Its audit rows are written just before the commit (see
 * holdAuditUntilCommit). When the request carried an Idempotency-Key, the result is
 * stored in that same transaction, so a retry can never find the record without the key or the
 * key without the record. Every write of a service belongs inside `work`: on a replay it does not
 * run at all. The key's row goes in first: a retry whose first request committed finds it there
 * (when the route did not look it up before, `idempotentInTransaction`), and two identical
 * requests racing each other meet on it — the second one's insert waits for the first
 * transaction and then returns the first one's result.
 */
export async function runWrite<T>(context: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const claim = context.idempotency
  // A replay returns what the first request's transaction stored; the route presents it as before.
  if (claim?.replay) return claim.replay.result as T
  return context.database.db.transaction(async (tx) => {
    // The key goes in first: a concurrent twin blocks on it here, before touching any record.
    let claimedId: number | undefined
    if (claim) {
      const [claimed] = await claimKey(tx, {
        scope: claim.scope,
        key: claim.key,
        requestHash: claim.requestHash,
      })
      // Taken already: by a request that committed, possibly while this one waited for it.
      if (!claimed) {
        const stored = await storedResult<T>(tx, claim)
        if (!stored) throw new Error('idempotency key taken but not found')
        return stored.result
      }
      claimedId = claimed.id
    }
    holdAuditUntilCommit(tx)
    const result = await work(tx)
    // The stored result and the audit rows travel in one statement, the transaction's last.
    await writePendingAudit(
      tx,
      claimedId !== undefined ? storeResult(tx, { id: claimedId, result }) : undefined,
    )
    return result
  })
}
