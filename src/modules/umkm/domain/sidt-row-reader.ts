/**
 * Reading one row: each cell of a column read into its value, and every problem noted against
 * the row and the column it was found in.
 */
import { CURRENT_KBLI, checkKbliCode, isValidNib, kbliErrorCode, normaliseNib } from './identifiers.ts'
import type { Scale } from './scale.ts'
import {
  isMasked,
  MIN_YEAR,
  NO,
  type Parsed,
  pad,
  parseCoordinate,
  parseHeadcount,
  parsePhone,
  parseScale,
  SEX,
  textOf,
  YES,
} from './sidt-cells.ts'
import type { SidtCell, SidtColumn, SidtProblem, SidtRawRow } from './sidt-columns.ts'
import { parseSidtDate, parseSidtMoment } from './sidt-dates.ts'

const MAX_NAME = 200
const MAX_TEXT = 500

export interface RowReader {
  problems: SidtProblem[]
  text(column: SidtColumn, max?: number): string | undefined
  take<T>(column: SidtColumn, parsed: Parsed<T> | undefined): T | undefined
  fail(column: SidtColumn, code: string, params?: Record<string, unknown>): undefined
}

export function readerOf(row: number, raw: SidtRawRow): RowReader {
  const problems: SidtProblem[] = []
  const fail = (column: SidtColumn, code: string, params?: Record<string, unknown>) => {
    problems.push({ row, column, code, ...(params ? { params } : {}) })
    return undefined
  }
  return {
    problems,
    fail,
    text(column, max = MAX_TEXT) {
      const text = textOf(raw[column])
      if (text !== undefined && text.length > max) return fail(column, 'umkm.sidt_too_long', { max })
      return text
    },
    take(column, parsed) {
      if (parsed === undefined) return undefined
      if ('code' in parsed) return fail(column, parsed.code, parsed.params)
      return parsed.value
    },
  }
}

/** A name the row must state. */
export function readRequiredName(read: RowReader, column: SidtColumn): string | undefined {
  const text = read.text(column, MAX_NAME)
  if (text === undefined && !read.problems.some((p) => p.column === column)) {
    read.fail(column, 'umkm.sidt_required')
  }
  return text
}

export function readNik(read: RowReader, cell: SidtCell): string | undefined {
  // Excel keeps 15 significant digits: a NIK typed as a number has already lost its last digit.
  if (typeof cell === 'number') return read.fail('nik_pengusaha', 'umkm.sidt_nik_number_cell')
  const text = textOf(cell)
  if (text === undefined || isMasked(text)) return undefined
  const compact = text.replace(/[\s.-]/g, '')
  if (!/^\d{16}$/.test(compact)) return read.fail('nik_pengusaha', 'umkm.sidt_nik_invalid')
  return compact
}

export function readNib(read: RowReader, cell: SidtCell): string | undefined {
  const text = typeof cell === 'number' ? String(cell) : textOf(cell)
  if (text === undefined) return undefined
  const nib = normaliseNib(text)
  if (!isValidNib(nib)) return read.fail('nib', 'umkm.nib_invalid', { value: text })
  return nib
}

export function readKbli(
  read: RowReader,
  raw: SidtRawRow,
  kelompok: ReadonlySet<string> | null = null,
): string | undefined {
  const cell = raw.kode_kbli
  // A number cell has lost the leading 0 of category A codes (01111 → 1111).
  const text = typeof cell === 'number' && Number.isInteger(cell) ? pad(cell, 5) : textOf(cell)
  if (text === undefined) return read.fail('kode_kbli', 'umkm.sidt_required')
  const check = checkKbliCode(text, CURRENT_KBLI, kelompok)
  if (!check.ok) {
    return read.fail('kode_kbli', kbliErrorCode(check.problem), {
      value: text,
      version: CURRENT_KBLI.version,
    })
  }
  // SIDT writes the category as a letter or as its name; a letter that disagrees is a mistake.
  const category = textOf(raw.kategori_kbli)
  if (category && /^[A-Za-z]$/.test(category) && category.toUpperCase() !== check.category) {
    read.fail('kategori_kbli', 'umkm.sidt_kbli_category_mismatch', {
      value: category,
      code: text,
      expected: check.category,
    })
  }
  return text
}

export function readBirthDate(read: RowReader, cell: SidtCell, today: string): string | undefined {
  const text = textOf(cell)
  if (text === undefined || isMasked(text)) return undefined
  const date = parseSidtDate(text)
  if (!date || Number(date.slice(0, 4)) < MIN_YEAR)
    return read.fail('tanggal_lahir', 'umkm.sidt_date_invalid')
  if (date > today) return read.fail('tanggal_lahir', 'umkm.sidt_date_in_future')
  return date
}

