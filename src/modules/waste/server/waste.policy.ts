import type { AccessRegistry } from '../../../platform/server/access/access.registry.ts'
import { type Actor, assertCan } from '../../../platform/server/access/policy.ts'

export const WASTE_PERMISSIONS = {
  'waste:read': ['member'],
  'facilities:write': ['dlh_staff'],
  // An operator's grant is narrowed to their facility; the service passes that facility as scope.
  'waste_flows:write': ['dlh_staff', 'facility_operator'],
  'waste_fees:write': ['dlh_staff', 'facility_operator'],
}

export function assertCanReadWaste(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'waste:read' })
}

export function assertCanEditFacilities(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'facilities:write' })
}
