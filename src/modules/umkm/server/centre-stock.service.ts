import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { isShelfable, type RemovalKind } from '../domain/centre.ts'
import { presentBatch, requireOutlet, requireProduct, who } from './centre.service.ts'
import * as repo from './centre-stock.repository.ts'
import { assertCanRunCentre } from './umkm.policy.ts'
import { businessClosed } from './umkm-closure.service.ts'

/** The shelves of the UMKM centre: consignment intake, the stock left, removals, counts and the public catalogue. */

export interface IntakeInput {
  outletId: string
  productId: string
  quantity: number
  unitPriceRupiah: number
  commissionBps: number
  receivedOn: string
  expiresOn?: string | null
  note?: string | null
}

/** Takes a batch onto the shelf. Only a product graded A–C may be consigned. */
export async function receiveConsignment(
  context: ServiceContext,
  options: { city: CityRef; input: IntakeInput },
) {
  const { city, input } = options
  assertCanRunCentre(context.access, who(context, city))
  const outlet = await requireOutlet(context, city, input.outletId, '/body/outletId')
  if (!outlet.isActive) throw fieldError('/body/outletId', 'centre.outlet_closed')
  const product = await requireProduct(context, city, input.productId, '/body/productId')
  // Stock already on the shelf may still be sold or returned; a closed business brings no new batch.
  if (product.businessClosedOn !== null) {
    throw businessClosed(
      { name: product.businessName, closedOn: product.businessClosedOn },
      '/body/productId',
    )
  }
  if (!isShelfable(product.grade)) {
    throw new AppError('centre.not_curated', {
      params: { product: product.product.name, grade: product.grade ?? '–' },
    })
  }
  const today = cityToday(context, city)
  if (input.receivedOn > today) throw fieldError('/body/receivedOn', 'centre.date_in_future')
  if (input.expiresOn && input.expiresOn <= input.receivedOn) {
    throw fieldError('/body/expiresOn', 'centre.expired_on_intake')
  }
  const batch = await runWrite(context, async (tx) => {
    const inserted = await repo.insertConsignment(tx, {
      cityId: city.id,
      outletId: outlet.id,
      productId: product.product.id,
      businessId: product.product.businessId,
      quantity: input.quantity,
      unitPriceRupiah: input.unitPriceRupiah,
      commissionBps: input.commissionBps,
      receivedOn: input.receivedOn,
      expiresOn: input.expiresOn ?? null,
      note: input.note?.trim() || null,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_consignment.received',
      entityType: 'umkm_consignment',
      entityId: inserted.publicId,
      after: { product: product.product.publicId, outlet: outlet.publicId, ...input },
    })
    return inserted
  })
  const row = await repo.findBatch(context.database.db, { cityId: city.id, publicId: batch.publicId })
  return presentBatch(row!, today)
}

export async function listStock(context: ServiceContext, options: { city: CityRef; outletId?: string }) {
  const { city } = options
  assertCanRunCentre(context.access, who(context, city))
  const outlet = options.outletId
    ? await requireOutlet(context, city, options.outletId, '/querystring/outletId')
    : undefined
  const rows = await repo.listStock(context.database.db, { cityId: city.id, outletId: outlet?.id })
  const today = cityToday(context, city)
  return rows.map((row) => presentBatch(row, today))
}

/** Takes stock off the shelf without a sale (returned, expired, damaged); never more than is left. */
export async function removeStock(
  context: ServiceContext,
  options: {
    city: CityRef
    batchId: string
    input: { kind: RemovalKind; quantity: number; removedOn: string; note?: string | null }
  },
) {
  const { city, input } = options
  assertCanRunCentre(context.access, who(context, city))
  const today = cityToday(context, city)
  if (input.removedOn > today) throw fieldError('/body/removedOn', 'centre.date_in_future')
  await runWrite(context, async (tx) => {
    const [batch] = await repo.lockBatches(tx, { cityId: city.id, publicIds: [options.batchId] })
    if (!batch) throw new AppError('centre.batch_not_found')
    if (input.quantity > batch.remaining) {
      throw fieldError('/body/quantity', 'centre.stock_short', {
        product: batch.productName,
        remaining: batch.remaining,
      })
    }
    const removal = await repo.insertRemoval(tx, {
      cityId: city.id,
      consignmentId: batch.batch.id,
      kind: input.kind,
      quantity: input.quantity,
      removedOn: input.removedOn,
      note: input.note?.trim() || null,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_consignment.stock_removed',
      entityType: 'umkm_consignment',
      entityId: batch.batch.publicId,
      before: { remaining: batch.remaining },
      after: { removal: removal.publicId, ...input, remaining: batch.remaining - input.quantity },
    })
  })
  const row = await repo.findBatch(context.database.db, { cityId: city.id, publicId: options.batchId })
  return presentBatch(row!, today)
}

/**
 * Stock opname for one batch: the clerk counts what is on the shelf. Fewer than the books say is
 * recorded as a removal of kind `shrinkage` for the difference; the same number writes nothing but
 * the check is audited; more than the books say is refused, since stock comes only from intake.
 */
export async function countStock(
  context: ServiceContext,
  options: {
    city: CityRef
    batchId: string
    input: { counted: number; countedOn?: string; note?: string | null }
  },
) {
  const { city, input } = options
  assertCanRunCentre(context.access, who(context, city))
  const today = cityToday(context, city)
  const countedOn = input.countedOn ?? today
  if (countedOn > today) throw fieldError('/body/countedOn', 'centre.date_in_future')
  const result = await runWrite(context, async (tx) => {
    const [batch] = await repo.lockBatches(tx, { cityId: city.id, publicIds: [options.batchId] })
    if (!batch) throw new AppError('centre.batch_not_found')
    const expected = batch.remaining
    if (input.counted > expected) {
      throw fieldError('/body/counted', 'centre.count_above_stock', {
        product: batch.productName,
        remaining: expected,
      })
    }
    const shrinkage = expected - input.counted
    const removal =
      shrinkage > 0
        ? await repo.insertRemoval(tx, {
            cityId: city.id,
            consignmentId: batch.batch.id,
            kind: 'shrinkage',
            quantity: shrinkage,
            removedOn: countedOn,
            note: input.note?.trim() || null,
            recordedBy: context.actor?.userId ?? null,
          })
        : null
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_consignment.counted',
      entityType: 'umkm_consignment',
      entityId: batch.batch.publicId,
      before: { remaining: expected },
      after: { counted: input.counted, countedOn, shrinkage, removal: removal?.publicId ?? null },
    })
    return { expected, counted: input.counted, shrinkage }
  })
  const row = await repo.findBatch(context.database.db, { cityId: city.id, publicId: options.batchId })
  return { ...result, batch: presentBatch(row!, today) }
}

/** The public catalogue: what is on the shelves, with no owner and no personal data. */
export async function publicCatalogue(context: ServiceContext, options: { city: CityRef }) {
  const rows = await repo.catalogue(context.database.db, { cityId: options.city.id })
  return rows.map((row) => ({
    id: row.productPublicId,
    name: row.productName,
    description: row.description,
    unit: row.unit,
    business: row.businessName,
    village: row.villageName,
    outlet: { id: row.outletPublicId, name: row.outletName, address: row.outletAddress },
    grade: row.grade,
    minPriceRupiah: row.minPriceRupiah,
    maxPriceRupiah: row.maxPriceRupiah,
    available: row.available,
  }))
}
