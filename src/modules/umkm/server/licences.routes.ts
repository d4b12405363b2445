import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import type { ReminderRow } from './licence-reminders.repository.ts'
import * as reminders from './licence-reminders.service.ts'
import type { LicenceRow } from './licences.repository.ts'
import {
  CreateLicenceBodySchema,
  ExpiringPageSchema,
  ExpiringQuerySchema,
  LicenceParamsSchema,
  LicenceSchema,
  ReminderBodySchema,
  ReminderSchema,
  UpdateLicenceBodySchema,
} from './licences.schemas.ts'
import * as service from './licences.service.ts'
import { BusinessParamsSchema } from './umkm.schemas.ts'

const tags = ['umkm']

export function presentLicence(row: LicenceRow) {
  return {
    id: row.publicId,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    isSampleData: row.isSampleData,
  }
}

function presentReminder(row: ReminderRow & { sentByName: string | null }) {
  return {
    id: row.publicId,
    channel: row.channel,
    expiresOn: row.expiresOn,
    note: row.note,
    sentAt: new Date(row.createdAt).toISOString(),
    sentBy: row.sentByName,
  }
}

/** Mounted at /api/v1/cities/:city/umkm. */
export const licenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/businesses/:businessId/licences',
    {
      schema: {
        tags,
        summary: 'Licences and certificates of a business (NIB, P-IRT, halal, BPOM, SNI, merek)',
        params: BusinessParamsSchema,
        response: { 200: Type.Array(LicenceSchema), 404: ProblemSchema },
      },
    },
    async (request) =>
      (
        await service.listBusinessLicences(request.context(), {
          city: request.city!,
          businessId: request.params.businessId,
        })
      ).map(presentLicence),
  )

  app.post(
    '/businesses/:businessId/licences',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Record a licence or certificate of a business (Dinas Koperasi dan UMKM staff)',
        params: BusinessParamsSchema,
        body: CreateLicenceBodySchema,
        response: {
          201: LicenceSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const row = await service.addLicence(request.context(), {
        city: request.city!,
        businessId: request.params.businessId,
        input: request.body,
      })
      return reply.code(201).send(presentLicence(row))
    },
  )

  app.patch(
    '/businesses/:businessId/licences/:licenceId',
    {
      schema: {
        tags,
        summary: 'Correct or renew a licence: new number, issuer or dates',
        params: LicenceParamsSchema,
        body: UpdateLicenceBodySchema,
        response: {
          200: LicenceSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) =>
      presentLicence(
        await service.updateLicence(request.context(), {
          city: request.city!,
          businessId: request.params.businessId,
          licenceId: request.params.licenceId,
          input: request.body,
        }),
      ),
  )

  app.get(
    '/licences/expiring',
    {
      schema: {
        tags,
        summary:
          'Expiry reminders: licences that lapse within N days, with the owner to remind (Dinas Koperasi dan UMKM staff)',
        params: CityParamsSchema,
        querystring: ExpiringQuerySchema,
        response: { 200: ExpiringPageSchema, 403: ProblemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, days, includeExpired, notReminded } = request.query
      const result = await reminders.listExpiringLicences(request.context(), {
        city: request.city!,
        days,
        includeExpired,
        notReminded,
        page,
        pageSize,
      })
      return {
        items: result.items.map((item) => ({
          licence: presentLicence(item.licence),
          business: { id: item.businessPublicId, name: item.businessName },
          daysLeft: item.daysLeft,
          owner: item.owner,
          whatsappUrl: item.whatsappUrl,
          reminders: {
            count: item.reminders.count,
            last: item.reminders.last ? presentReminder(item.reminders.last) : null,
          },
        })),
        page,
        pageSize,
        total: result.total,
        today: result.today,
        personalDataMasked: result.personalDataMasked,
      }
    },
  )

  app.post(
    '/businesses/:businessId/licences/:licenceId/reminders',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Record that the owner was reminded of the licence's expiry (WhatsApp, call, letter, visit)",
        params: LicenceParamsSchema,
        body: ReminderBodySchema,
        response: {
          201: ReminderSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const row = await reminders.recordReminder(request.context(), {
        city: request.city!,
        businessId: request.params.businessId,
        licenceId: request.params.licenceId,
        ...request.body,
      })
      return reply.code(201).send(presentReminder(row))
    },
  )
}
