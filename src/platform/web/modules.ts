import { agenciesWeb } from '../../modules/agencies/web/agencies.web.ts'
import { bankSampahWeb } from '../../modules/bank-sampah/web/bank-sampah.web.ts'
import { umkmWeb } from '../../modules/umkm/web/umkm.web.ts'
import { wasteWeb } from '../../modules/waste/web/waste.web.ts'
import { wasteBalanceWeb } from '../../modules/waste-balance/web/waste-balance.web.ts'
import type { ModuleWeb } from './module-web.ts'

/** Adding a module's pages to the web app = one line here (as in src/modules/index.ts for the server). */
export const MODULE_WEBS: ModuleWeb[] = [agenciesWeb, wasteWeb, bankSampahWeb, umkmWeb, wasteBalanceWeb]
