import { maskName, maskNik } from '../../../platform/domain/personal-data.ts'
import { can } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { findVillageOfCity } from '../../../platform/server/tenancy/cities.repository.ts'
import { getFacility, type SubMaterial } from '../../waste/index.ts'
import { isBankKind } from '../domain/bank.ts'
import { formatMemberNumber } from '../domain/member.ts'
import * as repo from './bank-sampah.repository.ts'

export interface BankTarget {
  city: CityRef
  bankId: string
}

/** The bank is a facility of kind bank sampah unit or induk, in this city. */
export async function loadBank(context: ServiceContext, target: BankTarget) {
  const found = await getFacility(context, { city: target.city, facilityId: target.bankId })
  if (!isBankKind(found.facility.kind)) throw new AppError('bank.not_a_bank')
  return {
    cityId: target.city.id,
    bankFacilityId: found.facility.id,
    // A unit's induk: its prices apply to whatever the unit does not price itself.
    parentFacilityId: found.facility.kind === 'bank_sampah_unit' ? (found.facility.parentId ?? null) : null,
    facility: found.facility,
    parent: found.parent,
  }
}

export function mayTell(context: ServiceContext, target: BankTarget): boolean {
  return can(context.access, {
    actor: context.actor!,
    cityId: target.city.id,
    permission: 'bank_sampah:write',
    scope: { kind: 'facility', id: target.bankId },
  })
}

/** A teller of one bank cannot post to another: the grant is narrowed to the bank facility. */
export function assertTeller(context: ServiceContext, target: BankTarget): void {
  if (!mayTell(context, target)) throw new AppError('auth.forbidden')
}

export function presentNasabah(row: repo.NasabahRow, showPersonalData: boolean) {
  return {
    id: row.publicId,
    memberNumber: formatMemberNumber(row.id),
    kind: row.kind,
    name: showPersonalData ? row.name : (maskName(row.name) ?? ''),
    nik: showPersonalData ? row.nik : maskNik(row.nik),
    phone: showPersonalData ? row.phone : row.phone ? `${row.phone.slice(0, 4)}****` : null,
    villageCode: row.villageCode,
    rt: row.rt,
    rw: row.rw,
  }
}

export async function createNasabah(
  context: ServiceContext,
  target: BankTarget & {
    input: {
      kind: repo.NasabahRow['kind']
      name: string
      nik?: string | null
      phone?: string | null
      villageCode?: string | null
      rt?: string | null
      rw?: string | null
    }
  },
) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  const { villageCode } = target.input
  if (
    villageCode &&
    !(await findVillageOfCity(context.database.db, { cityId: bank.cityId, code: villageCode }))
  ) {
    throw new AppError('validation.failed', {
      details: [
        {
          field: '/body/villageCode',
          code: 'facility.village_not_in_city',
          params: { city: target.city.name },
        },
      ],
    })
  }
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertNasabah(tx, {
      cityId: bank.cityId,
      bankFacilityId: bank.bankFacilityId,
      ...target.input,
      name: target.input.name.trim(),
    })
    await repo.accountOf(tx, { ...bank, kind: 'nasabah', nasabahId: inserted.id })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'nasabah.created',
      entityType: 'nasabah',
      entityId: inserted.publicId,
      after: presentNasabah(inserted, false),
    })
    return inserted
  })
  return presentNasabah(row, true)
}

export async function loadNasabah(context: ServiceContext, target: BankTarget & { nasabahId: string }) {
  const bank = await loadBank(context, target)
  const found = await repo.findNasabah(context.database.db, { ...bank, publicId: target.nasabahId })
  if (!found) throw new AppError('nasabah.not_found')
  return { bank, nasabah: found }
}

export async function getNasabah(context: ServiceContext, target: BankTarget & { nasabahId: string }) {
  const { bank, nasabah } = await loadNasabah(context, target)
  const accountId = await repo.nasabahAccountId(context.database.db, { ...bank, nasabahId: nasabah.id })
  const balanceRupiah = accountId
    ? -(await repo.sumPostings(context.database.db, { cityId: bank.cityId, accountId }))
    : 0
  return { ...presentNasabah(nasabah, mayTell(context, target)), balanceRupiah }
}

export async function listNasabah(
  context: ServiceContext,
  target: BankTarget & { page: number; pageSize: number },
) {
  const bank = await loadBank(context, target)
  const rows = await repo.listNasabah(context.database.db, {
    ...bank,
    limit: target.pageSize,
    offset: (target.page - 1) * target.pageSize,
  })
  const show = mayTell(context, target)
  return rows.map((row) => presentNasabah(row, show))
}

export async function setPrice(
  context: ServiceContext,
  target: BankTarget & { subMaterial: SubMaterial; pricePerKgRupiah: number; effectiveFrom: string },
) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  return runWrite(context, async (tx) => {
    const row = await repo.upsertPrice(tx, {
      cityId: bank.cityId,
      bankFacilityId: bank.bankFacilityId,
      subMaterial: target.subMaterial,
      pricePerKgRupiah: target.pricePerKgRupiah,
      effectiveFrom: target.effectiveFrom,
      recordedBy: context.actor?.userId ?? null,
    })
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'bank_price.set',
      entityType: 'bank_price',
      entityId: `${target.bankId}:${row.subMaterial}:${row.effectiveFrom}`,
      after: {
        subMaterial: row.subMaterial,
        pricePerKgRupiah: row.pricePerKgRupiah,
        effectiveFrom: row.effectiveFrom,
      },
    })
    return {
      subMaterial: row.subMaterial,
      pricePerKgRupiah: row.pricePerKgRupiah,
      effectiveFrom: row.effectiveFrom,
    }
  })
}

export async function listPrices(context: ServiceContext, target: BankTarget) {
  const bank = await loadBank(context, target)
  return (await repo.listEffectivePrices(context.database.db, bank)).map((row) => ({
    subMaterial: row.subMaterial,
    pricePerKgRupiah: row.pricePerKgRupiah,
    effectiveFrom: row.effectiveFrom,
    source: row.source,
  }))
}
