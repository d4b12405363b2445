import { lazy } from 'react'
import type { ModuleWeb } from '../../../platform/web/module-web.ts'

const NASABAH = 'bank-sampah/:bankId/nasabah/:nasabahId'

/** A bank sampah teller's counter on a phone: find or register a nasabah, then weigh, pay and print. */
export const bankSampahWeb: ModuleWeb = {
  name: 'bank-sampah',
  messages: { id: () => import('../locales/web.id.json'), en: () => import('../locales/web.en.json') },
  errors: { id: () => import('../locales/errors.id.json'), en: () => import('../locales/errors.en.json') },
  routes: [
    { path: 'bank-sampah', component: lazy(() => import('./choose-bank-page.tsx')) },
    { path: 'bank-sampah/:bankId', component: lazy(() => import('./bank-home-page.tsx')) },
    { path: 'bank-sampah/:bankId/prices', component: lazy(() => import('./prices-page.tsx')) },
    { path: 'bank-sampah/:bankId/sale', component: lazy(() => import('./outgoing-page.tsx')) },
    { path: 'bank-sampah/:bankId/transfer', component: lazy(() => import('./outgoing-page.tsx')) },
    { path: 'bank-sampah/:bankId/report', component: lazy(() => import('./report-page.tsx')) },
    { path: 'bank-sampah/:bankId/nasabah/new', component: lazy(() => import('./nasabah-new-page.tsx')) },
    { path: NASABAH, component: lazy(() => import('./nasabah-page.tsx')) },
    { path: `${NASABAH}/deposit`, component: lazy(() => import('./deposit-page.tsx')) },
    { path: `${NASABAH}/receipt/:depositId`, component: lazy(() => import('./receipt-page.tsx')) },
    { path: `${NASABAH}/withdraw`, component: lazy(() => import('./withdrawal-page.tsx')) },
    { path: `${NASABAH}/passbook`, component: lazy(() => import('./passbook-page.tsx')) },
    { path: `${NASABAH}/card`, component: lazy(() => import('./member-card-page.tsx')) },
    { path: `${NASABAH}/pin`, component: lazy(() => import('./pin-page.tsx')) },
    { path: `${NASABAH}/reverse/:journalId`, component: lazy(() => import('./reverse-page.tsx')) },
  ],
  // A nasabah's own balance and passbook: member number + PIN, no staff login.
  publicRoutes: [{ path: '/nasabah/:city', component: lazy(() => import('./nasabah-self-page.tsx')) }],
}
