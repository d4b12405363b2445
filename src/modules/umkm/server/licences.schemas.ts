import Type from 'typebox'
import {
  BodySchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PageQuerySchema,
  PageSchema,
} from '../../../platform/server/http/schemas.ts'
import { LICENCE_KINDS } from '../domain/licences.ts'
import { REMINDER_CHANNELS } from '../domain/reminders.ts'
import { BusinessParamsSchema } from './umkm.schemas.ts'

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const LicenceKindSchema = Type.Enum(LICENCE_KINDS, {
  description: 'nib (OSS-RBA), pirt (SPP-IRT), halal, bpom_md, bpom_ml, sni, merek',
})

export const LicenceSchema = Type.Object({
  id: Type.String(),
  kind: LicenceKindSchema,
  number: Type.String(),
  issuer: nullable(Type.String()),
  issuedOn: nullable(IsoDateSchema),
  expiresOn: nullable(IsoDateSchema),
  isSampleData: Type.Boolean(),
})

const NumberSchema = Type.String({ minLength: 1, maxLength: 80, examples: ['P-IRT 2063579010001-28'] })
const IssuerSchema = nullable(Type.String({ maxLength: 160, examples: ['Dinas Kesehatan Kota Batu'] }))

export const CreateLicenceBodySchema = BodySchema({
  kind: LicenceKindSchema,
  number: NumberSchema,
  issuer: Type.Optional(IssuerSchema),
  issuedOn: Type.Optional(nullable(IsoDateSchema)),
  expiresOn: Type.Optional(nullable(IsoDateSchema)),
})

export const UpdateLicenceBodySchema = BodySchema({
  kind: Type.Optional(LicenceKindSchema),
  number: Type.Optional(NumberSchema),
  issuer: Type.Optional(IssuerSchema),
  issuedOn: Type.Optional(nullable(IsoDateSchema)),
  expiresOn: Type.Optional(nullable(IsoDateSchema)),
})

export const LicenceParamsSchema = Type.Intersect([
  BusinessParamsSchema,
  Type.Object({
    licenceId: Type.String({
      minLength: 1,
      maxLength: 32,
      pattern: '^[A-Za-z0-9_-]+$',
      examples: ['Lc7kQ9aZ1mPq'],
    }),
  }),
])

export const ExpiringQuerySchema = Type.Intersect([
  PageQuerySchema,
  Type.Object({
    days: Type.Integer({ minimum: 1, maximum: 730, default: 90, description: 'Window in days from today' }),
    includeExpired: Type.Boolean({
      default: false,
      description: 'Also licences that lapsed within the same number of days before today',
    }),
    notReminded: Type.Boolean({
      default: false,
      description: 'Only licences whose owner nobody has reminded about the current expiry date',
    }),
  }),
])

export const ReminderChannelSchema = Type.Enum(REMINDER_CHANNELS, {
  description: 'whatsapp (a chat opened from the list), phone, letter, in_person',
})

export const ReminderBodySchema = BodySchema({
  channel: ReminderChannelSchema,
  note: Type.Optional(nullable(Type.String({ maxLength: 300 }))),
})

export const ReminderSchema = Type.Object({
  id: Type.String(),
  channel: ReminderChannelSchema,
  expiresOn: IsoDateSchema,
  note: nullable(Type.String()),
  sentAt: IsoDateTimeSchema,
  sentBy: nullable(Type.String({ description: 'Display name of the member of staff' })),
})

export const ExpiringPageSchema = Type.Intersect([
  PageSchema(
    Type.Object({
      licence: LicenceSchema,
      business: Type.Object({ id: Type.String(), name: Type.String() }),
      daysLeft: Type.Integer({ description: 'Negative once expired' }),
      owner: Type.Object({
        name: Type.String(),
        phone: nullable(Type.String({ description: 'Masked unless the reader may see personal data' })),
      }),
      whatsappUrl: nullable(
        Type.String({
          description: 'wa.me chat with the reminder written; null without a mobile number or when masked',
        }),
      ),
      reminders: Type.Object({
        count: Type.Integer({ description: 'Reminders about the current expiry date' }),
        last: nullable(ReminderSchema),
      }),
    }),
  ),
  Type.Object({ today: IsoDateSchema, personalDataMasked: Type.Boolean() }),
])
