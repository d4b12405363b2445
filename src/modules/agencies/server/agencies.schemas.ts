import Type from 'typebox'
import { BodySchema, CityParamsSchema, PublicIdSchema } from '../../../platform/server/http/schemas.ts'

export const AgencySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  function: Type.Union([Type.String(), Type.Null()]),
  isActive: Type.Boolean(),
})

const FunctionSchema = Type.Union([Type.String({ pattern: '^[a-z_]{2,40}$' }), Type.Null()], {
  description: 'Stable key of the affairs it handles, e.g. environment, umkm, tourism',
})

export const CreateAgencyBodySchema = BodySchema({
  name: Type.String({ minLength: 3, maxLength: 160 }),
  shortName: Type.String({ minLength: 2, maxLength: 40 }),
  function: Type.Optional(FunctionSchema),
  isActive: Type.Optional(Type.Boolean()),
})

export const UpdateAgencyBodySchema = BodySchema({
  name: Type.Optional(Type.String({ minLength: 3, maxLength: 160 })),
  shortName: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
  function: Type.Optional(FunctionSchema),
  isActive: Type.Optional(Type.Boolean()),
})

export const AgencyListQuerySchema = Type.Object({
  includeInactive: Type.Boolean({ default: false }),
})

export const AgencyParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({ agencyId: PublicIdSchema }),
])
