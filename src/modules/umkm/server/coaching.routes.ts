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
import { FUNDING_SOURCES, OUTCOME_STAGES, PROGRAMME_KINDS } from '../domain/coaching.ts'
import { SCALES } from '../domain/scale.ts'
import * as service from './coaching.service.ts'
import * as enrolments from './coaching-enrolments.service.ts'

const tags = ['umkm coaching']
const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
}
const ProgrammeParams = Type.Intersect([CityParamsSchema, Type.Object({ programmeId: PublicIdSchema })])
const Rupiah = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })

const ProgrammeSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(PROGRAMME_KINDS),
  name: Type.String(),
  agency: Type.String(),
  budgetActivityCode: Nullable(Type.String()),
  funding: Type.Enum(FUNDING_SOURCES),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  quota: Nullable(Type.Integer()),
  requiresNib: Type.Boolean(),
  eligibleScales: Type.Array(Type.String()),
  isSampleData: Type.Boolean(),
  enrolled: Type.Integer(),
  isFull: Type.Boolean(),
})
const OutcomeSchema = Type.Object({
  annualSalesRupiah: Nullable(Type.Integer()),
  workers: Nullable(Type.Integer()),
  certificates: Nullable(Type.Integer()),
  sellsOnline: Nullable(Type.Boolean()),
})
const ProgrammeDetailSchema = Type.Intersect([
  ProgrammeSchema,
  Type.Object({
    sessions: Type.Array(
      Type.Object({
        id: Type.String(),
        heldOn: IsoDateSchema,
        topic: Type.String(),
        present: Type.Array(Type.String()),
      }),
    ),
    participants: Type.Array(
      Type.Object({
        id: Type.String(),
        business: Type.Object({ id: Type.String(), name: Type.String() }),
        enrolledOn: IsoDateSchema,
        withdrawnOn: Nullable(IsoDateSchema),
        withdrawalReason: Nullable(Type.String()),
        /** Of the sessions held while enrolled (before a withdrawal); null when none was held. */
        attendancePercent: Nullable(Type.Number()),
        before: Nullable(OutcomeSchema),
        after: Nullable(OutcomeSchema),
        change: Type.Object({
          salesChangeRupiah: Nullable(Type.Integer()),
          salesGrowthPercent: Nullable(Type.Number()),
          workersChange: Nullable(Type.Integer()),
          certificatesChange: Nullable(Type.Integer()),
          wentOnline: Nullable(Type.Boolean()),
        }),
      }),
    ),
  }),
])

const programmeFields = {
  kind: Type.Enum(PROGRAMME_KINDS),
  name: Type.String({ minLength: 3, maxLength: 200 }),
  agency: Type.String({ minLength: 2, maxLength: 200 }),
  budgetActivityCode: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  funding: Type.Enum(FUNDING_SOURCES),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  quota: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
  requiresNib: Type.Optional(Type.Boolean()),
  eligibleScales: Type.Optional(Type.Array(Type.Enum(SCALES), { maxItems: 4, uniqueItems: true })),
}
/** Every field optional: what is sent changes, what is left out stays. */
const programmeChanges = {
  ...programmeFields,
  kind: Type.Optional(programmeFields.kind),
  name: Type.Optional(programmeFields.name),
  agency: Type.Optional(programmeFields.agency),
  funding: Type.Optional(programmeFields.funding),
  startsOn: Type.Optional(programmeFields.startsOn),
  endsOn: Type.Optional(programmeFields.endsOn),
}

