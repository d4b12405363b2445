import { buildAccessRegistry } from './access/access.registry.ts'
import { countDemoUsers } from './auth/auth.repository.ts'
import type { Config } from './config.ts'
import { type AppDeps, systemClock } from './context.ts'
import { type Database, openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { syncIndicatorDefinitions } from './indicators/indicators.registry.ts'
import type { ModuleManifest } from './module.ts'
import { seedDemo } from './seed/demo.ts'
import { loadRegions, type RegionsSummary } from './tenancy/regions.loader.ts'

export class BootError extends Error {}

export interface PreparedDatabase {
  database: Database
  regions: RegionsSummary & { loaded: boolean }
  demoSeeded: boolean
}

/**
 * Everything a database needs before the server (or the CLI) uses it: migrations, the region
 * reference data, the indicator definitions, and — outside production — the demo.
 */
export async function prepareDatabase(options: {
  config: Config
  manifests: ModuleManifest[]
  database?: Database
  seedDemo?: boolean
  /** The CLI opens a production database with demo users in order to fix exactly that. */
  refuseDemoUsers?: boolean
}): Promise<PreparedDatabase> {
  const { config, manifests } = options
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  try {
    await migrateDatabase(database)
    const regions = await loadRegions(database.db)
    await syncIndicatorDefinitions(
      database.db,
      manifests.flatMap((manifest) =>
        (manifest.indicators ?? []).map((definition) => ({ module: manifest.name, definition })),
      ),
    )
    const deps: AppDeps = {
      database,
      config,
      access: buildAccessRegistry(manifests),
      manifests,
      clock: systemClock,
    }
    const demo = (options.seedDemo ?? config.seedDemo) ? await seedDemo(deps) : { seeded: false }
    if (config.isProduction && options.refuseDemoUsers !== false && (await countDemoUsers(database.db)) > 0) {
      throw new BootError(
        'Refusing to start in production: demo users with published passwords exist in this database. ' +
          'Give each a new password with `npx sinergi user set-password <username> --password <new>`, ' +
          'or use a fresh database.',
      )
    }
    return { database, regions, demoSeeded: demo.seeded }
  } catch (error) {
    if (!options.database) await database.close()
    throw error
  }
}
