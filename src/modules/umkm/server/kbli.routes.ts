import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import { lookUpKbli } from './kbli.service.ts'

const KbliLookupSchema = Type.Object({
  code: Type.String(),
  version: Type.String(),
  /** Whether the operator has loaded the version's kelompok table. */
  tableLoaded: Type.Boolean(),
  /** The kelompok's title, when the table is loaded and has the code. */
  title: Type.Union([Type.String(), Type.Null()]),
  /** Null when the code would be accepted; else the error code a save would give. */
  problem: Type.Union([Type.String(), Type.Null()]),
})

/** Mounted at /api/v1/cities/:city/umkm: what the form shows as a KBLI code is typed. */
export const kbliRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kbli/:code',
    {
      schema: {
        tags: ['umkm'],
        summary: "A KBLI code's kelompok title, and whether a business could be saved with it",
        params: Type.Intersect([CityParamsSchema, Type.Object({ code: Type.String({ maxLength: 10 }) })]),
        response: { 200: KbliLookupSchema, 403: ProblemSchema },
      },
    },
    async (request) =>
      lookUpKbli(request.context(), { city: request.city!, code: request.params.code.trim() }),
  )
}
