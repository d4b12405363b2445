import { describe, expect, it } from 'vitest'
import { priceInForce } from './money.ts'
import { followInduk } from './price-list.ts'

const induk = [
  { subMaterial: 'pet', pricePerKgRupiah: 3_500, effectiveFrom: '2026-01-01' },
  { subMaterial: 'pet', pricePerKgRupiah: 3_800, effectiveFrom: '2026-07-01' },
  { subMaterial: 'kardus', pricePerKgRupiah: 1_100, effectiveFrom: '2026-01-01' },
]

describe("a unit following its induk's prices", () => {
  it("takes the induk's list, with its price changes, for what the unit does not price itself", () => {
    const list = followInduk([], induk)
    expect(list.every((row) => row.source === 'induk')).toBe(true)
    expect(priceInForce(list, { subMaterial: 'pet', date: '2026-06-30' })?.pricePerKgRupiah).toBe(3_500)
    expect(priceInForce(list, { subMaterial: 'pet', date: '2026-07-01' })?.pricePerKgRupiah).toBe(3_800)
  })

  it("lets the unit's own price decide a material entirely, even before the induk's later change", () => {
    const own = [{ subMaterial: 'pet', pricePerKgRupiah: 3_000, effectiveFrom: '2026-03-01' }]
    const list = followInduk(own, induk)
    expect(priceInForce(list, { subMaterial: 'pet', date: '2026-08-01' })?.pricePerKgRupiah).toBe(3_000)
    // Before the unit's own first price there is no PET price at this unit: the lists never mix.
    expect(priceInForce(list, { subMaterial: 'pet', date: '2026-02-01' })).toBeNull()
    expect(priceInForce(list, { subMaterial: 'kardus', date: '2026-08-01' })).toMatchObject({
      source: 'induk',
    })
  })
})
