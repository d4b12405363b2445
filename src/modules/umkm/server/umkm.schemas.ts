import Type from 'typebox'
import {
  BodySchema,
  CityParamsSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PageQuerySchema,
  PageSchema,
} from '../../../platform/server/http/schemas.ts'
import { BUSINESS_STATUSES, CLOSURE_REASON_MAX, CLOSURE_REASON_MIN } from '../domain/registry.ts'
import { SCALE_RULES, SCALES } from '../domain/scale.ts'

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const ScaleSchema = Type.Enum(SCALES, { description: 'Skala usaha' })
export const ScaleRuleSchema = Type.Enum(SCALE_RULES, {
  description:
    'pp7_2021_capital: PP 7/2021 Pasal 35 ayat (3), modal usaha; pp7_2021_sales: PP 7/2021 Pasal 35 ayat (4)–(5), hasil penjualan tahunan; uu20_2008: UU 20/2008 Pasal 6',
})

const VillageCodeSchema = Type.String({
  pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$',
  examples: ['35.79.01.2006'],
  description: 'Kemendagri desa/kelurahan code',
})

/** Whole rupiah, exact as a JSON number up to 2^53 − 1. */
const RupiahSchema = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, examples: [1_000_000_000] })
const HeadcountSchema = Type.Integer({ minimum: 0, maximum: 1_000_000 })

const PlaceSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  districtName: Type.String(),
})

export const KbliSchema = Type.Object({
  code: Type.String(),
  version: Type.String({ description: 'KBLI2020; KBLI 2025 will follow as its own version' }),
  category: nullable(Type.String({ description: 'Kategori A–U' })),
})

const OwnerSchema = Type.Object({
  name: Type.String(),
  nik: nullable(Type.String()),
  phone: nullable(Type.String()),
  villageCode: nullable(Type.String({ description: "The owner's domicile, which may be outside the city" })),
})

const WorkersSchema = Type.Object({
  paidMale: Type.Integer(),
  paidFemale: Type.Integer(),
  unpaidMale: Type.Integer(),
  unpaidFemale: Type.Integer(),
  disabledMale: Type.Integer({ description: 'May overlap the paid and unpaid counts' }),
  disabledFemale: Type.Integer({ description: 'May overlap the paid and unpaid counts' }),
})

const closure = {
  closedOn: Type.Union([IsoDateSchema, Type.Null()], {
    description: "The day the business stopped operating, in the city's calendar; null while it operates",
  }),
  closureReason: nullable(Type.String()),
}

export const BusinessSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kbli: KbliSchema,
  nib: nullable(Type.String()),
  owner: OwnerSchema,
  personalDataMasked: Type.Boolean({ description: "True when the owner's name, NIK and phone are masked" }),
  village: nullable(PlaceSchema),
  address: nullable(Type.String()),
  latitude: nullable(Type.Number()),
  longitude: nullable(Type.Number()),
  products: nullable(Type.String()),
  workers: WorkersSchema,
  selfReportedScale: nullable(ScaleSchema),
  startedYear: nullable(
    Type.Integer({ description: 'Year the business started operating (SIDT tahun_mulai_operasi)' }),
  ),
  startedMonth: nullable(Type.Integer({ description: 'Its month, 1–12, when known' })),
  ...closure,
  isSampleData: Type.Boolean({ description: 'Generated demo record, not real data' }),
})

export const BusinessListItemSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kbli: KbliSchema,
  nib: nullable(Type.String()),
  ownerName: Type.String(),
  village: nullable(PlaceSchema),
  products: nullable(Type.String()),
  selfReportedScale: nullable(ScaleSchema),
  ...closure,
  derivedScale: nullable(
    Type.Object({ rule: ScaleRuleSchema, scale: ScaleSchema }, { description: 'From the latest figures' }),
  ),
  isSampleData: Type.Boolean(),
})

export const BusinessPageSchema = PageSchema(BusinessListItemSchema)

export const FiguresSchema = Type.Object({
  id: Type.String(),
  asOf: IsoDateSchema,
  capitalRupiah: nullable(Type.Integer()),
  annualSalesRupiah: nullable(Type.Integer()),
  assetsRupiah: nullable(Type.Integer()),
  workers: nullable(Type.Integer()),
  sourceNote: Type.String(),
  recordedAt: IsoDateTimeSchema,
})

export const DerivedScaleSchema = Type.Object({
  rule: ScaleRuleSchema,
  ruleVersion: Type.String(),
  scale: ScaleSchema,
  article: Type.String({ description: 'The regulation the thresholds come from' }),
  figuresId: Type.String({ description: 'The figures record it was derived from' }),
  asOf: IsoDateSchema,
  evidence: Type.Array(
    Type.Object({
      figure: Type.Union([Type.Literal('capital'), Type.Literal('annual_sales'), Type.Literal('assets')]),
      rupiah: Type.Integer(),
      scale: ScaleSchema,
    }),
  ),
})

