import { parseCoordinate } from '../../../platform/web/parse-number.ts'
import type { Scale } from '../domain/scale.ts'
import type { Business, BusinessInput } from './umkm.api.ts'

export const TEXT_FIELDS = [
  'name',
  'kbliCode',
  'nib',
  'ownerName',
  'ownerNik',
  'ownerPhone',
  'ownerVillageCode',
  'address',
  'latitude',
  'longitude',
  'products',
  'startedYear',
] as const
export const WORKER_FIELDS = [
  'workersPaidMale',
  'workersPaidFemale',
  'workersUnpaidMale',
  'workersUnpaidFemale',
  'workersDisabledMale',
  'workersDisabledFemale',
] as const
export type TextField = (typeof TEXT_FIELDS)[number]
export type WorkerField = (typeof WORKER_FIELDS)[number]
export type Values = Record<TextField, string> &
  Record<WorkerField, number | string> & {
    villageCode: string | null
    selfReportedScale: string
    /** '' or 1–12. */
    startedMonth: string
  }

export function initialValues(business?: Business): Values {
  const w = business?.workers
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value)
  return {
    name: text(business?.name),
    kbliCode: text(business?.kbli.code),
    nib: text(business?.nib),
    ownerName: business?.personalDataMasked ? '' : text(business?.owner.name),
    ownerNik: business?.personalDataMasked ? '' : text(business?.owner.nik),
    ownerPhone: business?.personalDataMasked ? '' : text(business?.owner.phone),
    ownerVillageCode: text(business?.owner.villageCode),
    villageCode: business?.village?.code ?? null,
    address: text(business?.address),
    latitude: text(business?.latitude),
    longitude: text(business?.longitude),
    products: text(business?.products),
    workersPaidMale: w?.paidMale ?? 0,
    workersPaidFemale: w?.paidFemale ?? 0,
    workersUnpaidMale: w?.unpaidMale ?? 0,
    workersUnpaidFemale: w?.unpaidFemale ?? 0,
    workersDisabledMale: w?.disabledMale ?? 0,
    workersDisabledFemale: w?.disabledFemale ?? 0,
    selfReportedScale: business?.selfReportedScale ?? '',
    startedYear: text(business?.startedYear),
    startedMonth: text(business?.startedMonth),
  }
}

/** A 4-digit year as typed, null when empty, NaN when it is not one. */
export function parseYear(value: string): number | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

const optionalText = (value: string) => value.trim() || null

export function bodyOf(values: Values, isMasked: boolean): BusinessInput {
  const workers = Object.fromEntries(WORKER_FIELDS.map((name) => [name, Number(values[name]) || 0]))
  const owner = isMasked
    ? {}
    : { ownerNik: optionalText(values.ownerNik), ownerPhone: optionalText(values.ownerPhone) }
  return {
    name: values.name.trim(),
    kbliCode: values.kbliCode.trim(),
    nib: optionalText(values.nib),
    ownerName: values.ownerName.trim(),
    ...owner,
    ownerVillageCode: optionalText(values.ownerVillageCode),
    villageCode: values.villageCode,
    address: optionalText(values.address),
    latitude: parseCoordinate(values.latitude),
    longitude: parseCoordinate(values.longitude),
    products: optionalText(values.products),
    ...workers,
    selfReportedScale: (values.selfReportedScale || null) as Scale | null,
    startedYear: parseYear(values.startedYear),
    startedMonth: values.startedMonth ? Number(values.startedMonth) : null,
  }
}
