import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'
import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }
import webEn from '../locales/web.en.json' with { type: 'json' }
import webId from '../locales/web.id.json' with { type: 'json' }

export const umkmWeb: ModuleWeb = {
  name: 'umkm',
  messages: { id: webId, en: webEn },
  errors: { id: errorsId, en: errorsEn },
  routes: [
    { path: 'umkm/businesses', component: lazy(() => import('./businesses-page.tsx')) },
    { path: 'umkm/businesses/new', component: lazy(() => import('./business-new-page.tsx')) },
    { path: 'umkm/businesses/:businessId', component: lazy(() => import('./business-page.tsx')) },
    { path: 'umkm/businesses/:businessId/edit', component: lazy(() => import('./business-edit-page.tsx')) },
    { path: 'umkm/licences/expiring', component: lazy(() => import('./expiring-licences-page.tsx')) },
    { path: 'umkm/programmes', component: lazy(() => import('./programmes-page.tsx')) },
    { path: 'umkm/programmes/new', component: lazy(() => import('./programme-new-page.tsx')) },
    { path: 'umkm/programmes/:programmeId', component: lazy(() => import('./programme-page.tsx')) },
  ],
}
