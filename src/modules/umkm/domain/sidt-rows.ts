/**
 * One row of the file in, a business and its dated figures out, or every problem of the row
 * named by column.
 */
import type { Scale } from './scale.ts'
import { isMasked, parseMonth, parseRtRw, parseRupiah, parseYear } from './sidt-cells.ts'
import type { SidtProblem, SidtRawRow } from './sidt-columns.ts'
import { localDateOf } from './sidt-dates.ts'
import { readBusinessPlace, readOwnerPlace, type SidtCityIndex } from './sidt-places.ts'
import {
  readBirthDate,
  readCoordinates,
  readDisability,
  readerOf,
  readHeadcounts,
  readKbli,
  readMoment,
  readNib,
  readNik,
  readOwnerAddress,
  readOwnerPhone,
  readRequiredName,
  readScale,
  readSex,
  type SidtHeadcounts,
} from './sidt-row-reader.ts'

/**
 * One business as the row states it. `undefined` means the cell was blank (or masked): an update
 * keeps what the registry holds, because SIDT leaves many fields empty and an empty cell is not a
 * statement that the value is gone.
 */
export interface SidtBusiness {
  sidtId: string | null
  name: string
  kbliCode: string
  nib?: string
  ownerName?: string
  ownerNik?: string
  ownerPhone?: string
  ownerSex?: 'L' | 'P'
  ownerHasDisability?: boolean
  ownerBirthDate?: string
  ownerEducation?: string
  ownerVillageCode?: string
  ownerAddress?: string
  ownerRt?: string
  ownerRw?: string
  mainActivity?: string
  products?: string
  legalForm?: string
  selfReportedScale?: Scale
  startedMonth?: number
  startedYear?: number
  villageCode?: string
  address?: string
  rt?: string
  rw?: string
  photoUrl?: string
  /** Fixed to 6 decimals, as stored. */
  latitude?: string
  longitude?: string
  workersPaidMale?: number
  workersPaidFemale?: number
  workersUnpaidMale?: number
  workersUnpaidFemale?: number
  /** SIDT splits disabled workers into paid and unpaid; the registry keeps one count per sex. */
  workersDisabledMale?: number
  workersDisabledFemale?: number
  sidtPulledAt?: Date
  sidtUpdatedAt?: Date
  sidtSourcePage?: string
}

export interface SidtFigures {
  asOf: string
  capitalRupiah: number | null
  annualSalesRupiah: number | null
  assetsRupiah: number | null
  workers: number | null
}

export interface SidtRecord {
  row: number
  business: SidtBusiness
  /** Null when the row states none of modal_pendirian, omzet_tahunan, asset. */
  figures: SidtFigures | null
  /** The owner's name came masked (`S** W*****`): fine for an update, not for a new business. */
  isOwnerNameMasked: boolean
}

export type SidtRowResult = { row: number; record: SidtRecord } | { row: number; problems: SidtProblem[] }

/** Paid or unpaid, disabled: the registry keeps the sum per sex (the two may overlap the others). */
function sumOf(values: (number | undefined)[]): number | undefined {
  return values.every((value) => value === undefined)
    ? undefined
    : values.reduce<number>((sum, value) => sum + (value ?? 0), 0)
}

export interface ParseSidtRowOptions {
  row: number
  raw: SidtRawRow
  index: SidtCityIndex
  /** The city's calendar day today, and the moment: birth dates and stamps cannot be later. */
  today: string
  now: Date
  /** The KBLI version's kelompok table when the operator has loaded it; null: divisions only. */
  kbliKelompok?: ReadonlySet<string> | null
}

