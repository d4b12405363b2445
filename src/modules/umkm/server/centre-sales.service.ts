import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  commissionOf,
  isMonthOver,
  MONTH_PATTERN,
  monthBounds,
  type PaymentMethod,
  settlementTotals,
} from '../domain/centre.ts'
import { requireOutlet, who } from './centre.service.ts'
import * as repo from './centre-sales.repository.ts'
import * as stockRepo from './centre-stock.repository.ts'
import { assertCanEditUmkm, assertCanRunCentre } from './umkm.policy.ts'
import { findBusiness } from './umkm.repository.ts'

/** The counter and the monthly settlement: sales drawn from consignment batches, paid to producers once a month. */

export interface SaleInput {
  outletId: string
  paymentMethod: PaymentMethod
  paymentReference?: string | null
  lines: { batchId: string; quantity: number }[]
}

/**
 * Records a sale at the counter. Each line draws on one batch at the batch's price; the batches
 * are locked first, so two clerks selling the last jar at once cannot both succeed.
 */
export async function recordSale(context: ServiceContext, options: { city: CityRef; input: SaleInput }) {
  const { city, input } = options
  assertCanRunCentre(context.access, who(context, city))
  const outlet = await requireOutlet(context, city, input.outletId, '/body/outletId')
  if (!outlet.isActive) throw fieldError('/body/outletId', 'centre.outlet_closed_sale')
  const reference = input.paymentReference?.trim() || null
  if (input.paymentMethod === 'qris' && !reference) {
    throw fieldError('/body/paymentReference', 'centre.qris_reference_required')
  }
  const seen = new Set<string>()
  input.lines.forEach((line, index) => {
    if (seen.has(line.batchId)) throw fieldError(`/body/lines/${index}/batchId`, 'centre.batch_repeated')
    seen.add(line.batchId)
  })
  const soldOn = cityToday(context, city)
  const result = await runWrite(context, async (tx) => {
    const locked = await stockRepo.lockBatches(tx, { cityId: city.id, publicIds: [...seen] })
    const byId = new Map(locked.map((batch) => [batch.batch.publicId, batch]))
    const problems: FieldProblem[] = []
    const lines = input.lines.map((line, index) => {
      const batch = byId.get(line.batchId)
      if (!batch || batch.batch.outletId !== outlet.id) {
        problems.push({ field: `/body/lines/${index}/batchId`, code: 'centre.batch_not_found', params: {} })
        return null
      }
      if (line.quantity > batch.remaining) {
        problems.push({
          field: `/body/lines/${index}/quantity`,
          code: 'centre.stock_short',
          params: { product: batch.productName, remaining: batch.remaining },
        })
        return null
      }
      const amountRupiah = batch.batch.unitPriceRupiah * line.quantity
      return {
        batch,
        row: {
          cityId: city.id,
          consignmentId: batch.batch.id,
          businessId: batch.batch.businessId,
          soldOn,
          quantity: line.quantity,
          unitPriceRupiah: batch.batch.unitPriceRupiah,
          amountRupiah,
          commissionRupiah: commissionOf(amountRupiah, batch.batch.commissionBps),
        },
      }
    })
    if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
    const accepted = lines.filter((line) => line !== null)
    const totalRupiah = accepted.reduce((sum, line) => sum + line.row.amountRupiah, 0)
    const sale = await repo.insertSale(
      tx,
      {
        cityId: city.id,
        outletId: outlet.id,
        soldOn,
        paymentMethod: input.paymentMethod,
        paymentReference: reference,
        totalRupiah,
        recordedBy: context.actor?.userId ?? null,
      },
      accepted.map((line) => line.row),
    )
    const receipt = {
      id: sale.publicId,
      outlet: { id: outlet.publicId, name: outlet.name },
      soldAt: sale.soldAt.toISOString(),
      soldOn,
      paymentMethod: sale.paymentMethod,
      paymentReference: sale.paymentReference,
      totalRupiah,
      lines: accepted.map(({ batch, row }) => ({
        batchId: batch.batch.publicId,
        product: batch.productName,
        unit: batch.unit,
        business: batch.businessName,
        quantity: row.quantity,
        unitPriceRupiah: row.unitPriceRupiah,
        amountRupiah: row.amountRupiah,
      })),
      voided: null,
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_centre_sale.recorded',
      entityType: 'umkm_centre_sale',
      entityId: sale.publicId,
      after: receipt,
    })
    return receipt
  })
  return result
}

