import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  Nullable,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { HANDLING_PARTS, REDUCTION_PARTS } from '../domain/terminal-flows.ts'
import * as manual from './manual-flows.service.ts'
import { importSipsn } from './sipsn.import.service.ts'
import { XLSX_TYPE } from './sipsn.workbook.ts'
import { BalanceSchema, EstimateSchema, TargetSchema } from './waste-balance.schemas.ts'
import * as service from './waste-balance.service.ts'

const tags = ['waste balance']
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema }
const YearSchema = Type.Integer({ minimum: 2000, maximum: 2100, examples: [2025] })
const YearParams = Type.Intersect([CityParamsSchema, Type.Object({ year: YearSchema })])
const PeriodSchema = Type.String({
  pattern: '^\\d{4}(-S[12]|-(0[1-9]|1[0-2]))?$',
  description: 'A year `2025`, a SIPSN semester `2025-S1` / `2025-S2`, or a month `2025-03`',
  examples: ['2025'],
})
const PeriodParams = Type.Intersect([CityParamsSchema, Type.Object({ period: PeriodSchema })])
const SourceSchema = Type.String({ minLength: 2, maxLength: 500 })

const EstimateBody = BodySchema({
  population: Type.Integer({ maximum: 100_000_000, description: 'People living in the city that year' }),
  populationSource: SourceSchema,
  gramsPerCapitaDay: Type.Integer({
    maximum: 100_000,
    description: 'Household generation, grams per person per day',
  }),
  rateSource: SourceSchema,
  confirmUnusualRate: Type.Optional(Type.Boolean({ description: 'Required for a rate outside 100–3000 g' })),
  nonHouseholdGramsPerDay: Type.Integer({ maximum: 1_000_000_000_000 }),
  nonHouseholdSource: Type.Optional(Nullable(SourceSchema)),
  touristVisits: Type.Integer({
    maximum: 1_000_000_000,
    description: 'Visits in the year (until the tourism module supplies them)',
  }),
  touristVisitsSource: Type.Optional(Nullable(SourceSchema)),
  gramsPerVisit: Type.Integer({ maximum: 100_000 }),
})
const TargetBody = BodySchema({
  reductionBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000, description: '3000 = 30 %' }),
  handlingBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }),
  decree: Type.String({ minLength: 3, maxLength: 300, description: "The city's Jakstrada decree" }),
})
const ManualFlowSchema = Type.Object({
  id: Type.String(),
  month: Type.String(),
  part: Type.String(),
  material: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  weightGrams: Type.Integer(),
  provenance: Type.Enum(['manual', 'imported']),
  source: Type.String(),
})
const ManualFlowBody = BodySchema({
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2025-03'] }),
  part: Type.Enum([...REDUCTION_PARTS, ...HANDLING_PARTS]),
  material: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  districtCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$' }))),
  weightGrams: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  source: SourceSchema,
})

