import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import {
  BodySchema,
  IsoDateSchema,
  Nullable,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { EXPENSE_CATEGORIES } from '../domain/fees.ts'
import { FacilityParamsSchema } from './facilities.schemas.ts'
import * as service from './fees.service.ts'

const tags = ['waste fees and expenses']
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema }

const HouseholdSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  headName: Nullable(Type.String({ description: 'Masked unless you collect this facility’s fees' })),
  monthlyFeeRupiah: Type.Integer(),
  isActive: Type.Boolean(),
})
const FeeLineSchema = Type.Object({
  household: HouseholdSchema,
  amountRupiah: Type.Integer(),
  paidOn: Nullable(IsoDateSchema),
})
const MonthParams = Type.Intersect([
  FacilityParamsSchema,
  Type.Object({ period: Type.String({ pattern: '^\\d{4}-\\d{2}$', examples: ['2026-11'] }) }),
])
const ExpenseSchema = Type.Object({
  id: Type.String(),
  spentOn: IsoDateSchema,
  category: Type.Enum(EXPENSE_CATEGORIES),
  amountRupiah: Type.Integer(),
  note: Nullable(Type.String()),
  isVoided: Type.Boolean(),
})

/** Mounted at /api/v1/cities/:city/waste. */
export const feesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const target = (request: FastifyRequest & { params: { facilityId: string } }) => ({
    city: request.city!,
    facilityId: request.params.facilityId,
  })

  app.get(
    '/facilities/:facilityId/households',
    {
      schema: {
        tags,
        summary: 'Households served, with their monthly fee',
        params: FacilityParamsSchema,
        response: { 200: Type.Array(HouseholdSchema), 404: ProblemSchema },
      },
    },
    async (request) => service.listHouseholds(request.context(), target(request)),
  )

  app.post(
    '/facilities/:facilityId/households',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Add a household and its monthly fee (operator of the facility, or DLH)',
        params: FacilityParamsSchema,
        body: BodySchema({
          label: Type.String({ minLength: 1, maxLength: 120, description: 'e.g. RT 02/RW 05 No. 12' }),
          headName: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
          monthlyFeeRupiah: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
        }),
        response: { 201: HouseholdSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addHousehold(request.context(), { ...target(request), input: request.body })),
  )

  app.get(
    '/facilities/:facilityId/fees/:period',
    {
      schema: {
        tags,
        summary: "A month's household fees: charged, paid, and the collection rate",
        params: MonthParams,
        response: {
          200: Type.Object({
            period: Type.String(),
            lines: Type.Array(FeeLineSchema),
            summary: Type.Object({
              households: Type.Integer(),
              paidHouseholds: Type.Integer(),
              chargedRupiah: Type.Integer(),
              paidRupiah: Type.Integer(),
              rateByAmount: Nullable(Type.Number()),
              rateByHouseholds: Nullable(Type.Number()),
            }),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      service.monthFees(request.context(), { ...target(request), period: request.params.period }),
  )

  app.put(
    '/facilities/:facilityId/fees/:period/households/:householdId',
    {
      schema: {
        tags,
        summary: "Record one household's fee for the month as paid or unpaid",
        params: Type.Intersect([MonthParams, Type.Object({ householdId: PublicIdSchema })]),
        body: BodySchema({
          paid: Type.Boolean(),
          paidOn: Type.Optional(IsoDateSchema),
          amountRupiah: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
        }),
        response: { 200: FeeLineSchema, ...errors },
      },
    },
    async (request) =>
      service.recordFee(request.context(), {
        ...target(request),
        period: request.params.period,
        householdId: request.params.householdId,
        input: request.body,
      }),
  )

  app.get(
    '/facilities/:facilityId/expenses',
    {
      schema: {
        tags,
        summary: 'Expenses of a facility, newest first (at most 1000)',
        params: FacilityParamsSchema,
        querystring: Type.Object({ from: Type.Optional(IsoDateSchema), to: Type.Optional(IsoDateSchema) }),
        response: {
          200: Type.Object({ items: Type.Array(ExpenseSchema), totalRupiah: Type.Integer() }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => service.listExpenses(request.context(), { ...target(request), ...request.query }),
  )

  app.post(
    '/facilities/:facilityId/expenses',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Record an expense (fuel, electricity, wages, maintenance, tools, other)',
        params: FacilityParamsSchema,
        body: BodySchema({
          spentOn: Type.Optional(IsoDateSchema),
          category: Type.Enum(EXPENSE_CATEGORIES),
          amountRupiah: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
          note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        }),
        response: { 201: ExpenseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.recordExpense(request.context(), { ...target(request), input: request.body })),
  )

  app.post(
    '/facilities/:facilityId/expenses/:expenseId/void',
    {
      schema: {
        tags,
        summary: 'Void a mistaken expense (it stays in the list, marked)',
        params: Type.Intersect([FacilityParamsSchema, Type.Object({ expenseId: PublicIdSchema })]),
        response: { 200: ExpenseSchema, ...errors },
      },
    },
    async (request) =>
      service.voidExpense(request.context(), { ...target(request), expenseId: request.params.expenseId }),
  )
}
