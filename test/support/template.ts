import { allManifests } from '../../src/platform/server/app.ts'
import { prepareDatabase } from '../../src/platform/server/boot.ts'
import { loadConfig } from '../../src/platform/server/config.ts'
import type { Database } from '../../src/platform/server/db/client.ts'

// Tests sign in far more often than a person; the per-IP limit has a test of its own.
export const testConfig = loadConfig({
  NODE_ENV: 'test',
  SEED_DEMO: 'false',
  LOGIN_ATTEMPTS_PER_MINUTE: '10000',
})

/** Migrations, all regions and the indicator definitions: what every test database starts from. */
export async function prepareTemplate(database: Database): Promise<void> {
  await prepareDatabase({ config: testConfig, manifests: allManifests(), database, seedDemo: false })
}
