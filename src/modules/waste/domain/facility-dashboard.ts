import type { Material } from './materials.ts'

/** Where waste ends up, as the facility dashboard groups it. */
export const DASHBOARD_BUCKETS = [
  'in',
  'sorted',
  'composted',
  'maggot',
  'recycled_sold',
  'reused',
  'burned',
  'landfilled',
  'to_tpa',
  'transferred',
] as const
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number]

export interface PeriodTotal {
  period: string
  bucket: string
  material: Material
  grams: number
  revenue: number
}

export interface DashboardPeriod {
  period: string
  grams: Record<DashboardBucket, number>
  revenueRupiah: number
}

function emptyBuckets(): Record<DashboardBucket, number> {
  return Object.fromEntries(DASHBOARD_BUCKETS.map((bucket) => [bucket, 0])) as Record<DashboardBucket, number>
}

/**
 * Share of what came in that did not go to a TPA: 1 − (to TPA ÷ in). Waste still in stock counts
 * as kept out (it has not gone to the TPA, yet). Null when nothing came in: no value, not 0 %.
 */
export function keptOutOfTpaShare(grams: { in: number; to_tpa: number }): number | null {
  if (grams.in <= 0) return null
  return 1 - grams.to_tpa / grams.in
}

export function buildDashboard(rows: PeriodTotal[]) {
  const periods = new Map<string, DashboardPeriod>()
  const byMaterial = new Map<Material, Record<DashboardBucket, number>>()
  const totals = emptyBuckets()
  let revenueRupiah = 0
  for (const row of rows) {
    const bucket = (DASHBOARD_BUCKETS as readonly string[]).includes(row.bucket)
      ? (row.bucket as DashboardBucket)
      : null
    if (!bucket) continue
    const period = periods.get(row.period) ?? { period: row.period, grams: emptyBuckets(), revenueRupiah: 0 }
    period.grams[bucket] += row.grams
    period.revenueRupiah += row.revenue
    periods.set(row.period, period)
    const material = byMaterial.get(row.material) ?? emptyBuckets()
    material[bucket] += row.grams
    byMaterial.set(row.material, material)
    totals[bucket] += row.grams
    revenueRupiah += row.revenue
  }
  return {
    totals: { grams: totals, revenueRupiah, keptOutOfTpaShare: keptOutOfTpaShare(totals) },
    periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    byMaterial: [...byMaterial.entries()].map(([material, grams]) => ({ material, grams })),
  }
}
