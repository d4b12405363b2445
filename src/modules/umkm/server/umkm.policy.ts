import type { AccessRegistry } from '../../../platform/server/access/access.registry.ts'
import { type Actor, assertCan, can } from '../../../platform/server/access/policy.ts'

export const UMKM_PERMISSIONS = {
  'umkm:read': ['member'],
  'umkm:write': ['umkm_staff'],
  // NIK and phone numbers (UU 27/2022): only the dinas staff who call and verify owners see them.
  'umkm:personal_data': ['umkm_staff'],
  // The UMKM centre's counter: take in consignments and sell. Settling with producers is umkm:write.
  'umkm:centre': ['umkm_staff', 'umkm_centre_clerk'],
}

export function assertCanReadUmkm(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'umkm:read' })
}

export function assertCanEditUmkm(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'umkm:write' })
}

export function canSeeOwnerPersonalData(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  return can(access, { ...options, permission: 'umkm:personal_data' })
}

export function assertCanRunCentre(access: AccessRegistry, options: { actor: Actor; cityId: number }) {
  assertCan(access, { ...options, permission: 'umkm:centre' })
}
