import { describe, expect, it } from 'vitest'
import { afterFailure, lockedMinutesLeft, type ThrottleState } from './login-throttle.ts'

const policy = { maxFailures: 5, lockMinutes: 15 }
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 8, minutes))

function failTimes(count: number, minute = 0): ThrottleState | undefined {
  let state: ThrottleState | undefined
  for (let i = 0; i < count; i++) state = afterFailure(state, at(minute), policy)
  return state
}

describe('login throttle', () => {
  it('does not lock at one failure below the maximum', () => {
    const state = failTimes(4)
    expect(state?.lockedUntil).toBeNull()
    expect(lockedMinutesLeft(state, at(0))).toBe(0)
  })

  it('locks at exactly the maximum, for the lock period', () => {
    const state = failTimes(5)
    expect(state?.lockedUntil).toEqual(at(15))
    expect(lockedMinutesLeft(state, at(0))).toBe(15)
    expect(lockedMinutesLeft(state, at(14))).toBe(1)
  })

  it('lets the person try again the moment the lock ends', () => {
    const state = failTimes(5)
    expect(lockedMinutesLeft(state, at(15))).toBe(0)
    const next = afterFailure(state, at(15), policy)
    expect(next.failures).toBe(1)
    expect(next.lockedUntil).toBeNull()
  })

  it('forgets failures older than the window', () => {
    const state = failTimes(4, 0)
    const later = afterFailure(state, at(16), policy)
    expect(later.failures).toBe(1)
    expect(later.windowStartedAt).toEqual(at(16))
  })

  it('rounds the minutes left up, so a person is never told 0 while still locked', () => {
    const state = { failures: 5, windowStartedAt: at(0), lockedUntil: new Date(at(0).getTime() + 30_000) }
    expect(lockedMinutesLeft(state, at(0))).toBe(1)
  })
})
