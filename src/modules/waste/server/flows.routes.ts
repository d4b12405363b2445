import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, IsoDateSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import { FacilityParamsSchema } from './facilities.schemas.ts'
import * as reports from './flows.reports.service.ts'
import type { FlowRow } from './flows.repository.ts'
import {
  FacilityDashboardSchema,
  FacilityDaySchema,
  FlowBodySchema,
  FlowListQuerySchema,
  FlowPageSchema,
  FlowParamsSchema,
  FlowSchema,
  ReversalBodySchema,
  StockSchema,
} from './flows.schemas.ts'
import * as service from './flows.service.ts'

const tags = ['waste flow ledger']
type Names = Map<number, { publicId: string; name: string }>

function presentFlow(row: FlowRow, names: Names) {
  const facility = (id: number | null) => {
    const found = id === null ? undefined : names.get(id)
    return found ? { id: found.publicId, name: found.name } : null
  }
  return {
    id: row.publicId,
    date: row.flowDate,
    kind: row.kind,
    material: row.material,
    subMaterial: row.subMaterial,
    sortedFrom: row.sortedFrom,
    weightGrams: row.weightGrams,
    fromFacility: facility(row.fromFacilityId),
    fromVillageCode: row.fromVillageCode,
    fromSector: row.fromSector,
    toFacility: facility(row.toFacilityId),
    outcome: row.outcome,
    pricePerKgRupiah: row.pricePerKgRupiah,
    revenueRupiah: row.revenueRupiah,
    buyerName: row.buyerName,
    note: row.note,
    reverses: null as string | null,
    recordedAt: new Date(row.createdAt).toISOString(),
  }
}

const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
}

/** Mounted at /api/v1/cities/:city/waste. */
export const flowsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/flows',
    {
      schema: {
        tags,
        summary: 'Ledger entries, newest day first; filter by facility and dates',
        params: CityParamsSchema,
        querystring: FlowListQuerySchema,
        response: { 200: FlowPageSchema },
      },
    },
    async (request) => {
      const { page, pageSize, facility, from, to } = request.query
      const result = await reports.listFlows(request.context(), {
        city: request.city!,
        facilityId: facility,
        from,
        to,
        page,
        pageSize,
      })
      const reversed = await reports.publicIdsOf(request.context(), {
        city: request.city!,
        rows: result.rows,
      })
      return {
        items: result.rows.map((row) => ({
          ...presentFlow(row, result.names),
          reverses: row.reversesId ? (reversed.get(row.reversesId) ?? null) : null,
        })),
        page,
        pageSize,
        total: result.total,
      }
    },
  )

  app.post(
    '/flows',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary:
          'Record a movement of waste (intake, transfer, sorting, outcome); refused with 422 if a stock would go negative',
        params: CityParamsSchema,
        body: FlowBodySchema,
        response: { 201: FlowSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await service.recordFlow(request.context(), { city: request.city!, input: request.body })
      const names = await reports.namesOf(request.context(), { city: request.city!, rows: [row] })
      return reply.code(201).send(presentFlow(row, names))
    },
  )

  app.post(
    '/flows/:flowId/reversal',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Reverse an entry (it stays visible, with its reversal beside it)',
        params: FlowParamsSchema,
        body: ReversalBodySchema,
        response: { 201: FlowSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await service.reverseFlow(request.context(), {
        city: request.city!,
        flowId: request.params.flowId,
        note: request.body.note,
      })
      const names = await reports.namesOf(request.context(), { city: request.city!, rows: [row] })
      return reply.code(201).send({ ...presentFlow(row, names), reverses: request.params.flowId })
    },
  )

  app.post(
    '/flows/:flowId/correction',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Correct an entry: its reversal and the corrected entry, in one transaction',
        params: FlowParamsSchema,
        body: FlowBodySchema,
        response: { 201: Type.Object({ reversal: FlowSchema, replacement: FlowSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.correctFlow(request.context(), {
        city: request.city!,
        flowId: request.params.flowId,
        input: request.body,
      })
      const names = await reports.namesOf(request.context(), {
        city: request.city!,
        rows: [result.reversal, result.replacement],
      })
      return reply.code(201).send({
        reversal: { ...presentFlow(result.reversal, names), reverses: request.params.flowId },
        replacement: presentFlow(result.replacement, names),
      })
    },
  )

  app.get(
    '/facilities/:facilityId/days/:date',
    {
      schema: {
        tags,
        summary:
          "A facility's day: what came in, was sorted and left, sales, and the stock at the end of the day",
        params: Type.Intersect([FacilityParamsSchema, Type.Object({ date: IsoDateSchema })]),
        response: { 200: FacilityDaySchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      reports.facilityDay(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        date: request.params.date,
      }),
  )

  app.get(
    '/facilities/:facilityId/dashboard',
    {
      schema: {
        tags,
        summary: 'Daily or monthly in/out by material, sales revenue and the share kept out of the TPA',
        params: FacilityParamsSchema,
        querystring: Type.Object({
          from: Type.Optional(IsoDateSchema),
          to: Type.Optional(IsoDateSchema),
          granularity: Type.Union([Type.Literal('day'), Type.Literal('month')], { default: 'day' }),
        }),
        response: { 200: FacilityDashboardSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) =>
      reports.facilityDashboard(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        ...request.query,
      }),
  )

  app.get(
    '/facilities/:facilityId/stock',
    {
      schema: {
        tags,
        summary: "A facility's stock per material: everything in minus everything out",
        params: FacilityParamsSchema,
        querystring: Type.Object({ asOf: Type.Optional(IsoDateSchema) }),
        response: { 200: StockSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const materials = await reports.facilityStock(request.context(), {
        city: request.city!,
        facilityId: request.params.facilityId,
        asOf: request.query.asOf,
      })
      return {
        asOf: request.query.asOf ?? null,
        materials: materials.filter((m) => m.grams !== 0),
        totalGrams: materials.reduce((sum, m) => sum + m.grams, 0),
      }
    },
  )
}
