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
import {
  CURATION_CRITERIA,
  GRADES,
  PAYMENT_METHODS,
  REMOVAL_KINDS,
  SCORE_MAX,
  SCORE_MIN,
} from '../domain/centre.ts'
import * as service from './centre.service.ts'
import * as sales from './centre-sales.service.ts'

const tags = ['umkm centre']
const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
}
const Rupiah = Type.Integer({ minimum: 1, maximum: 1_000_000_000 })
const Ref = Type.Object({ id: Type.String(), name: Type.String() })
const Grade = Nullable(Type.Enum(GRADES))
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2026-11'] })

const OutletSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  isActive: Type.Boolean(),
})
const ProductSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  description: Nullable(Type.String()),
  business: Ref,
  grade: Grade,
  shelfable: Type.Boolean(),
})
const CurationSchema = Type.Object({
  id: Type.String(),
  rubricVersion: Type.String(),
  scores: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
  grade: Type.Enum(GRADES),
  assessedOn: IsoDateSchema,
  note: Nullable(Type.String()),
})
const BatchSchema = Type.Object({
  id: Type.String(),
  product: Type.Object({ id: Type.String(), name: Type.String(), unit: Type.String() }),
  business: Ref,
  outlet: Ref,
  grade: Grade,
  quantity: Type.Integer(),
  sold: Type.Integer(),
  removed: Type.Integer(),
  remaining: Type.Integer(),
  unitPriceRupiah: Type.Integer(),
  commissionBps: Type.Integer(),
  receivedOn: IsoDateSchema,
  expiresOn: Nullable(IsoDateSchema),
  daysToExpiry: Nullable(Type.Integer()),
})
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

/** Mounted at /api/v1/cities/:city/umkm/centre: the UMKM centre's shelves, counter and settlements. */
export const centreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/centre/outlets',
    {
      schema: {
        tags,
        summary: 'Outlets of the UMKM centre',
        params: CityParamsSchema,
        response: { 200: Type.Array(OutletSchema), ...errors },
      },
    },
    async (request) => service.listOutlets(request.context(), { city: request.city! }),
  )

  app.post(
    '/centre/outlets',
    {
      schema: {
        tags,
        summary: 'Open an outlet (a Pojok UMKM, a gallery)',
        params: CityParamsSchema,
        body: BodySchema({
          name: Type.String({ minLength: 2, maxLength: 200 }),
          address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        }),
        response: { 201: OutletSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createOutlet(request.context(), { city: request.city!, input: request.body })),
  )

  app.get(
    '/centre/products',
    {
      schema: {
        tags,
        summary: 'Products offered to the centre, with their latest curation grade',
        params: CityParamsSchema,
        querystring: Type.Object({ businessId: Type.Optional(PublicIdSchema) }),
        response: { 200: Type.Array(ProductSchema), ...errors },
      },
    },
    async (request) =>
      service.listProducts(request.context(), { city: request.city!, businessId: request.query.businessId }),
  )

  app.post(
    '/centre/products',
    {
      schema: {
        tags,
        summary: "Register a business's product for curation",
        params: CityParamsSchema,
        body: BodySchema({
          businessId: PublicIdSchema,
          name: Type.String({ minLength: 2, maxLength: 200 }),
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
          description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
        }),
        response: { 201: ProductSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createProduct(request.context(), { city: request.city!, input: request.body })),
  )

  const ProductParams = Type.Intersect([CityParamsSchema, Type.Object({ productId: PublicIdSchema })])

  app.get(
    '/centre/products/:productId',
    {
      schema: {
        tags,
        summary: 'A product with its curation history and the batches on the shelves',
        params: ProductParams,
        response: {
          200: Type.Intersect([
            ProductSchema,
            Type.Object({ curations: Type.Array(CurationSchema), batches: Type.Array(BatchSchema) }),
          ]),
          ...errors,
        },
      },
    },
    async (request) =>
      service.getProduct(request.context(), { city: request.city!, productId: request.params.productId }),
  )

  const Score = Type.Integer({ minimum: SCORE_MIN, maximum: SCORE_MAX })
  app.post(
    '/centre/products/:productId/curations',
    {
      schema: {
        tags,
        summary: 'Score a product on the curation rubric; the grade A–D is computed',
        params: ProductParams,
        body: BodySchema({
          scores: Type.Object(
            Object.fromEntries(CURATION_CRITERIA.map(({ code }) => [code, Score])) as Record<
              (typeof CURATION_CRITERIA)[number]['code'],
              typeof Score
            >,
            { additionalProperties: false },
          ),
          assessedOn: IsoDateSchema,
          note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
        }),
        response: { 201: CurationSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.curateProduct(request.context(), {
          city: request.city!,
          productId: request.params.productId,
          input: request.body,
        }),
      ),
  )

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
        params: Type.Intersect([CityParamsSchema, Type.Object({ batchId: PublicIdSchema })]),
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
          201: Type.Object({
            id: Type.String(),
            outlet: Ref,
            soldAt: Type.String(),
            soldOn: IsoDateSchema,
            paymentMethod: Type.Enum(PAYMENT_METHODS),
            paymentReference: Nullable(Type.String()),
            totalRupiah: Type.Integer(),
            lines: Type.Array(
              Type.Intersect([
                SaleLineSchema,
                Type.Object({ batchId: Type.String(), business: Type.String() }),
              ]),
            ),
          }),
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
