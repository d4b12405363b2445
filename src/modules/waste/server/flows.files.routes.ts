import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { IsoDateSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import { FacilityParamsSchema } from './facilities.schemas.ts'
import { exportFlows, flowTemplate, importFlows } from './flows.import.service.ts'
import { XLSX_TYPE } from './flows.spreadsheet.ts'

const tags = ['waste flow ledger']
const BinarySchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })

/** Mounted at /api/v1/cities/:city/waste: the ledger in and out of spreadsheets. */
export const flowFilesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Spreadsheets arrive as the raw request body (what `fetch(url, { body: file })` sends).
  app.addContentTypeParser(
    [XLSX_TYPE, 'text/csv'],
    { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 },
    (_request, body, done) => done(null, body),
  )

  app.get(
    '/facilities/:facilityId/flows/template.xlsx',
    {
      schema: {
        tags,
        summary: 'The import template: one column per field, help in the header notes, three example rows',
        params: FacilityParamsSchema,
        produces: [XLSX_TYPE],
        response: { 200: BinarySchema },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="sinergi-aliran-sampah-templat.xlsx"')
        .send(await flowTemplate()),
  )

  app.get(
    '/facilities/:facilityId/flows/export.xlsx',
    {
      schema: {
        tags,
        summary: "A period of the facility's ledger as xlsx, in the import layout",
        params: FacilityParamsSchema,
        querystring: Type.Object({ from: IsoDateSchema, to: IsoDateSchema }),
        produces: [XLSX_TYPE],
        response: { 200: BinarySchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const file = await exportFlows(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        ...request.query,
      })
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="sinergi-aliran-sampah-${request.query.from}-${request.query.to}.xlsx"`,
        )
        .send(file)
    },
  )

  app.post(
    '/facilities/:facilityId/flows/import',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Import a historical log (xlsx or CSV body): every row is checked, and a file with any bad row imports nothing',
        params: FacilityParamsSchema,
        consumes: [XLSX_TYPE, 'text/csv'],
        response: {
          200: Type.Object({ imported: Type.Integer() }),
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const isCsv = (request.headers['content-type'] ?? '').startsWith('text/csv')
      return importFlows(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        body: request.body as Buffer,
        isCsv,
      })
    },
  )
}
