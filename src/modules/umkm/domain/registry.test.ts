import { describe, expect, it } from 'vitest'
import { checkClosure, checkStart, hadStartedBy, operatingAt, periodEndOf } from './registry.ts'

const open = { startedYear: null, startedMonth: null, closedOn: null }
const END_2025 = '2025-12-31'

describe('a business in the registry at the end of a period', () => {
  it('counts when it started in the last month of the period, not when it starts the month after', () => {
    expect(operatingAt({ ...open, startedYear: 2025, startedMonth: 12 }, END_2025)).toBe(true)
    expect(operatingAt({ ...open, startedYear: 2026, startedMonth: 1 }, END_2025)).toBe(false)
    // Mid-year periods (the year still running) compare by month too.
    expect(hadStartedBy({ startedYear: 2026, startedMonth: 11 }, '2026-11-28')).toBe(true)
    expect(hadStartedBy({ startedYear: 2026, startedMonth: 12 }, '2026-11-28')).toBe(false)
  })

  it('with the start year known and the month not, lets the year decide', () => {
    expect(operatingAt({ ...open, startedYear: 2025 }, END_2025)).toBe(true)
    expect(operatingAt({ ...open, startedYear: 2025 }, '2025-01-31')).toBe(true)
    expect(operatingAt({ ...open, startedYear: 2026 }, END_2025)).toBe(false)
  })

  it('counts a business whose start is unknown', () => {
    expect(operatingAt(open, '2000-12-31')).toBe(true)
  })

  it('does not count a business closed on the last day of the period; closed the day after, it counts', () => {
    expect(operatingAt({ ...open, closedOn: '2025-12-31' }, END_2025)).toBe(false)
    expect(operatingAt({ ...open, closedOn: '2026-01-01' }, END_2025)).toBe(true)
    expect(operatingAt({ startedYear: 2024, startedMonth: 3, closedOn: '2026-05-02' }, END_2025)).toBe(true)
  })
})

describe('closing a business', () => {
  const today = '2026-11-28'
  const reason = 'Pemilik pindah ke luar kota'

  it('accepts today and the first day of the month it started', () => {
    expect(checkClosure({ startedYear: 2024, startedMonth: 3 }, { closedOn: today, reason }, today)).toEqual(
      [],
    )
    expect(
      checkClosure({ startedYear: 2024, startedMonth: 3 }, { closedOn: '2024-03-01', reason }, today),
    ).toEqual([])
  })

  it('refuses a day after today, or before the business started, next to the date', () => {
    expect(
      checkClosure(open, { closedOn: '2026-11-29', reason }, today).map((problem) => problem.code),
    ).toEqual(['umkm.closure_date_in_future'])
    expect(
      checkClosure({ startedYear: 2024, startedMonth: 3 }, { closedOn: '2024-02-29', reason }, today),
    ).toEqual([
      { field: '/body/closedOn', code: 'umkm.closure_before_start', params: { started: '2024-03' } },
    ])
    // Only the year known: any day of that year is after the start.
    expect(
      checkClosure({ startedYear: 2024, startedMonth: null }, { closedOn: '2024-01-01', reason }, today),
    ).toEqual([])
    expect(
      checkClosure({ startedYear: 2024, startedMonth: null }, { closedOn: '2023-12-31', reason }, today)[0]
        ?.params,
    ).toEqual({ started: '2024' })
  })

  it('needs a reason of 3 to 300 characters, spaces around it not counted', () => {
    const codes = (text: string) =>
      checkClosure(open, { closedOn: today, reason: text }, today).map((problem) => problem.code)
    expect(codes('  ab  ')).toEqual(['umkm.closure_reason_invalid'])
    expect(codes('abc')).toEqual([])
    expect(codes('x'.repeat(300))).toEqual([])
    expect(codes('x'.repeat(301))).toEqual(['umkm.closure_reason_invalid'])
  })
})

describe('the end of a year', () => {
  it('is 31 December, or today for the year still running', () => {
    expect(periodEndOf('2025', '2026-11-28')).toBe('2025-12-31')
    expect(periodEndOf('2026', '2026-11-28')).toBe('2026-11-28')
  })
})

describe('checkStart', () => {
  const today = '2026-11-28'
  const at = (startedYear: number | null, startedMonth: number | null, closedOn: string | null = null) =>
    checkStart({ startedYear, startedMonth, closedOn }, today).map(
      (problem) => `${problem.field} ${problem.code}`,
    )

  it('takes this month and anything before it, and no start at all', () => {
    expect(at(2026, 11)).toEqual([])
    expect(at(2026, null)).toEqual([])
    expect(at(1998, 1)).toEqual([])
    expect(at(null, null)).toEqual([])
  })

  it('refuses next month, next year, and a month without its year', () => {
    expect(at(2026, 12)).toEqual(['/body/startedMonth umkm.started_in_future'])
    expect(at(2027, null)).toEqual(['/body/startedYear umkm.started_in_future'])
    expect(at(null, 5)).toEqual(['/body/startedMonth umkm.started_month_without_year'])
  })

  it('refuses a start after the month a closed business closed in', () => {
    expect(at(2025, 8, '2025-08-30')).toEqual([])
    expect(at(2025, 9, '2025-08-30')).toEqual(['/body/startedMonth umkm.started_after_closure'])
    expect(at(2026, null, '2025-08-30')).toEqual(['/body/startedYear umkm.started_after_closure'])
  })
})
