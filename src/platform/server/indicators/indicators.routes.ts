import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  ProblemSchema,
} from '../http/schemas.ts'
import type { IndicatorDefinitionRow, IndicatorValueRow } from './indicators.repository.ts'
import * as service from './indicators.service.ts'

const tags = ['indicators']

const ProvenanceSchema = Type.Union([
  Type.Literal('computed'),
  Type.Literal('imported'),
  Type.Literal('manual'),
])

const DefinitionSchema = Type.Object({
  code: Type.String(),
  module: Type.String(),
  name: Type.Object({ id: Type.String(), en: Type.String() }),
  unit: Type.String(),
  periodKind: Type.Union([Type.Literal('month'), Type.Literal('semester'), Type.Literal('year')]),
  formulaVersion: Type.String(),
  regulationRef: Type.String(),
})

const ValueSchema = Type.Object({
  id: Type.String(),
  period: Type.String(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  value: Type.Number(),
  provenance: ProvenanceSchema,
  sourceNote: Type.String(),
  formulaVersion: Type.String(),
  computedAt: IsoDateTimeSchema,
  districtCode: Type.Union([Type.String(), Type.Null()], {
    description: 'The kecamatan (Kemendagri code) the value is for; null is the whole city',
  }),
  districtName: Type.Union([Type.String(), Type.Null()]),
})

const DistrictCodeSchema = Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$', examples: ['35.79.01'] })

const IndicatorParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
])

function presentDefinition(row: IndicatorDefinitionRow) {
  return {
    code: row.code,
    module: row.module,
    name: { id: row.nameId, en: row.nameEn },
    unit: row.unit,
    periodKind: row.periodKind,
    formulaVersion: row.formulaVersion,
    regulationRef: row.regulationRef,
  }
}

function presentValue(row: IndicatorValueRow & { districtName?: string | null }) {
  return {
    id: row.publicId,
    period: row.period,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    value: Number(row.value),
    provenance: row.provenance,
    sourceNote: row.sourceNote,
    formulaVersion: row.formulaVersion,
    computedAt: new Date(row.computedAt).toISOString(),
    districtCode: row.districtCode,
    districtName: row.districtName ?? null,
  }
}

/** Global: /api/v1/indicators. */
export const indicatorDefinitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Every registered indicator: code, names, unit, period, formula version, regulation',
        response: { 200: Type.Array(DefinitionSchema) },
      },
    },
    async (request) => (await service.listIndicatorDefinitions(request.context())).map(presentDefinition),
  )
}

/** Tenant: /api/v1/cities/:city/indicators. */
export const indicatorValueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/indicators/values',
    {
      schema: {
        tags,
        summary: 'Every indicator with its values of a year (year, semesters, months; city and kecamatan)',
        params: CityParamsSchema,
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, examples: [2026] }) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            indicators: Type.Array(
              Type.Object({ indicator: DefinitionSchema, values: Type.Array(ValueSchema) }),
            ),
          }),
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      const overview = await service.indicatorOverview(request.context(), {
        city: request.city!,
        year: request.query.year,
      })
      return {
        year: request.query.year,
        indicators: overview.map(({ definition, values }) => ({
          indicator: presentDefinition(definition),
          values: values.map(presentValue),
        })),
      }
    },
  )

  app.get(
    '/indicators/:code/values',
    {
      schema: {
        tags,
        summary: "An indicator's values for this city, each with its provenance",
        params: IndicatorParamsSchema,
        querystring: Type.Object({
          from: Type.Optional(IsoDateSchema),
          to: Type.Optional(IsoDateSchema),
          district: Type.Optional(
            Type.Union([DistrictCodeSchema, Type.Literal('all')], {
              description:
                'Absent: the whole city; a kecamatan code: its values; `all`: the city and every kecamatan',
            }),
          ),
        }),
        response: {
          200: Type.Object({ indicator: DefinitionSchema, values: Type.Array(ValueSchema) }),
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { definition, values } = await service.listIndicatorValues(request.context(), {
        city: request.city!,
        code: request.params.code,
        ...request.query,
      })
      return { indicator: presentDefinition(definition), values: values.map(presentValue) }
    },
  )

  app.put(
    '/indicators/:code/values/:period',
    {
      schema: {
        tags,
        summary: 'Enter a value by hand, with its source (replaces an earlier manual value of the period)',
        params: Type.Intersect([
          IndicatorParamsSchema,
          Type.Object({
            period: Type.String({
              minLength: 4,
              maxLength: 7,
              description: '2024, 2024-S1 or 2024-03',
              examples: ['2024'],
            }),
          }),
        ]),
        body: BodySchema({
          value: Type.Number({
            minimum: -1e13,
            maximum: 1e13,
            description: 'In the unit of the indicator; stored with 6 decimals',
          }),
          sourceNote: Type.String({
            minLength: 3,
            maxLength: 500,
            description: 'Where the figure comes from',
          }),
          districtCode: Type.Optional(
            Type.Union([DistrictCodeSchema, Type.Null()], {
              description: 'A kecamatan of the city; absent or null is the whole city',
            }),
          ),
        }),
        response: { 200: ValueSchema, 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const row = await service.recordManualValue(request.context(), {
        city: request.city!,
        code: request.params.code,
        period: request.params.period,
        ...request.body,
      })
      return presentValue(row)
    },
  )
}
