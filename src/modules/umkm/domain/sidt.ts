/**
 * The SIDT UMKM layout (Sistem Informasi Data Tunggal, the national single-data system): 49
 * columns, "SIDT 2026-04-15 schema" as the Jawa Barat DISKUK system ingests it. It is Sinergi's
 * import and export contract for the registry. Pure rules: a spreadsheet row in, a business and its
 * dated figures out, or every problem of the row named by column.
 *
 * Two separations of the layout are kept: the owner's domicile (`*_pengusaha`) apart from the
 * business's location (`*_usaha`), and the business (*usaha*) as the unit counted, not the owner.
 */
import { maskName, maskNik, maskPhone } from '../../../platform/domain/personal-data.ts'
import { CURRENT_KBLI, checkKbliCode, isValidNib, kbliCategoryOf, normaliseNib } from './identifiers.ts'
import { SCALES, type Scale } from './scale.ts'

export const SIDT_COLUMNS = [
  'id_data_badan_usaha',
  'nik_pengusaha',
  'nama_pengusaha',
  'nib',
  'jenis_kelamin',
  'is_disabilitas',
  'tanggal_lahir',
  'pendidikan_formal',
  'kontak_hp',
  'prov_pengusaha',
  'kab_pengusaha',
  'kec_pengusaha',
  'kel_pengusaha',
  'alamat_pengusaha',
  'rt_pengusaha',
  'rw_pengusaha',
  'nama_usaha',
  'kegiatan_utama',
  'produk_utama',
  'kategori_kbli',
  'kode_kbli',
  'status_badan_usaha',
  'skala_usaha',
  'modal_pendirian',
  'bulan_mulai_operasi',
  'tahun_mulai_operasi',
  'omzet_tahunan',
  'asset',
  'prov_usaha',
  'kab_usaha',
  'kec_usaha',
  'kel_usaha',
  'alamat_usaha',
  'rt_usaha',
  'rw_usaha',
  'foto_usaha',
  'alamat_latitude',
  'alamat_longitude',
  'tk_dibayar_laki',
  'tk_dibayar_perempuan',
  'tk_dibayar_disabil_laki',
  'tk_dibayar_disabil_perempuan',
  'tk_not_dibayar_laki',
  'tk_not_dibayar_perempuan',
  'tk_not_dibayar_disabil_laki',
  // Cut at 31 characters in SIDT itself (a column-name limit upstream); kept as SIDT spells it.
  'tk_not_dibayar_disabil_perempua',
  'pulled_at',
  'updated_at',
  'source_page',
] as const

export type SidtColumn = (typeof SIDT_COLUMNS)[number]

/** A cell as the reader hands it over: text, a number typed in a spreadsheet, a yes/no, or empty. */
export type SidtCell = string | number | boolean | null | undefined
export type SidtRawRow = Partial<Record<SidtColumn, SidtCell>>

/** Figures in the file become a dated figures record with this source. */
export const SIDT_SOURCE_NOTE = 'SIDT'

export interface SidtProblem {
  /** The spreadsheet row (the header is row 1), as the person fixing the file sees it. */
  row: number
  column: SidtColumn
  code: string
  params?: Record<string, unknown>
}

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

export interface SidtPlaces {
  city: { code: string; name: string; provinceCode: string; provinceName: string; timezone: string }
  districts: readonly { code: string; name: string }[]
  villages: readonly { code: string; name: string; districtCode: string }[]
  /** Owners may live anywhere in Indonesia: desa codes outside the city that the reference knows. */
  knownOwnerVillages?: ReadonlySet<string>
}

/** The city's places, indexed once for a file of many rows. */
export interface SidtCityIndex {
  places: SidtPlaces
  districtByCode: Map<string, { code: string; name: string }>
  districtsByName: Map<string, string[]>
  villageByCode: Map<string, { code: string; name: string; districtCode: string }>
  villagesByName: Map<string, { code: string; districtCode: string }[]>
}

const MAX_NAME = 200
const MAX_TEXT = 500
const MAX_HEADCOUNT = 1_000_000
const MIN_YEAR = 1900

