import {
  type BalancePart,
  HANDLING_PARTS,
  RECYCLED_PARTS,
  REDUCTION_PARTS,
  UNCONTROLLED_PARTS,
} from './terminal-flows.ts'

export type PartTotals = Record<BalancePart, number>

export function emptyPartTotals(): PartTotals {
  return Object.fromEntries([...REDUCTION_PARTS, ...HANDLING_PARTS].map((part) => [part, 0])) as PartTotals
}

export function addPart(totals: PartTotals, part: BalancePart, grams: number): void {
  totals[part] += grams
}

export interface BalancePercentages {
  /** %B/A */
  reduction: number | null
  /** %C/A */
  handling: number | null
  /** %C/A counting no open-dumping TPA */
  handlingControlled: number | null
  /** %(B+C)/A — SIPSN "terkelola" */
  managed: number | null
  unmanaged: number | null
  /** (D+E)/A */
  recyclingRate: number | null
  /** SDG 11.6.1: managed in controlled facilities ÷ generated. */
  sdg1161: number | null
}

/** SIPSN's capaian kinerja for one period, in grams; every share is null without a timbulan estimate. */
export interface BalanceFigures {
  timbulan: number | null
  reduction: number
  handling: number
  handlingControlled: number
  managed: number
  unmanaged: number | null
  recycled: number
  feedstock: number
  percent: BalancePercentages
  /** B + C is more than the estimate: the estimate's inputs deserve a second look. */
  exceedsEstimate: boolean
}

function sum(totals: PartTotals, parts: readonly BalancePart[]): number {
  return parts.reduce((total, part) => total + totals[part], 0)
}

/** A share in percent with two decimals; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number | null): number | null {
  if (whole === null || whole <= 0) return null
  return Math.round((part * 10_000) / whole) / 100
}

export function balanceFigures(totals: PartTotals, timbulan: number | null): BalanceFigures {
  const reduction = sum(totals, REDUCTION_PARTS)
  const handling = sum(totals, HANDLING_PARTS)
  const handlingControlled = handling - sum(totals, UNCONTROLLED_PARTS)
  const managed = reduction + handling
  const recycled = sum(totals, RECYCLED_PARTS)
  const feedstock = totals.feedstock
  const unmanaged = timbulan === null ? null : timbulan - managed
  return {
    timbulan,
    reduction,
    handling,
    handlingControlled,
    managed,
    unmanaged,
    recycled,
    feedstock,
    percent: {
      reduction: percentOf(reduction, timbulan),
      handling: percentOf(handling, timbulan),
      handlingControlled: percentOf(handlingControlled, timbulan),
      managed: percentOf(managed, timbulan),
      unmanaged: unmanaged === null ? null : percentOf(unmanaged, timbulan),
      recyclingRate: percentOf(recycled + feedstock, timbulan),
      sdg1161: percentOf(reduction + handlingControlled, timbulan),
    },
    exceedsEstimate: timbulan !== null && managed > timbulan,
  }
}
