import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  CURATION_CRITERIA,
  type CurationScores,
  curationTotal,
  daysToExpiry,
  gradeOf,
  isShelfable,
  type RemovalKind,
  RUBRIC_VERSION,
} from '../domain/centre.ts'
import * as repo from './centre.repository.ts'
import { assertCanEditUmkm, assertCanReadUmkm, assertCanRunCentre } from './umkm.policy.ts'
import { findBusiness } from './umkm.repository.ts'

/** The UMKM centre: outlets, curated products, consignment intake and the stock on the shelves. */

export const who = (context: ServiceContext, city: CityRef) => ({ actor: context.actor!, cityId: city.id })

const presentOutlet = (row: repo.OutletRow) => ({
  id: row.publicId,
  name: row.name,
  address: row.address,
  isActive: row.isActive,
})

export async function listOutlets(context: ServiceContext, options: { city: CityRef }) {
  assertCanReadUmkm(context.access, who(context, options.city))
  return (await repo.listOutlets(context.database.db, { cityId: options.city.id })).map(presentOutlet)
}

export async function createOutlet(
  context: ServiceContext,
  options: { city: CityRef; input: { name: string; address?: string | null } },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertOutlet(tx, {
      cityId: city.id,
      name: input.name.trim(),
      address: input.address?.trim() || null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_outlet.created',
      entityType: 'umkm_outlet',
      entityId: inserted.publicId,
      after: presentOutlet(inserted),
    })
    return inserted
  })
  return presentOutlet(row)
}

export async function requireOutlet(context: ServiceContext, city: CityRef, outletId: string, field: string) {
  const outlet = await repo.findOutlet(context.database.db, { cityId: city.id, publicId: outletId })
  if (!outlet) throw fieldError(field, 'centre.outlet_not_found')
  return outlet
}

// --- products and curation -----------------------------------------------------------------------

type ProductWithBusiness = NonNullable<Awaited<ReturnType<typeof repo.findProduct>>>

const presentProduct = (row: ProductWithBusiness) => ({
  id: row.product.publicId,
  name: row.product.name,
  unit: row.product.unit,
  description: row.product.description,
  business: { id: row.businessPublicId, name: row.businessName },
  grade: row.grade,
  shelfable: isShelfable(row.grade),
})

const presentCuration = (row: repo.CurationRow) => ({
  id: row.publicId,
  rubricVersion: row.rubricVersion,
  scores: row.scores,
  total: row.total,
  grade: row.grade,
  assessedOn: row.assessedOn,
  note: row.note,
})

export async function listProducts(context: ServiceContext, options: { city: CityRef; businessId?: string }) {
  const { city } = options
  assertCanRunCentre(context.access, who(context, city))
  let businessId: number | undefined
  if (options.businessId) {
    const business = await findBusiness(context.database.db, {
      cityId: city.id,
      publicId: options.businessId,
    })
    if (!business) return []
    businessId = business.business.id
  }
  return (await repo.listProducts(context.database.db, { cityId: city.id, businessId })).map(presentProduct)
}

async function requireProduct(context: ServiceContext, city: CityRef, productId: string, field?: string) {
  const row = await repo.findProduct(context.database.db, { cityId: city.id, publicId: productId })
  if (!row)
    throw field ? fieldError(field, 'centre.product_not_found') : new AppError('centre.product_not_found')
  return row
}

export async function getProduct(context: ServiceContext, options: { city: CityRef; productId: string }) {
  const { city } = options
  assertCanRunCentre(context.access, who(context, city))
  const row = await requireProduct(context, city, options.productId)
  const db = context.database.db
  const [curations, stock] = await Promise.all([
    repo.listCurations(db, { cityId: city.id, productId: row.product.id }),
    repo.listStock(db, { cityId: city.id, productId: row.product.id }),
  ])
  const today = cityToday(context, city)
  return {
    ...presentProduct(row),
    curations: curations.map(presentCuration),
    batches: stock.map((batch) => presentBatch(batch, today)),
  }
}

export async function createProduct(
  context: ServiceContext,
  options: {
    city: CityRef
    input: { businessId: string; name: string; unit?: string; description?: string | null }
  },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const business = await findBusiness(context.database.db, { cityId: city.id, publicId: input.businessId })
  if (!business) throw fieldError('/body/businessId', 'umkm.business_not_found')
  try {
    const row = await runWrite(context, async (tx) => {
      const inserted = await repo.insertProduct(tx, {
        cityId: city.id,
        businessId: business.business.id,
        name: input.name.trim(),
        unit: input.unit?.trim() || 'pcs',
        description: input.description?.trim() || null,
      })
      await recordAudit(tx, context, {
        cityId: city.id,
        action: 'umkm_centre_product.created',
        entityType: 'umkm_centre_product',
        entityId: inserted.publicId,
        after: { name: inserted.name, unit: inserted.unit, business: business.business.publicId },
      })
      return inserted
    })
    return presentProduct({
      product: row,
      businessPublicId: business.business.publicId,
      businessName: business.business.name,
      grade: null,
    })
  } catch (error) {
    if (isUniqueViolation(error, 'umkm_centre_products_name_key')) {
      throw fieldError('/body/name', 'centre.product_taken')
    }
    throw error
  }
}

/** Scores a product on the rubric in force; the grade is computed, never typed in. */
export async function curateProduct(
  context: ServiceContext,
  options: {
    city: CityRef
    productId: string
    input: { scores: CurationScores; assessedOn: string; note?: string | null }
  },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const product = await requireProduct(context, city, options.productId)
  if (input.assessedOn > cityToday(context, city))
    throw fieldError('/body/assessedOn', 'centre.date_in_future')
  const scores = Object.fromEntries(CURATION_CRITERIA.map(({ code }) => [code, input.scores[code]]))
  const total = curationTotal(scores as CurationScores)
  const grade = gradeOf(total)
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertCuration(tx, {
      cityId: city.id,
      productId: product.product.id,
      rubricVersion: RUBRIC_VERSION,
      scores,
      total,
      grade,
      assessedOn: input.assessedOn,
      note: input.note?.trim() || null,
      assessedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_centre_product.curated',
      entityType: 'umkm_centre_product',
      entityId: product.product.publicId,
      before: { grade: product.grade },
      after: { rubricVersion: RUBRIC_VERSION, scores, total, grade },
    })
    return inserted
  })
  return presentCuration(row)
}

// --- consignment stock ---------------------------------------------------------------------------

export function presentBatch(row: repo.BatchRow, today: string) {
  return {
    id: row.batch.publicId,
    product: { id: row.productPublicId, name: row.productName, unit: row.unit },
    business: { id: row.businessPublicId, name: row.businessName },
    outlet: { id: row.outletPublicId, name: row.outletName },
    grade: row.grade,
    quantity: row.batch.quantity,
    sold: row.sold,
    removed: row.removed,
    remaining: row.remaining,
    unitPriceRupiah: row.batch.unitPriceRupiah,
    commissionBps: row.batch.commissionBps,
    receivedOn: row.batch.receivedOn,
    expiresOn: row.batch.expiresOn,
    daysToExpiry: daysToExpiry(row.batch.expiresOn, today),
  }
}

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
