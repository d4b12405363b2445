import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { AppDeps } from '../context.ts'
import { AppError } from '../errors.ts'
import { pickLocale } from '../i18n.ts'
import { rememberTenantCity } from '../tenancy/tenancy.plugin.ts'
import { resolveApiToken, resolveSession } from './auth.service.ts'
import { safeEqual } from './tokens.ts'

export const SESSION_COOKIE = 'sinergi_session'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function setSessionCookie(
  reply: FastifyReply,
  options: { token: string; expiresAt: Date; secure: boolean },
): void {
  reply.setCookie(SESSION_COOKIE, options.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    signed: true,
    expires: options.expiresAt,
  })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}

async function authenticate(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  isPublic: boolean,
): Promise<'expired' | null> {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(deps, authorization.slice('Bearer '.length).trim())
    // A public page stays public whatever token a client sends along.
    if (!actor && isPublic) return null
    if (!actor) throw new AppError('auth.token_invalid')
    request.actor = actor
    request.authMethod = 'token'
    return null
  }
  const cookie = request.headers.cookie
    ? request.server.parseCookie(request.headers.cookie)[SESSION_COOKIE]
    : undefined
  if (!cookie) return null
  const unsigned = request.unsignCookie(cookie)
  if (!unsigned.valid || !unsigned.value) return 'expired'
  // A tenant route's city is read with the session, one round trip instead of two.
  const cityKey = request.routeOptions.config.tenant
    ? (request.params as { city?: string } | undefined)?.city
    : undefined
  const session = await resolveSession(deps, unsigned.value, { cityKey })
  if (session.status === 'expired') return 'expired'
  if (cityKey !== undefined) rememberTenantCity(request, session.city)
  if (session.renewedUntil) {
    setSessionCookie(reply, {
      token: unsigned.value,
      expiresAt: session.renewedUntil,
      secure: deps.config.isProduction,
    })
  }
  request.actor = session.actor
  request.authMethod = 'session'
  request.sessionTokenHash = session.tokenHash
  request.csrfToken = session.csrfToken
  return null
}

/**
 * Who is calling, decided before the body is even parsed: a Bearer API token (machine clients,
 * no CSRF) or the session cookie (browsers, CSRF token required on every write).
 */
export function installAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('locale', 'id')
  app.decorateRequest('actor', null)
  app.decorateRequest('authMethod', null)
  app.decorateRequest('sessionTokenHash', null)
  app.decorateRequest('csrfToken', null)
  app.decorateRequest('city', null)
  app.decorateRequest('idempotency', null)
  app.decorateRequest('context', function (this: FastifyRequest) {
    return {
      ...deps,
      actor: this.actor,
      actorLabel: this.actor?.username ?? 'anonymous',
      requestId: this.id,
      idempotency: this.idempotency,
    }
  })

  const authenticateRequest = async (request: FastifyRequest, reply: FastifyReply, isPublic: boolean) => {
    const sessionState = await authenticate(deps, request, reply, isPublic)
    if (request.actor && !request.headers['accept-language']) request.locale = request.actor.locale
    if (!request.actor) {
      if (sessionState === 'expired') clearSessionCookie(reply)
      if (isPublic) return
      throw new AppError(sessionState === 'expired' ? 'auth.session_expired' : 'auth.required')
    }
    // Public writes (signing in) carry no CSRF token: a live session cookie must not block them.
    if (request.authMethod === 'session' && !SAFE_METHODS.has(request.method) && !isPublic) {
      const sent = request.headers[CSRF_HEADER]
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError('auth.csrf_invalid')
      }
    }
  }

  // Every request, routed or not, answers in the caller's language.
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = pickLocale(request.headers['accept-language'])
    done()
  })

  // Attached per route, so whether a route is public is decided once, not read on every request.
  app.addHook('onRoute', (route) => {
    const isPublic = (route.config as { public?: boolean } | undefined)?.public === true
    const hook: onRequestHookHandler = (request, reply, done) => {
      // Anonymous reads of public routes (the city pages, health) skip the database entirely.
      const hasCredentials =
        request.headers.cookie !== undefined || request.headers.authorization !== undefined
      if (!hasCredentials && isPublic) return done()
      authenticateRequest(request, reply, isPublic).then(() => done(), done)
    }
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), hook]
  })
}
