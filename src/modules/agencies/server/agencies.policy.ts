import type { AccessRegistry } from '../../../platform/server/access/access.registry.ts'
import { type Actor, assertCan } from '../../../platform/server/access/policy.ts'

export const AGENCY_PERMISSIONS = {
  'agencies:read': ['member'],
  'agencies:write': ['city_admin'],
}

export function assertCanReadAgencies(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'agencies:read' })
}

export function assertCanEditAgencies(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'agencies:write' })
}
