import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'

export const wasteBalanceWeb: ModuleWeb = {
  name: 'waste-balance',
  messages: { id: () => import('../locales/web.id.json'), en: () => import('../locales/web.en.json') },
  errors: { id: () => import('../locales/errors.id.json'), en: () => import('../locales/errors.en.json') },
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
