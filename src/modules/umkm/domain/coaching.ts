/**
 * Pembinaan: what a Dinas Koperasi dan UMKM runs for businesses, and who may join. Programme kinds
 * follow practice (research notes §2.1): training, mentoring, certification drives, product
 * curation, exhibitions, KUR facilitation.
 */
export const PROGRAMME_KINDS = [
  'pelatihan',
  'pendampingan',
  'fasilitasi_sertifikasi',
  'kurasi_produk',
  'pameran',
  'fasilitasi_kur',
] as const
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number]

export const FUNDING_SOURCES = ['apbd', 'dak', 'apbn', 'csr', 'lainnya'] as const
export type FundingSource = (typeof FUNDING_SOURCES)[number]

export const OUTCOME_STAGES = ['before', 'after'] as const
export type OutcomeStage = (typeof OUTCOME_STAGES)[number]

export interface Eligibility {
  requiresNib: boolean
  /** Scales (by the business's current derived scale) that may join; empty = any. */
  scales: string[]
}

export interface Candidate {
  nib: string | null
  /** The scale derived now under the city's rule, or null when the business has no figures. */
  scale: string | null
}

export interface EligibilityProblem {
  code: 'coaching.requires_nib' | 'coaching.scale_not_eligible'
  params: Record<string, unknown>
}

export function checkEligibility(rules: Eligibility, candidate: Candidate): EligibilityProblem[] {
  const problems: EligibilityProblem[] = []
  if (rules.requiresNib && !candidate.nib) problems.push({ code: 'coaching.requires_nib', params: {} })
  if (rules.scales.length > 0 && (candidate.scale === null || !rules.scales.includes(candidate.scale))) {
    problems.push({
      code: 'coaching.scale_not_eligible',
      params: { scale: candidate.scale ?? '—', allowed: rules.scales.join(', ') },
    })
  }
  return problems
}

/** A programme with a quota is full when its enrolments reach it; no quota = never full. */
export function isFull(quota: number | null, enrolled: number): boolean {
  return quota !== null && enrolled >= quota
}

export interface OutcomeRecord {
  annualSalesRupiah: number | null
  workers: number | null
  certificates: number | null
  sellsOnline: boolean | null
}

export interface OutcomeChange {
  salesChangeRupiah: number | null
  /** Percent with two decimals; null without sales before (or before = 0). */
  salesGrowthPercent: number | null
  workersChange: number | null
  certificatesChange: number | null
  wentOnline: boolean | null
}

function delta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before
}

/** What changed between the record before the programme and the one after. */
export function outcomeChange(before: OutcomeRecord | null, after: OutcomeRecord | null): OutcomeChange {
  const salesBefore = before?.annualSalesRupiah ?? null
  const salesChange = delta(salesBefore, after?.annualSalesRupiah ?? null)
  return {
    salesChangeRupiah: salesChange,
    salesGrowthPercent:
      salesChange === null || !salesBefore ? null : Math.round((salesChange * 10_000) / salesBefore) / 100,
    workersChange: delta(before?.workers ?? null, after?.workers ?? null),
    certificatesChange: delta(before?.certificates ?? null, after?.certificates ?? null),
    wentOnline:
      before?.sellsOnline === null || after?.sellsOnline === null || !before || !after
        ? null
        : !before.sellsOnline && after.sellsOnline === true,
  }
}

/** Share of sessions attended, in percent; null when no session has been held. */
export function attendanceRate(attended: number, held: number): number | null {
  return held === 0 ? null : Math.round((attended * 10_000) / held) / 100
}

/**
 * A participant withdrawn on a day takes no part from that day on: sessions held before it are
 * theirs to attend, sessions on or after it are not. Null = still in the programme.
 */
export function isWithdrawnBy(withdrawnOn: string | null, day: string): boolean {
  return withdrawnOn !== null && withdrawnOn <= day
}

/** The sessions a participant was enrolled for: those held before their withdrawal, if any. */
export function sessionsWhileEnrolled(heldOn: readonly string[], withdrawnOn: string | null): number {
  return heldOn.filter((day) => !isWithdrawnBy(withdrawnOn, day)).length
}
