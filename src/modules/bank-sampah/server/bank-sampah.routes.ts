import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  PageQuerySchema,
  ProblemSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { SUB_MATERIALS } from '../../waste/index.ts'
import * as service from './bank-sampah.service.ts'
import { memberCardRoutes } from './member-card.routes.ts'
import { nasabahPinRoutes } from './nasabah-access.routes.ts'
import { reportRoutes } from './reports.routes.ts'
import { salesRoutes } from './sales.routes.ts'
import * as savings from './savings.service.ts'

const tags = ['bank sampah']
const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema }
const SubMaterialSchema = Type.Enum(Object.keys(SUB_MATERIALS) as (keyof typeof SUB_MATERIALS)[], {
  examples: ['pet'],
})
const BankParams = Type.Intersect([CityParamsSchema, Type.Object({ bankId: PublicIdSchema })])
const NasabahParams = Type.Intersect([BankParams, Type.Object({ nasabahId: PublicIdSchema })])

const NasabahSchema = Type.Object({
  id: Type.String(),
  memberNumber: Type.String(),
  kind: Type.Enum(['person', 'household', 'school', 'group']),
  name: Type.String(),
  nik: Nullable(Type.String({ description: 'Masked unless you are a teller of this bank' })),
  phone: Nullable(Type.String()),
  villageCode: Nullable(Type.String()),
  rt: Nullable(Type.String()),
  rw: Nullable(Type.String()),
})
const PriceSchema = Type.Object({
  subMaterial: Type.String(),
  pricePerKgRupiah: Type.Integer(),
  effectiveFrom: IsoDateSchema,
})
const EffectivePriceSchema = Type.Intersect([
  PriceSchema,
  Type.Object({
    source: Type.Enum(['own', 'induk'], { description: "`induk`: a unit following its induk's price" }),
  }),
])
const LineSchema = Type.Object({
  subMaterial: Type.String(),
  weightGrams: Type.Integer(),
  pricePerKgRupiah: Type.Integer(),
  amountRupiah: Type.Integer(),
})

/** The POST's answer and the reprint's: one shape, so the receipt after a reload is the same. */
const DepositReceiptSchema = Type.Object({
  id: Type.String(),
  date: IsoDateSchema,
  totalRupiah: Type.Integer(),
  lines: Type.Array(LineSchema),
  nasabah: Type.Object({ id: Type.String(), name: Type.String(), memberNumber: Type.String() }),
  teller: Nullable(Type.String({ description: 'Who recorded it (display name)' })),
  recordedAt: Type.String({
    description: "When it was recorded, on the city's wall clock with its offset",
    examples: ['2026-11-28T15:21:18+07:00'],
  }),
  timezone: Type.Enum(['WIB', 'WITA', 'WIT']),
  reversal: Nullable(
    Type.Object(
      { id: Type.String(), date: IsoDateSchema },
      { description: 'The correction that reversed this deposit, if any' },
    ),
  ),
})

function bankOf(request: FastifyRequest & { params: { bankId: string } }) {
  return { city: request.city!, bankId: request.params.bankId }
}

