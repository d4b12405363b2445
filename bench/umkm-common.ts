/** What the UMKM benches share: the settings, the admin connection and a context to write with. */
import { buildAccessRegistry } from '../src/platform/server/access/access.registry.ts'
import { allManifests } from '../src/platform/server/app.ts'
import { loadConfig } from '../src/platform/server/config.ts'
import { systemClock, systemContext } from '../src/platform/server/context.ts'
import type { openDatabase } from '../src/platform/server/db/client.ts'

export const CONNECTIONS = Number(process.env.BENCH_CLIENTS ?? 16)
export const COUNT = Number(process.env.BENCH_UMKM_COUNT ?? 25_000)
export const BATU = '35.79'

/** A context for writing with the app's own code from this process, as the CLI does. */
export function contextOf(database: Awaited<ReturnType<typeof openDatabase>>, databaseUrl?: string) {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl ?? '', SEED_DEMO: 'false' })
  const manifests = allManifests()
  return {
    config,
    manifests,
    context: systemContext(
      { database, config, access: buildAccessRegistry(manifests), manifests, clock: systemClock },
      'bench',
    ),
  }
}

export { ADMIN_URL, admin, urlOf } from './support.ts'
