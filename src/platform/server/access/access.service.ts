import { recordAudit } from '../audit/audit.service.ts'
import {
  deleteUserSessions,
  findUserByPublicId,
  findUserByUsername,
  insertUser,
  updateUser,
} from '../auth/auth.repository.ts'
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts'
import type { ServiceContext } from '../context.ts'
import { isUniqueViolation, type Tx } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { runWrite } from '../idempotency/run-write.ts'
import type { CityRef } from '../module.ts'
import { MEMBER, requireRole } from './access.registry.ts'
import * as repo from './access.repository.ts'
import { assertCan } from './policy.ts'

function assertManageUsers(context: ServiceContext, city: CityRef): void {
  if (!context.actor) return // CLI and system actions
  assertCan(context.access, { actor: context.actor, cityId: city.id, permission: 'users:manage' })
}

export interface NewUserInput {
  username: string
  password: string
  displayName?: string
  isPlatformAdmin?: boolean
  isDemo?: boolean
  locale?: 'id' | 'en'
}

export async function insertNewUser(tx: Tx, context: ServiceContext, input: NewUserInput) {
  const username = input.username.trim().toLowerCase()
  if (!isAcceptablePassword({ password: input.password, username })) {
    throw new AppError('validation.failed', {
      details: [
        { field: '/body/password', code: 'auth.weak_password', params: { min: MIN_PASSWORD_LENGTH } },
      ],
    })
  }
  if (await findUserByUsername(tx, username))
    throw new AppError('user.username_taken', { params: { username } })
  const passwordHash = await hashPassword(input.password)
  let user: Awaited<ReturnType<typeof insertUser>>
  try {
    user = await insertUser(tx, {
      username,
      displayName: input.displayName?.trim() || username,
      passwordHash,
      isPlatformAdmin: input.isPlatformAdmin ?? false,
      isDemo: input.isDemo ?? false,
      locale: input.locale ?? 'id',
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('user.username_taken', { params: { username } })
    throw error
  }
  await recordAudit(tx, context, {
    cityId: null,
    action: 'user.created',
    entityType: 'user',
    entityId: user.publicId,
    after: { username: user.username, displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin },
  })
  return user
}

/** An operator's reset (CLI): a new password, every session ended, no longer a demo account. */
export async function setPassword(context: ServiceContext, input: { username: string; password: string }) {
  const user = await findUserByUsername(context.database.db, input.username)
  if (!user) throw new AppError('user.not_found')
  if (!isAcceptablePassword({ password: input.password, username: user.username })) {
    throw new AppError('validation.failed', {
      details: [
        { field: '/body/password', code: 'auth.weak_password', params: { min: MIN_PASSWORD_LENGTH } },
      ],
    })
  }
  const passwordHash = await hashPassword(input.password)
  await runWrite(context, async (tx) => {
    await updateUser(tx, {
      userId: user.id,
      values: { passwordHash, passwordChangedAt: new Date(), isDemo: false },
    })
    await deleteUserSessions(tx, { userId: user.id })
    await recordAudit(tx, context, {
      cityId: null,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.publicId,
    })
  })
}

/** Platform-level: the CLI and the seed create users this way. */
export function createUser(context: ServiceContext, input: NewUserInput) {
  return runWrite(context, (tx) => insertNewUser(tx, context, input))
}

export interface GrantInput {
  role: string
  scopeKind?: string | null
  scopeId?: string | null
}

async function insertRoleGrant(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; userId: number; userPublicId: string; grant: GrantInput },
) {
  const { city, grant } = options
  const role = requireRole(context.access, grant.role)
  let scopeLabel: string | null = null
  const scopeKind = grant.scopeKind ?? null
  const scopeId = grant.scopeId ?? null
  if ((scopeKind === null) !== (scopeId === null)) {
    throw new AppError('role.scope_invalid', { params: { reason: 'scopeKind and scopeId go together' } })
  }
  if (scopeKind && scopeId) {
    if (!role.scopeKinds?.includes(scopeKind)) {
      throw new AppError('role.scope_invalid', {
        params: { reason: `${role.code} cannot be narrowed to ${scopeKind}` },
      })
    }
    const resolver = context.access.scopes.get(scopeKind)
    scopeLabel = resolver ? await resolver.resolve({ tx, cityId: city.id, scopeId }) : null
    if (scopeLabel === null) {
      throw new AppError('role.scope_invalid', {
        params: { reason: `${scopeKind} ${scopeId} is not in ${city.name}` },
      })
    }
  }
  let row: repo.RoleGrantRow
  try {
    row = await repo.insertGrant(tx, {
      cityId: city.id,
      userId: options.userId,
      role: role.code,
      scopeKind,
      scopeId,
      grantedBy: context.actor?.userId ?? null,
    })
  } catch (error) {
    if (isUniqueViolation(error, 'role_grants_unique_key')) throw new AppError('role.already_granted')
    throw error
  }
  await recordAudit(tx, context, {
    cityId: city.id,
    action: 'role.granted',
    entityType: 'role_grant',
    entityId: row.publicId,
    after: { user: options.userPublicId, role: role.code, scopeKind, scopeId, scopeLabel },
  })
  return { ...row, scopeLabel }
}

export async function grantRole(
  context: ServiceContext,
  options: { city: CityRef; userPublicId?: string; username?: string; grant: GrantInput },
) {
  assertManageUsers(context, options.city)
  return runWrite(context, async (tx) => {
    const user = options.userPublicId
      ? await findUserByPublicId(tx, options.userPublicId)
      : await findUserByUsername(tx, options.username ?? '')
    if (!user) throw new AppError('user.not_found')
    return insertRoleGrant(tx, context, {
      city: options.city,
      userId: user.id,
      userPublicId: user.publicId,
      grant: options.grant,
    })
  })
}

/** A city admin adds a person to their city: the account and its first role, together or not at all. */
export async function createCityUser(
  context: ServiceContext,
  options: { city: CityRef; user: NewUserInput; grant: GrantInput },
) {
  assertManageUsers(context, options.city)
  return runWrite(context, async (tx) => {
    const user = await insertNewUser(tx, context, { ...options.user, isPlatformAdmin: false })
    const grant = await insertRoleGrant(tx, context, {
      city: options.city,
      userId: user.id,
      userPublicId: user.publicId,
      grant: options.grant,
    })
    // Only what the route presents: the result is stored for Idempotency-Key replays.
    return {
      user: { publicId: user.publicId, username: user.username, displayName: user.displayName },
      grant,
    }
  })
}

export async function revokeRole(
  context: ServiceContext,
  options: { city: CityRef; userPublicId: string; grantPublicId: string },
) {
  assertManageUsers(context, options.city)
  await runWrite(context, async (tx) => {
    const grant = await repo.findGrant(tx, { cityId: options.city.id, publicId: options.grantPublicId })
    const user = await findUserByPublicId(tx, options.userPublicId)
    if (!grant || !user || grant.userId !== user.id) throw new AppError('role.grant_not_found')
    await repo.deleteGrant(tx, { cityId: options.city.id, grantId: grant.id })
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'role.revoked',
      entityType: 'role_grant',
      entityId: grant.publicId,
      before: { role: grant.role, scopeKind: grant.scopeKind, scopeId: grant.scopeId },
    })
  })
}

export async function listCityMembers(context: ServiceContext, city: CityRef) {
  assertManageUsers(context, city)
  return repo.listCityMembers(context.database.db, city.id)
}

export function listRoles(context: ServiceContext) {
  return [...context.access.roles.values()].map((role) => ({
    code: role.code,
    module: role.module,
    name: role.name,
    description: role.description,
    scopeKinds: role.scopeKinds ?? [],
    permissions: [...context.access.rolesByPermission.entries()]
      .filter(([, holders]) => holders.has(role.code) || holders.has(MEMBER))
      .map(([permission]) => permission)
      .sort(),
  }))
}

/** What a role may be narrowed to (one agency, one facility), from the module that owns the kind. */
export async function listScopeOptions(context: ServiceContext, options: { city: CityRef; kind: string }) {
  assertManageUsers(context, options.city)
  const resolver = context.access.scopes.get(options.kind)
  if (!resolver)
    throw new AppError('role.scope_invalid', { params: { reason: `unknown scope kind ${options.kind}` } })
  return resolver.list({ db: context.database.db, cityId: options.city.id })
}
