/**
 * Numbers as people type them in an Indonesian form, read the way they mean them. Money, counts
 * and weights are whole numbers in the API (ARCHITECTURE: never floats), so parsing ends in an
 * integer or a refusal the form can show next to the field.
 */

const PLAIN = /^\d+$/
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/

/**
 * "15000", "15.000" or "Rp15.000" → 15 000; null when it is not a whole number. A dot is a
 * thousands separator here, never a decimal point: nobody writes rupiah or a headcount with cents.
 */
export function parseWhole(text: string): number | null {
  const value = text.trim().replace(/\s+/g, '').replace(/^rp/i, '')
  if (!PLAIN.test(value) && !GROUPED.test(value)) return null
  const number = Number(value.replaceAll('.', ''))
  return Number.isSafeInteger(number) ? number : null
}

/**
 * An optional whole-number field: empty stays unknown (null, never 0), a number is read as
 * `parseWhole` reads it, and anything else is `'invalid'` for the form to refuse.
 */
export function parseOptionalWhole(text: string): number | null | 'invalid' {
  if (!text.trim()) return null
  return parseWhole(text) ?? 'invalid'
}

/** Coordinates have no thousands separator, so a decimal comma (as typed in Indonesian) is safe. */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim()
  return trimmed ? Number(trimmed.replace(',', '.')) : null
}