export function readMoment(
  read: RowReader,
  options: { column: SidtColumn; cell: SidtCell; timezone: string; now: Date },
): Date | undefined {
  const text = textOf(options.cell)
  if (text === undefined) return undefined
  const moment = parseSidtMoment(text, options.timezone)
  if (!moment) return read.fail(options.column, 'umkm.sidt_datetime_invalid')
  // A day's grace: clocks differ, and SIDT may stamp in another zone than it says.
  if (moment.getTime() > options.now.getTime() + 86_400_000) {
    return read.fail(options.column, 'umkm.sidt_date_in_future')
  }
  return moment
}

export function readSex(read: RowReader, cell: SidtCell): 'L' | 'P' | undefined {
  const text = textOf(cell)
  return text === undefined
    ? undefined
    : (SEX[text.toLowerCase()] ?? read.fail('jenis_kelamin', 'umkm.sidt_sex_invalid'))
}

export function readDisability(read: RowReader, cell: SidtCell): boolean | undefined {
  if (typeof cell === 'boolean') return cell
  const text = textOf(cell)?.toLowerCase()
  if (text === undefined) return undefined
  if (YES.has(text)) return true
  if (NO.has(text)) return false
  return read.fail('is_disabilitas', 'umkm.sidt_yes_no_invalid')
}

export function readScale(read: RowReader, cell: SidtCell): Scale | undefined {
  const text = textOf(cell)
  return text === undefined
    ? undefined
    : (parseScale(text) ?? read.fail('skala_usaha', 'umkm.sidt_scale_invalid', { value: text }))
}

/** A masked phone number keeps the stored one. */
export function readOwnerPhone(read: RowReader, cell: SidtCell): string | undefined {
  const text = textOf(cell)
  return text !== undefined && isMasked(text) ? undefined : read.take('kontak_hp', parsePhone(cell))
}

/** A masked street address keeps the stored one. */
export function readOwnerAddress(read: RowReader): string | undefined {
  const text = read.text('alamat_pengusaha')
  return text !== undefined && isMasked(text) ? undefined : text
}

/** Both coordinates or neither; `0`/`0` is SIDT not knowing, and states nothing. */
export function readCoordinates(read: RowReader, raw: SidtRawRow): { latitude?: string; longitude?: string } {
  const latitude = read.take('alamat_latitude', parseCoordinate(raw.alamat_latitude, -11.5, 6.5))
  const longitude = read.take('alamat_longitude', parseCoordinate(raw.alamat_longitude, 94, 141.5))
  if ((latitude === undefined) !== (longitude === undefined)) {
    if (!read.problems.some((p) => p.column === 'alamat_latitude' || p.column === 'alamat_longitude'))
      read.fail(latitude === undefined ? 'alamat_latitude' : 'alamat_longitude', 'umkm.coordinates_pair')
  } else if (latitude !== undefined && longitude !== undefined && !(latitude === 0 && longitude === 0)) {
    if (latitude === 0 || longitude === 0) read.fail('alamat_latitude', 'umkm.sidt_coordinates_invalid')
    else return { latitude: latitude.toFixed(6), longitude: longitude.toFixed(6) }
  }
  return {}
}

/** The eight worker counts of the layout, as the row states them. */
export interface SidtHeadcounts {
  paidMale?: number
  paidFemale?: number
  paidDisabledMale?: number
  paidDisabledFemale?: number
  unpaidMale?: number
  unpaidFemale?: number
  unpaidDisabledMale?: number
  unpaidDisabledFemale?: number
}

export function readHeadcounts(read: RowReader, raw: SidtRawRow): SidtHeadcounts {
  const headcount = (column: SidtColumn) => read.take(column, parseHeadcount(raw[column]))
  return {
    paidMale: headcount('tk_dibayar_laki'),
    paidFemale: headcount('tk_dibayar_perempuan'),
    paidDisabledMale: headcount('tk_dibayar_disabil_laki'),
    paidDisabledFemale: headcount('tk_dibayar_disabil_perempuan'),
    unpaidMale: headcount('tk_not_dibayar_laki'),
    unpaidFemale: headcount('tk_not_dibayar_perempuan'),
    unpaidDisabledMale: headcount('tk_not_dibayar_disabil_laki'),
    unpaidDisabledFemale: headcount('tk_not_dibayar_disabil_perempua'),
  }
}