export function indexPlaces(places: SidtPlaces): SidtCityIndex {
  const districtsByName = new Map<string, string[]>()
  for (const district of places.districts) {
    const key = placeName(district.name)
    districtsByName.set(key, [...(districtsByName.get(key) ?? []), district.code])
  }
  const villagesByName = new Map<string, { code: string; districtCode: string }[]>()
  for (const village of places.villages) {
    const key = placeName(village.name)
    villagesByName.set(key, [...(villagesByName.get(key) ?? []), village])
  }
  return {
    places,
    districtByCode: new Map(places.districts.map((d) => [d.code, d])),
    districtsByName,
    villageByCode: new Map(places.villages.map((v) => [v.code, v])),
    villagesByName,
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A blank cell, or the `-` people type into a spreadsheet for "none". */
function textOf(cell: SidtCell): string | undefined {
  if (cell === null || cell === undefined) return undefined
  const text = String(cell).trim()
  return text === '' || text === '-' ? undefined : text
}

/** Masked personal data in an earlier export (`3579********0001`): "keep what is stored". */
export function isMasked(text: string): boolean {
  return text.includes('*')
}

/** A place name compared loosely: case, spaces, dots and the kind of place ignored. */
function placeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,'()]/g, ' ')
    .replace(/^\s*(kecamatan|kec|kelurahan|kel|desa|ds|provinsi|prov)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `KOTA BATU` / `Kota Batu` → `kota batu`; `Kab. Malang` → `kabupaten malang`; `Batu` → `batu`. */
function cityName(name: string): { kind: 'kota' | 'kabupaten' | null; bare: string } {
  const text = name
    .toLowerCase()
    .replace(/[.,'()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const match = /^(kota|kabupaten|kab)\s+(.+)$/.exec(text)
  if (!match) return { kind: null, bare: text }
  return { kind: match[1] === 'kota' ? 'kota' : 'kabupaten', bare: match[2]! }
}

const REGION_LEVELS = { province: [2], city: [2, 2], district: [2, 2, 2], village: [2, 2, 2, 4] } as const
export type RegionLevel = keyof typeof REGION_LEVELS

/**
 * A Kemendagri code written with dots (`35.79.01.2006`) or without (`3579012006`, as a number in a
 * spreadsheet), in the dotted form the registry keeps; null when the cell is not a code at all.
 */
export function regionCodeOf(cell: SidtCell, level: RegionLevel): string | null {
  const text = textOf(cell)
  if (text === undefined) return null
  const parts = REGION_LEVELS[level]
  const digits = parts.reduce((sum, length) => sum + length, 0)
  const compact = text.replace(/\./g, '')
  if (!/^\d+$/.test(compact) || compact.length !== digits) return null
  if (text.includes('.')) {
    const dotted = text.split('.')
    if (dotted.length !== parts.length || dotted.some((part, i) => part.length !== parts[i])) return null
  }
  const out: string[] = []
  let at = 0
  for (const length of parts) {
    out.push(compact.slice(at, at + length))
    at += length
  }
  return out.join('.')
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** `YYYY-MM-DD`, or `DD/MM/YYYY` / `DD-MM-YYYY` as Indonesian spreadsheets write it. */
export function parseSidtDate(text: string): string | null {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null
  }
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text)
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null
  }
  return null
}

/**
 * Time-zone arithmetic for many rows at once. Building an Intl.DateTimeFormat costs far more than
 * using one, and a file stamps every row: the formatters are made once per zone and kept.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()
const dateFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterOf(
  cache: Map<string, Intl.DateTimeFormat>,
  timezone: string,
  make: () => Intl.DateTimeFormat,
) {
  let formatter = cache.get(timezone)
  if (!formatter) {
    formatter = make()
    cache.set(timezone, formatter)
  }
  return formatter
}

/** Minutes the zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(instant: number, timezone: string): number {
  const formatter = formatterOf(
    offsetFormatters,
    timezone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  )
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value)
  const wallClock = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  )
  return Math.round((wallClock - Math.floor(instant / 1000) * 1000) / 60_000)
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the zone. */
export function localDateOf(instant: Date, timezone: string): string {
  return formatterOf(
    dateFormatters,
    timezone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).format(instant)
}

/**
 * A moment: ISO with a zone (`2026-04-15T08:30:00Z`, `+07:00`), or a wall-clock time without one
 * (`2026-04-15 08:30:00`, `2026-04-15`), which is read in the city's own time zone — SIDT is
 * filled in Indonesia, and a bare time there means local time.
 */
export function parseSidtMoment(text: string, timezone: string): Date | null {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    )
  if (!match) return null
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '0', zone] = match
  if (!parseSidtDate(date!) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null
  const millis = Math.round(Number(`0.${fraction}`) * 1000)
  const timeOfDay = ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + millis
  if (!zone) {
    // Indonesia keeps no daylight saving time: the offset at that wall-clock time is the offset.
    const wallClock = Date.parse(`${date}T00:00:00Z`) + timeOfDay
    return new Date(wallClock - zoneOffsetMinutes(wallClock, timezone) * 60_000)
  }
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(zone.includes(':') ? 4 : 3)))
  return new Date(Date.parse(`${date}T00:00:00Z`) + timeOfDay - offset * 60_000)
}

