export type PeriodKind = 'month' | 'semester' | 'year'

export interface PeriodRange {
  /** First day, `YYYY-MM-DD`. */
  start: string
  /** Last day (inclusive), `YYYY-MM-DD`. */
  end: string
}

const PATTERNS: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  // SIPSN reports twice a year: periode 1 is January–June, periode 2 July–December.
  semester: /^(\d{4})-S([12])$/,
  year: /^(\d{4})$/,
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** `2024-03` (month), `2024-S2` (semester) or `2024` (year) to its first and last day; null if malformed. */
export function parsePeriod(kind: PeriodKind, period: string): PeriodRange | null {
  const match = PATTERNS[kind].exec(period)
  if (!match) return null
  const year = Number(match[1])
  if (year < 1900 || year > 2200) return null
  if (kind === 'year') return { start: `${year}-01-01`, end: `${year}-12-31` }
  if (kind === 'semester') {
    return match[2] === '1'
      ? { start: `${year}-01-01`, end: `${year}-06-30` }
      : { start: `${year}-07-01`, end: `${year}-12-31` }
  }
  const month = Number(match[2])
  return {
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
  }
}
