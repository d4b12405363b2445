import cluster from 'node:cluster'
import { allManifests, buildApp } from './app.ts'
import { BootError, prepareDatabase } from './boot.ts'
import { type Config, ConfigError, loadConfig } from './config.ts'
import { type Database, openDatabase } from './db/client.ts'
import { DataDirLockedError } from './db/data-dir-lock.ts'
import { purgeIdempotencyKeys } from './idempotency/idempotency.repository.ts'
import { DEMO_PASSWORD, listDemoLogins } from './seed/demo.ts'

/*
 * `npm start`. One process by default. With WORKERS > 1 (PostgreSQL only) this process prepares the
 * database once — migrations, reference data, demo — then forks that many workers that share the
 * port (node:cluster hands each connection to the next worker) and keeps them running: a worker
 * that dies is replaced. Nothing a request needs lives in one worker's memory (sessions, throttles,
 * idempotency keys and SIDT import jobs are in the database); the per-IP sign-in rate limit is
 * counted per worker.
 */

/** Connections per worker: the pool of one process (20) shared out, at least five each. */
function workerPoolSize(workers: number): number {
  return Math.max(5, Math.ceil(20 / workers))
}

function banner(
  config: Config,
  details: { port: number; where: string; regions: string; seconds: number; demoSeeded: boolean },
  demoLogins: { username: string; roles: string[] }[],
): string {
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host
  const lines = [
    '',
    `  Sinergi is running at http://${shownHost}:${details.port}`,
    `  API docs: http://${shownHost}:${details.port}/api/docs`,
    `  Database: ${details.where}; ${details.regions}`,
    `  Started in ${details.seconds.toFixed(1)} s${details.demoSeeded ? ' (demo data seeded)' : ''}${
      config.workers > 1 ? `, ${config.workers} workers` : ''
    }`,
  ]
  if (demoLogins.length > 0) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`)
    for (const login of demoLogins) lines.push(`    ${login.username.padEnd(18)} ${login.roles.join('; ')}`)
  }
  return `${lines.join('\n')}\n\n`
}

/** Serves HTTP on a prepared database in this process: the only one, or one worker of several. */
async function serve(config: Config, database: Database): Promise<number> {
  const app = await buildApp({ database, config, manifests: allManifests() })

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
  return typeof address === 'object' && address ? address.port : config.port
}

async function runSingle(config: Config): Promise<void> {
  const started = Date.now()
  const { database, regions, demoSeeded } = await prepareDatabase({ config, manifests: allManifests() })
  const port = await serve(config, database)
  const demoLogins = config.seedDemo ? await listDemoLogins(database.db) : []
  process.stdout.write(
    banner(
      config,
      {
        port,
        where: database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)',
        regions: `${regions.cities} kabupaten/kota, ${regions.districts} kecamatan, ${regions.villages} desa/kelurahan`,
        seconds: (Date.now() - started) / 1000,
        demoSeeded,
      },
      demoLogins,
    ),
  )
}

/** The primary of WORKERS processes: prepares the database, forks, replaces, stops them. */
async function runPrimary(config: Config): Promise<void> {
  const started = Date.now()
  const { database, regions, demoSeeded } = await prepareDatabase({ config, manifests: allManifests() })
  const demoLogins = config.seedDemo ? await listDemoLogins(database.db) : []
  await database.close()

  let closing = false
  let isServing = false
  const fork = () => cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return
    // A worker that cannot start (the port is taken, say) would fail again: stop instead of looping.
    if (!isServing) {
      process.stderr.write(`\nSinergi worker ${worker.process.pid} failed to start (${signal ?? code})\n\n`)
      void stop(1)
      return
    }
    process.stderr.write(
      `Sinergi worker ${worker.process.pid} stopped (${signal ?? code}); starting another\n`,
    )
    setTimeout(fork, 1_000).unref()
  })
  const listening = new Promise<number>((resolve) => {
    let count = 0
    cluster.on('listening', (_worker, address) => {
      count += 1
      if (count === config.workers) resolve(address.port)
    })
  })
  for (let n = 0; n < config.workers; n++) fork()

  async function stop(exitCode = 0) {
    if (closing) return
    closing = true
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined)
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve()
            worker.once('exit', () => resolve())
            worker.process.kill('SIGTERM')
          }),
      ),
    )
    process.exit(exitCode)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())

  const port = await listening
  isServing = true
  process.stdout.write(
    banner(
      config,
      {
        port,
        where: 'PostgreSQL (DATABASE_URL)',
        regions: `${regions.cities} kabupaten/kota, ${regions.districts} kecamatan, ${regions.villages} desa/kelurahan`,
        seconds: (Date.now() - started) / 1000,
        demoSeeded,
      },
      demoLogins,
    ),
  )
}

async function main(): Promise<void> {
  const config = loadConfig()
  if (config.workers === 1) return runSingle(config)
  if (cluster.isPrimary) return runPrimary(config)
  // A worker: the primary prepared the database before forking it.
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: workerPoolSize(config.workers),
  })
  await serve(config, database)
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
