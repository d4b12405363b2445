import type { ModuleManifest } from '../../platform/server/module.ts'
import { WASTE_BALANCE_INDICATORS } from './domain/indicators.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { wasteBalanceComparisonRoutes } from './server/comparison.routes.ts'
import { wasteBalanceRoutes } from './server/waste-balance.routes.ts'
import { seedWasteBalanceDemo } from './server/waste-balance.seed.ts'
import { FORMULA_VERSION } from './server/waste-balance.service.ts'

/** Neraca sampah: SIPSN, Jakstrada and SDG 11.6.1 figures computed from the waste flow ledger. */
export const wasteBalanceModule: ModuleManifest = {
  name: 'waste-balance',
  routePrefix: '/waste-balance',
  tenantRoutes: wasteBalanceRoutes,
  globalRoutes: wasteBalanceComparisonRoutes,
  permissions: {
    'waste_balance:read': ['member'],
    'waste_balance:write': ['dlh_staff'],
  },
  indicators: WASTE_BALANCE_INDICATORS.map((indicator) => ({
    code: indicator.code,
    name: { id: indicator.id, en: indicator.en },
    unit: indicator.unit,
    periodKind: 'year' as const,
    formulaVersion: FORMULA_VERSION,
    regulationRef: indicator.ref,
  })),
  errorCodes: {
    'balance.no_target': 404,
    'balance.manual_flow_not_found': 404,
    'balance.import_city_mismatch': 422,
  },
  messages: { id: errorsId, en: errorsEn },
  nav: [{ path: 'waste-balance', labelKey: 'nav.wasteBalance', permission: 'waste_balance:read' }],
  seedDemo: seedWasteBalanceDemo,
}
