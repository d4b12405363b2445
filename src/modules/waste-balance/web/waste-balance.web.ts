import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'
import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }
import webEn from '../locales/web.en.json' with { type: 'json' }
import webId from '../locales/web.id.json' with { type: 'json' }

export const wasteBalanceWeb: ModuleWeb = {
  name: 'waste-balance',
  messages: { id: webId, en: webEn },
  errors: { id: errorsId, en: errorsEn },
  routes: [
    { path: 'waste-balance', component: lazy(() => import('./waste-balance-page.tsx')) },
    { path: 'waste-balance/estimates/:year', component: lazy(() => import('./estimate-page.tsx')) },
    { path: 'waste-balance/targets/:year', component: lazy(() => import('./target-page.tsx')) },
    { path: 'waste-balance/manual-flows', component: lazy(() => import('./manual-flows-page.tsx')) },
  ],
  // The read-only balance for anyone: aggregates only, no personal data.
  publicRoutes: [
    { path: '/kota/:city/neraca-sampah', component: lazy(() => import('./public-balance-page.tsx')) },
  ],
}
