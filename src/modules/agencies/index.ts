/** What other modules may use of agencies. Never import its tables or repository. */
export { findAgencyLabel, listAgencies } from './server/agencies.service.ts'
