import type { CityBalance } from './balance.ts'
import { percentOf } from './figures.ts'

/**
 * SIPSN's own column shapes (research notes §1.2, headers verbatim), filled from the balance.
 * Tonnes carry three decimals (kilograms); percentages two. A row per periode (1 = January–June,
 * 2 = July–December) holds that semester's tonnages; the year row (periode empty) the whole year.
 */
export const CAPAIAN_COLUMNS = [
  'Tahun',
  'Periode',
  'Provinsi',
  'Kabupaten/Kota',
  'Timbulan Sampah Tahunan (ton/tahun)(A)',
  'Pengurangan Sampah Tahunan (ton/tahun)(B)',
  '%Pengurangan Sampah(B/A)',
  'Penanganan Sampah Tahunan (ton/tahun)(C)',
  '%Penanganan Sampah(C/A)',
  'Sampah Terkelola Tahunan (ton/tahun)(B+C)',
  '%Sampah Terkelola(B+C)/A',
  'Daur ulang Sampah Tahunan (ton/tahun)(D)',
  'Bahan baku Sampah Tahunan (ton/tahun)(E)',
  'Recycling Rate(D+E)/A',
] as const
export const TIMBULAN_COLUMNS = [
  'Tahun',
  'Provinsi',
  'Kabupaten/Kota',
  'Timbulan Sampah Harian (ton)',
  'Timbulan Sampah Tahunan (ton)',
] as const
export const KOMPOSISI = [
  ['sisa_makanan', 'Sisa Makanan'],
  ['kayu_ranting', 'Kayu-Ranting'],
  ['kertas_karton', 'Kertas-Karton'],
  ['plastik', 'Plastik'],
  ['logam', 'Logam'],
  ['kain', 'Kain'],
  ['karet_kulit', 'Karet-Kulit'],
  ['kaca', 'Kaca'],
  ['lainnya', 'Lainnya'],
] as const
export const SUMBER = [
  ['rumah_tangga', 'Rumah Tangga'],
  ['perkantoran', 'Perkantoran'],
  ['pasar', 'Pasar'],
  ['perniagaan', 'Perniagaan'],
  ['fasilitas_publik', 'Fasilitas Publik'],
  ['kawasan', 'Kawasan'],
  ['lainnya', 'Lainnya'],
] as const
export const FASILITAS_COLUMNS = [
  'Tahun',
  'Periode',
  'Provinsi',
  'Kabupaten/Kota',
  'Nama Fasilitas',
  'Jenis',
  'Status',
  'Sampah masuk (ton/thn)',
  'Sampah terkelola (ton/thn)',
] as const

export const FACILITY_JENIS: Record<string, string> = {
  tps: 'TPS',
  tps3r: 'TPS3R',
  bank_sampah_unit: 'Bank Sampah Unit',
  bank_sampah_induk: 'Bank Sampah Induk',
  rumah_kompos: 'Rumah Kompos',
  tpst: 'TPST',
  tpa: 'TPA',
  pusat_daur_ulang: 'Pusat Daur Ulang',
  pengepul: 'Sektor Informal (Pengepul)',
}

export type Cell = string | number | null

export interface SipsnPlace {
  year: number
  province: string
  city: string
}

/** Grams to tonnes with three decimals (whole kilograms): 1 234 567 g → 1.235 t. */
export function tonnes(grams: number | null): number | null {
  return grams === null ? null : Math.round(grams / 1000) / 1000
}

export function capaianRow(place: SipsnPlace, periode: 1 | 2 | null, balance: CityBalance): Cell[] {
  const f = balance.figures
  return [
    place.year,
    periode,
    place.province,
    place.city,
    tonnes(f.timbulan),
    tonnes(f.reduction),
    f.percent.reduction,
    tonnes(f.handling),
    f.percent.handling,
    tonnes(f.managed),
    f.percent.managed,
    tonnes(f.recycled),
    tonnes(f.feedstock),
    f.percent.recyclingRate,
  ]
}

export function timbulanRow(place: SipsnPlace, year: CityBalance): Cell[] {
  return [
    place.year,
    place.province,
    place.city,
    tonnes(year.estimate?.perDay ?? null),
    tonnes(year.figures.timbulan),
  ]
}

/** Shares in % of what was separated at facilities (composition) or received by source. */
function shares(
  place: SipsnPlace,
  keys: readonly (readonly [string, string])[],
  totals: Map<string, number>,
): Cell[] {
  const whole = [...totals.values()].reduce((sum, grams) => sum + grams, 0)
  return [
    place.year,
    place.province,
    place.city,
    ...keys.map(([key]) => percentOf(totals.get(key) ?? 0, whole)),
  ]
}

export function komposisiRow(place: SipsnPlace, year: CityBalance): Cell[] {
  return shares(place, KOMPOSISI, new Map(year.composition.map((row) => [row.material, row.grams])))
}

export function sumberRow(place: SipsnPlace, year: CityBalance): Cell[] {
  return shares(place, SUMBER, new Map(year.sources.map((row) => [row.sector, row.grams])))
}

export interface FacilityTotal {
  name: string
  kind: string
  status: string
  inGrams: number
  reducedGrams: number
}

/** A TPA manages what it receives (penanganan); any other facility what it reduces (pengurangan). */
export function fasilitasRow(place: SipsnPlace, periode: 1 | 2, facility: FacilityTotal): Cell[] {
  const managed = facility.kind === 'tpa' ? facility.inGrams : facility.reducedGrams
  return [
    place.year,
    periode,
    place.province,
    place.city,
    facility.name,
    FACILITY_JENIS[facility.kind] ?? facility.kind,
    facility.status === 'active' ? 'A' : 'TA',
    tonnes(facility.inGrams),
    tonnes(managed),
  ]
}
