import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import type { AgencyRow } from './agencies.repository.ts'
import {
  AgencyListQuerySchema,
  AgencyParamsSchema,
  AgencySchema,
  CreateAgencyBodySchema,
  UpdateAgencyBodySchema,
} from './agencies.schemas.ts'
import * as service from './agencies.service.ts'

const tags = ['agencies']

function presentAgency(row: AgencyRow) {
  return {
    id: row.publicId,
    name: row.name,
    shortName: row.shortName,
    function: row.function,
    isActive: row.isActive,
  }
}

/** Mounted at /api/v1/cities/:city/agencies. */
export const agenciesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags,
        summary: "The city's agencies (OPD)",
        params: CityParamsSchema,
        querystring: AgencyListQuerySchema,
        response: { 200: Type.Array(AgencySchema) },
      },
    },
    async (request) => {
      const rows = await service.listAgencies(request.context(), {
        city: request.city!,
        includeInactive: request.query.includeInactive,
      })
      return rows.map(presentAgency)
    },
  )

  app.post(
    '',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Add an agency (city admin)',
        params: CityParamsSchema,
        body: CreateAgencyBodySchema,
        response: { 201: AgencySchema, 400: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const row = await service.createAgency(request.context(), { city: request.city!, input: request.body })
      return reply.code(201).send(presentAgency(row))
    },
  )

  app.patch(
    '/:agencyId',
    {
      schema: {
        tags,
        summary: 'Rename or deactivate an agency (city admin)',
        params: AgencyParamsSchema,
        body: UpdateAgencyBodySchema,
        response: {
          200: AgencySchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const row = await service.updateAgency(request.context(), {
        city: request.city!,
        agencyId: request.params.agencyId,
        input: request.body,
      })
      return presentAgency(row)
    },
  )
}
