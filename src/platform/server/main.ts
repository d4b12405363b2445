import { allManifests, buildApp } from './app.ts'
import { BootError, prepareDatabase } from './boot.ts'
import { ConfigError, loadConfig } from './config.ts'
import { DataDirLockedError } from './db/data-dir-lock.ts'
import { purgeIdempotencyKeys } from './idempotency/idempotency.repository.ts'
import { DEMO_PASSWORD, listDemoLogins } from './seed/demo.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  const manifests = allManifests()
  const started = Date.now()
  const { database, regions, demoSeeded } = await prepareDatabase({ config, manifests })
  const app = await buildApp({ database, config, manifests })

  const purge = () =>
    purgeIdempotencyKeys(database.db).catch((error: unknown) =>
      app.log.warn({ err: error }, 'purging idempotency keys failed'),
    )
  await purge()
  const purgeTimer = setInterval(purge, 3_600_000)
  purgeTimer.unref()

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    clearInterval(purgeTimer)
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void close('SIGINT'))
  process.on('SIGTERM', () => void close('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `  Sinergi is running at http://${shownHost}:${port}`,
    `  API docs: http://${shownHost}:${port}/api/docs`,
    `  Database: ${where}; ${regions.cities} kabupaten/kota, ${regions.districts} kecamatan, ${regions.villages} desa/kelurahan`,
    `  Started in ${((Date.now() - started) / 1000).toFixed(1)} s${demoSeeded ? ' (demo data seeded)' : ''}`,
  ]
  const demoLogins = config.seedDemo ? await listDemoLogins(database.db) : []
  if (demoLogins.length > 0) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`)
    for (const login of demoLogins) lines.push(`    ${login.username.padEnd(18)} ${login.roles.join('; ')}`)
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BootError || error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`)
  } else {
    process.stderr.write(
      `\nSinergi failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    )
  }
  process.exit(1)
})
