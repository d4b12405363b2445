import { describe, expect, it } from 'vitest'
import { parsePeriod } from './periods.ts'

describe('parsePeriod', () => {
  it('knows month ends, including February in leap and common years', () => {
    expect(parsePeriod('month', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(parsePeriod('month', '2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' })
    expect(parsePeriod('month', '2024-12')).toEqual({ start: '2024-12-01', end: '2024-12-31' })
  })

  it('splits the year into SIPSN periode 1 (Jan–Jun) and periode 2 (Jul–Dec)', () => {
    expect(parsePeriod('semester', '2024-S1')).toEqual({ start: '2024-01-01', end: '2024-06-30' })
    expect(parsePeriod('semester', '2024-S2')).toEqual({ start: '2024-07-01', end: '2024-12-31' })
  })

  it('refuses a period of the wrong kind or shape', () => {
    expect(parsePeriod('year', '2024-03')).toBeNull()
    expect(parsePeriod('month', '2024-13')).toBeNull()
    expect(parsePeriod('month', '2024-00')).toBeNull()
    expect(parsePeriod('semester', '2024-S3')).toBeNull()
    expect(parsePeriod('year', '24')).toBeNull()
  })
})
