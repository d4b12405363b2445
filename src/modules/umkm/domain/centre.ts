import { addDays, daysBetween } from './licences.ts'

/**
 * The UMKM centre (pusat/pojok UMKM, galeri): a dinas-run shop that sells curated products on
 * consignment (*konsinyasi*) and pays each producer once a month for what sold. Pure rules only.
 */

export const PAYMENT_METHODS = ['cash', 'qris'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** Why stock leaves the shelf other than by a sale. */
export const REMOVAL_KINDS = ['returned', 'expired', 'damaged', 'shrinkage'] as const
export type RemovalKind = (typeof REMOVAL_KINDS)[number]

export const GRADES = ['A', 'B', 'C', 'D'] as const
export type Grade = (typeof GRADES)[number]

/**
 * The curation rubric, after the pattern of Diskop-UKM Jatim's kurasi and Jakpreneur's A–D classes:
 * six criteria scored 1–4, weighted to a 0–100 total. The version is stored with every assessment
 * so a later rubric never rewrites an old grade.
 */
export const RUBRIC_VERSION = 'kurasi-2026.1'
export const CURATION_CRITERIA = [
  { code: 'legality', weight: 20 },
  { code: 'product_quality', weight: 25 },
  { code: 'packaging', weight: 20 },
  { code: 'production_capacity', weight: 15 },
  { code: 'price_competitiveness', weight: 10 },
  { code: 'market_reach', weight: 10 },
] as const
export type CurationCriterion = (typeof CURATION_CRITERIA)[number]['code']
export type CurationScores = Record<CurationCriterion, number>
export const SCORE_MIN = 1
export const SCORE_MAX = 4

/** Lowest total for each grade; below the last is D. A product graded D does not go on the shelf. */
export const GRADE_FLOORS: ReadonlyArray<readonly [Grade, number]> = [
  ['A', 85],
  ['B', 70],
  ['C', 55],
]

/**
 * Weighted total on 0–100: a criterion at 4 earns its full weight, at 1 earns nothing. Kept in
 * integer arithmetic: Σ weight × (score − 1) × 100 / (3 × 100), rounded half up.
 */
export function curationTotal(scores: CurationScores): number {
  let points = 0
  for (const { code, weight } of CURATION_CRITERIA) {
    const score = scores[code]
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) {
      throw new RangeError(`score for ${code} must be an integer ${SCORE_MIN}–${SCORE_MAX}`)
    }
    points += weight * (score - SCORE_MIN)
  }
  // points ranges 0..300 (Σ weight = 100, times 3); total = points / 3, half up.
  return Math.floor((points * 2 + 3) / 6)
}

export function gradeOf(total: number): Grade {
  for (const [grade, floor] of GRADE_FLOORS) if (total >= floor) return grade
  return 'D'
}

/** Only products graded A–C may be consigned. */
export function isShelfable(grade: Grade | null): boolean {
  return grade !== null && grade !== 'D'
}

/**
 * The centre's commission on a sale line, in whole rupiah, from basis points (10 % = 1000 bps),
 * rounded half up so the producer's share and the commission always add up to the line amount.
 */
export function commissionOf(amountRupiah: number, commissionBps: number): number {
  return Math.floor((amountRupiah * commissionBps * 2 + 10_000) / 20_000)
}

/** A YYYY-MM month, as a settlement is named. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** First and last day (inclusive) of a YYYY-MM month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` }
}

/** `2026-12-05` → `2026-11`: the month before the one a day falls in. */
export function previousMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

/** `2026-11` → `2026-12-01`: the first day the month counts as over, when it may be settled. */
export function firstDayAfter(month: string): string {
  return addDays(monthBounds(month).to, 1)
}

/**
 * A month can be settled once it is over in the city's own time: on the 1st of the next month,
 * never on the last day itself (the counter may still sell that evening).
 */
export function isMonthOver(month: string, cityToday: string): boolean {
  return monthBounds(month).to < cityToday
}

export interface StatementLine {
  quantity: number
  amountRupiah: number
  commissionRupiah: number
}

/** The settlement totals of a month's sale lines: gross, the centre's commission, and what the producer is owed. */
export function settlementTotals(lines: StatementLine[]) {
  let grossRupiah = 0
  let commissionRupiah = 0
  let quantity = 0
  for (const line of lines) {
    grossRupiah += line.amountRupiah
    commissionRupiah += line.commissionRupiah
    quantity += line.quantity
  }
  return { quantity, grossRupiah, commissionRupiah, payableRupiah: grossRupiah - commissionRupiah }
}

/** Days until a consignment batch expires (negative once expired); null when it does not expire. */
export function daysToExpiry(expiresOn: string | null, cityToday: string): number | null {
  return expiresOn ? daysBetween(cityToday, expiresOn) : null
}
