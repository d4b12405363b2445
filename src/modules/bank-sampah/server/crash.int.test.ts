import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { testConfig } from '../../../../test/support/template.ts'
import { TEST_PASSWORD, type TestApp } from '../../../../test/support/test-app.ts'
import { buildAccessRegistry } from '../../../platform/server/access/access.registry.ts'
import { allManifests, buildApp } from '../../../platform/server/app.ts'
import { type AppDeps, systemClock, systemContext } from '../../../platform/server/context.ts'
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../../../platform/server/db/client.ts'
import { createBankWorld } from './bank-sampah.fixture.ts'
import { unbalancedJournals } from './bank-sampah.repository.ts'

/**
 * The real server as a child process, killed with SIGKILL in the middle of a stream of deposits:
 * after a restart, every deposit it acknowledged is there (and its Idempotency-Key still answers
 * with the same entry), and every journal still balances. PGlite in a temporary folder, or a
 * temporary PostgreSQL database when TEST_DATABASE_URL is set.
 */
const repo = path.resolve(import.meta.dirname, '../../../..')
const postgresTemplate = inject('postgresTemplate')

/** A database the server can own, copied from the migrated test template (starts in seconds). */
async function createDatabase(): Promise<{
  options: { databaseUrl?: string; dataDir?: string }
  drop: () => Promise<void>
}> {
  if (postgresTemplate) {
    const name = `${postgresTemplate}_crash_${randomBytes(4).toString('hex')}`
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: inject('postgresUrl') })
      await client.connect()
      try {
        await client.query(sql)
      } finally {
        await client.end()
      }
    }
    await admin(`create database ${name} template ${postgresTemplate}`)
    const url = new URL(inject('postgresUrl'))
    url.pathname = `/${name}`
    return {
      options: { databaseUrl: url.toString() },
      drop: () => admin(`drop database if exists ${name} with (force)`),
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-crash-'))
  const dump = fs.readFileSync(inject('pgliteTemplatePath'))
  const client = await PGlite.create({
    dataDir,
    loadDataDir: new Blob([dump]),
    extensions: PGLITE_EXTENSIONS,
  })
  await client.close()
  return { options: { dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) }
}

/** A unit bank with a priced material, a teller and three nasabah, written before the server starts. */
async function prepareBank(database: Database) {
  const manifests = allManifests()
  const app = await buildApp({ database, config: testConfig, manifests, clock: systemClock })
  await app.ready()
  const deps: AppDeps = {
    database,
    config: testConfig,
    manifests,
    access: buildAccessRegistry(manifests),
    clock: systemClock,
  }
  const t: TestApp = { app, database, deps, system: systemContext(deps, 'test'), close: () => app.close() }
  const world = await createBankWorld(t)
  for (const name of ['Ayu', 'Budi', 'Citra']) await world.addNasabah(name)
  await app.close()
  return { username: world.unitTellerUser.username, bankId: world.unit }
}

interface Running {
  child: ChildProcess
  base: string
}

