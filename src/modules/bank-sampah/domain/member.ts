/** A nasabah's member number and self-service PIN, pure. */
const MEMBER_NUMBER = /^NS-(\d{6,9})$/

export const MEMBER_NUMBER_PATTERN = '^NS-\\d{6,9}$'
export const PIN_PATTERN = '^\\d{6}$'

/** `NS-000042`: printed on the member card and typed (or scanned) at the counter. */
export function formatMemberNumber(id: number): string {
  return `NS-${String(id).padStart(6, '0')}`
}

/** The nasabah's internal number from a member number, or null when it is not one. */
export function parseMemberNumber(text: string): number | null {
  const match = MEMBER_NUMBER.exec(text.trim().toUpperCase())
  if (!match) return null
  const id = Number(match[1])
  return id > 0 && id <= 2_147_483_647 ? id : null
}

/** Six digits, and not one an onlooker guesses first (all the same, or a straight run). */
export function isAcceptablePin(pin: string): boolean {
  if (!/^\d{6}$/.test(pin)) return false
  if (/^(\d)\1{5}$/.test(pin)) return false
  return ![
    '012345',
    '123456',
    '234567',
    '345678',
    '456789',
    '987654',
    '876543',
    '765432',
    '654321',
    '543210',
  ].includes(pin)
}
