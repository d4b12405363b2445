import type { DashboardGrams, DashboardRange } from './facilities.api.ts'

/** Every way waste leaves a facility: the six outcomes, sent to a TPA, handed to another facility. */
export const OUT_BUCKETS = [
  'composted',
  'maggot',
  'recycled_sold',
  'reused',
  'burned',
  'landfilled',
  'to_tpa',
  'transferred',
] as const satisfies readonly (keyof DashboardGrams)[]

export type OutBucket = (typeof OUT_BUCKETS)[number]

export function outGrams(grams: DashboardGrams): number {
  return OUT_BUCKETS.reduce((sum, bucket) => sum + grams[bucket], 0)
}

export function kilograms(grams: number): number {
  return grams / 1000
}

export type DashboardSpan = 'days30' | 'months12'

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`)
  moment.setUTCDate(moment.getUTCDate() + days)
  return moment.toISOString().slice(0, 10)
}

/** The last 30 days by day, or the last 12 months (this one included) by month, ending today. */
export function dashboardRange(span: DashboardSpan, today: string): DashboardRange {
  if (span === 'days30') return { from: addDays(today, -29), to: today, granularity: 'day' }
  const [year, month] = today.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10)
  return { from: first, to: today, granularity: 'month' }
}
