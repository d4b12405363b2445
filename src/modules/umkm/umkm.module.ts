import type { ModuleManifest } from '../../platform/server/module.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { centreCounterRoutes } from './server/centre-counter.routes.ts'
import { centreSetupRoutes } from './server/centre-setup.routes.ts'
import { coachingRoutes } from './server/coaching.routes.ts'
import { kbliRoutes } from './server/kbli.routes.ts'
import { licenceRoutes } from './server/licences.routes.ts'
import { sidtRoutes } from './server/sidt.routes.ts'
import { UMKM_INDICATORS } from './server/umkm.indicators.ts'
import { UMKM_PERMISSIONS } from './server/umkm.policy.ts'
import { umkmRoutes } from './server/umkm.routes.ts'
import { seedUmkmDemo } from './server/umkm.seed.ts'
import { umkmIndicatorRoutes } from './server/umkm-indicators.routes.ts'

/** UMKM: the registry of a Dinas Koperasi dan UMKM now; coaching and the UMKM centre build on it. */
export const umkmModule: ModuleManifest = {
  name: 'umkm',
  routePrefix: '/umkm',
  tenantRoutes: async (app) => {
    await app.register(umkmRoutes)
    await app.register(licenceRoutes)
    await app.register(kbliRoutes)
    await app.register(umkmIndicatorRoutes)
    await app.register(coachingRoutes)
    await app.register(sidtRoutes)
    await app.register(centreSetupRoutes)
    await app.register(centreCounterRoutes)
  },
  roles: [
    {
      code: 'umkm_staff',
      name: { id: 'Staf Dinas Koperasi dan UMKM', en: 'Cooperatives and SME agency staff' },
      description: {
        id: 'Mengelola data UMKM kota, termasuk NIK dan nomor telepon pemilik usaha.',
        en: "Manages the city's UMKM registry, including owners' NIK and phone numbers.",
      },
    },
    {
      code: 'umkm_centre_clerk',
      name: { id: 'Petugas gerai UMKM', en: 'UMKM centre clerk' },
      description: {
        id: 'Menerima barang titipan dan mencatat penjualan di gerai UMKM; tidak melihat NIK atau telepon pemilik.',
        en: "Takes in consignments and records sales at the UMKM centre; does not see owners' NIK or phone.",
      },
    },
  ],
  permissions: UMKM_PERMISSIONS,
  indicators: UMKM_INDICATORS,
  errorCodes: {
    'coaching.programme_not_found': 404,
    'coaching.not_eligible': 422,
    'coaching.quota_full': 409,
    'coaching.already_enrolled': 409,
    'coaching.participant_not_found': 404,
    'coaching.already_withdrawn': 409,
    'umkm.business_not_found': 404,
    'umkm.nib_taken': 409,
    'umkm.business_already_closed': 409,
    'umkm.business_not_closed': 409,
    'umkm.business_closed': 409,
    'umkm.sidt_rows_invalid': 422,
    'umkm.sidt_wrong_city': 422,
    'umkm.sidt_columns_missing': 422,
    'umkm.sidt_file_empty': 422,
    'umkm.sidt_too_many_rows': 422,
    'umkm.sidt_file_unreadable': 400,
    'umkm.sidt_import_running': 409,
    'umkm.sidt_job_not_found': 404,
    'umkm.sidt_job_lost': 503,
    'umkm.licence_not_found': 404,
    'umkm.licence_taken': 409,
    'umkm.licence_never_expires': 409,
    'umkm.reminder_business_closed': 409,
    'centre.product_not_found': 404,
    'centre.batch_not_found': 404,
    'centre.not_curated': 422,
    'centre.month_settled': 409,
    'centre.outlet_not_found': 404,
    'centre.sale_not_found': 404,
    'centre.sale_voided': 409,
    'centre.sale_month_settled': 409,
  },
  messages: { id: errorsId, en: errorsEn },
  nav: [
    { path: 'umkm/businesses', labelKey: 'nav.umkmBusinesses', permission: 'umkm:read' },
    { path: 'umkm/licences/expiring', labelKey: 'nav.umkmExpiring', permission: 'umkm:write' },
    { path: 'umkm/programmes', labelKey: 'nav.umkmProgrammes', permission: 'umkm:read' },
    // One entry: the shell marks every item whose path prefixes the address, so nested centre pages
    // (products, statements) are reached from the centre's own links instead.
    { path: 'umkm/centre', labelKey: 'nav.umkmCentre', permission: 'umkm:centre' },
  ],
  seedDemo: seedUmkmDemo,
}
