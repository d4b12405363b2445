import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from './context.ts'
import type { DbOrTx, Tx } from './db/client.ts'
import type { MessageCatalog } from './i18n.ts'
import type { IndicatorDefinition } from './indicators/indicators.registry.ts'

export interface LocalizedText {
  id: string
  en: string
}

export interface RoleDefinition {
  code: string
  name: LocalizedText
  description: LocalizedText
  /** Scope kinds (declared by some module) a grant of this role may be narrowed to. */
  scopeKinds?: string[]
}

/** Who holds a permission: role codes, or `member` for anyone with any role in the city. */
export type PermissionTable = Record<string, string[]>

export interface ScopeResolver {
  /** Returns a label for the record, or null when it is not a record of this city. */
  resolve(options: { tx: Tx; cityId: number; scopeId: string }): Promise<string | null>
  /** What a role may be narrowed to in this city, for the person granting it. */
  list(options: { db: DbOrTx; cityId: number }): Promise<{ id: string; label: string }[]>
}

export interface CityRef {
  id: number
  code: string
  slug: string
  name: string
  timezone: string
}

export interface NavItem {
  /** Path under the city workspace, e.g. `agencies`. */
  path: string
  /** i18n key of the label in the web app. */
  labelKey: string
  permission: string
}

export interface DemoSeedContext {
  deps: AppDeps
  /** The demo cities by short name: `batu`, `palopo`. */
  cities: Record<string, CityRef>
}

/**
 * What a module is, in one place: `app.ts` registers every manifest in `src/modules/index.ts`.
 * Tenant routes are mounted under `/api/v1/cities/:city/<routePrefix>`; the tenancy plugin has
 * already resolved the city and checked that the caller has a role there.
 */
export interface ModuleManifest {
  name: string
  routePrefix?: string
  tenantRoutes?: FastifyPluginAsync
  /** Routes outside a city (`/api/v1/<...>`), e.g. reference data. */
  globalRoutes?: FastifyPluginAsync
  roles?: RoleDefinition[]
  permissions: PermissionTable
  scopes?: Record<string, ScopeResolver>
  indicators?: IndicatorDefinition[]
  errorCodes?: Record<string, number>
  messages?: MessageCatalog
  nav?: NavItem[]
  /** Runs inside the activation transaction: default records a new city starts with. */
  onCityActivated?: (options: { tx: Tx; city: CityRef }) => Promise<void>
  seedDemo?: (context: DemoSeedContext) => Promise<void>
}
