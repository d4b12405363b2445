import Type from 'typebox'
import { IsoDateSchema, Nullable, ProblemSchema } from '../../../platform/server/http/schemas.ts'
import { GRADES } from '../domain/centre.ts'

/** What the UMKM centre's route files share: the tag, the error responses, and a batch on the shelf. */

export const tags = ['umkm centre']
export const errors = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
}
export const Ref = Type.Object({ id: Type.String(), name: Type.String() })
export const Grade = Nullable(Type.Enum(GRADES))

export const BatchSchema = Type.Object({
  id: Type.String(),
  product: Type.Object({ id: Type.String(), name: Type.String(), unit: Type.String() }),
  business: Ref,
  outlet: Ref,
  grade: Grade,
  quantity: Type.Integer(),
  sold: Type.Integer(),
  removed: Type.Integer(),
  remaining: Type.Integer(),
  unitPriceRupiah: Type.Integer(),
  commissionBps: Type.Integer(),
  receivedOn: IsoDateSchema,
  expiresOn: Nullable(IsoDateSchema),
  daysToExpiry: Nullable(Type.Integer()),
})
