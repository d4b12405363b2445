import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'
import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }
import webEn from '../locales/web.en.json' with { type: 'json' }
import webId from '../locales/web.id.json' with { type: 'json' }

export const wasteWeb: ModuleWeb = {
  name: 'waste',
  messages: { id: webId, en: webEn },
  errors: { id: errorsId, en: errorsEn },
  routes: [
    { path: 'waste/facilities', component: lazy(() => import('./facilities-page.tsx')) },
    { path: 'waste/facilities/new', component: lazy(() => import('./facility-new-page.tsx')) },
    { path: 'waste/facilities/:facilityId', component: lazy(() => import('./facility-page.tsx')) },
    { path: 'waste/facilities/:facilityId/edit', component: lazy(() => import('./facility-edit-page.tsx')) },
  ],
}
