import { allManifests, buildApp } from '../../src/platform/server/app.ts'
import { loadConfig } from '../../src/platform/server/config.ts'
import type { Database } from '../../src/platform/server/db/client.ts'

/** The OpenAPI document needs the routes, not a database: nothing here is ever queried. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const database = { db: {}, kind: 'pglite', close: async () => {} } as unknown as Database
  const app = await buildApp({
    database,
    config: loadConfig({ NODE_ENV: 'test' }),
    manifests: allManifests(),
  })
  await app.ready()
  const document = app.swagger()
  await app.close()
  return document
}
