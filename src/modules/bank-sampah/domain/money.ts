/**
 * The bank sampah's money rules, pure. Amounts are whole rupiah; weights whole grams. A posting is
 * a signed amount: positive = debit, negative = credit. A nasabah's savings are owed by the bank (a
 * liability), so a deposit credits the nasabah's account and the balance shown is −Σ postings.
 */
export interface PriceRow {
  subMaterial: string
  pricePerKgRupiah: number
  /** First day the price applies, `YYYY-MM-DD` (inclusive). */
  effectiveFrom: string
}

/** The price in force on a day: the latest one that started on or before it; null when none. */
export function priceInForce<T extends PriceRow>(
  prices: T[],
  options: { subMaterial: string; date: string },
): T | null {
  let found: T | null = null
  for (const price of prices) {
    if (price.subMaterial !== options.subMaterial || price.effectiveFrom > options.date) continue
    if (!found || price.effectiveFrom > found.effectiveFrom) found = price
  }
  return found
}

/** grams × Rp/kg in whole rupiah, half up: 2.500 g at Rp3.500/kg → Rp8.750. */
export function rupiahForWeight(options: { weightGrams: number; pricePerKgRupiah: number }): number {
  return Math.floor((options.weightGrams * options.pricePerKgRupiah + 500) / 1000)
}

export interface Posting {
  account: 'nasabah' | 'cash' | 'purchases' | 'sales'
  amountRupiah: number
}

export function depositPostings(totalRupiah: number): Posting[] {
  return [
    { account: 'purchases', amountRupiah: totalRupiah },
    { account: 'nasabah', amountRupiah: -totalRupiah },
  ]
}

export function withdrawalPostings(amountRupiah: number): Posting[] {
  return [
    { account: 'nasabah', amountRupiah: amountRupiah },
    { account: 'cash', amountRupiah: -amountRupiah },
  ]
}

/** A sale to a pengepul brings cash in: cash +X / sales −X. */
export function salePostings(totalRupiah: number): Posting[] {
  return [
    { account: 'cash', amountRupiah: totalRupiah },
    { account: 'sales', amountRupiah: -totalRupiah },
  ]
}

export interface BankPosting extends Posting {
  bank: 'unit' | 'induk'
}

/**
 * A unit's transfer to its induk is a sale for the unit and a purchase for the induk, each side
 * balanced on its own: unit cash +X / unit sales −X, induk purchases +X / induk cash −X.
 */
export function transferPostings(totalRupiah: number): BankPosting[] {
  return [
    { bank: 'unit', account: 'cash', amountRupiah: totalRupiah },
    { bank: 'unit', account: 'sales', amountRupiah: -totalRupiah },
    { bank: 'induk', account: 'purchases', amountRupiah: totalRupiah },
    { bank: 'induk', account: 'cash', amountRupiah: -totalRupiah },
  ]
}

/** A reversal mirrors every posting of the journal it corrects, so the two together sum to nothing. */
export function reversalPostings<T extends { amountRupiah: number }>(original: T[]): T[] {
  return original.map((posting) => ({ ...posting, amountRupiah: -posting.amountRupiah }))
}

/** The savings left if this journal's effect on the nasabah were taken back; negative = refuse. */
export function savingsAfterReversal(options: {
  balanceRupiah: number
  nasabahPostings: { amountRupiah: number }[]
}): number {
  return options.balanceRupiah - savingsBalance(options.nasabahPostings)
}

export function isBalanced(postings: { amountRupiah: number }[]): boolean {
  return postings.reduce((sum, posting) => sum + posting.amountRupiah, 0) === 0
}

/** What the bank owes the nasabah, from their account's postings. */
export function savingsBalance(nasabahPostings: { amountRupiah: number }[]): number {
  return -nasabahPostings.reduce((sum, posting) => sum + posting.amountRupiah, 0)
}
