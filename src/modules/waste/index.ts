/** What other modules may use of waste. Never import its tables or repository. */

export { categoryOfSubMaterial, SUB_MATERIALS, type SubMaterial } from './domain/materials.ts'
export {
  createFacility,
  findFacilityLabel,
  getFacility,
  listFacilities,
} from './server/facilities.service.ts'
export type { FlowInput } from './server/flows.service.ts'
export { recordFlowInTransaction } from './server/flows.service.ts'
