import { afterFailure, lockedMinutesLeft } from '../../domain/login-throttle.ts'
import { findGrantsOfUser, toGrant } from '../access/access.repository.ts'
import type { Actor } from '../access/policy.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { AppDeps, ServiceContext } from '../context.ts'
import type { Db } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { runWrite } from '../idempotency/run-write.ts'
import type { TenantCity } from '../tenancy/cities.repository.ts'
import * as repo from './auth.repository.ts'
import {
  dummyPasswordHash,
  hashPassword,
  isAcceptablePassword,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './password.ts'
import { API_TOKEN_PREFIX, hashToken, newSecretToken } from './tokens.ts'

const SESSION_REFRESH_MS = 5 * 60_000

export async function loadActor(db: Db, user: repo.UserRow): Promise<Actor> {
  return actorOf(user, await findGrantsOfUser(db, user.id))
}

function actorOf(
  user: Pick<repo.UserRow, 'id' | 'publicId' | 'username' | 'displayName' | 'isPlatformAdmin' | 'locale'>,
  grants: Parameters<typeof toGrant>[0][],
): Actor {
  return {
    userId: user.id,
    publicId: user.publicId,
    username: user.username,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    locale: user.locale,
    grants: grants.map(toGrant),
  }
}

export type SessionLookup =
  | {
      status: 'valid'
      actor: Actor
      csrfToken: string
      tokenHash: string
      renewedUntil: Date | null
      /** The `cityKey` asked for, read in the same statement; null when there is no such city. */
      city: TenantCity | null
    }
  | { status: 'expired' }

/** However active, a session ends a week after sign-in: a stolen cookie does not live for ever. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3_600_000

/**
 * An unknown token and an expired one look the same to the caller: the session is over. A tenant
 * route passes its `{city}` as `cityKey`, read along in the same statement.
 */
export async function resolveSession(
  deps: AppDeps,
  token: string,
  options: { cityKey?: string } = {},
): Promise<SessionLookup> {
  const { db } = deps.database
  const tokenHash = hashToken(token)
  const found = await repo.findSessionWithUser(db, tokenHash, options)
  const now = Date.now()
  if (!found || found.session.expiresAt.getTime() <= now || found.user.disabledAt)
    return { status: 'expired' }
  if (now - found.session.createdAt.getTime() > SESSION_MAX_AGE_MS) return { status: 'expired' }
  let renewedUntil: Date | null = null
  // Sliding expiry, written at most every few minutes; the cookie is renewed with it.
  if (now - found.session.lastSeenAt.getTime() > SESSION_REFRESH_MS) {
    renewedUntil = new Date(now + deps.config.sessionTtlHours * 3_600_000)
    await repo.extendSession(db, { tokenHash, expiresAt: renewedUntil })
  }
  return {
    status: 'valid',
    actor: actorOf(found.user, found.grants),
    csrfToken: found.session.csrfToken,
    tokenHash,
    renewedUntil,
    city: found.city,
  }
}

export async function resolveApiToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const { db } = deps.database
  const found = await repo.findActiveApiTokenWithUser(db, hashToken(token))
  if (!found || found.user.disabledAt) return null
  await repo.touchApiToken(db, found.token.id)
  return loadActor(db, found.user)
}

export interface LoginResult {
  actor: Actor
  sessionToken: string
  csrfToken: string
  expiresAt: Date
}

/**
 * One answer for an unknown user, a wrong password and a disabled account. Attempts are counted
 * per username as typed, existing or not, and a success clears the count.
 */
