import { describe, expect, it } from 'vitest'
import { type DailyMovement, firstShortfall } from '../domain/flows.ts'
import type { Material } from '../domain/materials.ts'
import { generateSampleLogs } from './waste.sample-logs.ts'

const sites = [
  { id: 1, villageCode: '35.79.01.2006', capacityKgPerDay: 2100 },
  { id: 2, villageCode: '35.79.02.2001', capacityKgPerDay: 1500 },
]
const TPA = 99

describe('the sample log generator', () => {
  const rows = generateSampleLogs({ sites, tpaId: TPA, lastDate: '2026-11-26', days: 365 })

  it('covers every day of the year that ends on the last date', () => {
    const dates = new Set(rows.map((row) => row.flowDate))
    expect(dates.size).toBe(365)
    expect([...dates].sort()[0]).toBe('2025-11-27')
    expect([...dates].sort().at(-1)).toBe('2026-11-26')
  })

  it('never takes out of a facility more than came in, on any day, for any material', () => {
    const movements = new Map<string, DailyMovement[]>()
    const add = (facility: number | null | undefined, material: Material, date: string, grams: number) => {
      if (!facility) return
      const key = `${facility}:${material}`
      movements.set(key, [...(movements.get(key) ?? []), { date, netGrams: grams }])
    }
    for (const row of rows) {
      add(row.toFacilityId, row.material, row.flowDate, row.weightGrams)
      add(
        row.fromFacilityId,
        row.kind === 'sorting' ? row.sortedFrom! : row.material,
        row.flowDate,
        -row.weightGrams,
      )
    }
    expect(movements.size).toBeGreaterThan(10)
    for (const [key, days] of movements) expect(firstShortfall(days), key).toBeNull()
  })

  it('uses whole grams, sells on Saturdays only, and is the same every time', () => {
    expect(rows.every((row) => Number.isInteger(row.weightGrams) && row.weightGrams > 0)).toBe(true)
    const sales = rows.filter((row) => row.outcome === 'recycled_sold')
    expect(sales.length).toBeGreaterThan(100)
    expect(sales.every((row) => new Date(`${row.flowDate}T00:00:00Z`).getUTCDay() === 6)).toBe(true)
    expect(generateSampleLogs({ sites, tpaId: TPA, lastDate: '2026-11-26', days: 365 })).toEqual(rows)
  })

  it('lands near the stated capacity: about 0.7–0.95 of it on weekdays', () => {
    const mondays = rows.filter(
      (row) =>
        row.kind === 'intake' &&
        row.toFacilityId === 1 &&
        new Date(`${row.flowDate}T00:00:00Z`).getUTCDay() === 1,
    )
    const perDay = new Map<string, number>()
    for (const row of mondays) perDay.set(row.flowDate, (perDay.get(row.flowDate) ?? 0) + row.weightGrams)
    for (const grams of perDay.values()) {
      expect(grams).toBeGreaterThanOrEqual(2100 * 1000 * 0.7 - 1)
      expect(grams).toBeLessThanOrEqual(2100 * 1000 * 0.95 + 1)
    }
  })
})
