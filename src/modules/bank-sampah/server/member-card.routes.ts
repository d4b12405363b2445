import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CityParamsSchema, ProblemSchema, PublicIdSchema } from '../../../platform/server/http/schemas.ts'
import { MEMBER_NUMBER_PATTERN } from '../domain/member.ts'
import { findByMemberNumber, memberCard } from './member-card.service.ts'

const tags = ['bank sampah']
const BankParams = Type.Intersect([CityParamsSchema, Type.Object({ bankId: PublicIdSchema })])

/** The member card and the lookup by its number. Mounted with the other bank sampah routes. */
export const memberCardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/banks/:bankId/nasabah/:nasabahId/card.png',
    {
      schema: {
        tags,
        summary: 'Member card as PNG: bank, QR code of the member number, number and name (teller)',
        params: Type.Intersect([BankParams, Type.Object({ nasabahId: PublicIdSchema })]),
        produces: ['image/png'],
        response: {
          200: Type.Any({ description: 'image/png' }),
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const png = await memberCard(request.context(), {
        city: request.city!,
        bankId: request.params.bankId,
        nasabahId: request.params.nasabahId,
      })
      return reply
        .type('image/png')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="kartu-nasabah.png"')
        .send(png)
    },
  )

  app.get(
    '/banks/:bankId/nasabah/by-member/:memberNumber',
    {
      schema: {
        tags,
        summary: 'Find a nasabah of this bank by the member number on their card (scanned or typed)',
        params: Type.Intersect([
          BankParams,
          Type.Object({
            memberNumber: Type.String({ pattern: MEMBER_NUMBER_PATTERN, examples: ['NS-000001'] }),
          }),
        ]),
        response: {
          200: Type.Object(
            {
              id: Type.String(),
              memberNumber: Type.String(),
              name: Type.String(),
              balanceRupiah: Type.Integer(),
            },
            { additionalProperties: true },
          ),
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) =>
      findByMemberNumber(request.context(), {
        city: request.city!,
        bankId: request.params.bankId,
        memberNumber: request.params.memberNumber,
      }),
  )
}
