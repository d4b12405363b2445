/**
 * Stock of recyclables at a bank, pure. Weights are whole grams per sub-material (what a bank
 * prices); a bank may never give out more than it holds.
 */
export interface StockRow {
  subMaterial: string
  grams: number
}

export interface OutgoingLine {
  subMaterial: string
  weightGrams: number
}

export interface Shortfall {
  subMaterial: string
  stockGrams: number
  requestedGrams: number
}

/**
 * The first sub-material the lines would take below zero, with the figures; null when all fit.
 * Lines of the same sub-material add up: two lines of 3 kg PET need 6 kg in stock.
 */
export function firstStockShortfall(stock: StockRow[], lines: OutgoingLine[]): Shortfall | null {
  const requested = new Map<string, number>()
  for (const line of lines) {
    requested.set(line.subMaterial, (requested.get(line.subMaterial) ?? 0) + line.weightGrams)
  }
  for (const [subMaterial, requestedGrams] of requested) {
    const stockGrams = stock.find((row) => row.subMaterial === subMaterial)?.grams ?? 0
    if (requestedGrams > stockGrams) return { subMaterial, stockGrams, requestedGrams }
  }
  return null
}

/** Value of the stock at a price list (Rp/kg per sub-material); a material with no price is worth 0. */
export function stockValue(
  stock: StockRow[],
  pricePerKg: Map<string, number>,
): { subMaterial: string; grams: number; pricePerKgRupiah: number | null; valueRupiah: number }[] {
  return stock.map((row) => {
    const price = pricePerKg.get(row.subMaterial) ?? null
    return {
      subMaterial: row.subMaterial,
      grams: row.grams,
      pricePerKgRupiah: price,
      valueRupiah: price === null ? 0 : Math.floor((row.grams * price + 500) / 1000),
    }
  })
}
