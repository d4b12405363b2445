/**
 * What the teller's pages compute before and after the server answers, pure so it can be tested:
 * the price list in force, a deposit's lines priced as the server will price them, receipt totals,
 * and reading a member number however it was typed or scanned.
 */
import { type Parsed, parseKilogramsToGrams } from '../../waste/web/operator/quantities.ts'
import { type PriceRow, priceInForce, rupiahForWeight } from '../domain/money.ts'

/** One price per material: the one in force on `date`, materials in the order of the list. */
export function pricesInForce(prices: PriceRow[], date: string): PriceRow[] {
  const materials = [...new Set(prices.map((price) => price.subMaterial))]
  return materials
    .map((subMaterial) => priceInForce(prices, { subMaterial, date }))
    .filter((price): price is PriceRow => price !== null)
}

/** Every price of one material, newest first, and whether each is past, in force or still to come. */
export function priceHistory(
  prices: PriceRow[],
  options: { subMaterial: string; date: string },
): (PriceRow & { status: 'future' | 'current' | 'past' })[] {
  const current = priceInForce(prices, options)
  return prices
    .filter((price) => price.subMaterial === options.subMaterial)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .map((price) => ({
      ...price,
      status:
        price.effectiveFrom > options.date
          ? 'future'
          : current && price.effectiveFrom === current.effectiveFrom
            ? 'current'
            : 'past',
    }))
}

export interface DraftLine {
  subMaterial: string
  /** Kilograms as typed: "2,5". */
  weight: string
}

export interface PricedLine {
  subMaterial: string
  grams: Parsed
  pricePerKgRupiah: number | null
  /** Null until the weight reads and a price is in force. */
  amountRupiah: number | null
}

/** The lines as the server will price them (same rule, same rounding), shown before sending. */
export function priceDraftLines(lines: DraftLine[], options: { prices: PriceRow[]; date: string }) {
  const priced: PricedLine[] = lines.map((line) => {
    const grams = parseKilogramsToGrams(line.weight)
    const price = line.subMaterial
      ? priceInForce(options.prices, { subMaterial: line.subMaterial, date: options.date })
      : null
    const amountRupiah =
      grams.ok && price
        ? rupiahForWeight({ weightGrams: grams.value, pricePerKgRupiah: price.pricePerKgRupiah })
        : null
    return {
      subMaterial: line.subMaterial,
      grams,
      pricePerKgRupiah: price?.pricePerKgRupiah ?? null,
      amountRupiah,
    }
  })
  return { lines: priced, totalRupiah: priced.reduce((sum, line) => sum + (line.amountRupiah ?? 0), 0) }
}

/** What a receipt sums: weight and money over its lines (the server's total is shown; this checks it). */
export function receiptTotals(lines: { weightGrams: number; amountRupiah: number }[]) {
  return lines.reduce(
    (sum, line) => ({
      weightGrams: sum.weightGrams + line.weightGrams,
      amountRupiah: sum.amountRupiah + line.amountRupiah,
    }),
    { weightGrams: 0, amountRupiah: 0 },
  )
}

/**
 * When a deposit was recorded, as the bank's clock showed it: `28 Nov 2026, 15.21 WIB` (id),
 * `28 Nov 2026, 15:21 WIB` (en). The server sends the city's wall clock with its offset, so the
 * phone's own zone never shifts it.
 */
export function receiptTime(
  recorded: { recordedAt: string; timezone: string },
  options: { language: 'id' | 'en'; formatDay: (date: string) => string },
): string {
  const day = options.formatDay(recorded.recordedAt.slice(0, 10))
  const hours = recorded.recordedAt.slice(11, 13)
  const minutes = recorded.recordedAt.slice(14, 16)
  return `${day}, ${hours}${options.language === 'id' ? '.' : ':'}${minutes} ${recorded.timezone}`
}

/** The printed form is `NS-` and at least six digits (more once a city passes a million nasabah). */
const MEMBER_NUMBER = /^(?:NS)?-?0*(\d{1,9})$/

/** "ns-12", "NS000012", " 12 " → "NS-000012"; anything else is returned trimmed, upper-cased. */
export function normaliseMemberNumber(text: string): string {
  const value = text.trim().toUpperCase().replace(/\s+/g, '')
  const digits = MEMBER_NUMBER.exec(value)?.[1]
  return digits && digits !== '0' ? `NS-${digits.padStart(6, '0')}` : value
}

/** Search by any part of the name, the member number or "RT 2": case and spacing do not matter. */
export function matchesNasabah(
  nasabah: { name: string; memberNumber: string; rt: string | null; rw: string | null },
  query: string,
): boolean {
  const words = query.trim().toLocaleLowerCase('id').split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = [
    nasabah.name,
    nasabah.memberNumber,
    normaliseMemberNumber(query) === nasabah.memberNumber ? query : '',
    nasabah.rt ? `rt${nasabah.rt} rt ${nasabah.rt}` : '',
    nasabah.rw ? `rw${nasabah.rw} rw ${nasabah.rw}` : '',
  ]
    .join(' ')
    .toLocaleLowerCase('id')
  return words.every((word) => haystack.includes(word))
}
