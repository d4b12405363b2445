import Type from 'typebox'
import { IsoDateTimeSchema, PageQuerySchema, PageSchema } from '../http/schemas.ts'

export const CitySchema = Type.Object({
  code: Type.String({ description: 'Kemendagri code, e.g. 35.79' }),
  slug: Type.String({ description: 'e.g. kota-batu' }),
  name: Type.String(),
  kind: Type.Union([Type.Literal('kota'), Type.Literal('kabupaten')]),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  timezone: Type.String({
    description: 'IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)',
  }),
  timezoneAbbreviation: Type.Union([Type.Literal('WIB'), Type.Literal('WITA'), Type.Literal('WIT')]),
  isActive: Type.Boolean(),
  activatedAt: Type.Union([IsoDateTimeSchema, Type.Null()]),
})

export const CityListQuerySchema = Type.Intersect([
  PageQuerySchema,
  Type.Object({
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Part of the name, the slug, or the start of the code' }),
    ),
    active: Type.Optional(Type.Boolean({ description: 'Only active (onboarded) or only inactive cities' })),
    province: Type.Optional(Type.String({ pattern: '^\\d{2}$', description: 'Province code, e.g. 35' })),
  }),
])

export const CityPageSchema = PageSchema(CitySchema)

export const VillageSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('desa'), Type.Literal('kelurahan')]),
})

export const DistrictSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  villages: Type.Array(VillageSchema),
})

export const CityDetailSchema = Type.Object({
  city: CitySchema,
  districts: Type.Array(DistrictSchema, { description: 'Kecamatan with their desa/kelurahan' }),
})

export const CityCodeParamsSchema = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 80,
    description: 'Kemendagri code (35.79) or slug (kota-batu)',
  }),
})
