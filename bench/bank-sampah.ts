/**
 * Bank sampah deposits, the ledger write a teller makes all day. On PostgreSQL the deposit
 * endpoint at 16 concurrent clients is set against `pgbench`'s built-in TPC-B-like transaction at
 * 16 clients, in the same run on the same server (ratio = deposits/s ÷ pgbench tps, aim ≥ 0.3);
 * on PGlite deposits per second are printed as they are (one writer at a time by design).
 * Scratch databases are created and dropped; the app's server is the real one, with demo data.
 * On a small machine the app's one Node process is what saturates first (PostgreSQL used about a
 * core less); the deposit path's statements are compiled once (src/platform/server/db/compiled.ts)
 * to keep its CPU per deposit down.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { type CpuSeconds, cpuDuring } from './cpu.ts'
import { ADMIN_URL, admin, urlOf, withServer } from './support.ts'

const CONNECTIONS = Number(process.env.BENCH_CLIENTS ?? 16)
/** Server processes for the PostgreSQL runs (the app's WORKERS); PGlite always runs one. */
const WORKERS = process.env.BENCH_WORKERS ?? '1'

/** CPU milliseconds per transaction, from CPU seconds over a run and the transactions it made. */
interface CpuPerTransaction {
  /** The app server (its workers included), or pgbench's client. */
  app: number
  postgres: number
}

function perTransaction(cpu: CpuSeconds | null, transactions: number): CpuPerTransaction | null {
  if (!cpu || transactions === 0) return null
  return { app: (cpu.app * 1_000) / transactions, postgres: (cpu.postgres * 1_000) / transactions }
}

const ms = (value: number) => `${value.toFixed(2)} ms`

function pgbenchBinary(): string | null {
  const base = '/usr/lib/postgresql'
  if (!fs.existsSync(base)) return null
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const binary = path.join(base, version, 'bin', 'pgbench')
    if (fs.existsSync(binary)) return binary
  }
  return null
}

/** The demo teller's session, bank and first nasabah. */
async function tellerOf(base: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'teller.oroombo', password: 'sinergi-demo' }),
  })
  if (!login.ok) throw new Error(`teller login failed: ${login.status}`)
  const me = (await login.json()) as { csrfToken: string; roles: { scopeId: string }[] }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const bankPath = `/api/v1/cities/35.79/bank-sampah/banks/${me.roles[0]!.scopeId}`
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }
  const nasabah = (await (await fetch(`${base}${bankPath}/nasabah`, { headers })).json()) as { id: string }[]
  return { bankPath, headers, nasabahIds: nasabah.map((row) => row.id) }
}

async function signIn(base: string, username: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'sinergi-demo' }),
  })
  if (!login.ok) throw new Error(`${username} login failed: ${login.status}`)
  const me = (await login.json()) as { csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }
}

/**
 * A city at work: as many bank sampah units as clients (Batu has about 232), each under the induk
 * and following its prices, each with a nasabah; Dinas LH staff may post at every bank.
 */
async function cityOfBanks(base: string) {
  const headers = await signIn(base, 'dlh.batu')
  const api = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1/cities/35.79${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
    return response.json() as Promise<{ id: string; items?: { id: string }[] }>
  }
  const induk = (await api('GET', '/waste/facilities?kind=bank_sampah_induk')).items![0]!.id
  await api('PUT', `/bank-sampah/banks/${induk}/prices/pet/2026-01-01`, { pricePerKgRupiah: 3_500 })
  const banks: { bankPath: string; nasabahId: string }[] = []
  for (let n = 1; n <= CONNECTIONS; n++) {
    const unit = await api('POST', '/waste/facilities', {
      kind: 'bank_sampah_unit',
      name: `Bank Sampah Unit bench ${n}`,
      villageCode: '35.79.01.2006',
      parentId: induk,
    })
    const bankPath = `/api/v1/cities/35.79/bank-sampah/banks/${unit.id}`
    const person = await api('POST', `/bank-sampah/banks/${unit.id}/nasabah`, {
      kind: 'person',
      name: `Nasabah ${n}`,
    })
    banks.push({ bankPath, nasabahId: person.id })
  }
  return { headers, banks }
}

/** Deposits per second at 16 clients, each with its own Idempotency-Key as a phone would send. */
async function measureDeposits(
  base: string,
  durationS: number,
  where: 'one bank' | 'many banks' = 'one bank',
  serverPid: number | null = null,
): Promise<{ rps: number; p99: number; cpu: CpuPerTransaction | null }> {
  // Each request goes to the next target: one bank's nasabah in turn, or the next bank of the city.
  const { headers, targets } =
    where === 'one bank'
      ? await tellerOf(base).then((teller) => ({
          headers: teller.headers,
          targets: teller.nasabahIds.map((nasabahId) => ({ bankPath: teller.bankPath, nasabahId })),
        }))
      : await cityOfBanks(base).then(({ headers, banks }) => ({ headers, targets: banks }))
  let sent = 0
  const next = () => {
    const target = targets[sent++ % targets.length]!
    return { path: `${target.bankPath}/deposits`, nasabahId: target.nasabahId }
  }
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          path: `${targets[0]!.bankPath}/deposits`,
          headers,
          setupRequest: (request) => {
            const { path: depositPath, nasabahId } = next()
            return {
              ...request,
              path: depositPath,
              body: JSON.stringify({ nasabahId, lines: [{ subMaterial: 'pet', weightGrams: 1_250 }] }),
              headers: { ...request.headers, 'idempotency-key': randomBytes(12).toString('hex') },
            }
          },
        },
      ],
    })
  await run(2)
  const { result, cpu } = await cpuDuring(serverPid, () => run(durationS))
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`deposits answered ${result.non2xx} non-2xx and ${result.errors} errors`)
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpu: perTransaction(cpu, result.requests.total),
  }
}

