import { maskName, maskNik, maskPhone } from '../../../platform/domain/personal-data.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { isUniqueViolation, type Tx } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { CURRENT_KBLI, isValidNib, kbliErrorCode, normaliseNib } from '../domain/identifiers.ts'
import { checkStart } from '../domain/registry.ts'
import {
  currentScales,
  type DerivedScale,
  deriveScale,
  detectNaikKelas,
  type FiguresRecord,
  type NaikKelas,
  SCALE_RULE_VERSION,
  SCALE_RULES,
  type Scale,
  scaleHistory,
} from '../domain/scale.ts'
import { checkKbliInTable } from './kbli.service.ts'
import { assertCanEditUmkm, assertCanReadUmkm, canSeeOwnerPersonalData } from './umkm.policy.ts'
import * as repo from './umkm.repository.ts'

export interface BusinessInput {
  name: string
  kbliCode: string
  nib?: string | null
  ownerName: string
  ownerNik?: string | null
  ownerPhone?: string | null
  ownerVillageCode?: string | null
  villageCode?: string | null
  address?: string | null
  latitude?: number | null
  longitude?: number | null
  products?: string | null
  workersPaidMale?: number
  workersPaidFemale?: number
  workersUnpaidMale?: number
  workersUnpaidFemale?: number
  workersDisabledMale?: number
  workersDisabledFemale?: number
  selfReportedScale?: Scale | null
  startedYear?: number | null
  startedMonth?: number | null
}

export interface FiguresInput {
  asOf: string
  capitalRupiah?: number | null
  annualSalesRupiah?: number | null
  assetsRupiah?: number | null
  workers?: number | null
  sourceNote: string
}

/** The audit log is read by city admins: personal data goes in masked, as for any other member. */
function snapshot(row: repo.BusinessRow) {
  const { id: _id, cityId: _cityId, createdAt: _created, updatedAt: _updated, ...rest } = row
  return {
    ...rest,
    ownerName: maskName(row.ownerName),
    ownerNik: maskNik(row.ownerNik),
    ownerPhone: maskPhone(row.ownerPhone),
  }
}

/** The rules on identifiers and places, all at once, each next to its field. */
async function checkBusiness(
  tx: Tx,
  options: {
    city: CityRef
    input: Partial<BusinessInput>
    /** The start as it will be stored, with today in the city, when the input changes it. */
    start?: { span: Parameters<typeof checkStart>[0]; today: string }
  },
) {
  const { city, input } = options
  const problems: FieldProblem[] = options.start ? checkStart(options.start.span, options.start.today) : []
  if (input.nib !== undefined && input.nib !== null && !isValidNib(normaliseNib(input.nib))) {
    problems.push({ field: '/body/nib', code: 'umkm.nib_invalid', params: { value: input.nib } })
  }
  if (input.kbliCode !== undefined) {
    const { check } = await checkKbliInTable(tx, input.kbliCode.trim())
    if (!check.ok) {
      problems.push({
        field: '/body/kbliCode',
        code: kbliErrorCode(check.problem),
        params: { value: input.kbliCode, version: CURRENT_KBLI.version },
      })
    }
  }
  if (
    input.villageCode &&
    !(await repo.findVillageOfCity(tx, { cityId: city.id, code: input.villageCode }))
  ) {
    problems.push({
      field: '/body/villageCode',
      code: 'umkm.village_not_in_city',
      params: { city: city.name },
    })
  }
  if (input.latitude !== undefined && input.longitude !== undefined) {
    if ((input.latitude === null) !== (input.longitude === null)) {
      problems.push({ field: '/body/longitude', code: 'umkm.coordinates_pair' })
    }
  } else if (input.latitude != null || input.longitude != null) {
    problems.push({
      field: input.latitude === undefined ? '/body/latitude' : '/body/longitude',
      code: 'umkm.coordinates_pair',
    })
  }
  if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
}