/** One row of the file: a business and its figures, or every problem of the row. */
export function parseSidtRow(options: ParseSidtRowOptions): SidtRowResult {
  const { row, raw, index, today, now, kbliKelompok = null } = options
  const timezone = index.places.city.timezone
  const read = readerOf(row, raw)

  const name = readRequiredName(read, 'nama_usaha')
  const ownerNameText = readRequiredName(read, 'nama_pengusaha')
  const isOwnerNameMasked = ownerNameText !== undefined && isMasked(ownerNameText)
  const kbliCode = readKbli(read, raw, kbliKelompok)
  const ownerSex = readSex(read, raw.jenis_kelamin)
  const ownerHasDisability = readDisability(read, raw.is_disabilitas)
  const selfReportedScale = readScale(read, raw.skala_usaha)
  const startedMonth = read.take('bulan_mulai_operasi', parseMonth(raw.bulan_mulai_operasi))
  const thisYear = Number(today.slice(0, 4))
  const startedYear = read.take('tahun_mulai_operasi', parseYear(raw.tahun_mulai_operasi, thisYear))
  const coordinates = readCoordinates(read, raw)
  const workers = readHeadcounts(read, raw)
  const amounts = {
    capital: read.take('modal_pendirian', parseRupiah(raw.modal_pendirian)),
    sales: read.take('omzet_tahunan', parseRupiah(raw.omzet_tahunan)),
    assets: read.take('asset', parseRupiah(raw.asset)),
  }
  const sidtPulledAt = readMoment(read, { column: 'pulled_at', cell: raw.pulled_at, timezone, now })
  const sidtUpdatedAt = readMoment(read, { column: 'updated_at', cell: raw.updated_at, timezone, now })

  const business: SidtBusiness = {
    sidtId: read.text('id_data_badan_usaha', 100) ?? null,
    name: name ?? '',
    kbliCode: kbliCode ?? '',
    nib: readNib(read, raw.nib),
    ownerName: isOwnerNameMasked ? undefined : ownerNameText,
    ownerNik: readNik(read, raw.nik_pengusaha),
    ownerPhone: readOwnerPhone(read, raw.kontak_hp),
    ownerSex,
    ownerHasDisability,
    ownerBirthDate: readBirthDate(read, raw.tanggal_lahir, today),
    ownerEducation: read.text('pendidikan_formal', 100),
    ownerVillageCode: readOwnerPlace(read, raw, index),
    ownerAddress: readOwnerAddress(read),
    ownerRt: read.take('rt_pengusaha', parseRtRw(raw.rt_pengusaha)),
    ownerRw: read.take('rw_pengusaha', parseRtRw(raw.rw_pengusaha)),
    mainActivity: read.text('kegiatan_utama'),
    products: read.text('produk_utama'),
    legalForm: read.text('status_badan_usaha', 100),
    selfReportedScale,
    startedMonth,
    startedYear,
    villageCode: readBusinessPlace(read, raw, index),
    address: read.text('alamat_usaha', 300),
    rt: read.take('rt_usaha', parseRtRw(raw.rt_usaha)),
    rw: read.take('rw_usaha', parseRtRw(raw.rw_usaha)),
    photoUrl: read.text('foto_usaha', 1000),
    ...coordinates,
    ...workerColumnsOf(workers),
    sidtPulledAt,
    sidtUpdatedAt,
    sidtSourcePage: read.text('source_page', 1000),
  }
  if (read.problems.length > 0) return { row, problems: read.problems }
  const figures = figuresOf({ amounts, workers, stamp: sidtUpdatedAt ?? sidtPulledAt, timezone, today })
  return { row, record: { row, business: stripUndefined(business), figures, isOwnerNameMasked } }
}

function workerColumnsOf(workers: SidtHeadcounts) {
  return {
    workersPaidMale: workers.paidMale,
    workersPaidFemale: workers.paidFemale,
    workersUnpaidMale: workers.unpaidMale,
    workersUnpaidFemale: workers.unpaidFemale,
    workersDisabledMale: sumOf([workers.paidDisabledMale, workers.unpaidDisabledMale]),
    workersDisabledFemale: sumOf([workers.paidDisabledFemale, workers.unpaidDisabledFemale]),
  }
}

function figuresOf(options: {
  amounts: { capital?: number; sales?: number; assets?: number }
  workers: SidtHeadcounts
  stamp: Date | undefined
  timezone: string
  today: string
}): SidtFigures | null {
  const { amounts, workers, stamp, timezone, today } = options
  // The figures describe the business as SIDT last saw it: the day of its last change, else of the pull.
  let asOf = stamp ? localDateOf(stamp, timezone) : today
  // Within the day's grace above a stamp may fall on tomorrow; figures are never dated ahead.
  if (asOf > today) asOf = today
  return amounts.capital === undefined && amounts.sales === undefined && amounts.assets === undefined
    ? null
    : {
        asOf,
        capitalRupiah: amounts.capital ?? null,
        annualSalesRupiah: amounts.sales ?? null,
        assetsRupiah: amounts.assets ?? null,
        workers:
          sumOf([workers.paidMale, workers.paidFemale, workers.unpaidMale, workers.unpaidFemale]) ?? null,
      }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T
}
