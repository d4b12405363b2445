import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { PAYMENT_METHODS, REMOVAL_KINDS } from '../domain/centre.ts'
import { BatchSchema, errors, Grade, Ref, tags } from './centre.schemas.ts'
import * as sales from './centre-sales.service.ts'
import { VOID_REASON_MAX, VOID_REASON_MIN } from './centre-sales.service.ts'
import * as service from './centre-stock.service.ts'

const Rupiah = Type.Integer({ minimum: 1, maximum: 1_000_000_000 })
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2026-11'] })
const SaleLineSchema = Type.Object({
  product: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  unitPriceRupiah: Type.Integer(),
  amountRupiah: Type.Integer(),
})
const SettlementSchema = Type.Object({
  id: Type.String(),
  month: Type.String(),
  quantity: Type.Integer(),
  grossRupiah: Type.Integer(),
  commissionRupiah: Type.Integer(),
  payableRupiah: Type.Integer(),
  settledAt: Type.String(),
})
const TotalsSchema = Type.Object({
  quantity: Type.Integer(),
  grossRupiah: Type.Integer(),
  commissionRupiah: Type.Integer(),
  payableRupiah: Type.Integer(),
})
const OutletQuery = Type.Object({ outletId: Type.Optional(PublicIdSchema) })
const ReceiptSchema = Type.Object({
  id: Type.String(),
  outlet: Ref,
  soldAt: Type.String(),
  soldOn: IsoDateSchema,
  paymentMethod: Type.Enum(PAYMENT_METHODS),
  paymentReference: Nullable(Type.String()),
  totalRupiah: Type.Integer(),
  lines: Type.Array(
    Type.Intersect([SaleLineSchema, Type.Object({ batchId: Type.String(), business: Type.String() })]),
  ),
  /** Null unless the sale was voided: then when, by whom (display name) and why. */
  voided: Nullable(Type.Object({ at: Type.String(), by: Nullable(Type.String()), reason: Type.String() })),
})
const SaleParams = Type.Intersect([CityParamsSchema, Type.Object({ saleId: PublicIdSchema })])
const BatchParams = Type.Intersect([CityParamsSchema, Type.Object({ batchId: PublicIdSchema })])

/**
 * Mounted at /api/v1/cities/:city/umkm: the UMKM centre's shelves and counter, from consignment
 * intake to the monthly settlement, and the public catalogue.
 */
