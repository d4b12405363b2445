import { maskName } from '../../../platform/domain/personal-data.ts'
import { can } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { collectionRate, type ExpenseCategory, isMonth } from '../domain/fees.ts'
import * as facilitiesRepo from './facilities.repository.ts'
import * as repo from './fees.repository.ts'
import { assertCanReadWaste } from './waste.policy.ts'

interface FacilityTarget {
  city: CityRef
  facilityId: string
}

async function loadFacility(context: ServiceContext, target: FacilityTarget) {
  const found = await facilitiesRepo.findFacility(context.database.db, {
    cityId: target.city.id,
    publicId: target.facilityId,
  })
  if (!found) throw new AppError('facility.not_found')
  return found.facility
}

function canManageFees(context: ServiceContext, target: FacilityTarget): boolean {
  return can(context.access, {
    actor: context.actor!,
    cityId: target.city.id,
    permission: 'waste_fees:write',
    scope: { kind: 'facility', id: target.facilityId },
  })
}

function assertCanManageFees(context: ServiceContext, target: FacilityTarget): void {
  if (!canManageFees(context, target)) throw new AppError('auth.forbidden')
}

/** The head of household's name only for those who collect the fee; initials for everyone else. */
function presentHousehold(row: repo.HouseholdRow, showNames: boolean) {
  return {
    id: row.publicId,
    label: row.label,
    headName: showNames ? row.headName : maskName(row.headName),
    monthlyFeeRupiah: row.monthlyFeeRupiah,
    isActive: row.isActive,
  }
}

export async function listHouseholds(context: ServiceContext, target: FacilityTarget) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: target.city.id })
  const facility = await loadFacility(context, target)
  const rows = await repo.listHouseholds(context.database.db, {
    cityId: target.city.id,
    facilityId: facility.id,
  })
  const showNames = canManageFees(context, target)
  return rows.map((row) => presentHousehold(row, showNames))
}

export async function addHousehold(
  context: ServiceContext,
  target: FacilityTarget & { input: { label: string; headName?: string | null; monthlyFeeRupiah: number } },
) {
  assertCanManageFees(context, target)
  const facility = await loadFacility(context, target)
  try {
    const row = await runWrite(context, async (tx) => {
      const inserted = await repo.insertHousehold(tx, {
        cityId: target.city.id,
        facilityId: facility.id,
        label: target.input.label.trim(),
        headName: target.input.headName?.trim() || null,
        monthlyFeeRupiah: target.input.monthlyFeeRupiah,
      })
      await recordAudit(tx, context, {
        cityId: target.city.id,
        action: 'waste_household.created',
        entityType: 'waste_household',
        entityId: inserted.publicId,
        after: {
          facility: target.facilityId,
          label: inserted.label,
          monthlyFeeRupiah: inserted.monthlyFeeRupiah,
        },
      })
      return inserted
    })
    return presentHousehold(row, true)
  } catch (error) {
    if (isUniqueViolation(error, 'waste_households_label_key')) {
      throw new AppError('household.label_taken', { params: { label: target.input.label } })
    }
    throw error
  }
}

function assertMonth(period: string): void {
  if (!isMonth(period)) {
    throw new AppError('validation.failed', {
      details: [{ field: '/params/period', code: 'validation.pattern' }],
    })
  }
}

/** The month's fee of every active household: what is charged, what is paid, and the rate. */
export async function monthFees(context: ServiceContext, target: FacilityTarget & { period: string }) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: target.city.id })
  assertMonth(target.period)
  const facility = await loadFacility(context, target)
  const rows = await repo.listCharges(context.database.db, {
    cityId: target.city.id,
    facilityId: facility.id,
    period: target.period,
  })
  const showNames = canManageFees(context, target)
  const lines = rows
    .filter((row) => row.household.isActive || row.charge !== null)
    .map((row) => ({
      household: presentHousehold(row.household, showNames),
      amountRupiah: row.charge?.amountRupiah ?? row.household.monthlyFeeRupiah,
      paidOn: row.charge?.paidOn ?? null,
    }))
  return { period: target.period, lines, summary: collectionRate(lines) }
}