type SaleWithOutlet = NonNullable<Awaited<ReturnType<typeof repo.findSale>>>

/** The struk of a sale: the same shape the counter got when the sale was recorded, and whether it was voided. */
function presentReceipt(row: SaleWithOutlet, lines: Awaited<ReturnType<typeof repo.listLinesOfSale>>) {
  const { sale } = row
  return {
    id: sale.publicId,
    outlet: { id: row.outletPublicId, name: row.outletName },
    soldAt: sale.soldAt.toISOString(),
    soldOn: sale.soldOn,
    paymentMethod: sale.paymentMethod,
    paymentReference: sale.paymentReference,
    totalRupiah: sale.totalRupiah,
    lines: lines.map((line) => ({
      batchId: line.batchPublicId,
      product: line.productName,
      unit: line.unit,
      business: line.businessName,
      quantity: line.line.quantity,
      unitPriceRupiah: line.line.unitPriceRupiah,
      amountRupiah: line.line.amountRupiah,
    })),
    voided: sale.voidedAt
      ? { at: sale.voidedAt.toISOString(), by: row.voidedByName, reason: sale.voidReason ?? '' }
      : null,
  }
}

async function readReceipt(context: ServiceContext, city: CityRef, saleId: string) {
  const db = context.database.db
  const row = await repo.findSale(db, { cityId: city.id, publicId: saleId })
  if (!row) throw new AppError('centre.sale_not_found')
  return presentReceipt(row, await repo.listLinesOfSale(db, { cityId: city.id, saleId: row.sale.id }))
}

/** One sale with its lines, to reprint its struk after the page was reloaded. */
export async function getSale(context: ServiceContext, options: { city: CityRef; saleId: string }) {
  assertCanRunCentre(context.access, who(context, options.city))
  return readReceipt(context, options.city, options.saleId)
}

export const VOID_REASON_MIN = 3
export const VOID_REASON_MAX = 300

/**
 * Voids a sale made in error. The sale stays, marked with who voided it, when and why; its lines
 * stop counting toward stock, the till and the monthly statement. Refused once any producer in the
 * sale has been settled for the sale's month. The sale row is locked (a second void waits, then
 * finds it voided), then the producers' settlement locks that settleMonth also takes, so a void and
 * a settlement of the same month queue: whichever commits first, the other sees it.
 */
