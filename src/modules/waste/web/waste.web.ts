import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'

export const wasteWeb: ModuleWeb = {
  name: 'waste',
  messages: { id: () => import('../locales/web.id.json'), en: () => import('../locales/web.en.json') },
  errors: { id: () => import('../locales/errors.id.json'), en: () => import('../locales/errors.en.json') },
  routes: [
    { path: 'waste/facilities', component: lazy(() => import('./facilities-page.tsx')) },
    { path: 'waste/facilities/new', component: lazy(() => import('./facility-new-page.tsx')) },
    { path: 'waste/facilities/:facilityId', component: lazy(() => import('./facility-page.tsx')) },
    { path: 'waste/facilities/:facilityId/edit', component: lazy(() => import('./facility-edit-page.tsx')) },
    {
      path: 'waste/facilities/:facilityId/dashboard',
      component: lazy(() => import('./facility-dashboard-page.tsx')),
    },
    // A TPS 3R operator's day on a phone: a task menu, then one small page per task.
    { path: 'waste/operator', component: lazy(() => import('./operator/choose-facility-page.tsx')) },
    {
      path: 'waste/operator/:facilityId',
      component: lazy(() => import('./operator/operator-home-page.tsx')),
    },
    {
      path: 'waste/operator/:facilityId/intake',
      component: lazy(() => import('./operator/intake-page.tsx')),
    },
    {
      path: 'waste/operator/:facilityId/sorting',
      component: lazy(() => import('./operator/sorting-page.tsx')),
    },
    {
      path: 'waste/operator/:facilityId/compost',
      component: lazy(() => import('./operator/compost-page.tsx')),
    },
    { path: 'waste/operator/:facilityId/sale', component: lazy(() => import('./operator/sale-page.tsx')) },
    {
      path: 'waste/operator/:facilityId/residue',
      component: lazy(() => import('./operator/residue-page.tsx')),
    },
    { path: 'waste/operator/:facilityId/fees', component: lazy(() => import('./operator/fees-page.tsx')) },
    {
      path: 'waste/operator/:facilityId/expenses',
      component: lazy(() => import('./operator/expenses-page.tsx')),
    },
    { path: 'waste/operator/:facilityId/day', component: lazy(() => import('./operator/day-page.tsx')) },
  ],
}
