import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { CURATION_CRITERIA, GRADES, SCORE_MAX, SCORE_MIN } from '../domain/centre.ts'
import { BatchSchema, errors, Grade, Ref, tags } from './centre.schemas.ts'
import * as service from './centre.service.ts'

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

/** Mounted at /api/v1/cities/:city/umkm: the UMKM centre's setup, its outlets and its curated products. */
export const centreSetupRoutes: FastifyPluginAsyncTypebox = async (app) => {
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

  app.patch(
    '/centre/outlets/:outletId',
    {
      schema: {
        tags,
        summary: 'Edit an outlet, or close it (isActive false) and reopen it (staff)',
        params: Type.Intersect([CityParamsSchema, Type.Object({ outletId: PublicIdSchema })]),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
            address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            isActive: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: OutletSchema, ...errors },
      },
    },
    async (request) =>
      service.updateOutlet(request.context(), {
        city: request.city!,
        outletId: request.params.outletId,
        input: request.body,
      }),
  )

  app.get(
    '/centre/products',
    {
      schema: {
        tags,
        summary: 'Products offered to the centre, with their latest curation grade',
        params: CityParamsSchema,
        querystring: Type.Object({
          businessId: Type.Optional(PublicIdSchema),
          q: Type.Optional(
            Type.String({ maxLength: 100, description: 'Part of the product name, any case' }),
          ),
          shelfable: Type.Optional(
            Type.Boolean({ description: 'true: only products whose latest grade is A–C' }),
          ),
        }),
        response: { 200: Type.Array(ProductSchema), ...errors },
      },
    },
    async (request) =>
      service.listProducts(request.context(), {
        city: request.city!,
        businessId: request.query.businessId,
        q: request.query.q,
        shelfable: request.query.shelfable,
      }),
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
}
