/**
 * Pure rules about Indonesia's administrative regions (Kemendagri codes). No I/O: the server and
 * the web app both use them.
 */

export type TimeZoneName = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'

/**
 * Which of the three zones a province keeps (UU/Keppres 41/1987): WIB for Sumatra, Java, West and
 * Central Kalimantan; WITA for Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT for
 * Maluku and Papua.
 */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'])

export function timezoneOfProvince(provinceCode: string): TimeZoneName {
  if (WITA_PROVINCES.has(provinceCode)) return 'Asia/Makassar'
  if (provinceCode.startsWith('8') || provinceCode.startsWith('9')) return 'Asia/Jayapura'
  return 'Asia/Jakarta'
}

export const TIMEZONE_ABBREVIATION: Record<TimeZoneName, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** Kemendagri numbers kelurahan 1001–1999 and desa 2001–2999 within a kecamatan. */
export function villageKindOf(villageCode: string): 'desa' | 'kelurahan' {
  const serial = villageCode.split('.')[3] ?? ''
  return serial.startsWith('1') ? 'kelurahan' : 'desa'
}

export function cityKindOf(name: string): 'kota' | 'kabupaten' {
  return /^kota\b/i.test(name.trim()) ? 'kota' : 'kabupaten'
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** `35.79` for a kabupaten/kota. */
export const CITY_CODE_PATTERN = /^\d{2}\.\d{2}$/

export function isCityCode(value: string): boolean {
  return CITY_CODE_PATTERN.test(value)
}
