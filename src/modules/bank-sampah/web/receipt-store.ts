import type { Deposit, Nasabah } from './bank-sampah.api.ts'

/**
 * The API answers a deposit with its priced lines but has no endpoint to read one back yet, so the
 * receipt page keeps the answer for this browser tab: a reload or a second print still works.
 */
export interface StoredReceipt {
  deposit: Deposit
  nasabah: Pick<Nasabah, 'id' | 'name' | 'memberNumber'>
}

const PREFIX = 'sinergi.bank-sampah.receipt.'

export function rememberReceipt(receipt: StoredReceipt): void {
  const { id, name, memberNumber } = receipt.nasabah
  try {
    window.sessionStorage.setItem(
      PREFIX + receipt.deposit.id,
      JSON.stringify({ deposit: receipt.deposit, nasabah: { id, name, memberNumber } }),
    )
  } catch {
    // Private browsing may refuse storage; the receipt is then shown once, right after saving.
  }
  lastReceipt = receipt
}

let lastReceipt: StoredReceipt | null = null

export function recallReceipt(depositId: string): StoredReceipt | null {
  if (lastReceipt?.deposit.id === depositId) return lastReceipt
  try {
    const stored = window.sessionStorage.getItem(PREFIX + depositId)
    return stored ? (JSON.parse(stored) as StoredReceipt) : null
  } catch {
    return null
  }
}
