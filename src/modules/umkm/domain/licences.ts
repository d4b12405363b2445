import { isValidNib, normaliseNib } from './identifiers.ts'

/**
 * Licences and certificates a micro business collects as it grows: NIB (OSS-RBA, PP 5/2021),
 * SPP-IRT (P-IRT, home food industry), halal certificate (UU 33/2014 as amended), BPOM MD
 * (domestic) or ML (imported) registration, SNI product certificate, and a registered trade mark
 * (merek, UU 20/2016).
 */
export const LICENCE_KINDS = ['nib', 'pirt', 'halal', 'bpom_md', 'bpom_ml', 'sni', 'merek'] as const
export type LicenceKind = (typeof LICENCE_KINDS)[number]

export interface LicenceDraft {
  kind: LicenceKind
  number: string
  issuedOn?: string | null
  expiresOn?: string | null
}

export type LicenceProblem = { field: 'number' | 'expiresOn'; code: string }

/** The number as stored: an NIB keeps only its digits (leading zeros kept); others are trimmed. */
export function normaliseLicenceNumber(kind: LicenceKind, number: string): string {
  return kind === 'nib' ? normaliseNib(number) : number.trim()
}

/** Each problem next to its field; dates are ISO `YYYY-MM-DD`, so they compare as text. */
export function checkLicence(draft: LicenceDraft): LicenceProblem[] {
  const problems: LicenceProblem[] = []
  const number = normaliseLicenceNumber(draft.kind, draft.number)
  if (draft.kind === 'nib' && !isValidNib(number))
    problems.push({ field: 'number', code: 'umkm.nib_invalid' })
  if (draft.issuedOn && draft.expiresOn && draft.expiresOn < draft.issuedOn) {
    problems.push({ field: 'expiresOn', code: 'umkm.licence_expiry_before_issue' })
  }
  return problems
}

const DAY_MS = 86_400_000

/** Whole calendar days from `today` to `date` (negative once it has passed). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
}

/** `today` plus some days, as an ISO date. */
export function addDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export type LicenceStatus = 'valid' | 'expiring' | 'expired' | 'no_expiry'

/** A licence with no expiry date (NIB, a halal certificate under PP 39/2021 while nothing changes) never lapses here. */
export function licenceStatus(options: { expiresOn: string | null; today: string; withinDays: number }) {
  if (!options.expiresOn) return 'no_expiry' satisfies LicenceStatus
  const left = daysBetween(options.today, options.expiresOn)
  if (left < 0) return 'expired' satisfies LicenceStatus
  return (left <= options.withinDays ? 'expiring' : 'valid') satisfies LicenceStatus
}
