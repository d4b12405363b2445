import {
  afterFailure,
  lockedMinutesLeft,
  type ThrottlePolicy,
} from '../../../platform/domain/login-throttle.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { hashToken, newSecretToken } from '../../../platform/server/auth/tokens.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { findCityByCodeOrSlug } from '../../../platform/server/tenancy/cities.repository.ts'
import { formatMemberNumber, isAcceptablePin, parseMemberNumber } from '../domain/member.ts'
import * as bankRepo from './bank-sampah.repository.ts'
import { assertTeller, type BankTarget, loadNasabah } from './bank-sampah.service.ts'
import * as repo from './nasabah-access.repository.ts'
import { checkPin, dummyPinHash, hashPin } from './pin-hash.ts'

/**
 * Nasabah self-service. A nasabah session is not a platform session: it lives in its own table
 * and cookie, never becomes an actor, and names one nasabah, so it opens that nasabah's savings
 * and nothing else (no route takes a nasabah id from the caller).
 */
export const NASABAH_SESSION_HOURS = 2

/** Attempts are counted per city and member, however the member number was written. */
function throttleKey(city: number | string, member: string): string {
  return `${city}:${member}`
}

/** The wrong PINs of a whole city, whichever member numbers they were tried on (`*` is none). */
function cityThrottleKey(cityId: number): string {
  return throttleKey(cityId, '*')
}

export async function setPin(
  context: ServiceContext,
  target: BankTarget & { nasabahId: string; pin: string },
) {
  assertTeller(context, target)
  const { bank, nasabah } = await loadNasabah(context, target)
  if (!isAcceptablePin(target.pin)) throw fieldError('/body/pin', 'bank.pin_weak')
  const pinHash = await hashPin(target.pin, context.config.pinPepper)
  await runWrite(context, async (tx) => {
    await repo.setPinHash(tx, { cityId: bank.cityId, nasabahId: nasabah.id, pinHash })
    await repo.deleteSessionsOf(tx, { cityId: bank.cityId, nasabahId: nasabah.id })
    // A teller resetting a forgotten PIN also lifts the lock its wrong guesses left.
    await repo.clearPinThrottle(tx, throttleKey(bank.cityId, formatMemberNumber(nasabah.id)))
    await recordAudit(tx, context, {
      cityId: bank.cityId,
      action: 'nasabah.pin_set',
      entityType: 'nasabah',
      entityId: nasabah.publicId,
      after: null,
    })
  })
}

/**
 * Before the PIN is checked: whether PIN sign-in is paused in the city, and otherwise the attempt
 * counted on the member under a row lock. Returns the minutes still paused or locked.
 */
async function countAttempt(
  context: ServiceContext,
  options: { key: string; cityId: number | null; now: Date },
): Promise<{ cityPaused: number; memberLocked: number }> {
  const { key, cityId, now } = options
  const policy = {
    maxFailures: context.config.loginMaxFailures,
    lockMinutes: context.config.loginLockMinutes,
  }
  return runWrite({ ...context, idempotency: null }, async (tx) => {
    if (cityId !== null) {
      const cityPaused = lockedMinutesLeft(await repo.readPinThrottle(tx, cityThrottleKey(cityId)), now)
      if (cityPaused > 0) return { cityPaused, memberLocked: 0 }
    }
    const throttle = await repo.lockPinThrottle(tx, key)
    const memberLocked = lockedMinutesLeft(throttle, now)
    if (memberLocked === 0)
      await repo.savePinThrottle(tx, { key, state: afterFailure(throttle, now, policy) })
    return { cityPaused: 0, memberLocked }
  })
}

/**
 * A wrong PIN also counts against the city. Guessing one PIN on every member number in turn passes
 * each member's lock; the city's budget (PIN_FAILURES_PER_CITY within LOGIN_LOCK_MINUTES) stops it
 * and pauses PIN sign-in there for LOGIN_LOCK_MINUTES, audited once so Dinas LH can see it. Under
 * the city row's lock, so parallel failures each count.
 */
async function countCityFailure(
  tx: Tx,
  context: ServiceContext,
  options: { city: { id: number; code: string }; now: Date },
): Promise<void> {
  const { city, now } = options
  const key = cityThrottleKey(city.id)
  const policy: ThrottlePolicy = {
    maxFailures: context.config.pinFailuresPerCity,
    lockMinutes: context.config.loginLockMinutes,
  }
  const state = await repo.lockPinThrottle(tx, key)
  if (lockedMinutesLeft(state, now) > 0) return
  const next = afterFailure(state, now, policy)
  await repo.savePinThrottle(tx, { key, state: next })
  if (next.lockedUntil)
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'nasabah.pin_sign_in_paused',
      entityType: 'city',
      entityId: city.code,
      after: { failures: next.failures, since: next.windowStartedAt, until: next.lockedUntil },
    })
}