function columnsOf(input: Partial<BusinessInput>): Partial<repo.NewBusiness> {
  const { latitude, longitude, name, kbliCode, nib, ownerName, ...rest } = input
  return {
    ...rest,
    ...(name !== undefined ? { name: name.trim() } : {}),
    ...(ownerName !== undefined ? { ownerName: ownerName.trim() } : {}),
    ...(kbliCode !== undefined ? { kbliCode: kbliCode.trim(), kbliVersion: CURRENT_KBLI.version } : {}),
    ...(nib !== undefined ? { nib: nib === null ? null : normaliseNib(nib) } : {}),
    ...(latitude !== undefined ? { latitude: latitude === null ? null : latitude.toFixed(6) } : {}),
    ...(longitude !== undefined ? { longitude: longitude === null ? null : longitude.toFixed(6) } : {}),
  }
}

function nibTaken(error: unknown, nib: string | null | undefined): never {
  if (isUniqueViolation(error, 'umkm_businesses_nib_key')) {
    throw new AppError('umkm.nib_taken', {
      params: { nib },
      details: [{ field: '/body/nib', code: 'umkm.nib_taken', params: { nib } }],
    })
  }
  throw error
}

export async function listBusinesses(
  context: ServiceContext,
  options: Omit<repo.BusinessFilter, 'cityId'> & { city: CityRef; page: number; pageSize: number },
) {
  const actor = { actor: context.actor!, cityId: options.city.id }
  assertCanReadUmkm(context.access, actor)
  const { city, page, pageSize, ...filter } = options
  const result = await repo.listBusinesses(context.database.db, {
    ...filter,
    cityId: city.id,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
  return { ...result, canSeePersonalData: canSeeOwnerPersonalData(context.access, actor) }
}

function recordOf(row: repo.FiguresRow): FiguresRecord {
  return {
    id: row.publicId,
    asOf: row.asOf,
    capitalRupiah: row.capitalRupiah,
    annualSalesRupiah: row.annualSalesRupiah,
    assetsRupiah: row.assetsRupiah,
  }
}

export interface BusinessScales {
  current: DerivedScale[]
  naikKelas: NaikKelas[]
}

/** Derived again from the stored inputs every time: the stored columns only serve the list filter. */
export function scalesOf(figures: repo.FiguresRow[]): BusinessScales {
  const records = figures.map(recordOf)
  return {
    current: currentScales(records),
    naikKelas: SCALE_RULES.flatMap((rule) => detectNaikKelas(scaleHistory(rule, records))),
  }
}

export async function getBusiness(context: ServiceContext, options: { city: CityRef; businessId: string }) {
  const actor = { actor: context.actor!, cityId: options.city.id }
  assertCanReadUmkm(context.access, actor)
  const db = context.database.db
  const found = await repo.findBusiness(db, { cityId: options.city.id, publicId: options.businessId })
  if (!found) throw new AppError('umkm.business_not_found')
  const figures = await repo.listFigures(db, { cityId: options.city.id, businessId: found.business.id })
  return {
    ...found,
    figures,
    scales: scalesOf(figures),
    canSeePersonalData: canSeeOwnerPersonalData(context.access, actor),
  }
}

/** Returns the public id only: a replayed Idempotency-Key gives it back and the route reads the record. */
export async function createBusiness(
  context: ServiceContext,
  options: { city: CityRef; input: BusinessInput },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      await checkBusiness(tx, {
        ...options,
        start: {
          span: {
            startedYear: options.input.startedYear ?? null,
            startedMonth: options.input.startedMonth ?? null,
            closedOn: null,
          },
          today: cityToday(context, options.city),
        },
      })
      const row = await repo.insertBusiness(tx, {
        ...columnsOf(options.input),
        name: options.input.name.trim(),
        kbliCode: options.input.kbliCode.trim(),
        ownerName: options.input.ownerName.trim(),
        cityId: options.city.id,
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'umkm_business.created',
        entityType: 'umkm_business',
        entityId: row.publicId,
        after: snapshot(row),
      })
      return { publicId: row.publicId }
    })
  } catch (error) {
    nibTaken(error, options.input.nib)
  }
}