function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/server/main.ts'], {
    cwd: repo,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at http:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}` })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.on('exit', () => resolve())
  })
}

async function signInTeller(base: string, teller: { username: string; bankId: string }) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: teller.username, password: TEST_PASSWORD }),
  })
  const me = (await login.json()) as { csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const bankUrl = `${base}/api/v1/cities/35.79/bank-sampah/banks/${teller.bankId}`
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }
  return { bankUrl, headers }
}

/** The server processes whose parent is `pid`: a cluster primary's workers (not tsx's esbuild). */
function workersOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name before it may hold spaces.
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
        const isChild = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
        return isChild && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/main.ts')
      } catch {
        return false
      }
    })
    .map(Number)
}

const isAlive = (pid: number) => fs.existsSync(`/proc/${pid}`)

// One process, and on PostgreSQL also a primary with two workers (WORKERS=2), killed as a whole.
const variants = postgresTemplate ? [{ workers: 1 }, { workers: 2 }] : [{ workers: 1 }]

describe.each(variants)(
  'bank sampah deposits survive a crash ($workers process(es) serving)',
  ({ workers }) => {
    let env: Record<string, string>
    let drop = async () => {}
    let openOptions: { databaseUrl?: string; dataDir?: string }
    let teller: { username: string; bankId: string }
    let server: Running | undefined

    beforeAll(async () => {
      const created = await createDatabase()
      drop = created.drop
      openOptions = created.options
      const database = await openDatabase(openOptions)
      try {
        teller = await prepareBank(database)
      } finally {
        await database.close()
      }
      env = {
        SEED_DEMO: 'false',
        WORKERS: String(workers),
        ...(openOptions.databaseUrl
          ? { DATABASE_URL: openOptions.databaseUrl }
          : { DATA_DIR: openOptions.dataDir! }),
      }
    }, 60_000)
    afterAll(async () => {
      if (server) {
        server.child.kill('SIGKILL')
        await stopped(server.child)
      }
      await drop()
    })

    it('keeps every acknowledged deposit after SIGKILL mid-load, and every journal balances', async () => {
      server = await startServer(env)
      const first = await signInTeller(server.base, teller)
      const nasabah = (await (
        await fetch(`${first.bankUrl}/nasabah`, { headers: first.headers })
      ).json()) as {
        id: string
      }[]
      const acknowledged = new Map<string, { id: string; nasabahId: string }>()
      let sent = 0
      let isKilled = false
      const client = async (worker: number) => {
        while (!isKilled) {
          const key = `crash-${worker}-${sent++}`
          const nasabahId = nasabah[sent % nasabah.length]!.id
          try {
            const response = await fetch(`${first.bankUrl}/deposits`, {
              method: 'POST',
              headers: { ...first.headers, 'idempotency-key': key },
              body: JSON.stringify({ nasabahId, lines: [{ subMaterial: 'pet', weightGrams: 1_000 + sent }] }),
            })
            if (response.ok)
              acknowledged.set(key, { id: ((await response.json()) as { id: string }).id, nasabahId })
          } catch {
            // The connection died with the server: this one was never acknowledged.
          }
        }
      }
      const clients = Array.from({ length: 4 }, (_, worker) => client(worker))
      const deadline = Date.now() + 5_000
      while (acknowledged.size < 25 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      const workerPids = workersOf(server.child.pid!)
      expect(workerPids).toHaveLength(workers > 1 ? workers : 0)
      server.child.kill('SIGKILL')
      isKilled = true
      await stopped(server.child)
      await Promise.all(clients)
      expect(acknowledged.size).toBeGreaterThan(0)
      // Workers do not outlive their primary: they stop when it is gone, and hold nothing open.
      await expect.poll(() => workerPids.filter(isAlive), { timeout: 10_000 }).toEqual([])

      server = await startServer(env)
      const second = await signInTeller(server.base, teller)
      const present = new Set<string>()
      for (const { id } of nasabah) {
        const statement = (await (
          await fetch(`${second.bankUrl}/nasabah/${id}/statement`, { headers: second.headers })
        ).json()) as {
          entries: { id: string }[]
        }
        for (const entry of statement.entries) present.add(entry.id)
      }
      const missing = [...acknowledged.values()].filter((ack) => !present.has(ack.id))
      expect(missing).toEqual([])
      // A client retrying an acknowledged deposit with its key gets the same entry, not a second one.
      const [key, ack] = [...acknowledged.entries()][0]!
      const retry = await fetch(`${second.bankUrl}/deposits`, {
        method: 'POST',
        headers: { ...second.headers, 'idempotency-key': key },
        body: JSON.stringify({ nasabahId: ack.nasabahId, lines: [{ subMaterial: 'pet', weightGrams: 1 }] }),
      })
      expect([201, 422]).toContain(retry.status)
      if (retry.status === 201) expect(((await retry.json()) as { id: string }).id).toBe(ack.id)

      server.child.kill('SIGTERM')
      await stopped(server.child)
      server = undefined
      const database = await openDatabase(openOptions)
      try {
        expect(await unbalancedJournals(database.db)).toEqual([])
      } finally {
        await database.close()
      }
    }, 150_000)

    it.skipIf(workers === 1)(
      'replaces a worker that dies, and stops every worker on SIGTERM',
      async () => {
        server = await startServer(env)
        const primary = server.child
        const first = workersOf(primary.pid!)
        expect(first).toHaveLength(workers)
        process.kill(first[0]!, 'SIGKILL')
        // A new worker takes the dead one's place; the others serve meanwhile.
        await expect
          .poll(() => workersOf(primary.pid!).filter((pid) => !first.includes(pid)).length, {
            timeout: 30_000,
          })
          .toBe(1)
        await expect.poll(() => workersOf(primary.pid!).length, { timeout: 30_000 }).toBe(workers)
        const session = await signInTeller(server.base, teller)
        expect((await fetch(`${session.bankUrl}/nasabah`, { headers: session.headers })).status).toBe(200)

        const running = workersOf(primary.pid!)
        const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)))
        primary.kill('SIGTERM')
        expect(await exited).toBe(0)
        server = undefined
        expect(running.filter(isAlive)).toEqual([])
      },
      90_000,
    )
  },
)
