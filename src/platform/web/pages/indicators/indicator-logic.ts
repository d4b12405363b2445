import { cityDateOf } from '../../../domain/city-time.ts'
import type { IndicatorValue } from './indicators-api.ts'

/** This year in the city's time zone (a city in WIT reaches 1 January before Jakarta). */
export function yearInCity(timeZone: string, now: Date = new Date()): number {
  return Number(cityDateOf(now, timeZone).slice(0, 4))
}

export type PeriodKind = 'year' | 'semester' | 'month'

export function kindOfPeriod(period: string): PeriodKind {
  if (/^\d{4}$/.test(period)) return 'year'
  if (/^\d{4}-S[12]$/.test(period)) return 'semester'
  return 'month'
}

/** The periods of a year an indicator of that kind is kept for: `2026`, `2026-S1`…, `2026-01`…. */
export function periodsOfYear(year: number, kind: PeriodKind): string[] {
  if (kind === 'year') return [String(year)]
  if (kind === 'semester') return [`${year}-S1`, `${year}-S2`]
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`)
}

/** Values of the whole city (not a kecamatan) for one period, every provenance. */
export function cityValuesOf(values: IndicatorValue[], period: string): IndicatorValue[] {
  return values.filter((value) => value.districtCode === null && value.period === period)
}

export interface DistrictRow {
  code: string
  name: string
  values: IndicatorValue[]
}

/** The kecamatan rows grouped by kecamatan, in name order. */
export function districtRowsOf(values: IndicatorValue[]): DistrictRow[] {
  const byCode = new Map<string, DistrictRow>()
  for (const value of values) {
    if (value.districtCode === null) continue
    const row = byCode.get(value.districtCode) ?? {
      code: value.districtCode,
      name: value.districtName ?? value.districtCode,
      values: [],
    }
    row.values.push(value)
    byCode.set(value.districtCode, row)
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'))
}

/** Indicators grouped by the module that declares them, platform first, in manifest order. */
export function groupByModule<T extends { indicator: { module: string } }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    groups.set(item.indicator.module, [...(groups.get(item.indicator.module) ?? []), item])
  }
  return [...groups.entries()].sort(([a], [b]) => (a === 'platform' ? -1 : b === 'platform' ? 1 : 0))
}

const INDONESIAN = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/
const DECIMAL_POINT = /^\d+\.\d+$/

/**
 * A figure as typed: `220.000` (a dot groups thousands, as in Indonesian), `85,3` (decimal comma);
 * `85.3` is read as a decimal only when the dot cannot be a thousands separator. Null when it is
 * not a number.
 */
export function parseIndicatorNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s+/g, '')
  const negative = trimmed.startsWith('-')
  const digits = negative ? trimmed.slice(1) : trimmed
  let value: number
  if (INDONESIAN.test(digits)) value = Number(digits.replaceAll('.', '').replace(',', '.'))
  else if (DECIMAL_POINT.test(digits)) value = Number(digits)
  else return null
  return Number.isFinite(value) ? (negative ? -value : value) : null
}
