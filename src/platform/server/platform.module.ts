import type { FastifyPluginAsync } from 'fastify'
import { accessRoutes } from './access/access.routes.ts'
import { auditRoutes } from './audit/audit.routes.ts'
import { indicatorValueRoutes } from './indicators/indicators.routes.ts'
import type { ModuleManifest } from './module.ts'
import { workspaceRoutes } from './tenancy/workspace.routes.ts'

const tenantRoutes: FastifyPluginAsync = async (app) => {
  await app.register(workspaceRoutes)
  await app.register(accessRoutes)
  await app.register(auditRoutes)
  await app.register(indicatorValueRoutes)
}

/** The platform's own city-scoped features, declared through the same manifest as any module. */
export const platformModule: ModuleManifest = {
  name: 'platform',
  routePrefix: '',
  tenantRoutes,
  roles: [
    {
      code: 'city_admin',
      name: { id: 'Admin kota', en: 'City admin' },
      description: {
        id: 'Mengelola pengguna, peran, perangkat daerah, dan pengaturan kota; membaca jejak audit.',
        en: "Manages the city's users, roles, agencies and settings; reads the audit log.",
      },
    },
    {
      code: 'city_viewer',
      name: { id: 'Pengamat kota', en: 'City viewer' },
      description: {
        id: 'Melihat data dan indikator kota tanpa mengubahnya (mis. staf Bappeda).',
        en: "Reads the city's records and indicators without changing them (e.g. Bappeda staff).",
      },
      scopeKinds: ['agency'],
    },
  ],
  errorCodes: { 'indicator.district_not_found': 404 },
  permissions: {
    'users:manage': ['city_admin'],
    'audit:read': ['city_admin'],
    'indicators:read': ['member'],
    'indicators:write': ['city_admin'],
  },
  indicators: [
    {
      code: 'population',
      name: { id: 'Jumlah penduduk', en: 'Population' },
      unit: 'jiwa',
      periodKind: 'year',
      formulaVersion: '1',
      regulationRef: 'BPS, Kabupaten/Kota Dalam Angka (penduduk pertengahan tahun)',
    },
  ],
  nav: [
    { path: 'admin/users', labelKey: 'nav.users', permission: 'users:manage' },
    { path: 'admin/audit', labelKey: 'nav.audit', permission: 'audit:read' },
    { path: 'indicators', labelKey: 'nav.indicators', permission: 'indicators:read' },
    { path: 'regions', labelKey: 'nav.regions', permission: 'indicators:read' },
  ],
}
