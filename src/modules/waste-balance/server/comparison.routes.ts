import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Nullable, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import { compareCities } from './comparison.service.ts'

const Percent = Nullable(Type.Number())
const ComparisonSchema = Type.Object({
  period: Type.String(),
  cities: Type.Array(
    Type.Object({
      city: Type.Object({ code: Type.String(), name: Type.String(), province: Type.String() }),
      timbulan: Nullable(Type.Integer({ description: 'grams; null without an estimate' })),
      reduction: Type.Integer(),
      handling: Type.Integer(),
      percent: Type.Object({ reduction: Percent, handling: Percent, managed: Percent, sdg1161: Percent }),
    }),
  ),
})

/** Mounted at /api/v1: reads across cities, of public aggregates only. */
export const wasteBalanceComparisonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/waste-balance/comparison/:period',
    {
      config: { public: true },
      schema: {
        tags: ['waste balance'],
        summary:
          'Every kabupaten/kota side by side for a period: B, C, terkelola % and SDG 11.6.1 (public aggregates)',
        params: Type.Object({
          period: Type.String({ pattern: '^\\d{4}(-S[12]|-(0[1-9]|1[0-2]))?$', examples: ['2025'] }),
        }),
        response: { 200: ComparisonSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const result = await compareCities(request.context(), { period: request.params.period })
      return reply.header('cache-control', 'public, max-age=300').send(result)
    },
  )
}