/** One answer for an unknown member number, no PIN set and a wrong PIN. */
export async function loginNasabah(
  context: ServiceContext,
  input: { city: string; memberNumber: string; pin: string; ip: string | null },
) {
  const { db } = context.database
  const { pinPepper } = context.config
  const city = await findCityByCodeOrSlug(db, input.city)
  const memberKey = input.memberNumber.trim().toUpperCase()
  const id = parseMemberNumber(memberKey)
  // Counted per member, however the number is written: NS-000042 and NS-0000042 share one budget.
  const key = throttleKey(city?.id ?? input.city, id === null ? memberKey : formatMemberNumber(id))
  const now = context.clock()
  const { cityPaused, memberLocked } = await countAttempt(context, { key, cityId: city?.id ?? null, now })
  if (cityPaused > 0) throw new AppError('nasabah.sign_in_paused', { params: { minutes: cityPaused } })
  if (memberLocked > 0) throw new AppError('nasabah.too_many_attempts', { params: { minutes: memberLocked } })

  const found = city?.isActive && id ? await repo.findNasabahById(db, { cityId: city.id, id }) : undefined
  const pin = await checkPin(found?.pinHash ?? (await dummyPinHash(pinPepper)), input.pin, pinPepper)
  const audit = { ...context, actor: null, actorLabel: `nasabah ${memberKey}`.slice(0, 40) }
  if (!city || !found?.pinHash || !pin.isRight) {
    if (city)
      await runWrite({ ...context, idempotency: null }, async (tx) => {
        await recordAudit(tx, audit, {
          cityId: city.id,
          action: 'nasabah.login_failed',
          entityType: 'nasabah',
          entityId: found?.publicId ?? null,
          after: { memberNumber: memberKey, ip: input.ip },
        })
        await countCityFailure(tx, audit, { city, now })
      })
    throw new AppError('nasabah.invalid_credentials')
  }
  // A PIN hashed before the pepper existed is hashed again with it, now that it is known.
  const pepperedHash = pin.isUnpeppered ? await hashPin(input.pin, pinPepper) : null
  const token = newSecretToken()
  const expiresAt = new Date(now.getTime() + NASABAH_SESSION_HOURS * 3_600_000)
  await runWrite({ ...context, idempotency: null }, async (tx) => {
    await repo.clearPinThrottle(tx, key)
    if (pepperedHash)
      await repo.setPinHash(tx, { cityId: city.id, nasabahId: found.id, pinHash: pepperedHash })
    await repo.deleteExpiredSessions(tx, now)
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      cityId: city.id,
      nasabahId: found.id,
      expiresAt,
    })
    await recordAudit(tx, audit, {
      cityId: city.id,
      action: 'nasabah.login',
      entityType: 'nasabah',
      entityId: found.publicId,
      after: { ip: input.ip },
    })
  })
  return { token, expiresAt }
}

export async function logoutNasabah(context: ServiceContext, token: string) {
  await repo.deleteSession(context.database.db, hashToken(token))
}

/**
 * The nasabah of a session token, or null when it is unknown or over — or when their city has
 * been taken off the platform since they signed in: staff lose the city at once, so do nasabah.
 */
async function sessionNasabah(context: ServiceContext, token: string | null) {
  if (!token) return null
  const found = await repo.findSession(context.database.db, hashToken(token))
  if (!found || found.session.expiresAt.getTime() <= context.clock().getTime()) return null
  if (!found.cityIsActive) return null
  return found.nasabah
}

/** The signed-in nasabah's own balance and passbook: the only thing a nasabah session can read. */
export async function myPassbook(context: ServiceContext, token: string | null) {
  const nasabah = await sessionNasabah(context, token)
  if (!nasabah) throw new AppError('nasabah.session_required')
  const { db } = context.database
  const where = { cityId: nasabah.cityId, bankFacilityId: nasabah.bankFacilityId }
  const accountId = await bankRepo.nasabahAccountId(db, { ...where, nasabahId: nasabah.id })
  const rows = accountId ? await bankRepo.statementOf(db, { cityId: nasabah.cityId, accountId }) : []
  let balance = 0
  const entries = rows.map(({ journal, amountRupiah }) => {
    balance -= amountRupiah
    return {
      id: journal.publicId,
      date: journal.occurredOn,
      kind: journal.kind,
      amountRupiah: -amountRupiah,
      balanceRupiah: balance,
    }
  })
  return {
    nasabah: { memberNumber: formatMemberNumber(nasabah.id), name: nasabah.name },
    balanceRupiah: balance,
    entries,
  }
}
