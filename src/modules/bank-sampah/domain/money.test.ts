import { describe, expect, it } from 'vitest'
import {
  depositPostings,
  isBalanced,
  priceInForce,
  reversalPostings,
  rupiahForWeight,
  salePostings,
  savingsAfterReversal,
  savingsBalance,
  transferPostings,
  withdrawalPostings,
} from './money.ts'

const prices = [
  { subMaterial: 'pet', pricePerKgRupiah: 3_000, effectiveFrom: '2026-01-01' },
  { subMaterial: 'pet', pricePerKgRupiah: 3_500, effectiveFrom: '2026-11-15' },
  { subMaterial: 'kardus', pricePerKgRupiah: 1_100, effectiveFrom: '2026-06-01' },
]

describe('prices in force', () => {
  it('uses the new price from the day it takes effect, and the old one the day before', () => {
    expect(priceInForce(prices, { subMaterial: 'pet', date: '2026-11-14' })?.pricePerKgRupiah).toBe(3_000)
    expect(priceInForce(prices, { subMaterial: 'pet', date: '2026-11-15' })?.pricePerKgRupiah).toBe(3_500)
  })

  it('has no price before the first one, nor for a material without prices', () => {
    expect(priceInForce(prices, { subMaterial: 'kardus', date: '2026-05-31' })).toBeNull()
    expect(priceInForce(prices, { subMaterial: 'besi', date: '2026-11-27' })).toBeNull()
  })
})

describe('money', () => {
  it('prices a weight in whole rupiah, half up', () => {
    expect(rupiahForWeight({ weightGrams: 2_500, pricePerKgRupiah: 3_500 })).toBe(8_750)
    expect(rupiahForWeight({ weightGrams: 333, pricePerKgRupiah: 1_500 })).toBe(500)
    expect(rupiahForWeight({ weightGrams: 1, pricePerKgRupiah: 499 })).toBe(0)
  })

  it('balances every journal, and shows savings as what the bank owes', () => {
    const deposit = depositPostings(8_750)
    const withdrawal = withdrawalPostings(5_000)
    expect(isBalanced(deposit)).toBe(true)
    expect(isBalanced(withdrawal)).toBe(true)
    const nasabah = [...deposit, ...withdrawal].filter((p) => p.account === 'nasabah')
    expect(savingsBalance(nasabah)).toBe(3_750)
  })
})

describe('sales, transfers and reversals', () => {
  it('a sale brings cash in against sales, balanced', () => {
    expect(salePostings(12_500)).toEqual([
      { account: 'cash', amountRupiah: 12_500 },
      { account: 'sales', amountRupiah: -12_500 },
    ])
    expect(isBalanced(salePostings(12_500))).toBe(true)
  })

  it('a transfer balances for the unit and for the induk apart', () => {
    const postings = transferPostings(7_000)
    expect(isBalanced(postings.filter((p) => p.bank === 'unit'))).toBe(true)
    expect(isBalanced(postings.filter((p) => p.bank === 'induk'))).toBe(true)
  })

  it('a reversal mirrors the postings, so journal and reversal sum to nothing per account', () => {
    const original = depositPostings(8_750)
    const reversal = reversalPostings(original)
    expect(reversal).toEqual([
      { account: 'purchases', amountRupiah: -8_750 },
      { account: 'nasabah', amountRupiah: 8_750 },
    ])
    expect(isBalanced([...original, ...reversal])).toBe(true)
  })

  it('taking back a deposit of exactly the balance leaves zero; one rupiah more is negative', () => {
    const deposit = depositPostings(10_000).filter((p) => p.account === 'nasabah')
    expect(savingsAfterReversal({ balanceRupiah: 10_000, nasabahPostings: deposit })).toBe(0)
    expect(savingsAfterReversal({ balanceRupiah: 9_999, nasabahPostings: deposit })).toBe(-1)
  })

  it('taking back a withdrawal gives the savings back', () => {
    const withdrawal = withdrawalPostings(5_000).filter((p) => p.account === 'nasabah')
    expect(savingsAfterReversal({ balanceRupiah: 0, nasabahPostings: withdrawal })).toBe(5_000)
  })
})