/** Mounted at /api/v1/cities/:city/umkm: coaching programmes (pembinaan), participants and their effect. */
export const coachingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Coaching programmes',
        params: CityParamsSchema,
        response: { 200: Type.Array(ProgrammeSchema), ...errors },
      },
    },
    async (request) => service.listProgrammes(request.context(), { city: request.city! }),
  )

  app.post(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Create a coaching programme with its agency, budget activity, dates, quota and eligibility',
        params: CityParamsSchema,
        body: BodySchema(programmeFields),
        response: { 201: ProgrammeSchema, ...errors },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createProgramme(request.context(), { city: request.city!, input: request.body })),
  )

  app.get(
    '/programmes/:programmeId',
    {
      schema: {
        tags,
        summary: 'A programme with its sessions and participants: attendance and the effect before → after',
        params: ProgrammeParams,
        response: { 200: ProgrammeDetailSchema, ...errors },
      },
    },
    async (request) =>
      service.getProgramme(request.context(), {
        city: request.city!,
        programmeId: request.params.programmeId,
      }),
  )

  app.patch(
    '/programmes/:programmeId',
    {
      schema: {
        tags,
        summary:
          'Correct or reschedule a programme; enrolled participants stay, and the quota cannot go below them',
        params: ProgrammeParams,
        body: BodySchema(programmeChanges),
        response: { 200: ProgrammeSchema, ...errors },
      },
    },
    async (request) =>
      service.updateProgramme(request.context(), {
        city: request.city!,
        programmeId: request.params.programmeId,
        changes: request.body,
      }),
  )

  app.post(
    '/programmes/:programmeId/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol a business (checked against the eligibility rules and the quota)',
        params: ProgrammeParams,
        body: BodySchema({ businessId: PublicIdSchema }),
        response: {
          201: Type.Object({
            id: Type.String(),
            business: Type.Object({ id: Type.String(), name: Type.String() }),
          }),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(
        await enrolments.enrol(request.context(), {
          city: request.city!,
          programmeId: request.params.programmeId,
          businessId: request.body.businessId,
        }),
      ),
  )

  app.post(
    '/programmes/:programmeId/participants/:enrolmentId/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw a participant from today: the place in the quota is freed, the history stays',
        params: Type.Intersect([ProgrammeParams, Type.Object({ enrolmentId: PublicIdSchema })]),
        body: BodySchema({ reason: Type.String({ minLength: 3, maxLength: 300 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            withdrawnOn: IsoDateSchema,
            withdrawalReason: Type.String(),
          }),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request) =>
      enrolments.withdraw(request.context(), {
        city: request.city!,
        programmeId: request.params.programmeId,
        enrolmentId: request.params.enrolmentId,
        reason: request.body.reason,
      }),
  )

  app.post(
    '/programmes/:programmeId/sessions',
    {
      schema: {
        tags,
        summary: 'Record a session held, with the participants present',
        params: ProgrammeParams,
        body: BodySchema({
          heldOn: IsoDateSchema,
          topic: Type.String({ minLength: 2, maxLength: 300 }),
          present: Type.Array(PublicIdSchema, { maxItems: 1000 }),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            heldOn: IsoDateSchema,
            topic: Type.String(),
            present: Type.Array(Type.String()),
          }),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.addSession(request.context(), {
          city: request.city!,
          programmeId: request.params.programmeId,
          input: request.body,
        }),
      ),
  )

  app.put(
    '/programmes/:programmeId/participants/:enrolmentId/outcomes/:stage',
    {
      schema: {
        tags,
        summary:
          "A participant's figures before or after the programme (sales, workers, certificates, online)",
        params: Type.Intersect([
          ProgrammeParams,
          Type.Object({
            enrolmentId: PublicIdSchema,
            stage: Type.Enum(OUTCOME_STAGES, { examples: ['before'] }),
          }),
        ]),
        body: BodySchema({
          asOf: IsoDateSchema,
          annualSalesRupiah: Nullable(Rupiah),
          workers: Nullable(Type.Integer({ minimum: 0, maximum: 100_000 })),
          certificates: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
          sellsOnline: Nullable(Type.Boolean()),
        }),
        response: {
          200: Type.Intersect([Type.Object({ stage: Type.String(), asOf: IsoDateSchema }), OutcomeSchema]),
          ...errors,
        },
      },
      config: { idempotent: true },
    },
    async (request) =>
      service.recordOutcome(request.context(), {
        city: request.city!,
        programmeId: request.params.programmeId,
        enrolmentId: request.params.enrolmentId,
        stage: request.params.stage,
        input: request.body,
      }),
  )
}
