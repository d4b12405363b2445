/**
 * Timbulan (A) is an estimate, never a measured total: uncollected waste is invisible to every
 * facility. Method (formula version 1), per city and year, every input with its source:
 *   household    = population × grams per person per day
 *   non-household = grams per day from markets, offices, commerce, public places (entered)
 *   tourists     = visits in the year × grams per visit (spread evenly over the year)
 * SIPSN counts a year as 365 days (annual = daily × 365); a month or semester is its own days.
 */

export interface TimbulanInputs {
  population: number
  gramsPerCapitaDay: number
  nonHouseholdGramsPerDay: number
  touristVisits: number
  gramsPerVisit: number
}

export interface InputProblem {
  field: keyof TimbulanInputs | 'confirmUnusualRate'
  code: string
}

/** The usual band of per-capita generation; outside it a person must confirm the figure. */
export const USUAL_GRAMS_PER_CAPITA = { min: 100, max: 3000 } as const
export const SIPSN_DAYS_PER_YEAR = 365

export function checkTimbulanInputs(inputs: TimbulanInputs, confirmUnusualRate: boolean): InputProblem[] {
  const problems: InputProblem[] = []
  for (const field of [
    'population',
    'gramsPerCapitaDay',
    'nonHouseholdGramsPerDay',
    'touristVisits',
    'gramsPerVisit',
  ] as const) {
    const value = inputs[field]
    if (!Number.isSafeInteger(value) || value < 0) problems.push({ field, code: 'balance.not_negative' })
  }
  const rate = inputs.gramsPerCapitaDay
  const unusual = rate < USUAL_GRAMS_PER_CAPITA.min || rate > USUAL_GRAMS_PER_CAPITA.max
  if (Number.isSafeInteger(rate) && rate >= 0 && unusual && !confirmUnusualRate) {
    problems.push({ field: 'gramsPerCapitaDay', code: 'balance.rate_unusual' })
  }
  return problems
}

export interface TimbulanEstimate {
  /** Grams per day, by component. */
  householdPerDay: number
  nonHouseholdPerDay: number
  touristsPerDay: number
  perDay: number
  /** Grams in the period. */
  total: number
  days: number
}

/** Grams generated over `days` days of a year with these inputs, rounded to the gram. */
export function estimateTimbulan(inputs: TimbulanInputs, days: number): TimbulanEstimate {
  const householdPerDay = inputs.population * inputs.gramsPerCapitaDay
  const touristsPerYear = inputs.touristVisits * inputs.gramsPerVisit
  const touristsPerDay = touristsPerYear / SIPSN_DAYS_PER_YEAR
  const fixedPerDay = householdPerDay + inputs.nonHouseholdGramsPerDay
  // The tourist share is exact for a whole year; other periods get their days' share of it.
  const touristsInPeriod =
    days === SIPSN_DAYS_PER_YEAR
      ? touristsPerYear
      : Math.round((touristsPerYear * days) / SIPSN_DAYS_PER_YEAR)
  return {
    householdPerDay,
    nonHouseholdPerDay: inputs.nonHouseholdGramsPerDay,
    touristsPerDay: Math.round(touristsPerDay),
    perDay: Math.round(fixedPerDay + touristsPerDay),
    total: fixedPerDay * days + touristsInPeriod,
    days,
  }
}
