import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { SUB_MATERIALS } from '../../waste/index.ts'
import { reverseJournal } from './reversals.service.ts'
import { sell, transferToInduk } from './sales.service.ts'

const tags = ['bank sampah']
const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
}
const SubMaterialSchema = Type.Enum(Object.keys(SUB_MATERIALS) as (keyof typeof SUB_MATERIALS)[], {
  examples: ['pet'],
})
const BankParams = Type.Intersect([CityParamsSchema, Type.Object({ bankId: PublicIdSchema })])
const LinesSchema = Type.Array(
  Type.Object(
    {
      subMaterial: SubMaterialSchema,
      weightGrams: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
      pricePerKgRupiah: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 50 },
)
const OutgoingSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['sale', 'transfer']),
  date: IsoDateSchema,
  totalRupiah: Type.Integer(),
  indukId: Type.Optional(Type.String()),
  lines: Type.Array(
    Type.Object({
      subMaterial: Type.String(),
      weightGrams: Type.Integer(),
      pricePerKgRupiah: Type.Integer(),
      amountRupiah: Type.Integer(),
    }),
  ),
})

/** Recyclables leaving a bank, and corrections. Mounted with the other bank sampah routes. */
export const salesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/banks/:bankId/sales',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Sell recyclables to a pengepul; refused above the stock of any material',
        params: BankParams,
        body: BodySchema({ buyerName: Type.String({ minLength: 2, maxLength: 160 }), lines: LinesSchema }),
        response: { 201: OutgoingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await sell(request.context(), {
          city: request.city!,
          bankId: request.params.bankId,
          ...request.body,
        }),
      ),
  )

  app.post(
    '/banks/:bankId/transfers',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Hand recyclables on to the unit's induk; refused above the stock of any material",
        params: BankParams,
        body: BodySchema({ lines: LinesSchema }),
        response: { 201: OutgoingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await transferToInduk(request.context(), {
          city: request.city!,
          bankId: request.params.bankId,
          lines: request.body.lines,
        }),
      ),
  )

  app.post(
    '/banks/:bankId/journals/:journalId/reversal',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Correct a deposit or a withdrawal by a journal that mirrors it (once only)',
        params: Type.Intersect([BankParams, Type.Object({ journalId: PublicIdSchema })]),
        body: BodySchema({ reason: Type.String({ minLength: 3, maxLength: 300 }) }),
        response: {
          201: Type.Object({
            id: Type.String(),
            reversesId: Type.String(),
            date: IsoDateSchema,
            balanceAfterRupiah: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await reverseJournal(request.context(), {
          city: request.city!,
          bankId: request.params.bankId,
          journalId: request.params.journalId,
          reason: request.body.reason,
        }),
      ),
  )
}
