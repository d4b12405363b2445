/** What other modules may use of umkm. Never import its tables or repository. */
export { getBusiness, listBusinesses } from './server/umkm.service.ts'
