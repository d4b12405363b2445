import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'

export const umkmWeb: ModuleWeb = {
  name: 'umkm',
  messages: { id: () => import('../locales/web.id.json'), en: () => import('../locales/web.en.json') },
  errors: { id: () => import('../locales/errors.id.json'), en: () => import('../locales/errors.en.json') },
  routes: [
    { path: 'umkm/businesses', component: lazy(() => import('./businesses-page.tsx')) },
    { path: 'umkm/businesses/new', component: lazy(() => import('./business-new-page.tsx')) },
    { path: 'umkm/sidt', component: lazy(() => import('./sidt-import-page.tsx')) },
    { path: 'umkm/businesses/:businessId', component: lazy(() => import('./business-page.tsx')) },
    { path: 'umkm/businesses/:businessId/edit', component: lazy(() => import('./business-edit-page.tsx')) },
    { path: 'umkm/licences/expiring', component: lazy(() => import('./expiring-licences-page.tsx')) },
    { path: 'umkm/programmes', component: lazy(() => import('./programmes-page.tsx')) },
    { path: 'umkm/programmes/new', component: lazy(() => import('./programme-new-page.tsx')) },
    { path: 'umkm/programmes/:programmeId', component: lazy(() => import('./programme-page.tsx')) },
    {
      path: 'umkm/programmes/:programmeId/edit',
      component: lazy(() => import('./programme-edit-page.tsx')),
    },
    { path: 'umkm/centre', component: lazy(() => import('./centre-counter-page.tsx')) },
    { path: 'umkm/centre/products', component: lazy(() => import('./centre-products-page.tsx')) },
    { path: 'umkm/centre/products/:productId', component: lazy(() => import('./centre-product-page.tsx')) },
    { path: 'umkm/centre/statements', component: lazy(() => import('./centre-statements-page.tsx')) },
    {
      path: 'umkm/centre/statements/:month/:businessId',
      component: lazy(() => import('./centre-statement-page.tsx')),
    },
  ],
  // What is on the UMKM centre's shelves, for anyone: products, prices, producers' business names.
  publicRoutes: [
    { path: '/kota/:city/pusat-umkm', component: lazy(() => import('./centre-catalogue-page.tsx')) },
  ],
}