export async function recordFee(
  context: ServiceContext,
  target: FacilityTarget & {
    period: string
    householdId: string
    input: { paid: boolean; paidOn?: string; amountRupiah?: number }
  },
) {
  assertCanManageFees(context, target)
  assertMonth(target.period)
  const facility = await loadFacility(context, target)
  const today = cityToday(context, target.city)
  const paidOn = target.input.paid ? (target.input.paidOn ?? today) : null
  if (paidOn && paidOn > today) {
    throw new AppError('validation.failed', {
      details: [{ field: '/body/paidOn', code: 'flow.date_in_future' }],
    })
  }
  return runWrite(context, async (tx) => {
    const household = await repo.findHousehold(tx, {
      cityId: target.city.id,
      facilityId: facility.id,
      publicId: target.householdId,
    })
    if (!household) throw new AppError('household.not_found')
    const before = await repo.findCharge(tx, {
      cityId: target.city.id,
      householdId: household.id,
      period: target.period,
    })
    const charge = await repo.upsertCharge(tx, {
      cityId: target.city.id,
      householdId: household.id,
      period: target.period,
      amountRupiah: target.input.amountRupiah ?? before?.amountRupiah ?? household.monthlyFeeRupiah,
      paidOn,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: target.city.id,
      action: 'waste_fee.recorded',
      entityType: 'waste_household',
      entityId: household.publicId,
      before: before
        ? { period: before.period, amountRupiah: before.amountRupiah, paidOn: before.paidOn }
        : undefined,
      after: { period: charge.period, amountRupiah: charge.amountRupiah, paidOn: charge.paidOn },
    })
    return {
      household: presentHousehold(household, true),
      amountRupiah: charge.amountRupiah,
      paidOn: charge.paidOn,
    }
  })
}

function presentExpense(row: repo.ExpenseRow) {
  return {
    id: row.publicId,
    spentOn: row.spentOn,
    category: row.category,
    amountRupiah: row.amountRupiah,
    note: row.note,
    isVoided: row.voidedAt !== null,
  }
}

export async function listExpenses(
  context: ServiceContext,
  target: FacilityTarget & { from?: string; to?: string },
) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: target.city.id })
  const facility = await loadFacility(context, target)
  const rows = await repo.listExpenses(context.database.db, {
    cityId: target.city.id,
    facilityId: facility.id,
    from: target.from,
    to: target.to,
  })
  const items = rows.map(presentExpense)
  return {
    items,
    totalRupiah: items.filter((item) => !item.isVoided).reduce((sum, item) => sum + item.amountRupiah, 0),
  }
}

export async function recordExpense(
  context: ServiceContext,
  target: FacilityTarget & {
    input: { spentOn?: string; category: ExpenseCategory; amountRupiah: number; note?: string | null }
  },
) {
  assertCanManageFees(context, target)
  const facility = await loadFacility(context, target)
  const today = cityToday(context, target.city)
  const spentOn = target.input.spentOn ?? today
  if (spentOn > today)
    throw new AppError('validation.failed', {
      details: [{ field: '/body/spentOn', code: 'flow.date_in_future' }],
    })
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertExpense(tx, {
      cityId: target.city.id,
      facilityId: facility.id,
      spentOn,
      category: target.input.category,
      amountRupiah: target.input.amountRupiah,
      note: target.input.note?.trim() || null,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: target.city.id,
      action: 'waste_expense.recorded',
      entityType: 'waste_expense',
      entityId: inserted.publicId,
      after: presentExpense(inserted),
    })
    return inserted
  })
  return presentExpense(row)
}

export async function voidExpense(context: ServiceContext, target: FacilityTarget & { expenseId: string }) {
  assertCanManageFees(context, target)
  const facility = await loadFacility(context, target)
  const row = await runWrite(context, async (tx) => {
    const voided = await repo.voidExpense(tx, {
      cityId: target.city.id,
      facilityId: facility.id,
      publicId: target.expenseId,
    })
    if (!voided) throw new AppError('expense.not_found')
    await recordAudit(tx, context, {
      cityId: target.city.id,
      action: 'waste_expense.voided',
      entityType: 'waste_expense',
      entityId: voided.publicId,
      before: { isVoided: false },
      after: { isVoided: true },
    })
    return voided
  })
  return presentExpense(row)
}
