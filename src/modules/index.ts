import { agenciesModule } from './agencies/agencies.module.ts'
import { bankSampahModule } from './bank-sampah/bank-sampah.module.ts'
import { umkmModule } from './umkm/umkm.module.ts'
import { wasteModule } from './waste/waste.module.ts'
import { wasteBalanceModule } from './waste-balance/waste-balance.module.ts'

/** Every domain module, in the order they are registered. Adding a module is one line here. */
export const MODULES = [agenciesModule, wasteModule, bankSampahModule, umkmModule, wasteBalanceModule]