export const BusinessDetailSchema = Type.Intersect([
  BusinessSchema,
  Type.Object({
    figures: Type.Array(FiguresSchema, { description: 'Oldest first' }),
    derivedScales: Type.Array(DerivedScaleSchema, {
      description: 'One per rule that the figures allow, from the latest record that rule can read',
    }),
    naikKelas: Type.Array(
      Type.Object({ rule: ScaleRuleSchema, from: DerivedScaleSchema, to: DerivedScaleSchema }),
      { description: 'Moves out of mikro found in the figures history, with both records as evidence' },
    ),
  }),
])

const editable = {
  nib: Type.Optional(
    nullable(
      Type.String({ maxLength: 40, examples: ['9120001234567'], description: 'NIB (OSS-RBA): 13 digits' }),
    ),
  ),
  ownerNik: Type.Optional(nullable(Type.String({ pattern: '^\\d{16}$', examples: ['3579014107800001'] }))),
  ownerPhone: Type.Optional(
    nullable(Type.String({ pattern: '^\\+?[0-9][0-9 ().-]{5,22}$', examples: ['081234567890'] })),
  ),
  ownerVillageCode: Type.Optional(nullable(VillageCodeSchema)),
  villageCode: Type.Optional(nullable(VillageCodeSchema)),
  address: Type.Optional(nullable(Type.String({ maxLength: 300 }))),
  latitude: Type.Optional(nullable(Type.Number({ minimum: -11.5, maximum: 6.5 }))),
  longitude: Type.Optional(nullable(Type.Number({ minimum: 94, maximum: 141.5 }))),
  products: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
  workersPaidMale: Type.Optional(HeadcountSchema),
  workersPaidFemale: Type.Optional(HeadcountSchema),
  workersUnpaidMale: Type.Optional(HeadcountSchema),
  workersUnpaidFemale: Type.Optional(HeadcountSchema),
  workersDisabledMale: Type.Optional(HeadcountSchema),
  workersDisabledFemale: Type.Optional(HeadcountSchema),
  selfReportedScale: Type.Optional(nullable(ScaleSchema)),
  startedYear: Type.Optional(nullable(Type.Integer({ minimum: 1900, maximum: 2100, examples: [2015] }))),
  startedMonth: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 12, examples: [6] }))),
}

const NameSchema = Type.String({ minLength: 2, maxLength: 160 })
const KbliCodeSchema = Type.String({
  minLength: 1,
  maxLength: 10,
  examples: ['10391'],
  description: 'KBLI 2020 kelompok: 5 digits',
})
const OwnerNameSchema = Type.String({ minLength: 2, maxLength: 160 })

export const CreateBusinessBodySchema = BodySchema({
  name: NameSchema,
  kbliCode: KbliCodeSchema,
  ownerName: OwnerNameSchema,
  ...editable,
})

export const UpdateBusinessBodySchema = BodySchema({
  name: Type.Optional(NameSchema),
  kbliCode: Type.Optional(KbliCodeSchema),
  ownerName: Type.Optional(OwnerNameSchema),
  ...editable,
})

export const AddFiguresBodySchema = BodySchema({
  asOf: IsoDateSchema,
  capitalRupiah: Type.Optional(nullable(RupiahSchema)),
  annualSalesRupiah: Type.Optional(nullable(RupiahSchema)),
  assetsRupiah: Type.Optional(nullable(RupiahSchema)),
  workers: Type.Optional(nullable(HeadcountSchema)),
  sourceNote: Type.String({ minLength: 3, maxLength: 300, examples: ['Pendataan Dinas Koperasi dan UMKM'] }),
})

export const BusinessListQuerySchema = Type.Intersect([
  PageQuerySchema,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the business name' })),
    kbli: Type.Optional(
      Type.String({ pattern: '^\\d{1,5}$', description: 'A KBLI code or its first digits' }),
    ),
    village: Type.Optional(VillageCodeSchema),
    hasNib: Type.Optional(Type.Boolean()),
    scale: Type.Optional(ScaleSchema),
    rule: Type.Optional(ScaleRuleSchema),
    status: Type.Optional(
      Type.Enum(BUSINESS_STATUSES, {
        description: 'operating (default): not closed; closed; all',
      }),
    ),
  }),
])

export const CloseBusinessBodySchema = BodySchema({
  closedOn: IsoDateSchema,
  reason: Type.String({
    minLength: CLOSURE_REASON_MIN,
    maxLength: CLOSURE_REASON_MAX,
    examples: ['Pemilik pindah ke luar kota'],
  }),
})

export const BusinessParamsSchema = Type.Intersect([
  CityParamsSchema,
  Type.Object({
    businessId: Type.String({
      minLength: 1,
      maxLength: 32,
      pattern: '^[A-Za-z0-9_-]+$',
      examples: ['Xb3kQ9aZ1mPq'],
    }),
  }),
])
