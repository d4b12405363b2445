import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

const KEY_PATTERN = /^[A-Za-z0-9._-]{8,128}$/

/**
 * A route opts in with `config: { idempotent: true }`. The claim is checked here and fulfilled by
 * runWrite() inside the service's transaction.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key']
    if (key === undefined) return
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new AppError('idempotency.key_invalid')
    const path = request.url.split('?')[0]
    const scope = `${request.actor?.userId ?? 'anonymous'}:${request.method}:${path}`
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex')
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    if (stored && stored.requestHash !== requestHash) throw new AppError('idempotency.key_reused')
    if (stored) reply.header('idempotent-replayed', 'true')
    request.idempotency = {
      scope,
      key,
      requestHash,
      ...(stored ? { replay: { result: stored.result } } : {}),
    }
  }
  // Only the routes that opted in pay for the hook.
  app.addHook('onRoute', (route) => {
    if (!(route.config as { idempotent?: boolean } | undefined)?.idempotent) return
    const existing = route.preHandler ? [route.preHandler].flat() : []
    route.preHandler = [...existing, claimKey]
  })
}
