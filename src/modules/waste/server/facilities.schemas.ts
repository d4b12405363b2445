import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  Nullable,
  PageQuerySchema,
  PageSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { FACILITY_KINDS, FACILITY_STATUSES, LANDFILL_SYSTEMS } from '../domain/facilities.ts'

export const FacilityKindSchema = Type.Enum(FACILITY_KINDS, { description: 'SIPSN facility kind' })
export const FacilityStatusSchema = Type.Enum(FACILITY_STATUSES)
export const LandfillSystemSchema = Type.Enum(LANDFILL_SYSTEMS, { description: 'TPA only: operating system' })

export const FacilitySchema = Type.Object({
  id: Type.String(),
  kind: FacilityKindSchema,
  name: Type.String(),
  status: FacilityStatusSchema,
  village: Nullable(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      districtName: Type.String(),
    }),
  ),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  designCapacityKgPerDay: Nullable(Type.Integer()),
  householdsServed: Nullable(Type.Integer()),
  operatorName: Nullable(Type.String()),
  decreeNumber: Nullable(Type.String()),
  landfillSystem: Nullable(LandfillSystemSchema),
  parent: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  openedOn: Nullable(IsoDateSchema),
  isSampleData: Type.Boolean({ description: 'Generated demo record, not real data' }),
})

const editable = {
  status: Type.Optional(FacilityStatusSchema),
  villageCode: Type.Optional(
    Nullable(Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', examples: ['35.79.01.2006'] })),
  ),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  designCapacityKgPerDay: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  householdsServed: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  operatorName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  decreeNumber: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  landfillSystem: Type.Optional(Nullable(LandfillSystemSchema)),
  parentId: Type.Optional(Nullable(PublicIdSchema)),
  openedOn: Type.Optional(Nullable(IsoDateSchema)),
}

export const CreateFacilityBodySchema = BodySchema({
  kind: FacilityKindSchema,
  name: Type.String({ minLength: 3, maxLength: 160 }),
  ...editable,
})

export const UpdateFacilityBodySchema = BodySchema({
  kind: Type.Optional(FacilityKindSchema),
  name: Type.Optional(Type.String({ minLength: 3, maxLength: 160 })),
  ...editable,
})

export const FacilityListQuerySchema = Type.Intersect([
  PageQuerySchema,
  Type.Object({
    kind: Type.Optional(FacilityKindSchema),
    status: Type.Optional(FacilityStatusSchema),
    village: Type.Optional(Type.String({ maxLength: 13 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  }),
])

export const FacilityPageSchema = PageSchema(FacilitySchema)

export const FacilityPointsSchema = Type.Array(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: FacilityKindSchema,
    status: FacilityStatusSchema,
    latitude: Type.Number(),
    longitude: Type.Number(),
  }),
)

export const FacilityParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({ facilityId: PublicIdSchema }),
])
