import { cityDateOf } from '../domain/city-time.ts'
import type { AccessRegistry } from './access/access.registry.ts'
import type { Actor } from './access/policy.ts'
import type { Config } from './config.ts'
import type { Database } from './db/client.ts'
import type { ModuleManifest } from './module.ts'

/** What a service needs from the outside world; built once per app, narrowed per request. */
export interface AppDeps {
  database: Database
  config: Config
  access: AccessRegistry
  manifests: ModuleManifest[]
  /** What time it is: tests set it to check day boundaries in WIB, WITA and WIT. */
  clock: () => Date
}

export const systemClock = () => new Date()

/** Today's calendar day in the city's own time zone. */
export function cityToday(context: { clock: () => Date }, city: { timezone: string }): string {
  return cityDateOf(context.clock(), city.timezone)
}

export interface IdempotencyClaim {
  scope: string
  key: string
  requestHash: string
  /** Present when this key already succeeded: the stored result of that first request. */
  replay?: { result: unknown }
}

export interface ServiceContext extends AppDeps {
  /** Null only for anonymous calls to public routes and for the CLI's system actions. */
  actor: Actor | null
  /** Shown in the audit log when there is no actor (e.g. `cli`, `system`). */
  actorLabel: string
  requestId: string | null
  idempotency: IdempotencyClaim | null
}

export function systemContext(deps: AppDeps, actorLabel: string): ServiceContext {
  return { ...deps, actor: null, actorLabel, requestId: null, idempotency: null }
}
