import type { ModuleManifest } from '../../platform/server/module.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { UMKM_PERMISSIONS } from './server/umkm.policy.ts'
import { umkmRoutes } from './server/umkm.routes.ts'
import { seedUmkmDemo } from './server/umkm.seed.ts'

/** UMKM: the registry of a Dinas Koperasi dan UMKM now; coaching and the UMKM centre build on it. */
export const umkmModule: ModuleManifest = {
  name: 'umkm',
  routePrefix: '/umkm',
  tenantRoutes: umkmRoutes,
  roles: [
    {
      code: 'umkm_staff',
      name: { id: 'Staf Dinas Koperasi dan UMKM', en: 'Cooperatives and SME agency staff' },
      description: {
        id: 'Mengelola data UMKM kota, termasuk NIK dan nomor telepon pemilik usaha.',
        en: "Manages the city's UMKM registry, including owners' NIK and phone numbers.",
      },
    },
  ],
  permissions: UMKM_PERMISSIONS,
  // Definitions only: the values are computed from the registry in a later increment.
  indicators: [
    {
      code: 'umkm_by_scale_micro',
      name: { id: 'Jumlah usaha mikro', en: 'Number of micro businesses' },
      unit: 'usaha',
      periodKind: 'year',
      formulaVersion: '1',
      regulationRef: 'PP 7/2021 Pasal 35 ayat (3)–(5); usaha as the counting unit (SIDT UMKM)',
    },
    {
      code: 'umkm_nib_share',
      name: {
        id: 'Proporsi UMKM yang memiliki izin usaha (NIB)',
        en: 'Share of UMKM with a business licence (NIB)',
      },
      unit: '%',
      periodKind: 'year',
      formulaVersion: '1',
      regulationRef:
        'Kode Referensi Indikator Bappenas 02.10.005 (Kepmen PPN/Kepala Bappenas KEP.26A/M.PPN/HK/05/2025); RPJMN 2025–2029 03.03.02.01.01',
    },
    {
      code: 'umkm_naik_kelas',
      name: {
        id: 'Jumlah usaha mikro yang naik kelas menjadi usaha kecil',
        en: 'Micro businesses that moved up to small',
      },
      unit: 'usaha',
      periodKind: 'year',
      formulaVersion: '1',
      regulationRef: 'PP 7/2021 Pasal 35; Permendagri 90/2019 sub-kegiatan 2.17.08.2.01',
    },
  ],
  errorCodes: { 'umkm.business_not_found': 404, 'umkm.nib_taken': 409 },
  messages: { id: errorsId, en: errorsEn },
  // No navigation entry until the registry has its web pages (the API is complete).
  nav: [],
  seedDemo: seedUmkmDemo,
}
