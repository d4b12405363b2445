/**
 * One cell at a time: text, numbers, codes and choices as people type them into a spreadsheet,
 * each read into the value the registry keeps or the code of what is wrong with it.
 */
import { SCALES, type Scale } from './scale.ts'
import type { SidtCell } from './sidt-columns.ts'

const MAX_HEADCOUNT = 1_000_000
export const MIN_YEAR = 1900

/** A blank cell, or the `-` people type into a spreadsheet for "none". */
export function textOf(cell: SidtCell): string | undefined {
  if (cell === null || cell === undefined) return undefined
  const text = String(cell).trim()
  return text === '' || text === '-' ? undefined : text
}

/** Masked personal data in an earlier export (`3579********0001`): "keep what is stored". */
export function isMasked(text: string): boolean {
  return text.includes('*')
}

export const pad = (value: number, length = 2) => String(value).padStart(length, '0')

export type Parsed<T> = { value: T } | { code: string; params?: Record<string, unknown> }

/** Whole rupiah, never negative: `1500000`, `1.500.000` (Indonesian thousands), `Rp 1.500.000,00`. */
export function parseRupiah(cell: SidtCell): Parsed<number> | undefined {
  if (typeof cell === 'number') {
    if (cell < 0) return { code: 'umkm.sidt_number_negative' }
    return Number.isSafeInteger(cell) ? { value: cell } : { code: 'umkm.sidt_number_invalid' }
  }
  const text = textOf(cell)
  if (text === undefined) return undefined
  const compact = text.replace(/^rp\.?\s*/i, '').replace(/\s/g, '')
  const negative = compact.startsWith('-')
  const digits = negative ? compact.slice(1) : compact
  let plain: string | null = null
  if (/^\d+$/.test(digits)) plain = digits
  else if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(digits)) plain = digits.replace(/,0+$/, '').replace(/\./g, '')
  else if (/^\d+[,.]0+$/.test(digits)) plain = digits.replace(/[,.]0+$/, '')
  if (plain === null) return { code: 'umkm.sidt_number_invalid' }
  const value = Number(plain)
  if (negative && value !== 0) return { code: 'umkm.sidt_number_negative' }
  return Number.isSafeInteger(value) ? { value } : { code: 'umkm.sidt_number_invalid' }
}

/** A count of people: a whole number from 0 to a million. */
export function parseHeadcount(cell: SidtCell): Parsed<number> | undefined {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0 && cell <= MAX_HEADCOUNT
      ? { value: cell }
      : { code: 'umkm.sidt_headcount_invalid' }
  }
  const text = textOf(cell)
  if (text === undefined) return undefined
  if (!/^\d{1,7}$/.test(text) || Number(text) > MAX_HEADCOUNT) return { code: 'umkm.sidt_headcount_invalid' }
  return { value: Number(text) }
}

/** RT and RW are numbered from 1, kept as three digits (`001`), as in Kemendagri's forms. */
export function parseRtRw(cell: SidtCell): Parsed<string> | undefined {
  const text = textOf(cell)
  if (text === undefined) return undefined
  if (!/^\d{1,3}$/.test(text) || Number(text) === 0) return { code: 'umkm.sidt_rt_invalid' }
  return { value: text.padStart(3, '0') }
}

export const SEX: Record<string, 'L' | 'P'> = {
  l: 'L',
  p: 'P',
  'laki-laki': 'L',
  'laki laki': 'L',
  lakilaki: 'L',
  laki: 'L',
  pria: 'L',
  perempuan: 'P',
  wanita: 'P',
}

export const YES = new Set(['1', 'ya', 'y', 'true', 'yes', 'benar'])
export const NO = new Set(['0', 'tidak', 't', 'false', 'no', 'bukan'])

/** `Usaha Mikro`, `MIKRO`, `micro` → `mikro`. */
export function parseScale(text: string): Scale | null {
  const word = text
    .toLowerCase()
    .replace(/^usaha\s+/, '')
    .trim()
  const english: Record<string, Scale> = {
    micro: 'mikro',
    small: 'kecil',
    medium: 'menengah',
    large: 'besar',
  }
  if ((SCALES as readonly string[]).includes(word)) return word as Scale
  return english[word] ?? null
}

/**
 * A phone number as stored: digits with an optional leading `+`. A spreadsheet that took the
 * number for a number dropped its leading 0 (`81234567890`): an Indonesian mobile starts with 08.
 */
export function parsePhone(cell: SidtCell): Parsed<string> | undefined {
  if (typeof cell === 'number') {
    const digits = String(cell)
    if (!Number.isInteger(cell) || digits.length < 6) return { code: 'umkm.sidt_phone_invalid' }
    return { value: digits.startsWith('8') ? `0${digits}` : digits }
  }
  const text = textOf(cell)
  if (text === undefined) return undefined
  if (!/^\+?[0-9][0-9 ().-]{5,22}$/.test(text)) return { code: 'umkm.sidt_phone_invalid' }
  return { value: text.replace(/[\s().-]/g, '') }
}

/** Within Indonesia, as the registry's own form accepts; `0`/`0` means SIDT did not know. */
export function parseCoordinate(cell: SidtCell, min: number, max: number): Parsed<number> | undefined {
  const text = typeof cell === 'number' ? String(cell) : textOf(cell)?.replace(',', '.')
  if (text === undefined) return undefined
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return { code: 'umkm.sidt_coordinates_invalid' }
  const value = Number(text)
  if (value !== 0 && (value < min || value > max)) return { code: 'umkm.sidt_coordinates_invalid' }
  return { value }
}

/** The month a business started: 1 to 12. */
export function parseMonth(cell: SidtCell): Parsed<number> | undefined {
  const text = textOf(cell)
  if (text === undefined) return undefined
  return /^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= 12
    ? { value: Number(text) }
    : { code: 'umkm.sidt_month_invalid' }
}

/** The year a business started: from 1900 to this year. */
export function parseYear(cell: SidtCell, thisYear: number): Parsed<number> | undefined {
  const text = textOf(cell)
  if (text === undefined) return undefined
  return /^\d{4}$/.test(text) && Number(text) >= MIN_YEAR && Number(text) <= thisYear
    ? { value: Number(text) }
    : { code: 'umkm.sidt_year_invalid', params: { max: thisYear } }
}
