/**
 * Masking of personal data (UU 27/2022) for people whose role does not need it: enough to tell
 * records apart, not enough to identify someone.
 */
export function maskName(name: string | null): string | null {
  if (name === null) return null
  return name
    .trim()
    .split(/\s+/)
    .map((word) => (word.length <= 1 ? word : `${word[0]}${'*'.repeat(Math.min(word.length - 1, 5))}`))
    .join(' ')
}

/** `3579012345678901` → `3579********8901`: the region and the last digits stay. */
export function maskNik(nik: string | null): string | null {
  if (nik === null) return null
  return nik.length <= 8
    ? '*'.repeat(nik.length)
    : `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`
}

/**
 * `081234567890` → `0812****7890`: the operator prefix and the last digits stay, so staff can tell
 * numbers apart on the phone without the list giving them away. Separators are dropped first.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null
  const compact = phone.replace(/[\s().-]/g, '')
  if (compact.length <= 8) return '*'.repeat(compact.length)
  const head = compact.startsWith('+') ? 5 : 4
  return `${compact.slice(0, head)}${'*'.repeat(compact.length - head - 4)}${compact.slice(-4)}`
}
