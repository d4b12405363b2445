import Type from 'typebox'
import { BodySchema, IsoDateTimeSchema } from '../http/schemas.ts'

export const LocaleSchema = Type.Union([Type.Literal('id'), Type.Literal('en')])

export const LoginBodySchema = BodySchema({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
})

export const MembershipSchema = Type.Object({
  grantId: Type.String(),
  city: Type.Object({
    code: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    isActive: Type.Boolean(),
  }),
  role: Type.String(),
  scopeKind: Type.Union([Type.String(), Type.Null()]),
  scopeId: Type.Union([Type.String(), Type.Null()]),
})

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    locale: LocaleSchema,
    isPlatformAdmin: Type.Boolean(),
  }),
  roles: Type.Array(MembershipSchema),
  /** Send back as the X-CSRF-Token header on every write made with the session cookie. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  authMethod: Type.Union([Type.Literal('session'), Type.Literal('token')]),
})

export const ChangePasswordBodySchema = BodySchema({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
})

export const UpdateProfileBodySchema = BodySchema({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  locale: Type.Optional(LocaleSchema),
})

export const CreateTokenBodySchema = BodySchema({
  name: Type.String({ minLength: 1, maxLength: 100 }),
})

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: IsoDateTimeSchema,
  lastUsedAt: Type.Union([IsoDateTimeSchema, Type.Null()]),
})

export const NewApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: IsoDateTimeSchema,
  token: Type.String({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }),
})

export const TokenParamsSchema = Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 32 }) })
