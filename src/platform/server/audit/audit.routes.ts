import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  CityParamsSchema,
  CursorPageSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MAX_PAGE_SIZE,
  ProblemSchema,
} from '../http/schemas.ts'
import { listAuditEntries } from './audit.service.ts'

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: IsoDateTimeSchema,
  actor: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), username: Type.String() }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
})

const AuditQuerySchema = Type.Object({
  entity: Type.Optional(
    Type.String({ maxLength: 64, description: 'Entity type, e.g. agency, role_grant, user' }),
  ),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'Username of who acted' })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(
    Type.Unsafe<string>({ ...IsoDateSchema, description: "First day, in the city's time zone" }),
  ),
  to: Type.Optional(
    Type.Unsafe<string>({ ...IsoDateSchema, description: "Last day (inclusive), in the city's time zone" }),
  ),
  cursor: Type.Optional(Type.String({ pattern: '^\\d+$', description: 'nextCursor of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 }),
})

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The city's audit log, newest first (city admin)",
        params: CityParamsSchema,
        querystring: AuditQuerySchema,
        response: { 200: CursorPageSchema(AuditEntrySchema), 403: ProblemSchema },
      },
    },
    async (request) => {
      const page = await listAuditEntries(request.context(), { city: request.city!, ...request.query })
      return {
        items: page.rows.map(({ entry, actorPublicId }) => ({
          id: String(entry.id),
          at: entry.createdAt.toISOString(),
          actor: { id: actorPublicId, username: entry.actorLabel },
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before: entry.before,
          after: entry.after,
        })),
        nextCursor: page.nextCursor,
      }
    },
  )
}
