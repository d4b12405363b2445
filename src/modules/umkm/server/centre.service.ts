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
  RUBRIC_VERSION,
} from '../domain/centre.ts'
import * as repo from './centre.repository.ts'
import * as stockRepo from './centre-stock.repository.ts'
import { assertCanEditUmkm, assertCanReadUmkm, assertCanRunCentre } from './umkm.policy.ts'
import { findBusiness } from './umkm.repository.ts'

/**
 * The UMKM centre's setup: outlets and curated products. The shelves (consignments, stock, the
 * public catalogue) are in centre-stock.service.ts; the counter and settlements in centre-sales.service.ts.
 */

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

export interface OutletPatch {
  name?: string
  address?: string | null
  isActive?: boolean
}

/**
 * Edits an outlet, or closes and reopens it (`isActive`). A closed outlet takes in and sells
 * nothing; its stock stays, to be returned or counted, and staff still see it, marked closed.
 */
export async function updateOutlet(
  context: ServiceContext,
  options: { city: CityRef; outletId: string; input: OutletPatch },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const values: OutletPatch = {}
  if (input.name !== undefined) {
    const name = input.name.trim()
    if (name.length < 2) throw fieldError('/body/name', 'centre.outlet_name_required')
    values.name = name
  }
  if (input.address !== undefined) values.address = input.address?.trim() || null
  if (input.isActive !== undefined) values.isActive = input.isActive
  const row = await runWrite(context, async (tx) => {
    const outlet = await repo.lockOutlet(tx, { cityId: city.id, publicId: options.outletId })
    if (!outlet) throw new AppError('centre.outlet_not_found')
    const updated = await repo.updateOutlet(tx, { id: outlet.id, values })
    const action =
      values.isActive === undefined || values.isActive === outlet.isActive
        ? 'umkm_outlet.updated'
        : values.isActive
          ? 'umkm_outlet.reopened'
          : 'umkm_outlet.closed'
    await recordAudit(tx, context, {
      cityId: city.id,
      action,
      entityType: 'umkm_outlet',
      entityId: outlet.publicId,
      before: presentOutlet(outlet),
      after: presentOutlet(updated),
    })
    return updated
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

export async function listProducts(
  context: ServiceContext,
  options: { city: CityRef; businessId?: string; q?: string; shelfable?: boolean },
) {
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
  const rows = await repo.listProducts(context.database.db, {
    cityId: city.id,
    businessId,
    q: options.q?.trim() || undefined,
    shelfable: options.shelfable,
  })
  return rows.map(presentProduct)
}

export async function requireProduct(
  context: ServiceContext,
  city: CityRef,
  productId: string,
  field?: string,
) {
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
    stockRepo.listStock(db, { cityId: city.id, productId: row.product.id }),
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
      businessClosedOn: business.business.closedOn,
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

// --- batches, as a product and the shelves show them ---------------------------------------------

export function presentBatch(row: stockRepo.BatchRow, today: string) {
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
