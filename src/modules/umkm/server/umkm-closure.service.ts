import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { checkClosure } from '../domain/registry.ts'
import { assertCanEditUmkm } from './umkm.policy.ts'
import * as repo from './umkm.repository.ts'

/* Closing a business (tutup usaha) and reopening it. The business stays in the registry with its
   history; from the closing day on it is out of the list's default view and out of the counts. */

const closureOf = (row: repo.BusinessRow) => ({ closedOn: row.closedOn, closureReason: row.closureReason })

async function requireBusiness(tx: Tx, options: { city: CityRef; businessId: string }) {
  const found = await repo.findBusiness(tx, { cityId: options.city.id, publicId: options.businessId })
  if (!found) throw new AppError('umkm.business_not_found')
  return found.business
}

/**
 * The refusal for what a closed business can no longer do (join a programme, consign new goods),
 * next to the field that chose it.
 */
export function businessClosed(business: { name: string; closedOn: string | null }, field: string) {
  const params = { business: business.name, date: business.closedOn }
  return new AppError('umkm.business_closed', {
    params,
    details: [{ field, code: 'umkm.business_closed', params }],
  })
}

const alreadyClosed = (row: repo.BusinessRow) =>
  new AppError('umkm.business_already_closed', {
    params: { business: row.name, date: row.closedOn },
  })

const notClosed = (row: repo.BusinessRow) =>
  new AppError('umkm.business_not_closed', { params: { business: row.name } })

/**
 * Marks a business closed from `closedOn` (a day in the city's calendar, not after today, not before
 * it started) with the reason. Closing a closed business is a 409: reopen it first to change the date.
 */
export async function closeBusiness(
  context: ServiceContext,
  options: { city: CityRef; businessId: string; input: { closedOn: string; reason: string } },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: city.id })
  const today = cityToday(context, city)
  return runWrite(context, async (tx) => {
    const before = await requireBusiness(tx, options)
    if (before.closedOn !== null) throw alreadyClosed(before)
    const problems = checkClosure(before, input, today)
    if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
    const after = await repo.setClosure(tx, {
      cityId: city.id,
      id: before.id,
      wasClosed: false,
      closedOn: input.closedOn,
      reason: input.reason.trim(),
    })
    if (!after) throw alreadyClosed(before)
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_business.closed',
      entityType: 'umkm_business',
      entityId: before.publicId,
      before: closureOf(before),
      after: closureOf(after),
    })
    return { publicId: after.publicId }
  })
}

/** Reopens a closed business: it is in operation again and counts as if it had never closed. */
export async function reopenBusiness(
  context: ServiceContext,
  options: { city: CityRef; businessId: string },
) {
  const { city } = options
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: city.id })
  return runWrite(context, async (tx) => {
    const before = await requireBusiness(tx, options)
    if (before.closedOn === null) throw notClosed(before)
    const after = await repo.setClosure(tx, {
      cityId: city.id,
      id: before.id,
      wasClosed: true,
      closedOn: null,
      reason: null,
    })
    if (!after) throw notClosed(before)
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_business.reopened',
      entityType: 'umkm_business',
      entityId: before.publicId,
      before: closureOf(before),
      after: closureOf(after),
    })
    return { publicId: after.publicId }
  })
}
