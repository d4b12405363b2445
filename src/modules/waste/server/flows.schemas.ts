import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  Nullable,
  PageQuerySchema,
  PageSchema,
  PublicIdSchema,
} from '../../../platform/server/http/schemas.ts'
import { DASHBOARD_BUCKETS } from '../domain/facility-dashboard.ts'
import { FLOW_KINDS, OUTCOMES } from '../domain/flows.ts'
import { MATERIALS, SOURCE_SECTORS, SUB_MATERIALS } from '../domain/materials.ts'

export const MaterialSchema = Type.Enum(MATERIALS, {
  description: 'campuran (unsorted) or one of the 9 SIPSN categories',
})
const SubMaterialSchema = Type.Enum(Object.keys(SUB_MATERIALS) as (keyof typeof SUB_MATERIALS)[])
const FacilityRefSchema = Type.Object({ id: Type.String(), name: Type.String() })

export const FlowSchema = Type.Object({
  id: Type.String(),
  date: IsoDateSchema,
  kind: Type.Enum(FLOW_KINDS),
  material: MaterialSchema,
  subMaterial: Nullable(Type.String()),
  sortedFrom: Nullable(MaterialSchema),
  weightGrams: Type.Integer(),
  fromFacility: Nullable(FacilityRefSchema),
  fromVillageCode: Nullable(Type.String()),
  fromSector: Nullable(Type.Enum(SOURCE_SECTORS)),
  toFacility: Nullable(FacilityRefSchema),
  outcome: Nullable(Type.Enum(OUTCOMES)),
  pricePerKgRupiah: Nullable(Type.Integer()),
  revenueRupiah: Nullable(Type.Integer()),
  buyerName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  reverses: Nullable(Type.String({ description: 'The entry this row reverses' })),
  recordedAt: IsoDateTimeSchema,
})

export const FlowBodySchema = BodySchema({
  kind: Type.Enum(FLOW_KINDS),
  date: Type.Optional(
    Type.Unsafe<string>({ ...IsoDateSchema, description: "The city's calendar day; today when omitted" }),
  ),
  weightGrams: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Whole grams' }),
  material: MaterialSchema,
  subMaterial: Type.Optional(Nullable(SubMaterialSchema)),
  sortedFrom: Type.Optional(Nullable(MaterialSchema)),
  fromFacilityId: Type.Optional(Nullable(PublicIdSchema)),
  fromVillageCode: Type.Optional(
    Nullable(Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', examples: ['35.79.01.2006'] })),
  ),
  fromSector: Type.Optional(Nullable(Type.Enum(SOURCE_SECTORS))),
  toFacilityId: Type.Optional(Nullable(PublicIdSchema)),
  outcome: Type.Optional(Nullable(Type.Enum(OUTCOMES))),
  pricePerKgRupiah: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
  buyerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
})

export const ReversalBodySchema = BodySchema({
  note: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Why it is reversed' }))),
})

export const FlowListQuerySchema = Type.Intersect([
  PageQuerySchema,
  Type.Object({
    facility: Type.Optional(PublicIdSchema),
    from: Type.Optional(IsoDateSchema),
    to: Type.Optional(IsoDateSchema),
  }),
])

export const FlowPageSchema = PageSchema(FlowSchema)
export const FlowParamsSchema = Type.Intersect([CityParamsSchema, Type.Object({ flowId: PublicIdSchema })])

export const StockSchema = Type.Object({
  asOf: Nullable(IsoDateSchema),
  materials: Type.Array(Type.Object({ material: MaterialSchema, grams: Type.Integer() })),
  totalGrams: Type.Integer(),
})

export const FacilityDaySchema = Type.Object({
  date: IsoDateSchema,
  inGrams: Type.Integer({ description: 'Came in (intake and transfers in)' }),
  sortedGrams: Type.Integer({ description: 'Sorted at the facility' }),
  outGrams: Type.Integer({ description: 'Left (outcomes and transfers out)' }),
  revenueRupiah: Type.Integer({ description: 'Sales of the day' }),
  lines: Type.Array(
    Type.Object({
      direction: Type.Union([Type.Literal('in'), Type.Literal('sorted'), Type.Literal('out')]),
      kind: Type.Enum(FLOW_KINDS),
      outcome: Nullable(Type.Enum(OUTCOMES)),
      material: MaterialSchema,
      grams: Type.Integer(),
      revenueRupiah: Type.Integer(),
    }),
  ),
  stockAtEndOfDay: Type.Array(Type.Object({ material: MaterialSchema, grams: Type.Integer() })),
})

const BucketGramsSchema = Type.Object(
  Object.fromEntries(DASHBOARD_BUCKETS.map((bucket) => [bucket, Type.Integer()])) as Record<
    (typeof DASHBOARD_BUCKETS)[number],
    ReturnType<typeof Type.Integer>
  >,
  { description: 'Grams per destination: in, sorted, each outcome, to a TPA, to another facility' },
)

export const FacilityDashboardSchema = Type.Object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  granularity: Type.Union([Type.Literal('day'), Type.Literal('month')]),
  totals: Type.Object({
    grams: BucketGramsSchema,
    revenueRupiah: Type.Integer(),
    keptOutOfTpaShare: Type.Union([Type.Number(), Type.Null()], {
      description: '1 − (sent to a TPA ÷ came in); null when nothing came in',
    }),
  }),
  periods: Type.Array(
    Type.Object({ period: Type.String(), grams: BucketGramsSchema, revenueRupiah: Type.Integer() }),
  ),
  byMaterial: Type.Array(Type.Object({ material: MaterialSchema, grams: BucketGramsSchema })),
})
