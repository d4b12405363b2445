import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { bankMonthReport } from './reports.service.ts'
import { writeBankReportSheet } from './reports.spreadsheet.ts'

const tags = ['bank sampah']
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const ReportParams = Type.Intersect([
  CityParamsSchema,
  Type.Object({
    bankId: PublicIdSchema,
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2026-11'] }),
  }),
])
const KgRp = { weightGrams: Type.Integer(), amountRupiah: Type.Integer() }
const ReportSchema = Type.Object({
  bank: Type.Object({ id: Type.String(), name: Type.String() }),
  month: Type.String(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  pricesOn: IsoDateSchema,
  deposits: Type.Object({
    ...KgRp,
    byMaterial: Type.Array(Type.Object({ subMaterial: Type.String(), ...KgRp })),
    byRtRw: Type.Array(
      Type.Object({
        rw: Nullable(Type.String()),
        rt: Nullable(Type.String()),
        nasabah: Type.Integer(),
        ...KgRp,
      }),
    ),
  }),
  activeNasabah: Type.Integer(),
  stock: Type.Array(
    Type.Object({
      subMaterial: Type.String(),
      grams: Type.Integer(),
      pricePerKgRupiah: Nullable(Type.Integer()),
      valueRupiah: Type.Integer(),
    }),
  ),
  stockValueRupiah: Type.Integer(),
  cashRupiah: Type.Integer(),
})

/** A bank's month report, as JSON and as xlsx. Mounted with the other bank sampah routes. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/banks/:bankId/reports/:month',
    {
      schema: {
        tags,
        summary: "A bank's month: deposits by material and RT/RW, active nasabah, stock and its value, cash",
        params: ReportParams,
        response: { 200: ReportSchema, 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      bankMonthReport(request.context(), {
        city: request.city!,
        bankId: request.params.bankId,
        month: request.params.month,
      }),
  )

  app.get(
    '/banks/:bankId/reports/:month/xlsx',
    {
      schema: {
        tags,
        summary: 'The same month report as an Excel workbook',
        params: ReportParams,
        produces: [XLSX_TYPE],
        response: { 200: Type.Any({ description: XLSX_TYPE }), 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const report = await bankMonthReport(request.context(), {
        city: request.city!,
        bankId: request.params.bankId,
        month: request.params.month,
      })
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="bank-sampah-${report.month}.xlsx"`)
        .send(await writeBankReportSheet(report))
    },
  )
}