export async function updateBusiness(
  context: ServiceContext,
  options: { city: CityRef; businessId: string; input: Partial<BusinessInput> },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  try {
    return await runWrite(context, async (tx) => {
      const found = await repo.findBusiness(tx, { cityId: options.city.id, publicId: options.businessId })
      if (!found) throw new AppError('umkm.business_not_found')
      const before = found.business
      // Coordinates are checked as they will be: one half of the pair may come from the record.
      const latitude =
        options.input.latitude !== undefined
          ? options.input.latitude
          : before.latitude === null
            ? null
            : Number(before.latitude)
      const longitude =
        options.input.longitude !== undefined
          ? options.input.longitude
          : before.longitude === null
            ? null
            : Number(before.longitude)
      const changesStart = options.input.startedYear !== undefined || options.input.startedMonth !== undefined
      await checkBusiness(tx, {
        city: options.city,
        input: { ...options.input, latitude, longitude },
        start: changesStart
          ? {
              span: {
                startedYear:
                  options.input.startedYear !== undefined ? options.input.startedYear : before.startedYear,
                startedMonth:
                  options.input.startedMonth !== undefined ? options.input.startedMonth : before.startedMonth,
                closedOn: before.closedOn,
              },
              today: cityToday(context, options.city),
            }
          : undefined,
      })
      const after = await repo.updateBusiness(tx, {
        cityId: options.city.id,
        id: before.id,
        values: columnsOf(options.input),
      })
      await recordAudit(tx, context, {
        cityId: options.city.id,
        action: 'umkm_business.updated',
        entityType: 'umkm_business',
        entityId: after.publicId,
        before: snapshot(before),
        after: snapshot(after),
      })
      return { publicId: after.publicId }
    })
  } catch (error) {
    nibTaken(error, options.input.nib)
  }
}

/** The stored derivation of one record under every rule, with the rule version it was made by. */
export function derivedColumns(record: FiguresRecord) {
  return {
    scalePp7Capital: deriveScale('pp7_2021_capital', record)?.scale ?? null,
    scalePp7Sales: deriveScale('pp7_2021_sales', record)?.scale ?? null,
    scaleUu20: deriveScale('uu20_2008', record)?.scale ?? null,
    scaleRuleVersion: SCALE_RULE_VERSION,
  }
}

function checkFigures(input: FiguresInput, today: string) {
  const problems: FieldProblem[] = []
  const figures = [input.capitalRupiah, input.annualSalesRupiah, input.assetsRupiah, input.workers]
  if (figures.every((value) => value === undefined || value === null)) {
    problems.push({ field: '/body', code: 'umkm.figures_empty' })
  }
  if (input.asOf > today) problems.push({ field: '/body/asOf', code: 'umkm.figures_date_in_future' })
  if (problems.length > 0) throw new AppError('validation.failed', { details: problems })
}

/** Appends a dated figures record; the business's derived scale follows from it, never typed in. */
export async function addFigures(
  context: ServiceContext,
  options: { city: CityRef; businessId: string; input: FiguresInput },
) {
  assertCanEditUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  const { input } = options
  checkFigures(input, cityToday(context, options.city))
  return runWrite(context, async (tx) => {
    const found = await repo.findBusiness(tx, { cityId: options.city.id, publicId: options.businessId })
    if (!found) throw new AppError('umkm.business_not_found')
    const before = scalesOf(
      await repo.listFigures(tx, { cityId: options.city.id, businessId: found.business.id }),
    )
    const values = {
      asOf: input.asOf,
      capitalRupiah: input.capitalRupiah ?? null,
      annualSalesRupiah: input.annualSalesRupiah ?? null,
      assetsRupiah: input.assetsRupiah ?? null,
    }
    const [row] = await repo.insertFigures(tx, [
      {
        ...values,
        ...derivedColumns({ id: '', ...values }),
        workers: input.workers ?? null,
        sourceNote: input.sourceNote.trim(),
        cityId: options.city.id,
        businessId: found.business.id,
      },
    ])
    const after = scalesOf(
      await repo.listFigures(tx, { cityId: options.city.id, businessId: found.business.id }),
    )
    const summary = (scales: BusinessScales) =>
      Object.fromEntries(scales.current.map((derived) => [derived.rule, derived.scale]))
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'umkm_figures.recorded',
      entityType: 'umkm_business',
      entityId: found.business.publicId,
      before: { scales: summary(before) },
      after: {
        figures: { id: row!.publicId, ...values, workers: row!.workers, sourceNote: row!.sourceNote },
        scales: summary(after),
        naikKelas: after.naikKelas.length - before.naikKelas.length,
      },
    })
    return { publicId: row!.publicId }
  })
}
