/** Monthly household fees (iuran) and a TPS 3R's expenses: pure rules. */
export const EXPENSE_CATEGORIES = ['bbm', 'listrik', 'honor', 'perawatan', 'peralatan', 'lainnya'] as const
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]

/** `YYYY-MM`. */
export function isMonth(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
}

export interface FeeCharge {
  amountRupiah: number
  paidOn: string | null
}

/**
 * Collection rate of a month: paid ÷ charged, by amount and by household count. Null when
 * nothing was charged (no value, not 0 %).
 */
export function collectionRate(charges: FeeCharge[]) {
  const charged = charges.reduce((sum, charge) => sum + charge.amountRupiah, 0)
  const paid = charges.filter((charge) => charge.paidOn !== null)
  const paidAmount = paid.reduce((sum, charge) => sum + charge.amountRupiah, 0)
  return {
    households: charges.length,
    paidHouseholds: paid.length,
    chargedRupiah: charged,
    paidRupiah: paidAmount,
    rateByAmount: charged > 0 ? paidAmount / charged : null,
    rateByHouseholds: charges.length > 0 ? paid.length / charges.length : null,
  }
}
