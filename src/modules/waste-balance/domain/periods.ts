import { type PeriodKind, parsePeriod } from '../../../platform/domain/periods.ts'
import { SIPSN_DAYS_PER_YEAR } from './timbulan.ts'

export interface BalancePeriod {
  kind: PeriodKind
  /** `2025`, `2025-S1` or `2025-03`. */
  period: string
  year: number
  start: string
  end: string
  /** The months it spans, `YYYY-MM`. */
  months: string[]
  /** Days counted for timbulan: 365 for a year (SIPSN), else the calendar days of the period. */
  days: number
}

function kindOf(period: string): PeriodKind | null {
  if (/^\d{4}$/.test(period)) return 'year'
  if (/^\d{4}-S[12]$/.test(period)) return 'semester'
  if (/^\d{4}-\d{2}$/.test(period)) return 'month'
  return null
}

function daysBetween(start: string, end: string): number {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1
}

/** A year, a SIPSN semester (periode 1 = January–June, 2 = July–December) or a month; null if malformed. */
export function balancePeriod(period: string): BalancePeriod | null {
  const kind = kindOf(period)
  if (!kind) return null
  const range = parsePeriod(kind, period)
  if (!range) return null
  const year = Number(period.slice(0, 4))
  const firstMonth = Number(range.start.slice(5, 7))
  const lastMonth = Number(range.end.slice(5, 7))
  const months: string[] = []
  for (let month = firstMonth; month <= lastMonth; month += 1) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
  }
  const days = kind === 'year' ? SIPSN_DAYS_PER_YEAR : daysBetween(range.start, range.end)
  return { kind, period, year, start: range.start, end: range.end, months, days }
}

/**
 * The period as far as it has gone: a period still running on `today` counts its days up to and
 * including today (timbulan is compared with what the ledger could have seen), and its months up to
 * today's month. A finished period is returned as it is.
 */
export function elapsedPeriod(period: BalancePeriod, today: string): BalancePeriod {
  if (today >= period.end) return period
  if (today < period.start) return { ...period, end: period.start, months: [], days: 0 }
  const thisMonth = today.slice(0, 7)
  return {
    ...period,
    end: today,
    months: period.months.filter((month) => month <= thisMonth),
    days: daysBetween(period.start, today),
  }
}

/** Days of a month counted in a period (the whole month, or up to the period's end). */
export function daysOfMonthIn(period: BalancePeriod, month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const whole = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  return period.end.startsWith(month) ? Number(period.end.slice(8, 10)) : whole
}