export async function voidSale(
  context: ServiceContext,
  options: { city: CityRef; saleId: string; input: { reason: string } },
) {
  const { city } = options
  assertCanRunCentre(context.access, who(context, city))
  const reason = options.input.reason.trim().replace(/\s+/g, ' ')
  if (reason.length < VOID_REASON_MIN || reason.length > VOID_REASON_MAX) {
    throw fieldError('/body/reason', 'centre.void_reason_invalid', {
      min: VOID_REASON_MIN,
      max: VOID_REASON_MAX,
    })
  }
  await runWrite(context, async (tx) => {
    const row = await repo.findSale(tx, { cityId: city.id, publicId: options.saleId, lock: true })
    if (!row) throw new AppError('centre.sale_not_found')
    if (row.sale.voidedAt) {
      throw new AppError('centre.sale_voided', {
        params: { reason: row.sale.voidReason ?? '' },
      })
    }
    const lines = await repo.listLinesOfSale(tx, { cityId: city.id, saleId: row.sale.id })
    const businessIds = lines.map((line) => line.line.businessId)
    await repo.lockSettlementOf(tx, { businessIds })
    const month = row.sale.soldOn.slice(0, 7)
    const [settled] = await repo.listSettlements(tx, { cityId: city.id, month, businessIds })
    if (settled) {
      const business = lines.find((line) => line.line.businessId === settled.businessId)?.businessName ?? ''
      throw new AppError('centre.sale_month_settled', { params: { month, business } })
    }
    // The batches too, in the order a sale and a stock count lock them: a count never reads a
    // remaining that a void is about to change.
    await stockRepo.lockBatches(tx, { cityId: city.id, publicIds: lines.map((line) => line.batchPublicId) })
    const voided = await repo.markSaleVoid(tx, {
      saleId: row.sale.id,
      voidedAt: context.clock(),
      voidedBy: context.actor?.userId ?? null,
      reason,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_centre_sale.voided',
      entityType: 'umkm_centre_sale',
      entityId: voided.publicId,
      before: { totalRupiah: row.sale.totalRupiah, soldOn: row.sale.soldOn, voided: false },
      after: { voided: true, reason, voidedAt: voided.voidedAt?.toISOString() },
    })
  })
  return readReceipt(context, city, options.saleId)
}

/** The day at the counter: each sale, and the totals by payment method to close the till against. */
export async function daySales(
  context: ServiceContext,
  options: { city: CityRef; day?: string; outletId?: string },
) {
  const { city } = options
  assertCanRunCentre(context.access, who(context, city))
  const day = options.day ?? cityToday(context, city)
  const outlet = options.outletId
    ? await requireOutlet(context, city, options.outletId, '/querystring/outletId')
    : undefined
  const db = context.database.db
  const scope = { cityId: city.id, day, outletId: outlet?.id }
  const [sales, lines] = await Promise.all([
    repo.listSalesOfDay(db, scope),
    repo.listSaleLinesOfDay(db, scope),
  ])
  // A voided sale is listed (marked) but the till does not count it.
  const totals = { cash: 0, qris: 0 }
  for (const sale of sales) if (!sale.voidedAt) totals[sale.paymentMethod] += sale.totalRupiah
  return {
    day,
    totals: { ...totals, allRupiah: totals.cash + totals.qris },
    sales: sales.map((sale) => ({
      id: sale.publicId,
      soldAt: sale.soldAt.toISOString(),
      paymentMethod: sale.paymentMethod,
      paymentReference: sale.paymentReference,
      totalRupiah: sale.totalRupiah,
      voided: sale.voidedAt !== null,
      lines: lines
        .filter((line) => line.saleId === sale.id)
        .map((line) => ({
          product: line.productName,
          unit: line.unit,
          quantity: line.quantity,
          unitPriceRupiah: line.unitPriceRupiah,
          amountRupiah: line.amountRupiah,
        })),
    })),
  }
}

function requireMonth(month: string, field: string) {
  if (!MONTH_PATTERN.test(month)) throw fieldError(field, 'centre.month_invalid')
  return monthBounds(month)
}

async function requireBusiness(context: ServiceContext, city: CityRef, businessId: string, field: string) {
  const found = await findBusiness(context.database.db, { cityId: city.id, publicId: businessId })
  if (!found) throw fieldError(field, 'umkm.business_not_found')
  return found.business
}

const presentSettlement = (row: repo.SettlementRow) => ({
  id: row.publicId,
  month: row.month,
  quantity: row.quantity,
  grossRupiah: row.grossRupiah,
  commissionRupiah: row.commissionRupiah,
  payableRupiah: row.payableRupiah,
  settledAt: row.createdAt.toISOString(),
})

