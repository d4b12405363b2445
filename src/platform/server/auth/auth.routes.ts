import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { findGrantsOfUser } from '../access/access.repository.ts'
import { ProblemSchema } from '../http/schemas.ts'
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts'
import { listApiTokens } from './auth.repository.ts'
import {
  ApiTokenSchema,
  ChangePasswordBodySchema,
  CreateTokenBodySchema,
  LoginBodySchema,
  MeSchema,
  NewApiTokenSchema,
  TokenParamsSchema,
  UpdateProfileBodySchema,
} from './auth.schemas.ts'
import * as service from './auth.service.ts'

const tags = ['auth']

async function describeMe(request: FastifyRequest) {
  const actor = request.actor!
  const context = request.context()
  const grants = await findGrantsOfUser(context.database.db, actor.userId)
  return {
    user: {
      id: actor.publicId,
      username: actor.username,
      displayName: actor.displayName,
      locale: actor.locale,
      isPlatformAdmin: actor.isPlatformAdmin,
    },
    roles: grants.map((grant) => ({
      grantId: grant.publicId,
      city: {
        code: grant.cityCode,
        slug: grant.citySlug,
        name: grant.cityName,
        isActive: grant.cityIsActive,
      },
      role: grant.role,
      scopeKind: grant.scopeKind,
      scopeId: grant.scopeId,
    })),
    csrfToken: request.csrfToken,
    authMethod: request.authMethod ?? ('session' as const),
  }
}

export const authRoutes: FastifyPluginAsyncTypebox<{ loginAttemptsPerMinute: number }> = async (
  app,
  options,
) => {
  app.post(
    '/login',
    {
      config: { public: true, rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the session cookie',
        body: LoginBodySchema,
        response: { 200: MeSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const context = request.context()
      const result = await service.login(context, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      })
      setSessionCookie(reply, {
        token: result.sessionToken,
        expiresAt: result.expiresAt,
        secure: context.config.isProduction,
      })
      request.actor = result.actor
      request.csrfToken = result.csrfToken
      request.authMethod = 'session'
      return describeMe(request)
    },
  )

  app.post(
    '/logout',
    { schema: { tags, summary: 'Sign out of this session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionTokenHash) await service.logout(request.context(), request.sessionTokenHash)
      clearSessionCookie(reply)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their roles per city, and the CSRF token',
        response: { 200: MeSchema },
      },
    },
    async (request) => describeMe(request),
  )

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Change display name or language',
        body: UpdateProfileBodySchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const user = await service.updateProfile(request.context(), { actor: request.actor!, ...request.body })
      request.actor = { ...request.actor!, displayName: user.displayName, locale: user.locale }
      return describeMe(request)
    },
  )

  app.post(
    '/password',
    {
      // Each try runs argon2: a stolen session must not guess the current password at will.
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Change password; signs out every other session',
        body: ChangePasswordBodySchema,
        response: { 204: Type.Null(), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      await service.changePassword(request.context(), {
        actor: request.actor!,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        keepTokenHash: request.sessionTokenHash,
      })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens (never the secret)',
        response: { 200: Type.Array(ApiTokenSchema) },
      },
    },
    async (request) => {
      const rows = await listApiTokens(request.context().database.db, request.actor!.userId)
      return rows.map((row) => ({
        id: row.publicId,
        name: row.name,
        prefix: row.prefix,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      }))
    },
  )

  app.post(
    '/tokens',
    {
      // Not idempotent on purpose: replaying would mean storing the secret to answer the retry.
      schema: {
        tags,
        summary: 'Create an API token for machine clients; the secret is shown once',
        body: CreateTokenBodySchema,
        response: { 201: NewApiTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createApiToken(request.context(), {
        userId: request.actor!.userId,
        name: request.body.name,
      })
      return reply.code(201).send({
        id: created.publicId,
        name: created.name,
        prefix: created.prefix,
        createdAt: new Date(created.createdAt).toISOString(),
        token: created.token,
      })
    },
  )

  app.delete(
    '/tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: TokenParamsSchema,
        response: { 204: Type.Null(), 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await service.revokeApiToken(request.context(), {
        actor: request.actor!,
        publicId: request.params.tokenId,
      })
      return reply.code(204).send(null)
    },
  )
}
