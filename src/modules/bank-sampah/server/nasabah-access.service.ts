import { afterFailure, lockedMinutesLeft } from '../../../platform/domain/login-throttle.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../../platform/server/auth/password.ts'
import { hashToken, newSecretToken } from '../../../platform/server/auth/tokens.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { findCityByCodeOrSlug } from '../../../platform/server/tenancy/cities.repository.ts'
import { formatMemberNumber, isAcceptablePin, parseMemberNumber } from '../domain/member.ts'
import * as bankRepo from './bank-sampah.repository.ts'
import { assertTeller, type BankTarget, loadNasabah } from './bank-sampah.service.ts'
import * as repo from './nasabah-access.repository.ts'

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

export async function setPin(
  context: ServiceContext,
  target: BankTarget & { nasabahId: string; pin: string },
) {
  assertTeller(context, target)
  const { bank, nasabah } = await loadNasabah(context, target)
  if (!isAcceptablePin(target.pin)) throw fieldError('/body/pin', 'bank.pin_weak')
  const pinHash = await hashPassword(target.pin)
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

/** Counts the attempt before the PIN is checked, under a row lock; returns minutes still locked. */
async function countAttempt(context: ServiceContext, key: string, now: Date): Promise<number> {
  const policy = {
    maxFailures: context.config.loginMaxFailures,
    lockMinutes: context.config.loginLockMinutes,
  }
  return runWrite({ ...context, idempotency: null }, async (tx) => {
    const throttle = await repo.lockPinThrottle(tx, key)
    const locked = lockedMinutesLeft(throttle, now)
    if (locked === 0) await repo.savePinThrottle(tx, { key, state: afterFailure(throttle, now, policy) })
    return locked
  })
}

/** One answer for an unknown member number, no PIN set and a wrong PIN. */
export async function loginNasabah(
  context: ServiceContext,
  input: { city: string; memberNumber: string; pin: string; ip: string | null },
) {
  const { db } = context.database
  const city = await findCityByCodeOrSlug(db, input.city)
  const memberKey = input.memberNumber.trim().toUpperCase()
  const id = parseMemberNumber(memberKey)
  // Counted per member, however the number is written: NS-000042 and NS-0000042 share one budget.
  const key = throttleKey(city?.id ?? input.city, id === null ? memberKey : formatMemberNumber(id))
  const now = context.clock()
  const minutes = await countAttempt(context, key, now)
  if (minutes > 0) throw new AppError('nasabah.too_many_attempts', { params: { minutes } })

  const found = city?.isActive && id ? await repo.findNasabahById(db, { cityId: city.id, id }) : undefined
  const isPinRight = await verifyPassword(found?.pinHash ?? (await dummyPasswordHash()), input.pin)
  const audit = { ...context, actor: null, actorLabel: `nasabah ${memberKey}`.slice(0, 40) }
  if (!city || !found?.pinHash || !isPinRight) {
    if (city)
      await runWrite({ ...context, idempotency: null }, (tx) =>
        recordAudit(tx, audit, {
          cityId: city.id,
          action: 'nasabah.login_failed',
          entityType: 'nasabah',
          entityId: found?.publicId ?? null,
          after: { memberNumber: memberKey, ip: input.ip },
        }),
      )
    throw new AppError('nasabah.invalid_credentials')
  }
  const token = newSecretToken()
  const expiresAt = new Date(now.getTime() + NASABAH_SESSION_HOURS * 3_600_000)
  await runWrite({ ...context, idempotency: null }, async (tx) => {
    await repo.clearPinThrottle(tx, key)
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
