import { agenciesWeb } from '../../modules/agencies/web/agencies.web.ts'
import { wasteWeb } from '../../modules/waste/web/waste.web.ts'
import type { ModuleWeb } from './module-web.ts'

/** Adding a module's pages to the web app = one line here (as in src/modules/index.ts for the server). */
export const MODULE_WEBS: ModuleWeb[] = [agenciesWeb, wasteWeb]
