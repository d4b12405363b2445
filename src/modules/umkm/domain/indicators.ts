/** Pure rules behind the UMKM indicators that compare two figures: growth and coaching effect. */

/**
 * Pertumbuhan usaha mikro (%), as kab/kota Renstra write it: (JUM_n − JUM_{n−1}) / JUM_{n−1} × 100,
 * to two decimals. No value (null), not 0 %, when there were no micro businesses the year before.
 */
export function microGrowthPercent(previous: number, current: number): number | null {
  if (previous === 0) return null
  return Math.round(((current - previous) * 10_000) / previous) / 100
}

export interface SalesPair {
  beforeRupiah: number
  afterRupiah: number
}

/**
 * Sales growth of coached businesses (%): the participants' sales after the programme over their
 * sales before, summed first (so one large business does not vanish in an average of ratios).
 * Only participants with both figures count; no value when none has both or sales before were 0.
 */
export function coachedSalesGrowth(pairs: SalesPair[]): { percent: number | null; participants: number } {
  let before = 0
  let after = 0
  for (const pair of pairs) {
    before += pair.beforeRupiah
    after += pair.afterRupiah
  }
  return {
    percent: before === 0 ? null : Math.round(((after - before) * 10_000) / before) / 100,
    participants: pairs.length,
  }
}