async function runPgbench(
  binary: string,
  options: { url: string; durationS: number },
): Promise<{ tps: number; cpu: CpuPerTransaction | null }> {
  execFileSync(binary, ['-i', '-q', '-s', '1', options.url], { stdio: 'ignore' })
  const { result: output, cpu } = await cpuDuring(null, async () =>
    execFileSync(
      binary,
      ['-c', String(CONNECTIONS), '-j', '2', '-T', String(options.durationS), options.url],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ),
  )
  const match =
    /tps = ([\d.]+) \(without initial connection time\)/.exec(output) ?? /tps = ([\d.]+)/.exec(output)
  if (!match) throw new Error(`pgbench printed no tps:\n${output}`)
  const processed = /number of transactions actually processed: (\d+)/.exec(output)
  return { tps: Number(match[1]), cpu: perTransaction(cpu, Number(processed?.[1] ?? 0)) }
}

/**
 * CPU per transaction on both sides, and their ratio (pgbench's ÷ the deposit's, so higher is
 * better, like the throughput ratio). Load generators are not counted on the app's side; pgbench's
 * client is, being part of its transaction's cost.
 */
function cpuLine(deposit: CpuPerTransaction | null, pgbench: CpuPerTransaction | null): string[] {
  if (!deposit || !pgbench) return []
  const depositTotal = deposit.app + deposit.postgres
  const pgbenchTotal = pgbench.app + pgbench.postgres
  return [
    `  CPU per deposit (${CONNECTIONS} banks): app ${ms(deposit.app)} + PostgreSQL ${ms(deposit.postgres)} = ${ms(depositTotal)}`,
    `  CPU per pgbench transaction: client ${ms(pgbench.app)} + PostgreSQL ${ms(pgbench.postgres)} = ${ms(pgbenchTotal)}   CPU ratio ${(pgbenchTotal / depositTotal).toFixed(2)}`,
  ]
}

async function benchOnPostgres(durationS: number): Promise<string[]> {
  const binary = pgbenchBinary()
  if (!binary) return ['  PostgreSQL: skipped (pgbench not found under /usr/lib/postgresql/*/bin)']
  try {
    await admin('select 1')
  } catch {
    return [`  PostgreSQL: skipped (no server at ${new URL(ADMIN_URL).host})`]
  }
  const suffix = randomBytes(3).toString('hex')
  const appDb = `sinergi_bench_bank_${suffix}`
  const pgbenchDb = `sinergi_bench_pgbench_${suffix}`
  await admin(`create database ${appDb}`)
  await admin(`create database ${pgbenchDb}`)
  try {
    const [oneBank, manyBanks] = await withServer(
      { DATABASE_URL: urlOf(appDb), WORKERS },
      async (base, pid) => [
        await measureDeposits(base, durationS, 'one bank', pid),
        await measureDeposits(base, durationS, 'many banks', pid),
      ],
    )
    const { tps, cpu } = await runPgbench(binary, { url: urlOf(pgbenchDb), durationS })
    return [
      `  deposits on PostgreSQL, one bank's counter  ${oneBank.rps.toFixed(0).padStart(5)} /s   p99 ${oneBank.p99} ms   ratio ${(oneBank.rps / tps).toFixed(2)}`,
      `  deposits on PostgreSQL, ${CONNECTIONS} banks at once  ${manyBanks.rps.toFixed(0).padStart(5)} /s   p99 ${manyBanks.p99} ms   ratio ${(manyBanks.rps / tps).toFixed(2)}`,
      `  pgbench TPC-B-like                          ${tps.toFixed(0).padStart(5)} tps   (ratio aim: at least 0.30)`,
      ...cpuLine(manyBanks.cpu, cpu),
      ...(WORKERS === '1' ? [] : [`  (the app ran WORKERS=${WORKERS})`]),
    ]
  } finally {
    await admin(`drop database if exists ${appDb} with (force)`)
    await admin(`drop database if exists ${pgbenchDb} with (force)`)
  }
}

async function benchOnPglite(durationS: number): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-bank-'))
  try {
    const deposits = await withServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, (base) =>
      measureDeposits(base, durationS),
    )
    return [`  deposits on PGlite       ${deposits.rps.toFixed(0).padStart(7)} /s   p99 ${deposits.p99} ms`]
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function benchBankSampahDeposits(options: { durationS: number }): Promise<void> {
  const lines = [
    `POST …/bank-sampah/banks/{bankId}/deposits (${CONNECTIONS} clients, ${options.durationS} s per run)`,
    ...(await benchOnPostgres(options.durationS)),
    ...(await benchOnPglite(options.durationS)),
    '',
  ]
  process.stdout.write(lines.join('\n'))
}

if (process.argv[1] === import.meta.filename) {
  await benchBankSampahDeposits({ durationS: Number(process.env.BENCH_SECONDS ?? 8) })
}
