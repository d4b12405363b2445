import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { PIN_PATTERN } from '../domain/member.ts'
import * as service from './nasabah-access.service.ts'

const tags = ['bank sampah: nasabah']
export const NASABAH_COOKIE = 'sinergi_nasabah'
/** The cookie goes only to the self-service routes: a browser never sends it to a staff route. */
const COOKIE_PATH = '/api/v1/nasabah-access'

function tokenOf(request: FastifyRequest): string | null {
  const raw = request.headers.cookie
    ? request.server.parseCookie(request.headers.cookie)[NASABAH_COOKIE]
    : undefined
  if (!raw) return null
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid ? unsigned.value : null
}

/** Mounted at /api/v1, outside any city's staff routes. */
export const nasabahAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/nasabah-access/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: (request: FastifyRequest) => request.context().config.loginAttemptsPerMinute,
          timeWindow: '1 minute',
        },
      },
      schema: {
        tags,
        summary: 'A nasabah signs in with member number and PIN; sets the nasabah cookie',
        body: BodySchema({
          city: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9.-]+$', examples: ['35.79'] }),
          memberNumber: Type.String({ minLength: 1, maxLength: 20, examples: ['NS-000001'] }),
          pin: Type.String({ minLength: 1, maxLength: 12, examples: ['270419'] }),
        }),
        response: { 204: Type.Null(), 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const context = request.context()
      const session = await service.loginNasabah(context, { ...request.body, ip: request.ip ?? null })
      reply.setCookie(NASABAH_COOKIE, session.token, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: context.config.isProduction,
        signed: true,
        expires: session.expiresAt,
      })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/nasabah-access/me',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The signed-in nasabah's own balance and passbook",
        response: {
          200: Type.Object({
            nasabah: Type.Object({ memberNumber: Type.String(), name: Type.String() }),
            balanceRupiah: Type.Integer(),
            entries: Type.Array(
              Type.Object({
                id: Type.String(),
                date: IsoDateSchema,
                kind: Type.String(),
                amountRupiah: Type.Integer(),
                balanceRupiah: Type.Integer(),
              }),
            ),
          }),
          401: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const passbook = await service.myPassbook(request.context(), tokenOf(request))
      // Savings on a shared phone: never kept in a cache.
      return reply.header('cache-control', 'private, no-store').send(passbook)
    },
  )

  app.post(
    '/nasabah-access/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'The nasabah signs out', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const token = tokenOf(request)
      if (token) await service.logoutNasabah(request.context(), token)
      reply.clearCookie(NASABAH_COOKIE, { path: COOKIE_PATH })
      return reply.code(204).send(null)
    },
  )
}

/** Tenant route: a teller sets a nasabah's PIN. */
export const nasabahPinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/banks/:bankId/nasabah/:nasabahId/pin',
    {
      schema: {
        tags,
        summary: "Set a nasabah's 6-digit PIN for self-service (teller); signs them out elsewhere",
        params: Type.Intersect([
          CityParamsSchema,
          Type.Object({ bankId: PublicIdSchema, nasabahId: PublicIdSchema }),
        ]),
        body: BodySchema({ pin: Type.String({ pattern: PIN_PATTERN, examples: ['270419'] }) }),
        response: { 204: Type.Null(), 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await service.setPin(request.context(), {
        city: request.city!,
        bankId: request.params.bankId,
        nasabahId: request.params.nasabahId,
        pin: request.body.pin,
      })
      return reply.code(204).send(null)
    },
  )
}
