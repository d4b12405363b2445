import { createHmac } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest, onSendHookHandler } from 'fastify'
import type { Db } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { idempotencyKeys } from './idempotency.tables.ts'
import { isReplayed } from './run-write.ts'

const KEY_PATTERN = /^[A-Za-z0-9._-]{8,128}$/

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * A route opts in with `config: { idempotent: true }`. The claim is checked here and fulfilled by
 * runWrite() inside the service's transaction.
 */
export function installIdempotency(app: FastifyInstance, options: { db: Db; secret: string }): void {
  const { db, secret } = options
  const claimKey = async (request: FastifyRequest) => {
    const key = request.headers['idempotency-key']
    if (key === undefined) return
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new AppError('idempotency.key_invalid')
    // The route pattern and the resolved city, not the raw URL: `35.79` and `kota-batu` are one city.
    const { city: _city, ...params } = (request.params ?? {}) as Record<string, unknown>
    const scope = [
      request.actor?.userId ?? 'anonymous',
      request.method,
      request.routeOptions.url,
      request.city?.id ?? '',
      canonicalJson(params),
    ].join(':')
    // Keyed with the server secret: the body may hold a password, and a bare hash could be guessed.
    // An uploaded file is hashed as its bytes: walking a Buffer as JSON costs seconds per megabyte.
    const body = request.body ?? null
    const requestHash = createHmac('sha256', secret)
      .update(Buffer.isBuffer(body) ? Buffer.concat([Buffer.from('bytes:'), body]) : canonicalJson(body))
      .digest('hex')
    if (request.routeOptions.config.idempotentInTransaction) {
      request.idempotency = { scope, key, requestHash }
      return
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    if (stored && stored.requestHash !== requestHash) throw new AppError('idempotency.key_reused')
    request.idempotency = {
      scope,
      key,
      requestHash,
      ...(stored ? { replay: { result: stored.result } } : {}),
    }
  }
  const markReplay: onSendHookHandler = (request, reply, payload, done) => {
    if (request.idempotency && isReplayed(request.idempotency)) reply.header('idempotent-replayed', 'true')
    done(null, payload)
  }
  // Only the routes that opted in pay for the hooks.
  app.addHook('onRoute', (route) => {
    if (!(route.config as { idempotent?: boolean } | undefined)?.idempotent) return
    const existing = route.preHandler ? [route.preHandler].flat() : []
    route.preHandler = [...existing, claimKey]
    route.onSend = [...(route.onSend ? [route.onSend].flat() : []), markReplay]
  })
}
