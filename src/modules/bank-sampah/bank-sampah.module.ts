import type { ModuleManifest } from '../../platform/server/module.ts'
import errorsEn from './locales/errors.en.json' with { type: 'json' }
import errorsId from './locales/errors.id.json' with { type: 'json' }
import { bankSampahRoutes } from './server/bank-sampah.routes.ts'
import { seedBankSampahDemo } from './server/bank-sampah.seed.ts'
import { nasabahAccessRoutes } from './server/nasabah-access.routes.ts'

/** Bank sampah: nasabah savings in a double-entry ledger; the bank is a waste facility. */
export const bankSampahModule: ModuleManifest = {
  name: 'bank-sampah',
  routePrefix: '/bank-sampah',
  tenantRoutes: bankSampahRoutes,
  // Nasabah self-service: outside the cities' staff routes, with its own session (see nasabah-access).
  globalRoutes: nasabahAccessRoutes,
  roles: [
    {
      code: 'bank_sampah_teller',
      name: { id: 'Petugas bank sampah', en: 'Bank sampah teller' },
      description: {
        id: 'Mendaftarkan nasabah, mencatat setoran dan penarikan di satu bank sampah.',
        en: 'Registers nasabah and records deposits and withdrawals at one bank sampah.',
      },
      scopeKinds: ['facility'],
    },
  ],
  // A teller's grant is narrowed to their bank; the service passes the bank as the scope.
  permissions: { 'bank_sampah:write': ['dlh_staff', 'bank_sampah_teller'] },
  errorCodes: {
    'bank.not_a_bank': 404,
    'nasabah.not_found': 404,
    'bank.insufficient_balance': 422,
    'bank.insufficient_stock': 422,
    'bank.no_induk': 422,
    'bank.journal_not_found': 404,
    'bank.not_reversible': 422,
    'bank.already_reversed': 409,
    'bank.reversal_overdraws': 422,
    'nasabah.invalid_credentials': 401,
    'nasabah.too_many_attempts': 429,
    'nasabah.sign_in_paused': 429,
    'nasabah.session_required': 401,
  },
  messages: { id: errorsId, en: errorsEn },
  nav: [{ path: 'bank-sampah', labelKey: 'nav.teller', permission: 'bank_sampah:write' }],
  seedDemo: seedBankSampahDemo,
}