/** Mounted at /api/v1/cities/:city/bank-sampah. The bank is a facility (unit or induk). */
export const bankSampahRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(salesRoutes)
  await app.register(memberCardRoutes)
  await app.register(nasabahPinRoutes)
  await app.register(reportRoutes)
  app.get(
    '/banks/:bankId/nasabah',
    {
      schema: {
        tags,
        summary: 'Nasabah of a bank',
        params: BankParams,
        querystring: PageQuerySchema,
        response: { 200: Type.Array(NasabahSchema), ...errors },
      },
    },
    async (request) => service.listNasabah(request.context(), { ...bankOf(request), ...request.query }),
  )

  app.post(
    '/banks/:bankId/nasabah',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Register a nasabah (teller)',
        params: BankParams,
        body: BodySchema({
          kind: Type.Enum(['person', 'household', 'school', 'group']),
          name: Type.String({ minLength: 2, maxLength: 160 }),
          nik: Type.Optional(Nullable(Type.String({ pattern: '^\\d{16}$', examples: ['3579012345678901'] }))),
          phone: Type.Optional(
            Nullable(Type.String({ pattern: '^\\+?\\d{8,15}$', examples: ['081234567890'] })),
          ),
          villageCode: Type.Optional(
            Nullable(
              Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', examples: ['35.79.01.2006'] }),
            ),
          ),
          rt: Type.Optional(Nullable(Type.String({ pattern: '^\\d{1,3}$', examples: ['2'] }))),
          rw: Type.Optional(Nullable(Type.String({ pattern: '^\\d{1,3}$', examples: ['5'] }))),
        }),
        response: { 201: NasabahSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createNasabah(request.context(), { ...bankOf(request), input: request.body })),
  )

  app.get(
    '/banks/:bankId/nasabah/:nasabahId',
    {
      schema: {
        tags,
        summary: 'One nasabah with their savings (the sum of their entries)',
        params: NasabahParams,
        response: {
          200: Type.Intersect([NasabahSchema, Type.Object({ balanceRupiah: Type.Integer() })]),
          ...errors,
        },
      },
    },
    async (request) =>
      service.getNasabah(request.context(), { ...bankOf(request), nasabahId: request.params.nasabahId }),
  )

  app.get(
    '/banks/:bankId/nasabah/:nasabahId/statement',
    {
      schema: {
        tags,
        summary: 'The passbook: every entry with the running balance',
        params: NasabahParams,
        response: {
          200: Type.Object({
            nasabah: NasabahSchema,
            balanceRupiah: Type.Integer(),
            entries: Type.Array(
              Type.Object({
                id: Type.String(),
                date: IsoDateSchema,
                kind: Type.String(),
                amountRupiah: Type.Integer(),
                balanceRupiah: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      savings.statement(request.context(), { ...bankOf(request), nasabahId: request.params.nasabahId }),
  )

  app.get(
    '/banks/:bankId/prices',
    {
      schema: {
        tags,
        summary: 'Price list with its history, newest first per material',
        params: BankParams,
        response: { 200: Type.Array(EffectivePriceSchema), ...errors },
      },
    },
    async (request) => service.listPrices(request.context(), bankOf(request)),
  )

  app.put(
    '/banks/:bankId/prices/:subMaterial/:effectiveFrom',
    {
      schema: {
        tags,
        summary: 'Set the buying price of a material from a date (teller)',
        params: Type.Intersect([
          BankParams,
          Type.Object({
            subMaterial: SubMaterialSchema,
            effectiveFrom: Type.String({ format: 'date', examples: ['2026-11-01'] }),
          }),
        ]),
        body: BodySchema({ pricePerKgRupiah: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }),
        response: { 200: PriceSchema, ...errors },
      },
    },
    async (request) =>
      service.setPrice(request.context(), {
        ...bankOf(request),
        subMaterial: request.params.subMaterial,
        effectiveFrom: request.params.effectiveFrom,
        pricePerKgRupiah: request.body.pricePerKgRupiah,
      }),
  )

  app.post(
    '/banks/:bankId/deposits',
    {
      // Nothing checked before the write changes with it: the key is looked up in its transaction.
      config: { idempotent: true, idempotentInTransaction: true },
      schema: {
        tags,
        summary:
          'A deposit: lines of material × weight priced at the price in force, credited to the nasabah',
        params: BankParams,
        body: BodySchema({
          nasabahId: PublicIdSchema,
          date: Type.Optional(IsoDateSchema),
          lines: Type.Array(
            Type.Object(
              {
                subMaterial: SubMaterialSchema,
                weightGrams: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
              },
              { additionalProperties: false },
            ),
            { minItems: 1, maxItems: 50 },
          ),
        }),
        response: { 201: DepositReceiptSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await savings.deposit(request.context(), { ...bankOf(request), ...request.body })),
  )

  app.get(
    '/banks/:bankId/deposits/:journalId',
    {
      schema: {
        tags,
        summary: "A deposit's receipt, to print again (teller)",
        params: Type.Intersect([BankParams, Type.Object({ journalId: PublicIdSchema })]),
        response: { 200: DepositReceiptSchema, ...errors },
      },
    },
    async (request) =>
      savings.depositReceipt(request.context(), { ...bankOf(request), journalId: request.params.journalId }),
  )

  app.post(
    '/banks/:bankId/withdrawals',
    {
      // Nothing checked before the write changes with it: the key is looked up in its transaction.
      config: { idempotent: true, idempotentInTransaction: true },
      schema: {
        tags,
        summary: 'Pay out savings in cash or by transfer; refused above the balance',
        params: BankParams,
        body: BodySchema({
          nasabahId: PublicIdSchema,
          amountRupiah: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
          method: Type.Enum(['cash', 'transfer']),
          note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            date: IsoDateSchema,
            amountRupiah: Type.Integer(),
            balanceAfterRupiah: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await savings.withdraw(request.context(), { ...bankOf(request), ...request.body })),
  )
}
