/**
 * When a business is in the registry (*usaha yang beroperasi*): the pure rule behind every count of
 * a period, and the checks on closing a business (*tutup usaha*).
 *
 * A business counts at a date when it had started operating by then (SIDT `tahun_mulai_operasi`
 * and `bulan_mulai_operasi`, compared by month) and had not closed by then. A business whose start
 * is unknown counts (most records from before SIDT have none; leaving them out would empty the
 * past); with the year known and the month not, the year alone decides. A business closed ON a
 * date no longer counts at that date: it stopped operating that day.
 */

/** The registry list's status filter: in operation now (not closed), closed, or all. */
export const BUSINESS_STATUSES = ['operating', 'closed', 'all'] as const
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number]

export interface RegistrySpan {
  startedYear: number | null
  startedMonth: number | null
  /** YYYY-MM-DD in the city's calendar; null while the business operates. */
  closedOn: string | null
}

const yearOf = (date: string) => Number(date.slice(0, 4))
const monthOf = (date: string) => Number(date.slice(5, 7))

/** Whether the business had started operating by `date` (YYYY-MM-DD); an unknown start has. */
export function hadStartedBy(
  span: Pick<RegistrySpan, 'startedYear' | 'startedMonth'>,
  date: string,
): boolean {
  if (span.startedYear === null) return true
  const year = yearOf(date)
  if (span.startedYear !== year) return span.startedYear < year
  return span.startedMonth === null || span.startedMonth <= monthOf(date)
}

/** Whether the business counts in the registry at the end of `date`: started by then, not closed by then. */
export function operatingAt(span: RegistrySpan, date: string): boolean {
  return hadStartedBy(span, date) && (span.closedOn === null || span.closedOn > date)
}

/** The first day the business can have operated, when its start is known: for a closure's lower bound. */
export function firstDayOf(span: Pick<RegistrySpan, 'startedYear' | 'startedMonth'>): string | null {
  if (span.startedYear === null) return null
  const month = String(span.startedMonth ?? 1).padStart(2, '0')
  return `${String(span.startedYear).padStart(4, '0')}-${month}-01`
}

export const CLOSURE_REASON_MIN = 3
export const CLOSURE_REASON_MAX = 300

export interface ClosureProblem {
  field: '/body/closedOn' | '/body/reason'
  code: 'umkm.closure_date_in_future' | 'umkm.closure_before_start' | 'umkm.closure_reason_invalid'
  params: Record<string, unknown>
}

/**
 * The rules on closing: the day is not after today in the city, nor before the business started
 * (its first month, or its first year when the month is unknown); the reason, trimmed, is 3–300
 * characters. All problems at once, each next to its field.
 */
export function checkClosure(
  span: Pick<RegistrySpan, 'startedYear' | 'startedMonth'>,
  input: { closedOn: string; reason: string },
  today: string,
): ClosureProblem[] {
  const problems: ClosureProblem[] = []
  const first = firstDayOf(span)
  if (input.closedOn > today) {
    problems.push({ field: '/body/closedOn', code: 'umkm.closure_date_in_future', params: { today } })
  } else if (first !== null && input.closedOn < first) {
    problems.push({
      field: '/body/closedOn',
      code: 'umkm.closure_before_start',
      params: { started: first.slice(0, span.startedMonth === null ? 4 : 7) },
    })
  }
  const reason = input.reason.trim().length
  if (reason < CLOSURE_REASON_MIN || reason > CLOSURE_REASON_MAX) {
    problems.push({
      field: '/body/reason',
      code: 'umkm.closure_reason_invalid',
      params: { min: CLOSURE_REASON_MIN, max: CLOSURE_REASON_MAX },
    })
  }
  return problems
}

/** The end of a year's period: 31 December, or today for the year still running. */
export function periodEndOf(year: string, today: string): string {
  return year === today.slice(0, 4) ? today : `${year}-12-31`
}

export interface StartProblem {
  field: '/body/startedYear' | '/body/startedMonth'
  code: 'umkm.started_in_future' | 'umkm.started_month_without_year' | 'umkm.started_after_closure'
}

/**
 * The start of operation as typed on the form: a month needs its year; neither lies after today in
 * the city (this month is allowed), nor after the day a closed business closed.
 */
export function checkStart(
  span: Pick<RegistrySpan, 'startedYear' | 'startedMonth' | 'closedOn'>,
  today: string,
): StartProblem[] {
  const { startedYear: year, startedMonth: month } = span
  if (year === null) {
    return month === null ? [] : [{ field: '/body/startedMonth', code: 'umkm.started_month_without_year' }]
  }
  const latest = span.closedOn && span.closedOn < today ? span.closedOn : today
  const code = latest === today ? 'umkm.started_in_future' : 'umkm.started_after_closure'
  if (year > yearOf(latest)) return [{ field: '/body/startedYear', code }]
  if (year === yearOf(latest) && month !== null && month > monthOf(latest)) {
    return [{ field: '/body/startedMonth', code }]
  }
  return []
}
