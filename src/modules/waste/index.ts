/** What other modules may use of waste. Never import its tables or repository. */

export type { FacilityKind, LandfillSystem } from './domain/facilities.ts'
export { categoryOfSubMaterial, SUB_MATERIALS, type SubMaterial } from './domain/materials.ts'
export { facilityRowSql } from './server/facilities.repository.ts'
export {
  createFacility,
  findFacilityLabel,
  getFacility,
  listFacilities,
} from './server/facilities.service.ts'
export {
  type FacilityPeriodTotal,
  facilityPeriodTotals,
  type LedgerGroup,
  ledgerGroups,
  ledgerGroupsOfAllCities,
} from './server/flows.balance.repository.ts'
export type { FlowInput } from './server/flows.service.ts'
export { recordFlowInTransaction, reverseFlowInTransaction } from './server/flows.service.ts'
