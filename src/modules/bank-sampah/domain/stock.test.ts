import { describe, expect, it } from 'vitest'
import { firstStockShortfall, stockValue } from './stock.ts'

describe('firstStockShortfall', () => {
  const stock = [
    { subMaterial: 'pet', grams: 5_000 },
    { subMaterial: 'kardus', grams: 0 },
  ]

  it('lets a sale take exactly what is in stock', () => {
    expect(firstStockShortfall(stock, [{ subMaterial: 'pet', weightGrams: 5_000 }])).toBeNull()
  })

  it('refuses one gram more than the stock, naming the material and the figures', () => {
    expect(firstStockShortfall(stock, [{ subMaterial: 'pet', weightGrams: 5_001 }])).toEqual({
      subMaterial: 'pet',
      stockGrams: 5_000,
      requestedGrams: 5_001,
    })
  })

  it('adds up two lines of the same material', () => {
    const lines = [
      { subMaterial: 'pet', weightGrams: 3_000 },
      { subMaterial: 'pet', weightGrams: 3_000 },
    ]
    expect(firstStockShortfall(stock, lines)?.requestedGrams).toBe(6_000)
  })

  it('refuses a material the bank never received, or has run out of', () => {
    expect(firstStockShortfall(stock, [{ subMaterial: 'besi', weightGrams: 1 }])?.stockGrams).toBe(0)
    expect(firstStockShortfall(stock, [{ subMaterial: 'kardus', weightGrams: 1 }])?.subMaterial).toBe(
      'kardus',
    )
  })
})

describe('stockValue', () => {
  it('values grams at Rp/kg, half up, and a material without a price at zero', () => {
    const prices = new Map([['pet', 3_500]])
    expect(
      stockValue(
        [
          { subMaterial: 'pet', grams: 2_500 },
          { subMaterial: 'besi', grams: 1_000 },
        ],
        prices,
      ),
    ).toEqual([
      { subMaterial: 'pet', grams: 2_500, pricePerKgRupiah: 3_500, valueRupiah: 8_750 },
      { subMaterial: 'besi', grams: 1_000, pricePerKgRupiah: null, valueRupiah: 0 },
    ])
    expect(stockValue([{ subMaterial: 'pet', grams: 1 }], new Map([['pet', 500]]))[0]?.valueRupiah).toBe(1)
    expect(stockValue([{ subMaterial: 'pet', grams: 1 }], new Map([['pet', 499]]))[0]?.valueRupiah).toBe(0)
  })
})
