import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'

export const agenciesWeb: ModuleWeb = {
  name: 'agencies',
  messages: { id: () => import('../locales/web.id.json'), en: () => import('../locales/web.en.json') },
  errors: { id: () => import('../locales/errors.id.json'), en: () => import('../locales/errors.en.json') },
  routes: [{ path: 'admin/agencies', component: lazy(() => import('./agencies-page.tsx')) }],
}
