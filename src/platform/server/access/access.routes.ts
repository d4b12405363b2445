import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, ProblemSchema } from '../http/schemas.ts'
import {
  CityMemberSchema,
  CreateCityUserBodySchema,
  GrantBodySchema,
  GrantParamsSchema,
  RoleGrantSchema,
  RoleSchema,
  UserParamsSchema,
} from './access.schemas.ts'
import * as service from './access.service.ts'

const tags = ['users and roles']

function presentGrant(grant: {
  publicId: string
  role: string
  scopeKind: string | null
  scopeId: string | null
  createdAt: Date | string
}) {
  return {
    id: grant.publicId,
    role: grant.role,
    scopeKind: grant.scopeKind,
    scopeId: grant.scopeId,
    grantedAt: new Date(grant.createdAt).toISOString(),
  }
}

/** Tenant routes: /api/v1/cities/:city/users and /roles. */
export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Roles that can be granted in a city, with their permissions',
        params: CityParamsSchema,
        response: { 200: Type.Array(RoleSchema) },
      },
    },
    async (request) => service.listRoles(request.context()),
  )

  app.get(
    '/roles/scopes/:kind',
    {
      schema: {
        tags,
        summary: 'What a role may be narrowed to in this city: the agencies, or the facilities (city admin)',
        params: Type.Intersect([
          CityParamsSchema,
          Type.Object({ kind: Type.String({ pattern: '^[a-z_]{2,32}$', examples: ['agency'] }) }),
        ]),
        response: {
          200: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
          400: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) =>
      service.listScopeOptions(request.context(), { city: request.city!, kind: request.params.kind }),
  )

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'People with a role in this city (city admin)',
        params: CityParamsSchema,
        response: { 200: Type.Array(CityMemberSchema), 403: ProblemSchema },
      },
    },
    async (request) => {
      const members = await service.listCityMembers(request.context(), request.city!)
      return members.map((member) => ({
        id: member.publicId,
        username: member.username,
        displayName: member.displayName,
        isDisabled: member.disabledAt !== null,
        roles: member.grants.map((grant) =>
          presentGrant({ ...grant, publicId: grant.grantPublicId, createdAt: grant.grantedAt }),
        ),
      }))
    },
  )

  app.post(
    '/users',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create an account with its first role in this city (city admin)',
        params: CityParamsSchema,
        body: CreateCityUserBodySchema,
        response: { 201: CityMemberSchema, 400: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { role, scopeKind, scopeId, ...user } = request.body
      const created = await service.createCityUser(request.context(), {
        city: request.city!,
        user,
        grant: { role, scopeKind, scopeId },
      })
      return reply.code(201).send({
        id: created.user.publicId,
        username: created.user.username,
        displayName: created.user.displayName,
        isDisabled: false,
        roles: [presentGrant(created.grant)],
      })
    },
  )

  app.post(
    '/users/:userId/roles',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Grant a role in this city, optionally narrowed to an agency or a facility (city admin)',
        params: UserParamsSchema,
        body: GrantBodySchema,
        response: {
          201: RoleGrantSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const grant = await service.grantRole(request.context(), {
        city: request.city!,
        userPublicId: request.params.userId,
        grant: request.body,
      })
      return reply.code(201).send(presentGrant(grant))
    },
  )

  app.delete(
    '/users/:userId/roles/:grantId',
    {
      schema: {
        tags,
        summary: 'Revoke a role grant (city admin)',
        params: GrantParamsSchema,
        response: { 204: Type.Null(), 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await service.revokeRole(request.context(), {
        city: request.city!,
        userPublicId: request.params.userId,
        grantPublicId: request.params.grantId,
      })
      return reply.code(204).send(null)
    },
  )
}
