/** What other modules may use of waste. Never import its tables or repository. */
export { findFacilityLabel, getFacility } from './server/facilities.service.ts'
