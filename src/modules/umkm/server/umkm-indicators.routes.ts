import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  ProblemSchema,
} from '../../../platform/server/http/schemas.ts'
import { computeUmkmIndicators } from './umkm-indicators.service.ts'

const ComputedSchema = Type.Object({
  year: Type.String(),
  asOf: IsoDateSchema,
  values: Type.Array(
    Type.Object({ code: Type.String(), value: Nullable(Type.Number()), sourceNote: Type.String() }),
  ),
})

/** Mounted at /api/v1/cities/:city/umkm. The values are then read at /indicators/{code}/values. */
export const umkmIndicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/indicators/compute',
    {
      schema: {
        tags: ['umkm'],
        summary:
          'Compute the UMKM indicators of a year from the registry (micro and small counts, % NIB, % halal/P-IRT, naik kelas)',
        params: CityParamsSchema,
        body: BodySchema({ year: Type.Integer({ minimum: 2000, maximum: 2100, examples: [2025] }) }),
        response: { 200: ComputedSchema, 400: ProblemSchema, 403: ProblemSchema },
      },
    },
    (request) => computeUmkmIndicators(request.context(), { city: request.city!, year: request.body.year }),
  )
}
