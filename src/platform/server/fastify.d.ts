import 'fastify'
import type { Actor } from './access/policy.ts'
import type { IdempotencyClaim, ServiceContext } from './context.ts'
import type { Locale } from './i18n.ts'
import type { CityRef } from './module.ts'

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale
    actor: Actor | null
    authMethod: 'session' | 'token' | null
    /** SHA-256 of the session cookie's token, when signed in through the web. */
    sessionTokenHash: string | null
    csrfToken: string | null
    city: CityRef | null
    idempotency: IdempotencyClaim | null
    /** The service context of this request: who, which request, which idempotency claim. */
    context(): ServiceContext
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Every public route is listed in the safety-net test. */
    public?: boolean
    /** Mounted under /api/v1/cities/:city/…: the city is resolved and membership checked. */
    tenant?: boolean
    /** Accepts an Idempotency-Key header. */
    idempotent?: boolean
    /**
     * With `idempotent`: the stored key is looked up by runWrite() inside the write's transaction
     * instead of before the handler, one round trip less on every write (a bank sampah deposit).
     * Only for a service that checks nothing before runWrite() which its own first write could
     * change: a reversal's "already reversed" would refuse the retry instead of answering it.
     */
    idempotentInTransaction?: boolean
  }
}