export const centreCounterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/centre/consignments',
    {
      schema: {
        tags,
        summary: 'Take a consignment batch onto the shelf (product, quantity, price, expiry)',
        params: CityParamsSchema,
        body: BodySchema({
          outletId: PublicIdSchema,
          productId: PublicIdSchema,
          quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
          unitPriceRupiah: Rupiah,
          commissionBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
          receivedOn: IsoDateSchema,
          expiresOn: Type.Optional(Nullable(IsoDateSchema)),
          note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
        }),
        response: { 201: BatchSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.receiveConsignment(request.context(), { city: request.city!, input: request.body }),
        ),
  )

  app.get(
    '/centre/stock',
    {
      schema: {
        tags,
        summary: 'Batches with stock left, earliest expiry first',
        params: CityParamsSchema,
        querystring: OutletQuery,
        response: { 200: Type.Array(BatchSchema), ...errors },
      },
    },
    async (request) =>
      service.listStock(request.context(), { city: request.city!, outletId: request.query.outletId }),
  )

  app.post(
    '/centre/consignments/:batchId/removals',
    {
      schema: {
        tags,
        summary: 'Take stock off the shelf without a sale: returned, expired or damaged',
        params: BatchParams,
        body: BodySchema({
          kind: Type.Enum(REMOVAL_KINDS),
          quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
          removedOn: IsoDateSchema,
          note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
        }),
        response: { 201: BatchSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.removeStock(request.context(), {
          city: request.city!,
          batchId: request.params.batchId,
          input: request.body,
        }),
      ),
  )

  app.post(
    '/centre/consignments/:batchId/count',
    {
      schema: {
        tags,
        summary: 'Stock opname of a batch: fewer counted than left is recorded as shrinkage',
        params: BatchParams,
        body: BodySchema({
          counted: Type.Integer({ minimum: 0, maximum: 100_000 }),
          countedOn: Type.Optional(IsoDateSchema),
          note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
        }),
        response: {
          200: Type.Object({
            expected: Type.Integer(),
            counted: Type.Integer(),
            shrinkage: Type.Integer(),
            batch: BatchSchema,
          }),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request) =>
      service.countStock(request.context(), {
        city: request.city!,
        batchId: request.params.batchId,
        input: request.body,
      }),
  )

  app.post(
    '/centre/sales',
    {
      schema: {
        tags,
        summary: 'Record a sale at the counter, paid in cash or by QRIS',
        params: CityParamsSchema,
        body: BodySchema({
          outletId: PublicIdSchema,
          paymentMethod: Type.Enum(PAYMENT_METHODS),
          paymentReference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
          lines: Type.Array(
            Type.Object(
              { batchId: PublicIdSchema, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
              { additionalProperties: false },
            ),
            { minItems: 1, maxItems: 100 },
          ),
        }),
        response: {
          201: ReceiptSchema,
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sales.recordSale(request.context(), { city: request.city!, input: request.body })),
  )

  app.get(
    '/centre/sales',
    {
      schema: {
        tags,
        summary: "A day's sales with totals by payment method (to close the till)",
        params: CityParamsSchema,
        querystring: Type.Object({
          day: Type.Optional(IsoDateSchema),
          outletId: Type.Optional(PublicIdSchema),
        }),
        response: {
          200: Type.Object({
            day: IsoDateSchema,
            totals: Type.Object({ cash: Type.Integer(), qris: Type.Integer(), allRupiah: Type.Integer() }),
            sales: Type.Array(
              Type.Object({
                id: Type.String(),
                soldAt: Type.String(),
                paymentMethod: Type.Enum(PAYMENT_METHODS),
                paymentReference: Nullable(Type.String()),
                totalRupiah: Type.Integer(),
                voided: Type.Boolean(),
                lines: Type.Array(SaleLineSchema),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      sales.daySales(request.context(), {
        city: request.city!,
        day: request.query.day,
        outletId: request.query.outletId,
      }),
  )

  app.get(
    '/centre/sales/:saleId',
    {
      schema: {
        tags,
        summary: 'One sale with its lines (the struk, to reprint), and its void if it was voided',
        params: SaleParams,
        response: { 200: ReceiptSchema, ...errors },
      },
    },
    async (request) =>
      sales.getSale(request.context(), { city: request.city!, saleId: request.params.saleId }),
  )

  app.post(
    '/centre/sales/:saleId/void',
    {
      schema: {
        tags,
        summary: 'Void a sale made in error (with a reason); refused once its month is settled',
        params: SaleParams,
        body: BodySchema({
          reason: Type.String({ minLength: VOID_REASON_MIN, maxLength: VOID_REASON_MAX }),
        }),
        response: { 200: ReceiptSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request) =>
      sales.voidSale(request.context(), {
        city: request.city!,
        saleId: request.params.saleId,
        input: request.body,
      }),
  )

  app.get(
    '/centre/statements/:month',
    {
      schema: {
        tags,
        summary: "The month's statement per business: sold, commission, payable, settled or not",
        params: Type.Intersect([CityParamsSchema, Type.Object({ month: Month })]),
        response: {
          200: Type.Object({
            month: Type.String(),
            canSettle: Type.Boolean(),
            businesses: Type.Array(
              Type.Intersect([
                Type.Object({ business: Ref, settlement: Nullable(SettlementSchema) }),
                TotalsSchema,
              ]),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      sales.monthStatements(request.context(), { city: request.city!, month: request.params.month }),
  )

  app.get(
    '/centre/statements/:month/:businessId',
    {
      schema: {
        tags,
        summary: "One producer's monthly settlement statement, line by line",
        params: Type.Intersect([CityParamsSchema, Type.Object({ month: Month, businessId: PublicIdSchema })]),
        response: {
          200: Type.Object({
            month: Type.String(),
            business: Ref,
            canSettle: Type.Boolean(),
            lines: Type.Array(
              Type.Object({
                saleId: Type.String(),
                soldOn: IsoDateSchema,
                outlet: Type.String(),
                product: Type.String(),
                unit: Type.String(),
                paymentMethod: Type.Enum(PAYMENT_METHODS),
                quantity: Type.Integer(),
                unitPriceRupiah: Type.Integer(),
                amountRupiah: Type.Integer(),
                commissionRupiah: Type.Integer(),
              }),
            ),
            totals: TotalsSchema,
            settlement: Nullable(SettlementSchema),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      sales.businessStatement(request.context(), {
        city: request.city!,
        month: request.params.month,
        businessId: request.params.businessId,
      }),
  )

  app.post(
    '/centre/settlements',
    {
      schema: {
        tags,
        summary: "Settle a producer's month, once the month is over; never twice",
        params: CityParamsSchema,
        body: BodySchema({ businessId: PublicIdSchema, month: Month }),
        response: { 201: SettlementSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sales.settleMonth(request.context(), { city: request.city!, input: request.body })),
  )

  app.get(
    '/centre/catalogue',
    {
      schema: {
        tags,
        summary: 'Public catalogue: what is on the shelves now (no personal data)',
        params: CityParamsSchema,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              description: Nullable(Type.String()),
              unit: Type.String(),
              business: Type.String(),
              village: Nullable(Type.String()),
              outlet: Type.Object({
                id: Type.String(),
                name: Type.String(),
                address: Nullable(Type.String()),
              }),
              grade: Grade,
              minPriceRupiah: Type.Integer(),
              maxPriceRupiah: Type.Integer(),
              available: Type.Integer(),
            }),
          ),
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const result = await service.publicCatalogue(request.context(), { city: request.city! })
      return reply.header('cache-control', 'public, max-age=60').send(result)
    },
  )
}
