import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import { priceInForce } from '../domain/money.ts'
import { stockValue } from '../domain/stock.ts'
import * as repo from './bank-sampah.repository.ts'
import { assertTeller, type BankTarget, loadBank } from './bank-sampah.service.ts'
import * as ledger from './ledger.repository.ts'

/** First and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/**
 * One bank's month: deposits by material and by RT/RW (reversed deposits left out), nasabah who
 * deposited, and — as of today — the stock per material valued at today's buying prices and the
 * cash position (the sum of the cash account). For the bank's tellers and Dinas LH.
 */
export async function bankMonthReport(context: ServiceContext, target: BankTarget & { month: string }) {
  assertTeller(context, target)
  const bank = await loadBank(context, target)
  const { db } = context.database
  const period = { ...bank, ...monthBounds(target.month) }
  const today = cityToday(context, target.city)
  const [byMaterial, byRtRw, activeNasabah, stock, priceList, cashRupiah] = await Promise.all([
    ledger.monthDepositsByMaterial(db, period),
    ledger.monthDepositsByRtRw(db, period),
    ledger.monthActiveNasabah(db, period),
    ledger.stockBySubMaterial(db, bank),
    repo.listEffectivePrices(db, bank),
    ledger.cashPosition(db, bank),
  ])
  const prices = new Map<string, number>()
  for (const row of stock) {
    const price = priceInForce(priceList, { subMaterial: row.subMaterial, date: today })
    if (price) prices.set(row.subMaterial, price.pricePerKgRupiah)
  }
  const valued = stockValue(
    stock.filter((row) => row.grams !== 0),
    prices,
  )
  return {
    bank: { id: target.bankId, name: bank.facility.name },
    month: target.month,
    from: period.from,
    to: period.to,
    pricesOn: today,
    deposits: {
      weightGrams: byMaterial.reduce((sum, row) => sum + row.weightGrams, 0),
      amountRupiah: byMaterial.reduce((sum, row) => sum + row.amountRupiah, 0),
      byMaterial,
      byRtRw,
    },
    activeNasabah,
    stock: valued,
    stockValueRupiah: valued.reduce((sum, row) => sum + row.valueRupiah, 0),
    cashRupiah,
  }
}

export type BankMonthReport = Awaited<ReturnType<typeof bankMonthReport>>
