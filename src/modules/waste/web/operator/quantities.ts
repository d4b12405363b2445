import { cityDateOf } from '../../../../platform/domain/city-time.ts'
/**
 * What an operator types, read the way they mean it: kilograms with a decimal comma ("12,5"),
 * whole rupiah with or without thousands dots ("3.500"). The ledger keeps whole grams and whole
 * rupiah (ARCHITECTURE: never floats), so parsing ends in integers or a refusal.
 */
export type Parsed = { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalid' | 'notPositive' }

const KILOGRAMS = /^\d+(?:[.,]\d{1,3})?$/
const RUPIAH_PLAIN = /^\d+$/
const RUPIAH_GROUPED = /^\d{1,3}(?:\.\d{3})+$/
/** The server's ceiling for one entry (1 000 t); anything larger is a typing slip. */
const MAX_GRAMS = 1_000_000_000
const MAX_RUPIAH = 100_000_000

function clean(text: string): string {
  return text.trim().replace(/\s+/g, '').replace(/kg$/i, '').replace(/^rp/i, '')
}

/**
 * "12,5" or "12.5" → 12 500 g. Up to three decimals (a gram); a dot is read as a decimal point
 * because nobody weighs a thousand kilograms on a TPS 3R scale, and "1.250" kg would be ambiguous.
 */
export function parseKilogramsToGrams(text: string): Parsed {
  const value = clean(text)
  if (!value) return { ok: false, reason: 'empty' }
  if (!KILOGRAMS.test(value)) return { ok: false, reason: 'invalid' }
  const [whole = '0', fraction = ''] = value.split(/[.,]/)
  const grams = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'))
  if (grams <= 0) return { ok: false, reason: 'notPositive' }
  if (grams > MAX_GRAMS) return { ok: false, reason: 'invalid' }
  return { ok: true, value: grams }
}

/** "3.500", "3500" or "Rp3.500" → 3 500. Whole rupiah only; zero is allowed when `allowZero`. */
export function parseRupiah(text: string, options: { allowZero?: boolean } = {}): Parsed {
  const value = clean(text)
  if (!value) return { ok: false, reason: 'empty' }
  if (!RUPIAH_PLAIN.test(value) && !RUPIAH_GROUPED.test(value)) return { ok: false, reason: 'invalid' }
  const rupiah = Number(value.replaceAll('.', ''))
  if (rupiah > MAX_RUPIAH) return { ok: false, reason: 'invalid' }
  if (rupiah === 0 && !options.allowZero) return { ok: false, reason: 'notPositive' }
  return { ok: true, value: rupiah }
}

/** The calendar day in the city (Batu is WIB), not in the phone's own zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return cityDateOf(now, timeZone)
}

/** `2026-11-27` → `2026-11`. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** `2026-11` → first and last day, for list filters. */
export function monthRange(period: string): { from: string; to: string } {
  const [year, month] = period.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` }
}

/** A date typed or picked for an entry: a real day, not after today. */
export function isUsableDate(date: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date && date <= today
}
