/**
 * Where a row says the business and its owner are: Kemendagri codes or place names, checked
 * against the city's kecamatan and desa/kelurahan.
 */
import { textOf } from './sidt-cells.ts'
import type { SidtCell, SidtRawRow } from './sidt-columns.ts'
import type { RowReader } from './sidt-row-reader.ts'

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

/** Where the business is: a desa/kelurahan of this city, its kecamatan, and the city itself. */
export function readBusinessPlace(
  read: RowReader,
  raw: SidtRawRow,
  index: SidtCityIndex,
): string | undefined {
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
export function readOwnerPlace(read: RowReader, raw: SidtRawRow, index: SidtCityIndex): string | undefined {
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
