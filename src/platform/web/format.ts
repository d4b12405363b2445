/**
 * Every number, amount and date the web app shows goes through here, so Indonesian and English
 * stay consistent (`1.234,5 kg`, `Rp12.500`, `27 Nov 2026`).
 */
export type UiLocale = 'id' | 'en'

// en-GB, not en-US: day-month order reads naturally next to Indonesian dates.
const INTL_LOCALE: Record<UiLocale, string> = { id: 'id-ID', en: 'en-GB' }
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export function formatNumber(value: number, locale: UiLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits }).format(value)
}

/** Weights are stored as integer grams (ARCHITECTURE: never floats); shown in kilograms. */
export function formatKilograms(grams: number, locale: UiLocale): string {
  return `${formatNumber(grams / 1000, locale)} kg`
}

/** Money is integer rupiah. No space after Rp, as in Indonesian print (PUEBI). */
export function formatRupiah(rupiah: number, locale: UiLocale): string {
  const digits = formatNumber(Math.abs(rupiah), locale, 0)
  return `${rupiah < 0 ? '-' : ''}Rp${digits}`
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value
  // A bare ISO date is a calendar day, not an instant: read it in UTC so no zone shifts it.
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value)
}

/** `27 Nov 2026`. Pass the city's time zone for instants; bare dates ignore it. */
export function formatDate(value: string | Date, locale: UiLocale, timeZone?: string): string {
  const isCalendarDay = typeof value === 'string' && DATE_ONLY.test(value)
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: isCalendarDay ? 'UTC' : timeZone,
  }).format(toDate(value))
}

/** `27 Nov 2026, 14.05` (id) or `27 Nov 2026, 14:05` (en), in the given time zone. */
export function formatDateTime(value: string | Date, locale: UiLocale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(toDate(value))
}

/** A dashboard period: `2026-11` → `Nov 2026`, `2026-11-27` → `27 Nov` (short, for chart axes). */
export function formatPeriod(period: string, locale: UiLocale): string {
  const isMonth = /^\d{4}-\d{2}$/.test(period)
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    ...(isMonth ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }),
    timeZone: 'UTC',
  }).format(new Date(`${isMonth ? `${period}-01` : period}T00:00:00Z`))
}

/** A share 0..1 as a whole-ish percentage: `85,3%` (id) or `85.3%` (en). */
export function formatPercent(share: number, locale: UiLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  )
}
