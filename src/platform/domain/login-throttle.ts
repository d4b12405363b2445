/** The lock rule for repeated failed logins, kept pure so its edges can be tested. */
export interface ThrottleState {
  failures: number
  windowStartedAt: Date
  lockedUntil: Date | null
}

export interface ThrottlePolicy {
  maxFailures: number
  lockMinutes: number
}

const MINUTE = 60_000

export function lockedMinutesLeft(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / MINUTE)
}

/**
 * Failures count within a window as long as the lock; the failure that reaches the maximum starts
 * the lock. A failure after the window has passed starts a new count.
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const windowOpen =
    state !== undefined &&
    now.getTime() - state.windowStartedAt.getTime() < policy.lockMinutes * MINUTE &&
    (state.lockedUntil === null || state.lockedUntil > now)
  const failures = windowOpen ? state.failures + 1 : 1
  const windowStartedAt = windowOpen ? state.windowStartedAt : now
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * MINUTE) : null
  return { failures, windowStartedAt, lockedUntil }
}