type Parsed<T> = { value: T } | { code: string; params?: Record<string, unknown> }

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
function parseRtRw(cell: SidtCell): Parsed<string> | undefined {
  const text = textOf(cell)
  if (text === undefined) return undefined
  if (!/^\d{1,3}$/.test(text) || Number(text) === 0) return { code: 'umkm.sidt_rt_invalid' }
  return { value: text.padStart(3, '0') }
}

const SEX: Record<string, 'L' | 'P'> = {
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

const YES = new Set(['1', 'ya', 'y', 'true', 'yes', 'benar'])
const NO = new Set(['0', 'tidak', 't', 'false', 'no', 'bukan'])

/** `Usaha Mikro`, `MIKRO`, `micro` → `mikro`. */
function parseScale(text: string): Scale | null {
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
function parsePhone(cell: SidtCell): Parsed<string> | undefined {
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
function parseCoordinate(cell: SidtCell, min: number, max: number): Parsed<number> | undefined {
  const text = typeof cell === 'number' ? String(cell) : textOf(cell)?.replace(',', '.')
  if (text === undefined) return undefined
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return { code: 'umkm.sidt_coordinates_invalid' }
  const value = Number(text)
  if (value !== 0 && (value < min || value > max)) return { code: 'umkm.sidt_coordinates_invalid' }
  return { value }
}

// ---------------------------------------------------------------------------------------------
// One row

interface RowReader {
  problems: SidtProblem[]
  text(column: SidtColumn, max?: number): string | undefined
  take<T>(column: SidtColumn, parsed: Parsed<T> | undefined): T | undefined
  fail(column: SidtColumn, code: string, params?: Record<string, unknown>): undefined
}

function readerOf(row: number, raw: SidtRawRow): RowReader {
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

/** Where the business is: a desa/kelurahan of this city, its kecamatan, and the city itself. */
function readBusinessPlace(read: RowReader, raw: SidtRawRow, index: SidtCityIndex): string | undefined {
  const { city } = index.places
  const province = textOf(raw.prov_usaha)
  if (province !== undefined) {
    const code = regionCodeOf(province, 'province')
    const matches = code ? code === city.provinceCode : placeName(province) === placeName(city.provinceName)
    if (!matches) read.fail('prov_usaha', 'umkm.sidt_other_city', { value: province, city: city.name })
  }
  const kab = textOf(raw.kab_usaha)
  if (kab !== undefined) {
    const code = regionCodeOf(kab, 'city')
    let matches: boolean
    if (code) matches = code === city.code
    else {
      const stated = cityName(kab)
      const own = cityName(city.name)
      matches = stated.bare === own.bare && (stated.kind === null || stated.kind === own.kind)
    }
    if (!matches) read.fail('kab_usaha', 'umkm.sidt_other_city', { value: kab, city: city.name })
  }
  let districtCode: string | undefined
  const kec = textOf(raw.kec_usaha)
  if (kec !== undefined) {
    const code = regionCodeOf(kec, 'district')
    const found = code
      ? index.districtByCode.has(code)
        ? [code]
        : []
      : (index.districtsByName.get(placeName(kec)) ?? [])
    if (found.length === 1) districtCode = found[0]
    else read.fail('kec_usaha', 'umkm.sidt_district_not_in_city', { value: kec, city: city.name })
  }
  const kel = textOf(raw.kel_usaha)
  if (kel === undefined) return undefined
  const code = regionCodeOf(kel, 'village')
  if (code) {
    const village = index.villageByCode.get(code)
    if (!village) return read.fail('kel_usaha', 'umkm.village_not_in_city', { value: kel, city: city.name })
    if (districtCode && village.districtCode !== districtCode) {
      return read.fail('kel_usaha', 'umkm.sidt_village_not_in_district', { value: kel })
    }
    return code
  }
  const named = (index.villagesByName.get(placeName(kel)) ?? []).filter(
    (village) => !districtCode || village.districtCode === districtCode,
  )
  if (named.length === 0)
    return read.fail('kel_usaha', 'umkm.village_not_in_city', { value: kel, city: city.name })
  if (named.length > 1) return read.fail('kel_usaha', 'umkm.sidt_village_ambiguous', { value: kel })
  return named[0]!.code
}

/**
 * Where the owner lives: the schema keeps the desa code only (the kecamatan and kota follow from
 * it). A code may be anywhere in Indonesia; a name is looked up in this city only.
 */
function readOwnerPlace(read: RowReader, raw: SidtRawRow, index: SidtCityIndex): string | undefined {
  const kel = textOf(raw.kel_pengusaha)
  if (kel === undefined) return undefined
  const code = regionCodeOf(kel, 'village')
  if (code) {
    if (index.villageByCode.has(code) || index.places.knownOwnerVillages?.has(code)) return code
    return read.fail('kel_pengusaha', 'umkm.sidt_owner_village_unknown', { value: kel })
  }
  const kecCode = regionCodeOf(raw.kec_pengusaha, 'district')
  const kecName = textOf(raw.kec_pengusaha)
  const named = (index.villagesByName.get(placeName(kel)) ?? []).filter((village) => {
    if (kecCode) return village.districtCode === kecCode
    if (kecName) {
      const district = index.districtByCode.get(village.districtCode)
      return district !== undefined && placeName(district.name) === placeName(kecName)
    }
    return true
  })
  if (named.length !== 1) return read.fail('kel_pengusaha', 'umkm.sidt_owner_village_unknown', { value: kel })
  return named[0]!.code
}

function readNik(read: RowReader, cell: SidtCell): string | undefined {
  // Excel keeps 15 significant digits: a NIK typed as a number has already lost its last digit.
  if (typeof cell === 'number') return read.fail('nik_pengusaha', 'umkm.sidt_nik_number_cell')
  const text = textOf(cell)
  if (text === undefined || isMasked(text)) return undefined
  const compact = text.replace(/[\s.-]/g, '')
  if (!/^\d{16}$/.test(compact)) return read.fail('nik_pengusaha', 'umkm.sidt_nik_invalid')
  return compact
}

function readNib(read: RowReader, cell: SidtCell): string | undefined {
  const text = typeof cell === 'number' ? String(cell) : textOf(cell)
  if (text === undefined) return undefined
  const nib = normaliseNib(text)
  if (!isValidNib(nib)) return read.fail('nib', 'umkm.nib_invalid', { value: text })
  return nib
}

function readKbli(read: RowReader, raw: SidtRawRow): string | undefined {
  const cell = raw.kode_kbli
  // A number cell has lost the leading 0 of category A codes (01111 → 1111).
  const text = typeof cell === 'number' && Number.isInteger(cell) ? pad(cell, 5) : textOf(cell)
  if (text === undefined) return read.fail('kode_kbli', 'umkm.sidt_required')
  const check = checkKbliCode(text)
  if (!check.ok) {
    return read.fail(
      'kode_kbli',
      check.problem === 'kbli_format' ? 'umkm.kbli_invalid' : 'umkm.kbli_unknown',
      {
        value: text,
        version: CURRENT_KBLI.version,
      },
    )
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

function readBirthDate(read: RowReader, cell: SidtCell, today: string): string | undefined {
  const text = textOf(cell)
  if (text === undefined || isMasked(text)) return undefined
  const date = parseSidtDate(text)
  if (!date || Number(date.slice(0, 4)) < MIN_YEAR)
    return read.fail('tanggal_lahir', 'umkm.sidt_date_invalid')
  if (date > today) return read.fail('tanggal_lahir', 'umkm.sidt_date_in_future')
  return date
}

function readMoment(
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
}

/** One row of the file: a business and its figures, or every problem of the row. */
export function parseSidtRow(options: ParseSidtRowOptions): SidtRowResult {
  const { row, raw, index, today, now } = options
  const timezone = index.places.city.timezone
  const read = readerOf(row, raw)

  const name = read.text('nama_usaha', MAX_NAME)
  if (name === undefined && !read.problems.some((p) => p.column === 'nama_usaha')) {
    read.fail('nama_usaha', 'umkm.sidt_required')
  }
  const ownerNameText = read.text('nama_pengusaha', MAX_NAME)
  if (ownerNameText === undefined && !read.problems.some((p) => p.column === 'nama_pengusaha')) {
    read.fail('nama_pengusaha', 'umkm.sidt_required')
  }
  const isOwnerNameMasked = ownerNameText !== undefined && isMasked(ownerNameText)
  const kbliCode = readKbli(read, raw)

  const sexText = textOf(raw.jenis_kelamin)
  const ownerSex =
    sexText === undefined
      ? undefined
      : (SEX[sexText.toLowerCase()] ?? read.fail('jenis_kelamin', 'umkm.sidt_sex_invalid'))

  let ownerHasDisability: boolean | undefined
  if (typeof raw.is_disabilitas === 'boolean') ownerHasDisability = raw.is_disabilitas
  else {
    const text = textOf(raw.is_disabilitas)?.toLowerCase()
    if (text !== undefined) {
      if (YES.has(text)) ownerHasDisability = true
      else if (NO.has(text)) ownerHasDisability = false
      else read.fail('is_disabilitas', 'umkm.sidt_yes_no_invalid')
    }
  }

  const scaleText = textOf(raw.skala_usaha)
  const selfReportedScale =
    scaleText === undefined
      ? undefined
      : (parseScale(scaleText) ?? read.fail('skala_usaha', 'umkm.sidt_scale_invalid', { value: scaleText }))

  const startedMonth = read.take(
    'bulan_mulai_operasi',
    (() => {
      const text = textOf(raw.bulan_mulai_operasi)
      if (text === undefined) return undefined
      return /^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= 12
        ? { value: Number(text) }
        : { code: 'umkm.sidt_month_invalid' }
    })(),
  )
  const thisYear = Number(today.slice(0, 4))
  const startedYear = read.take(
    'tahun_mulai_operasi',
    (() => {
      const text = textOf(raw.tahun_mulai_operasi)
      if (text === undefined) return undefined
      return /^\d{4}$/.test(text) && Number(text) >= MIN_YEAR && Number(text) <= thisYear
        ? { value: Number(text) }
        : { code: 'umkm.sidt_year_invalid', params: { max: thisYear } }
    })(),
  )

  const latitude = read.take('alamat_latitude', parseCoordinate(raw.alamat_latitude, -11.5, 6.5))
  const longitude = read.take('alamat_longitude', parseCoordinate(raw.alamat_longitude, 94, 141.5))
  let coordinates: { latitude?: string; longitude?: string } = {}
  if ((latitude === undefined) !== (longitude === undefined)) {
    if (!read.problems.some((p) => p.column === 'alamat_latitude' || p.column === 'alamat_longitude'))
      read.fail(latitude === undefined ? 'alamat_latitude' : 'alamat_longitude', 'umkm.coordinates_pair')
  } else if (latitude !== undefined && longitude !== undefined && !(latitude === 0 && longitude === 0)) {
    if (latitude === 0 || longitude === 0) read.fail('alamat_latitude', 'umkm.sidt_coordinates_invalid')
    else coordinates = { latitude: latitude.toFixed(6), longitude: longitude.toFixed(6) }
  }

  const headcount = (column: SidtColumn) => read.take(column, parseHeadcount(raw[column]))
  const paidMale = headcount('tk_dibayar_laki')
  const paidFemale = headcount('tk_dibayar_perempuan')
  const paidDisabledMale = headcount('tk_dibayar_disabil_laki')
  const paidDisabledFemale = headcount('tk_dibayar_disabil_perempuan')
  const unpaidMale = headcount('tk_not_dibayar_laki')
  const unpaidFemale = headcount('tk_not_dibayar_perempuan')
  const unpaidDisabledMale = headcount('tk_not_dibayar_disabil_laki')
  const unpaidDisabledFemale = headcount('tk_not_dibayar_disabil_perempua')

  const capital = read.take('modal_pendirian', parseRupiah(raw.modal_pendirian))
  const sales = read.take('omzet_tahunan', parseRupiah(raw.omzet_tahunan))
  const assets = read.take('asset', parseRupiah(raw.asset))

  const sidtPulledAt = readMoment(read, { column: 'pulled_at', cell: raw.pulled_at, timezone, now })
  const sidtUpdatedAt = readMoment(read, { column: 'updated_at', cell: raw.updated_at, timezone, now })

  const business: SidtBusiness = {
    sidtId: read.text('id_data_badan_usaha', 100) ?? null,
    name: name ?? '',
    kbliCode: kbliCode ?? '',
    nib: readNib(read, raw.nib),
    ownerName: isOwnerNameMasked ? undefined : ownerNameText,
    ownerNik: readNik(read, raw.nik_pengusaha),
    ownerPhone: (() => {
      const text = textOf(raw.kontak_hp)
      return text !== undefined && isMasked(text)
        ? undefined
        : read.take('kontak_hp', parsePhone(raw.kontak_hp))
    })(),
    ownerSex,
    ownerHasDisability,
    ownerBirthDate: readBirthDate(read, raw.tanggal_lahir, today),
    ownerEducation: read.text('pendidikan_formal', 100),
    ownerVillageCode: readOwnerPlace(read, raw, index),
    ownerAddress: (() => {
      const text = read.text('alamat_pengusaha')
      return text !== undefined && isMasked(text) ? undefined : text
    })(),
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
    workersPaidMale: paidMale,
    workersPaidFemale: paidFemale,
    workersUnpaidMale: unpaidMale,
    workersUnpaidFemale: unpaidFemale,
    workersDisabledMale: sumOf([paidDisabledMale, unpaidDisabledMale]),
    workersDisabledFemale: sumOf([paidDisabledFemale, unpaidDisabledFemale]),
    sidtPulledAt,
    sidtUpdatedAt,
    sidtSourcePage: read.text('source_page', 1000),
  }
  if (read.problems.length > 0) return { row, problems: read.problems }

  // The figures describe the business as SIDT last saw it: the day of its last change, else of the pull.
  const stamp = sidtUpdatedAt ?? sidtPulledAt
  let asOf = stamp ? localDateOf(stamp, timezone) : today
  // Within the day's grace above a stamp may fall on tomorrow; figures are never dated ahead.
  if (asOf > today) asOf = today
  const figures: SidtFigures | null =
    capital === undefined && sales === undefined && assets === undefined
      ? null
      : {
          asOf,
          capitalRupiah: capital ?? null,
          annualSalesRupiah: sales ?? null,
          assetsRupiah: assets ?? null,
          workers: sumOf([paidMale, paidFemale, unpaidMale, unpaidFemale]) ?? null,
        }
  return { row, record: { row, business: stripUndefined(business), figures, isOwnerNameMasked } }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T
}

/**
 * Problems that span rows: the same SIDT id or the same NIB twice in one file. The later row is
 * the one reported, naming the earlier.
 */
export function findDuplicates(records: readonly SidtRecord[]): SidtProblem[] {
  const problems: SidtProblem[] = []
  const ids = new Map<string, number>()
  const nibs = new Map<string, number>()
  for (const record of records) {
    const { sidtId, nib } = record.business
    if (sidtId !== null) {
      const first = ids.get(sidtId)
      if (first !== undefined)
        problems.push({
          row: record.row,
          column: 'id_data_badan_usaha',
          code: 'umkm.sidt_duplicate_id',
          params: { first },
        })
      else ids.set(sidtId, record.row)
    }
    if (nib !== undefined) {
      const first = nibs.get(nib)
      if (first !== undefined)
        problems.push({ row: record.row, column: 'nib', code: 'umkm.sidt_duplicate_nib', params: { first } })
      else nibs.set(nib, record.row)
    }
  }
  return problems
}

/**
 * A file made for another city: every row that names its kota names another one. Refused as a
 * whole, with one clear answer, instead of one identical problem per row.
 */
export function statedOtherCity(results: readonly SidtRowResult[]): string | null {
  if (results.length === 0) return null
  let stated: string | null = null
  for (const result of results) {
    if (!('problems' in result)) return null
    const other = result.problems.find((p) => p.column === 'kab_usaha' && p.code === 'umkm.sidt_other_city')
    if (!other) return null
    stated ??= String(other.params?.value ?? '')
  }
  return stated
}

export interface ExistingBusinessKey {
  id: number
  sidtId: string | null
  nib: string | null
}

export interface SidtImportPlan {
  inserts: SidtRecord[]
  updates: { id: number; record: SidtRecord }[]
  problems: SidtProblem[]
}

/**
 * Which business each row is: the one with its SIDT id, else the one with its NIB (a business
 * registered in Sinergi before it had a SIDT id gets linked, not duplicated), else a new one. An
 * NIB already held by a different business is refused, as is a row that lands on a business
 * another row of the file already took.
 */
export function planSidtImport(
  records: readonly SidtRecord[],
  existing: readonly ExistingBusinessKey[],
): SidtImportPlan {
  const bySidtId = new Map<string, ExistingBusinessKey>()
  const byNib = new Map<string, ExistingBusinessKey>()
  for (const business of existing) {
    if (business.sidtId !== null) bySidtId.set(business.sidtId, business)
    if (business.nib !== null) byNib.set(business.nib, business)
  }
  const plan: SidtImportPlan = { inserts: [], updates: [], problems: [] }
  const taken = new Map<number, number>()
  for (const record of records) {
    const { sidtId, nib } = record.business
    const fail = (column: SidtColumn, code: string, params?: Record<string, unknown>) =>
      plan.problems.push({ row: record.row, column, code, ...(params ? { params } : {}) })
    const holder = nib === undefined ? undefined : byNib.get(nib)
    let target = sidtId === null ? undefined : bySidtId.get(sidtId)
    if (target) {
      if (holder && holder.id !== target.id) {
        fail('nib', 'umkm.nib_taken', { nib })
        continue
      }
    } else if (holder) {
      if (sidtId !== null && holder.sidtId !== null) {
        fail('nib', 'umkm.sidt_nib_other_record', { nib, sidtId: holder.sidtId })
        continue
      }
      target = holder
    }
    if (!target) {
      if (record.isOwnerNameMasked) fail('nama_pengusaha', 'umkm.sidt_masked_new')
      else plan.inserts.push(record)
      continue
    }
    const first = taken.get(target.id)
    if (first !== undefined) {
      fail(sidtId === null ? 'nib' : 'id_data_badan_usaha', 'umkm.sidt_duplicate_match', { first })
      continue
    }
    taken.set(target.id, record.row)
    plan.updates.push({ id: target.id, record })
  }
  return plan
}

/** The header row: every one of the 49 columns must be there (any order, any case); others are ignored. */
export function missingColumns(headers: readonly string[]): SidtColumn[] {
  const present = new Set(
    headers.map((header) =>
      header
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    ),
  )
  return SIDT_COLUMNS.filter((column) => !present.has(column))
}

// ---------------------------------------------------------------------------------------------
// Export

/** What the export reads of one business: the registry's columns and its latest figures. */
export interface SidtExportSource {
  sidtId: string | null
  name: string
  kbliCode: string
  nib: string | null
  ownerName: string
  ownerNik: string | null
  ownerPhone: string | null
  ownerSex: 'L' | 'P' | null
  ownerHasDisability: boolean | null
  ownerBirthDate: string | null
  ownerEducation: string | null
  ownerVillageCode: string | null
  ownerAddress: string | null
  ownerRt: string | null
  ownerRw: string | null
  mainActivity: string | null
  products: string | null
  legalForm: string | null
  selfReportedScale: Scale | null
  startedMonth: number | null
  startedYear: number | null
  villageCode: string | null
  address: string | null
  rt: string | null
  rw: string | null
  photoUrl: string | null
  latitude: string | null
  longitude: string | null
  workersPaidMale: number
  workersPaidFemale: number
  workersUnpaidMale: number
  workersUnpaidFemale: number
  workersDisabledMale: number
  workersDisabledFemale: number
  sidtPulledAt: Date | null
  sidtUpdatedAt: Date | null
  sidtSourcePage: string | null
  capitalRupiah: number | null
  annualSalesRupiah: number | null
  assetsRupiah: number | null
}

export type SidtExportCell = string | number | null
export type SidtExportRow = Record<SidtColumn, SidtExportCell>

export interface SidtExportOptions {
  /** The city the export is of: its kota and provinsi columns are filled even without a desa. */
  city: { code: string; provinceCode: string }
  /** NIK, phone, birth date and the owner's street address masked (UU 27/2022): the default. */
  isMasked: boolean
  /** The owner's name masked too, for a reader whose role does not see personal data. */
  isNameMasked: boolean
}

const regionPart = (code: string | null, parts: number) =>
  code ? code.split('.').slice(0, parts).join('.') : null

/**
 * One business in the 49 columns. Codes are written as Kemendagri codes; the disabled-worker
 * counts, kept as one number per sex, go in the paid columns and the unpaid ones stay empty
 * (SIDT's own docs warn they overlap the others, so nothing is added twice on re-import).
 */
export function toSidtRow(source: SidtExportSource, options: SidtExportOptions): SidtExportRow {
  const { isMasked: masked } = options
  const birthDate = source.ownerBirthDate
  return {
    id_data_badan_usaha: source.sidtId,
    nik_pengusaha: masked ? maskNik(source.ownerNik) : source.ownerNik,
    nama_pengusaha: options.isNameMasked ? maskName(source.ownerName) : source.ownerName,
    nib: source.nib,
    jenis_kelamin: source.ownerSex,
    is_disabilitas: source.ownerHasDisability === null ? null : source.ownerHasDisability ? 1 : 0,
    tanggal_lahir: birthDate && masked ? `${birthDate.slice(0, 4)}-**-**` : birthDate,
    pendidikan_formal: source.ownerEducation,
    kontak_hp: masked ? maskPhone(source.ownerPhone) : source.ownerPhone,
    prov_pengusaha: regionPart(source.ownerVillageCode, 1),
    kab_pengusaha: regionPart(source.ownerVillageCode, 2),
    kec_pengusaha: regionPart(source.ownerVillageCode, 3),
    kel_pengusaha: source.ownerVillageCode,
    alamat_pengusaha: source.ownerAddress && masked ? '***' : source.ownerAddress,
    rt_pengusaha: source.ownerRt,
    rw_pengusaha: source.ownerRw,
    nama_usaha: source.name,
    kegiatan_utama: source.mainActivity,
    produk_utama: source.products,
    kategori_kbli: kbliCategoryOf(source.kbliCode),
    kode_kbli: source.kbliCode,
    status_badan_usaha: source.legalForm,
    skala_usaha: source.selfReportedScale,
    modal_pendirian: source.capitalRupiah,
    bulan_mulai_operasi: source.startedMonth,
    tahun_mulai_operasi: source.startedYear,
    omzet_tahunan: source.annualSalesRupiah,
    asset: source.assetsRupiah,
    prov_usaha: options.city.provinceCode,
    kab_usaha: options.city.code,
    kec_usaha: regionPart(source.villageCode, 3),
    kel_usaha: source.villageCode,
    alamat_usaha: source.address,
    rt_usaha: source.rt,
    rw_usaha: source.rw,
    foto_usaha: source.photoUrl,
    alamat_latitude: source.latitude === null ? null : Number(source.latitude),
    alamat_longitude: source.longitude === null ? null : Number(source.longitude),
    tk_dibayar_laki: source.workersPaidMale,
    tk_dibayar_perempuan: source.workersPaidFemale,
    tk_dibayar_disabil_laki: source.workersDisabledMale,
    tk_dibayar_disabil_perempuan: source.workersDisabledFemale,
    tk_not_dibayar_laki: source.workersUnpaidMale,
    tk_not_dibayar_perempuan: source.workersUnpaidFemale,
    tk_not_dibayar_disabil_laki: null,
    tk_not_dibayar_disabil_perempua: null,
    pulled_at: source.sidtPulledAt?.toISOString() ?? null,
    updated_at: source.sidtUpdatedAt?.toISOString() ?? null,
    source_page: source.sidtSourcePage,
  }
}