/** The month's statements: per business, what sold, the commission, what is owed, and whether it is settled. */
export async function monthStatements(context: ServiceContext, options: { city: CityRef; month: string }) {
  const { city, month } = options
  assertCanRunCentre(context.access, who(context, city))
  const { from, to } = requireMonth(month, '/params/month')
  const db = context.database.db
  const [totals, settlements] = await Promise.all([
    repo.monthTotalsByBusiness(db, { cityId: city.id, from, to }),
    repo.listSettlements(db, { cityId: city.id, month }),
  ])
  const settledBy = new Map(settlements.map((row) => [row.businessId, row]))
  return {
    month,
    canSettle: isMonthOver(month, cityToday(context, city)),
    businesses: totals.map((row) => {
      const settlement = settledBy.get(row.businessId)
      return {
        business: { id: row.businessPublicId, name: row.businessName },
        quantity: row.quantity,
        grossRupiah: row.grossRupiah,
        commissionRupiah: row.commissionRupiah,
        payableRupiah: row.grossRupiah - row.commissionRupiah,
        settlement: settlement ? presentSettlement(settlement) : null,
      }
    }),
  }
}

/** One producer's monthly statement: every sale line of the month, its totals and the settlement if made. */
export async function businessStatement(
  context: ServiceContext,
  options: { city: CityRef; month: string; businessId: string },
) {
  const { city, month } = options
  assertCanRunCentre(context.access, who(context, city))
  const { from, to } = requireMonth(month, '/params/month')
  const business = await requireBusiness(context, city, options.businessId, '/params/businessId')
  const db = context.database.db
  const [lines, [settlement]] = await Promise.all([
    repo.listStatementLines(db, { cityId: city.id, businessId: business.id, from, to }),
    repo.listSettlements(db, { cityId: city.id, month, businessId: business.id }),
  ])
  return {
    month,
    business: { id: business.publicId, name: business.name },
    canSettle: isMonthOver(month, cityToday(context, city)) && !settlement,
    lines: lines.map((line) => ({
      saleId: line.salePublicId,
      soldOn: line.soldOn,
      outlet: line.outletName,
      product: line.productName,
      unit: line.unit,
      paymentMethod: line.paymentMethod,
      quantity: line.quantity,
      unitPriceRupiah: line.unitPriceRupiah,
      amountRupiah: line.amountRupiah,
      commissionRupiah: line.commissionRupiah,
    })),
    totals: settlementTotals(lines),
    settlement: settlement ? presentSettlement(settlement) : null,
  }
}

/**
 * Settles a producer's month: once the month is over in the city's time, and only once. The
 * settlement keeps the totals of the statement it was made from; the month's lines cannot change
 * afterwards because a sale is always dated today and a void is refused once the month is settled.
 */
export async function settleMonth(
  context: ServiceContext,
  options: { city: CityRef; input: { businessId: string; month: string } },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const { from, to } = requireMonth(input.month, '/body/month')
  if (!isMonthOver(input.month, cityToday(context, city))) {
    throw fieldError('/body/month', 'centre.month_not_over', { month: input.month })
  }
  const business = await requireBusiness(context, city, input.businessId, '/body/businessId')
  try {
    const row = await runWrite(context, async (tx) => {
      // The same lock a void takes: once it is held, no void of this producer's month is in flight.
      await repo.lockSettlementOf(tx, { businessIds: [business.id] })
      const lines = await repo.listStatementLines(tx, { cityId: city.id, businessId: business.id, from, to })
      const totals = settlementTotals(lines)
      const inserted = await repo.insertSettlement(tx, {
        cityId: city.id,
        businessId: business.id,
        month: input.month,
        ...totals,
        settledBy: context.actor?.userId ?? null,
      })
      await recordAudit(tx, context, {
        cityId: city.id,
        action: 'umkm_settlement.made',
        entityType: 'umkm_settlement',
        entityId: inserted.publicId,
        after: { business: business.publicId, month: input.month, ...totals },
      })
      return inserted
    })
    return presentSettlement(row)
  } catch (error) {
    if (isUniqueViolation(error, 'umkm_settlements_month_key')) {
      throw new AppError('centre.month_settled', { params: { month: input.month, business: business.name } })
    }
    throw error
  }
}