export async function login(
  context: ServiceContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = context.database
  const usernameKey = input.username.trim().toLowerCase()
  const policy = {
    maxFailures: context.config.loginMaxFailures,
    lockMinutes: context.config.loginLockMinutes,
  }
  const now = new Date()
  // The attempt is counted before the password is checked, under a row lock: parallel guesses
  // queue on the lock and each one counts, so they cannot all slip in under the limit.
  const minutesLeft = await runWrite({ ...context, idempotency: null }, async (tx) => {
    const throttle = await repo.lockThrottle(tx, usernameKey)
    const locked = lockedMinutesLeft(throttle, now)
    if (locked === 0) await repo.saveThrottle(tx, { usernameKey, state: afterFailure(throttle, now, policy) })
    return locked
  })
  if (minutesLeft > 0) throw new AppError('auth.too_many_attempts', { params: { minutes: minutesLeft } })

  const user = await repo.findUserByUsername(db, usernameKey)
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password)
  if (!user || !passwordOk || user.disabledAt) {
    await runWrite({ ...context, idempotency: null }, async (tx) => {
      await recordAudit(tx, context, {
        cityId: null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.publicId ?? null,
        after: { username: usernameKey, ip: input.ip },
      })
    })
    throw new AppError('auth.invalid_credentials')
  }

  const sessionToken = newSecretToken()
  const csrfToken = newSecretToken()
  const expiresAt = new Date(now.getTime() + context.config.sessionTtlHours * 3_600_000)
  await runWrite({ ...context, idempotency: null }, async (tx) => {
    await repo.clearThrottle(tx, usernameKey)
    await repo.deleteExpiredSessions(tx, now)
    await repo.insertSession(tx, {
      tokenHash: hashToken(sessionToken),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    await recordAudit(
      tx,
      { ...context, actor: null, actorLabel: user.username },
      {
        cityId: null,
        action: 'auth.login',
        entityType: 'user',
        entityId: user.publicId,
        after: { ip: input.ip },
      },
    )
  })
  return { actor: await loadActor(db, user), sessionToken, csrfToken, expiresAt }
}

export async function logout(context: ServiceContext, tokenHash: string): Promise<void> {
  await runWrite(context, async (tx) => {
    await repo.deleteSession(tx, tokenHash)
    await recordAudit(tx, context, {
      cityId: null,
      action: 'auth.logout',
      entityType: 'user',
      entityId: context.actor?.publicId ?? null,
    })
  })
}

export async function changePassword(
  context: ServiceContext,
  input: { actor: Actor; currentPassword: string; newPassword: string; keepTokenHash: string | null },
): Promise<void> {
  const { db } = context.database
  const user = await repo.findUserById(db, input.actor.userId)
  if (!user) throw new AppError('user.not_found')
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation.failed', {
      details: [{ field: '/body/currentPassword', code: 'auth.wrong_password' }],
    })
  }
  if (!isAcceptablePassword({ password: input.newPassword, username: user.username })) {
    throw new AppError('validation.failed', {
      details: [
        { field: '/body/newPassword', code: 'auth.weak_password', params: { min: MIN_PASSWORD_LENGTH } },
      ],
    })
  }
  const passwordHash = await hashPassword(input.newPassword)
  await runWrite(context, async (tx) => {
    // A changed password also means a demo account is no longer the published one.
    await repo.updateUser(tx, {
      userId: user.id,
      values: { passwordHash, passwordChangedAt: new Date(), isDemo: false },
    })
    // Anyone who knew the old password may hold a session: end all but this one.
    await repo.deleteUserSessions(tx, { userId: user.id, exceptTokenHash: input.keepTokenHash ?? undefined })
    await recordAudit(tx, context, {
      cityId: null,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.publicId,
    })
  })
}

export async function updateProfile(
  context: ServiceContext,
  input: { actor: Actor; displayName?: string; locale?: 'id' | 'en' },
): Promise<repo.UserRow> {
  const { db } = context.database
  const before = await repo.findUserById(db, input.actor.userId)
  if (!before) throw new AppError('user.not_found')
  return runWrite(context, async (tx) => {
    const values = {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    }
    const after = await repo.updateUser(tx, { userId: before.id, values })
    await recordAudit(tx, context, {
      cityId: null,
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: before.publicId,
      before: { displayName: before.displayName, locale: before.locale },
      after: { displayName: after.displayName, locale: after.locale },
    })
    return after
  })
}

export async function createApiToken(
  context: ServiceContext,
  input: { userId: number; name: string },
): Promise<{ token: string; publicId: string; name: string; prefix: string; createdAt: Date }> {
  const token = newSecretToken(API_TOKEN_PREFIX)
  return runWrite(context, async (tx) => {
    const user = await repo.findUserById(tx, input.userId)
    if (!user) throw new AppError('user.not_found')
    const row = await repo.insertApiToken(tx, {
      userId: user.id,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    })
    await recordAudit(tx, context, {
      cityId: null,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.publicId,
      after: { userId: user.publicId, name: row.name, prefix: row.prefix },
    })
    return { token, publicId: row.publicId, name: row.name, prefix: row.prefix, createdAt: row.createdAt }
  })
}

export async function revokeApiToken(context: ServiceContext, input: { actor: Actor; publicId: string }) {
  await runWrite(context, async (tx) => {
    const row = await repo.revokeApiToken(tx, { userId: input.actor.userId, publicId: input.publicId })
    if (!row) throw new AppError('api_token.not_found')
    await recordAudit(tx, context, {
      cityId: null,
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: row.publicId,
    })
  })
}
