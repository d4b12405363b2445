/**
 * Jakstranas (Perpres 97/2017) national trajectory to 30 % pengurangan and 70 % penanganan by 2025,
 * in basis points (3000 = 30.00 %). Pengurangan 2018–2025 and penanganan from 2021 as read in the
 * research notes (to verify against the Perpres lampiran); penanganan 2018–2020 is 100 % − pengurangan.
 * After 2025 the 2025 targets hold until the city enters its own (Jakstrada decree).
 */
const NATIONAL: Record<number, { reduction: number; handling: number }> = {
  2018: { reduction: 2000, handling: 8000 },
  2019: { reduction: 2200, handling: 7800 },
  2020: { reduction: 2400, handling: 7600 },
  2021: { reduction: 2600, handling: 7500 },
  2022: { reduction: 2700, handling: 7300 },
  2023: { reduction: 2800, handling: 7100 },
  2024: { reduction: 2900, handling: 7000 },
  2025: { reduction: 3000, handling: 7000 },
}
const FIRST = 2018
const LAST = 2025

export const NATIONAL_TARGET_SOURCE = 'Jakstranas, Perpres 97/2017'

export interface YearTarget {
  year: number
  reductionBasisPoints: number
  handlingBasisPoints: number
  /** `national` (the default trajectory) or `city` (the city's own Jakstrada decree). */
  origin: 'national' | 'city'
  source: string
}

/** The national target for a year; before 2018 there is none. */
export function nationalTarget(year: number): YearTarget | null {
  if (year < FIRST) return null
  const row = NATIONAL[Math.min(year, LAST)]!
  return {
    year,
    reductionBasisPoints: row.reduction,
    handlingBasisPoints: row.handling,
    origin: 'national',
    source: NATIONAL_TARGET_SOURCE,
  }
}

export interface TargetProgress {
  targetPercent: number
  actualPercent: number | null
  /** Actual minus target in percentage points; null without an actual. */
  gapPoints: number | null
  met: boolean | null
}

export function progressAgainst(targetBasisPoints: number, actualPercent: number | null): TargetProgress {
  const targetPercent = targetBasisPoints / 100
  if (actualPercent === null) return { targetPercent, actualPercent, gapPoints: null, met: null }
  const gapPoints = Math.round((actualPercent - targetPercent) * 100) / 100
  return { targetPercent, actualPercent, gapPoints, met: actualPercent >= targetPercent }
}
