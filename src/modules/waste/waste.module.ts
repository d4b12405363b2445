import type { ModuleManifest } from '../../platform/server/module.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { facilitiesRoutes } from './server/facilities.routes.ts'
import { findFacilityLabel, listFacilityScopes } from './server/facilities.service.ts'
import { feesRoutes } from './server/fees.routes.ts'
import { flowFilesRoutes } from './server/flows.files.routes.ts'
import { flowsRoutes } from './server/flows.routes.ts'
import { WASTE_PERMISSIONS } from './server/waste.policy.ts'
import { seedWasteDemo } from './server/waste.seed.ts'

/** Persampahan: facilities now; the waste flow ledger and a TPS 3R's day build on them. */
export const wasteModule: ModuleManifest = {
  name: 'waste',
  routePrefix: '/waste',
  tenantRoutes: async (app) => {
    await app.register(facilitiesRoutes)
    await app.register(flowsRoutes)
    await app.register(feesRoutes)
    await app.register(flowFilesRoutes)
  },
  roles: [
    {
      code: 'dlh_staff',
      name: { id: 'Staf Dinas Lingkungan Hidup', en: 'Environment agency staff' },
      description: {
        id: 'Mengelola data fasilitas persampahan kota dan neraca sampah.',
        en: "Manages the city's waste facilities and waste balance.",
      },
      scopeKinds: ['agency'],
    },
    {
      code: 'facility_operator',
      name: { id: 'Operator fasilitas', en: 'Facility operator' },
      description: {
        id: 'Mencatat kegiatan harian satu fasilitas (mis. TPS3R atau bank sampah).',
        en: "Records one facility's daily work (e.g. a TPS3R or a bank sampah).",
      },
      scopeKinds: ['facility'],
    },
  ],
  permissions: WASTE_PERMISSIONS,
  scopes: {
    facility: {
      resolve: ({ tx, cityId, scopeId }) => findFacilityLabel({ tx, cityId, facilityId: scopeId }),
      list: ({ db, cityId }) => listFacilityScopes({ db, cityId }),
    },
  },
  errorCodes: {
    'facility.not_found': 404,
    'facility.name_taken': 409,
    'flow.not_found': 404,
    'flow.already_reversed': 409,
    'flow.is_reversal': 409,
    'flow.recorded_by_module': 409,
    'flow.mass_balance': 422,
    'household.not_found': 404,
    'household.label_taken': 409,
    'expense.not_found': 404,
    'import.rows_invalid': 422,
    'import.file_unreadable': 400,
    'import.file_empty': 400,
    'import.too_many_rows': 400,
  },
  messages: { id: errorsId, en: errorsEn },
  nav: [
    { path: 'waste/operator', labelKey: 'nav.operatorDay', permission: 'waste_flows:write' },
    { path: 'waste/facilities', labelKey: 'nav.facilities', permission: 'waste:read' },
  ],
  seedDemo: seedWasteDemo,
}
