import Type from 'typebox'
import { BodySchema, CityParamsSchema, IsoDateTimeSchema, PublicIdSchema } from '../http/schemas.ts'

const LocalizedSchema = Type.Object({ id: Type.String(), en: Type.String() })

export const RoleSchema = Type.Object({
  code: Type.String(),
  module: Type.String(),
  name: LocalizedSchema,
  description: LocalizedSchema,
  scopeKinds: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
})

export const RoleGrantSchema = Type.Object({
  id: Type.String(),
  role: Type.String(),
  scopeKind: Type.Union([Type.String(), Type.Null()]),
  scopeId: Type.Union([Type.String(), Type.Null()]),
  grantedAt: IsoDateTimeSchema,
})

export const CityMemberSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  isDisabled: Type.Boolean(),
  roles: Type.Array(RoleGrantSchema),
})

export const GrantBodySchema = BodySchema({
  role: Type.String({ minLength: 1, maxLength: 64 }),
  scopeKind: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 32 }), Type.Null()])),
  scopeId: Type.Optional(Type.Union([PublicIdSchema, Type.Null()])),
})

export const UsernameSchema = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'Letters, digits, dot, underscore, hyphen',
  examples: ['ayu.lestari'],
})

export const CreateCityUserBodySchema = BodySchema({
  username: UsernameSchema,
  displayName: Type.String({ minLength: 1, maxLength: 120 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  locale: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  role: Type.String({ minLength: 1, maxLength: 64 }),
  scopeKind: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 32 }), Type.Null()])),
  scopeId: Type.Optional(Type.Union([PublicIdSchema, Type.Null()])),
})

export const UserParamsSchema = Type.Intersect([CityParamsSchema, Type.Object({ userId: PublicIdSchema })])
export const GrantParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({ userId: PublicIdSchema, grantId: PublicIdSchema }),
])
