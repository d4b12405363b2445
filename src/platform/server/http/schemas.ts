import Type, { type Static, type TSchema } from 'typebox'

/** RFC 9457 problem document; `code` is stable and translated by clients. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable error code, e.g. `city.inactive`' }),
    detail: Type.String({ description: "Message in the request's language (Accept-Language: id or en)" }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'JSON pointer, e.g. /body/username' }),
          code: Type.String(),
          message: Type.String(),
        }),
      ),
    ),
  },
  { additionalProperties: true, title: 'Problem' },
)
export type Problem = Static<typeof ProblemSchema>

export const MAX_PAGE_SIZE = 100

export const PageQuerySchema = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 }),
})
export type PageQuery = Static<typeof PageQuerySchema>

export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  })
}

export function CursorPageSchema<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page',
    }),
  })
}

export const CityParamsSchema = Type.Object({
  city: Type.String({
    minLength: 1,
    maxLength: 80,
    description: 'Kemendagri code (`35.79`) or slug (`kota-batu`)',
  }),
})

export const PublicIdSchema = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })

/** A body schema that refuses unknown fields: a mistyped field must not be silently dropped. */
export function BodySchema<T extends Parameters<typeof Type.Object>[0]>(properties: T) {
  return Type.Object(properties, { additionalProperties: false })
}

export const IsoDateTimeSchema = Type.String({ format: 'date-time' })
export const IsoDateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' })

/** `T | null`: a field that is present but may be empty. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()])
}
