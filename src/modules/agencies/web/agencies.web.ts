import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'
import errorsEn from '../locales/errors.en.json' with { type: 'json' }
import errorsId from '../locales/errors.id.json' with { type: 'json' }
import webEn from '../locales/web.en.json' with { type: 'json' }
import webId from '../locales/web.id.json' with { type: 'json' }

export const agenciesWeb: ModuleWeb = {
  name: 'agencies',
  messages: { id: webId, en: webEn },
  errors: { id: errorsId, en: errorsEn },
  routes: [{ path: 'admin/agencies', component: lazy(() => import('./agencies-page.tsx')) }],
}
