import type { ModuleManifest } from '../../platform/server/module.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { AGENCY_PERMISSIONS } from './server/agencies.policy.ts'
import { agenciesRoutes } from './server/agencies.routes.ts'
import { createDefaultAgencies, findAgencyLabel, listAgencyScopes } from './server/agencies.service.ts'

/** Organisasi Perangkat Daerah: the agencies of a city, and the `agency` scope for roles. */
export const agenciesModule: ModuleManifest = {
  name: 'agencies',
  routePrefix: '/agencies',
  tenantRoutes: agenciesRoutes,
  permissions: AGENCY_PERMISSIONS,
  scopes: {
    agency: {
      resolve: ({ tx, cityId, scopeId }) => findAgencyLabel({ tx, cityId, agencyId: scopeId }),
      list: ({ db, cityId }) => listAgencyScopes({ db, cityId }),
    },
  },
  errorCodes: { 'agency.not_found': 404, 'agency.name_taken': 409 },
  messages: { id: errorsId, en: errorsEn },
  nav: [{ path: 'admin/agencies', labelKey: 'nav.agencies', permission: 'agencies:read' }],
  onCityActivated: createDefaultAgencies,
}
