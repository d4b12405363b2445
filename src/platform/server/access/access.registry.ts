import { AppError } from '../errors.ts'
import type { ModuleManifest, RoleDefinition, ScopeResolver } from '../module.ts'

/** Any role in the city holds a permission granted to `member`. */
export const MEMBER = 'member'

export interface AccessRegistry {
  roles: Map<string, RoleDefinition & { module: string }>
  rolesByPermission: Map<string, Set<string>>
  scopes: Map<string, ScopeResolver>
}

export function buildAccessRegistry(manifests: ModuleManifest[]): AccessRegistry {
  const registry: AccessRegistry = { roles: new Map(), rolesByPermission: new Map(), scopes: new Map() }
  for (const manifest of manifests) {
    for (const role of manifest.roles ?? []) {
      if (registry.roles.has(role.code)) throw new Error(`Role ${role.code} is declared twice`)
      registry.roles.set(role.code, { ...role, module: manifest.name })
    }
    for (const [kind, resolver] of Object.entries(manifest.scopes ?? {})) {
      if (registry.scopes.has(kind)) throw new Error(`Scope kind ${kind} is declared twice`)
      registry.scopes.set(kind, resolver)
    }
  }
  for (const manifest of manifests) {
    for (const [permission, holders] of Object.entries(manifest.permissions)) {
      if (registry.rolesByPermission.has(permission))
        throw new Error(`Permission ${permission} is declared twice`)
      for (const holder of holders) {
        if (holder !== MEMBER && !registry.roles.has(holder)) {
          throw new Error(`Permission ${permission} names unknown role ${holder}`)
        }
      }
      registry.rolesByPermission.set(permission, new Set(holders))
    }
  }
  return registry
}

export function requireRole(registry: AccessRegistry, code: string): RoleDefinition {
  const role = registry.roles.get(code)
  if (!role) throw new AppError('role.unknown', { params: { role: code } })
  return role
}