/** Mounted at /api/v1/cities/:city/waste-balance. */
export const wasteBalanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // SIPSN's xlsx arrives as the raw request body (what `fetch(url, { body: file })` sends).
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 },
    (_request, body, done) => done(null, body),
  )

  app.get(
    '/periods/:period',
    {
      schema: {
        tags,
        summary:
          'The city waste balance (neraca) of a year, semester or month: SIPSN A–E, SDG 11.6.1, targets',
        params: PeriodParams,
        response: { 200: BalanceSchema, ...errors },
      },
    },
    async (request) =>
      service.cityBalance(request.context(), { city: request.city!, period: request.params.period }),
  )

  app.get(
    '/public/periods/:period',
    {
      schema: {
        tags,
        summary: "A city's waste balance for anyone, read-only: aggregates only, no personal data",
        params: PeriodParams,
        response: { 200: BalanceSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const result = await service.cityBalance(request.context(), {
        city: request.city!,
        period: request.params.period,
        isPublic: true,
      })
      return reply.header('cache-control', 'public, max-age=300').send(result)
    },
  )

  app.get(
    '/estimates',
    {
      schema: {
        tags,
        summary: 'Timbulan estimates by year, each with its method and inputs',
        params: CityParamsSchema,
        response: { 200: Type.Array(EstimateSchema), ...errors },
      },
    },
    async (request) => service.listEstimates(request.context(), { city: request.city! }),
  )

  app.put(
    '/estimates/:year',
    {
      schema: {
        tags,
        summary: "Set a year's timbulan estimate inputs (population × rate + non-household + tourists)",
        params: YearParams,
        body: EstimateBody,
        response: { 200: EstimateSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request) =>
      service.putEstimate(request.context(), {
        city: request.city!,
        year: request.params.year,
        input: request.body,
      }),
  )

  app.get(
    '/targets/:year',
    {
      schema: {
        tags,
        summary: "The year's Jakstrada targets: the city's own, or the national trajectory",
        params: YearParams,
        response: { 200: TargetSchema, ...errors },
      },
    },
    async (request) =>
      service.getTarget(request.context(), { city: request.city!, year: request.params.year }),
  )

  app.put(
    '/targets/:year',
    {
      schema: {
        tags,
        summary: "Set the city's own targets for a year, with its decree",
        params: YearParams,
        body: TargetBody,
        response: { 200: TargetSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request) =>
      service.putTarget(request.context(), {
        city: request.city!,
        year: request.params.year,
        input: request.body,
      }),
  )

  app.get(
    '/manual-flows',
    {
      schema: {
        tags,
        summary: 'Flows entered by hand or imported (informal sector, private recyclers, RDF), by period',
        params: CityParamsSchema,
        querystring: Type.Object({ period: PeriodSchema }),
        response: { 200: Type.Array(ManualFlowSchema), ...errors },
      },
    },
    async (request) =>
      manual.listManualFlows(request.context(), { city: request.city!, period: request.query.period }),
  )

  app.post(
    '/manual-flows',
    {
      schema: {
        tags,
        summary: 'Enter a flow the platform does not see, with its source',
        params: CityParamsSchema,
        body: ManualFlowBody,
        response: { 201: ManualFlowSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) => {
      const created = await manual.addManualFlow(request.context(), {
        city: request.city!,
        input: request.body,
      })
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/manual-flows/template.xlsx',
    {
      schema: {
        tags,
        summary: 'The import layout for hand-kept flows, with two example rows',
        params: CityParamsSchema,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="sinergi-aliran-manual-templat.xlsx"')
        .send(await manual.manualFlowTemplate()),
  )

  app.post(
    '/manual-flows/import',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Import hand-kept flows from xlsx: every row checked, a file with any bad row imports nothing',
        params: CityParamsSchema,
        consumes: [XLSX_TYPE],
        response: { 200: Type.Object({ imported: Type.Integer() }), ...errors, 422: ProblemSchema },
      },
    },
    async (request) =>
      manual.importManualFlows(request.context(), { city: request.city!, body: request.body as Buffer }),
  )

  app.delete(
    '/manual-flows/:flowId',
    {
      schema: {
        tags,
        summary: 'Remove a hand-entered flow entered by mistake (the audit log keeps it)',
        params: Type.Intersect([CityParamsSchema, Type.Object({ flowId: PublicIdSchema })]),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await manual.removeManualFlow(request.context(), { city: request.city!, flowId: request.params.flowId })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/years/:year/sipsn.xlsx',
    {
      schema: {
        tags,
        summary:
          "The year in SIPSN's own column shapes: Capaian Kinerja A–E, Timbulan, Komposisi, Sumber, Fasilitas",
        params: YearParams,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await service.sipsnExport(request.context(), {
        city: request.city!,
        year: request.params.year,
      })
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.buffer)
    },
  )

  app.post(
    '/sipsn-import',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          "Import SIPSN's own xlsx (Capaian Kinerja, Timbulan) as baseline values with provenance imported",
        params: CityParamsSchema,
        consumes: [XLSX_TYPE],
        response: {
          200: Type.Object({ imported: Type.Integer(), years: Type.Array(Type.Integer()) }),
          ...errors,
          422: ProblemSchema,
        },
      },
    },
    async (request) => importSipsn(request.context(), { city: request.city!, body: request.body as Buffer }),
  )

  app.post(
    '/years/:year/publish',
    {
      schema: {
        tags,
        summary:
          "Write the year's figures, its semesters and months into the indicator registry (provenance: computed)",
        params: YearParams,
        response: {
          200: Type.Object({
            period: Type.String(),
            values: Type.Array(Type.Object({ code: Type.String(), value: Type.Number() })),
            /** Every period written: the year, its semesters and months begun by today. */
            periods: Type.Array(Type.String()),
          }),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request) =>
      service.publishIndicators(request.context(), { city: request.city!, year: request.params.year }),
  )
}
