import { AppError } from '../errors.ts'
import { type AccessRegistry, MEMBER } from './access.registry.ts'

export interface Grant {
  cityId: number
  role: string
  scopeKind: string | null
  scopeId: string | null
}

export interface Actor {
  userId: number
  publicId: string
  username: string
  displayName: string
  isPlatformAdmin: boolean
  locale: 'id' | 'en'
  grants: Grant[]
}

export interface Scope {
  kind: string
  id: string
}

export function hasAnyRoleIn(actor: Actor, cityId: number): boolean {
  return actor.isPlatformAdmin || actor.grants.some((grant) => grant.cityId === cityId)
}

/**
 * A city-wide grant covers every record of the city; a grant narrowed to a scope (one agency, one
 * facility) covers only that scope, except for what every member of the city may do. Platform
 * admins may do everything.
 */
export function can(
  registry: AccessRegistry,
  options: { actor: Actor; cityId: number; permission: string; scope?: Scope },
): boolean {
  const { actor, cityId, permission, scope } = options
  if (actor.isPlatformAdmin) return true
  const holders = registry.rolesByPermission.get(permission)
  if (!holders) throw new Error(`Unknown permission ${permission}`)
  return actor.grants.some((grant) => {
    if (grant.cityId !== cityId) return false
    // What every member may do (read the city) does not depend on the scope of their role.
    if (holders.has(MEMBER)) return true
    if (!holders.has(grant.role)) return false
    if (grant.scopeKind === null) return true
    return scope !== undefined && grant.scopeKind === scope.kind && grant.scopeId === scope.id
  })
}

/**
 * Whether any of the actor's grants in the city carries the permission, however narrowed: what the
 * navigation shows (an operator of one facility still needs the way to their facility's day).
 */
export function holdsAnywhere(
  registry: AccessRegistry,
  options: { actor: Actor; cityId: number; permission: string },
): boolean {
  if (can(registry, options)) return true
  const holders = registry.rolesByPermission.get(options.permission)
  return options.actor.grants.some(
    (grant) => grant.cityId === options.cityId && holders?.has(grant.role) === true,
  )
}

export function assertCan(
  registry: AccessRegistry,
  options: { actor: Actor; cityId: number; permission: string; scope?: Scope },
): void {
  if (!can(registry, options)) throw new AppError('auth.forbidden')
}
