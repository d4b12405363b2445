import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import pg from 'pg'
import { BATU_PROFILE } from '../src/modules/umkm/server/umkm.sample-data.ts'
import { seedSampleBusinesses } from '../src/modules/umkm/server/umkm.seed.ts'
import { createUser, grantRole } from '../src/platform/server/access/access.service.ts'
import { prepareDatabase } from '../src/platform/server/boot.ts'
import { openDatabase } from '../src/platform/server/db/client.ts'
import { activateCity, toCityRef } from '../src/platform/server/tenancy/cities.service.ts'
import { ADMIN_URL, admin, urlOf, withServer } from './support.ts'
import { BATU, CONNECTIONS, COUNT, contextOf } from './umkm-common.ts'

// Varied on every request: common words and rare ones, an owner's name, a desa in a name.
const NAME_QUERIES = [
  'apel',
  'warung',
  'laundry',
  'makmur',
  'bu sri',
  'tempe',
  'berkah',
  'bengkel',
  'kopi',
  'jaya beji',
  'salon',
  'sayur',
  'toko',
  'batik',
  'ojek',
  'pak joko',
]
// Whole kelompok codes and prefixes (KBLI 2020 golongan pokok and kategori-wide digits).
const KBLI_QUERIES = [
  '10',
  '47112',
  '56102',
  '01240',
  '96200',
  '4',
  '1',
  '56',
  '01',
  '45407',
  '10794',
  '14120',
]

async function signIn(base: string, user: { username: string; password: string }): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  })
  if (!login.ok) throw new Error(`${user.username} login failed: ${login.status}`)
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

interface Measured {
  rps: number
  p95: number
}

type Filter = 'q' | 'kbli' | 'village'

/** GET …/umkm/businesses at 16 connections, each request with the next value of the filter. */
async function measureSearch(options: {
  base: string
  cookie: string
  filter: Filter
  values: string[]
  durationS: number
}): Promise<Measured> {
  const { base, cookie, filter, values } = options
  let sent = 0
  const pathOf = () =>
    `/api/v1/cities/${BATU}/umkm/businesses?${filter}=${encodeURIComponent(values[sent++ % values.length]!)}`
  const run = async (duration: number) => {
    const times: number[] = []
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration,
          requests: [
            {
              method: 'GET',
              path: pathOf(),
              headers: { cookie },
              setupRequest: (request) => ({ ...request, path: pathOf() }),
            },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      )
      // autocannon's summary has p90 and p97.5, not p95: keep every response time instead.
      instance.on('response', (_client, _status, _bytes, time) => {
        times.push(time)
      })
    })
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`search by ${filter} answered ${result.non2xx} non-2xx and ${result.errors} errors`)
    times.sort((a, b) => a - b)
    return { rps: result.requests.average, p95: percentile(times, 95) }
  }
  await run(2)
  return run(options.durationS)
}

/** The page the endpoint answers (20 rows by name, place, scale by the default rule, total), as one statement. */
const SEARCH_SQL: Record<Filter, string> = Object.fromEntries(
  (
    [
      ['q', 'b.name ilike $2'],
      ['kbli', 'b.kbli_code like $2'],
      ['village', 'b.village_code = $2'],
    ] as const
  ).map(([filter, condition]) => [
    filter,
    `select b.public_id, b.name, b.kbli_code, b.kbli_version, b.nib, b.owner_name, b.village_code,
            v.name as village_name, v.kind as village_kind, d.name as district_name, b.products,
            b.self_reported_scale, b.is_sample_data,
            (select f.scale_pp7_sales from umkm_business_figures f
              where f.city_id = b.city_id and f.business_id = b.id and f.scale_pp7_sales is not null
              order by f.as_of desc, f.id desc limit 1) as derived_scale,
            count(*) over () as total
       from umkm_businesses b
       left join villages v on v.code = b.village_code
       left join districts d on d.code = v.district_code
      where b.city_id = $1 and ${condition}
      order by b.name, b.id
      limit 20`,
  ]),
) as Record<Filter, string>

/** The ceiling: 16 `pg` clients, each running the statement back to back with the next value. */
async function measureSql(options: {
  url: string
  cityId: number
  filter: Filter
  values: string[]
  durationS: number
}): Promise<Measured> {
  const { filter, values } = options
  const parameterOf = (value: string) =>
    filter === 'q' ? `%${value}%` : filter === 'kbli' ? `${value}%` : value
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: options.url })
      await client.connect()
      return client
    }),
  )
  let sent = 0
  const run = async (durationS: number) => {
    const times: number[] = []
    const until = performance.now() + durationS * 1_000
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < until) {
          const started = performance.now()
          await client.query(SEARCH_SQL[filter], [
            options.cityId,
            parameterOf(values[sent++ % values.length]!),
          ])
          times.push(performance.now() - started)
        }
      }),
    )
    times.sort((a, b) => a - b)
    return { rps: times.length / durationS, p95: percentile(times, 95) }
  }
  try {
    await run(2)
    return await run(options.durationS)
  } finally {
    await Promise.all(clients.map((client) => client.end()))
  }
}

const BENCH_USER = { username: 'bench.umkm', password: 'bench-umkm-password' }

/**
 * A fresh database with Batu active, a staff account and the sample written by the seed's bulk
 * writer, before the server starts. Not the whole demo: the bench should not stand or fall with
 * other modules' demo data.
 */
async function prepareRegistry(databaseUrl: string): Promise<{ cityId: number; line: string }> {
  const database = await openDatabase({ databaseUrl, poolSize: 2 })
  try {
    const { config, manifests, context } = contextOf(database, databaseUrl)
    await prepareDatabase({ config, manifests, database, seedDemo: false })
    const city = toCityRef(await activateCity(context, BATU))
    await createUser(context, { ...BENCH_USER, displayName: 'Bench UMKM' })
    await grantRole(context, { city, username: BENCH_USER.username, grant: { role: 'umkm_staff' } })
    const started = performance.now()
    const written = await seedSampleBusinesses(context, { city, profile: BATU_PROFILE, count: COUNT })
    const seconds = (performance.now() - started) / 1_000
    const rows = written.businesses + written.figures + written.licences
    return {
      cityId: city.id,
      line: `  writing the sample on PostgreSQL: ${written.businesses} businesses, ${written.figures} figures, ${written.licences} licences in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s)`,
    }
  } finally {
    await database.close()
  }
}

export async function benchSearchOnPostgres(durationS: number): Promise<string[]> {
  try {
    await admin('select 1')
  } catch {
    return [`  PostgreSQL: skipped (no server at ${new URL(ADMIN_URL).host})`]
  }
  const database = `sinergi_bench_umkm_${randomBytes(3).toString('hex')}`
  const url = urlOf(database)
  await admin(`create database ${database}`)
  try {
    const { cityId, line } = await prepareRegistry(url)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('analyze')
    const villages = (
      await client.query<{ code: string }>('select code from villages where code like $1 order by code', [
        `${BATU}.%`,
      ])
    ).rows.map((row) => row.code)
    await client.end()
    const filters: [Filter, string, string[]][] = [
      ['q', `by name (q, ${NAME_QUERIES.length} words)`, NAME_QUERIES],
      ['kbli', `by KBLI (kbli, ${KBLI_QUERIES.length} codes and prefixes)`, KBLI_QUERIES],
      ['village', `by desa (village, all ${villages.length})`, villages],
    ]
    const lines = [
      line,
      `  search on PostgreSQL ${''.padEnd(22)} ${'sinergi p95'.padStart(11)} ${'req/s'.padStart(7)}   ${'one SQL p95'.padStart(11)} ${'q/s'.padStart(7)}   ratio (req/s ÷ q/s)`,
    ]
    await withServer({ DATABASE_URL: url, SEED_DEMO: 'false' }, async (base) => {
      const cookie = await signIn(base, BENCH_USER)
      for (const [filter, label, values] of filters) {
        const app = await measureSearch({ base, cookie, filter, values, durationS })
        const sql = await measureSql({ url, cityId, filter, values, durationS })
        lines.push(
          `    ${label.padEnd(40)} ${`${app.p95.toFixed(1)} ms`.padStart(11)} ${app.rps.toFixed(0).padStart(7)}   ${`${sql.p95.toFixed(1)} ms`.padStart(11)} ${sql.rps.toFixed(0).padStart(7)}   ${(app.rps / sql.rps).toFixed(2)}`,
        )
      }
    })
    return lines
  } finally {
    await admin(`drop database if exists ${database} with (force)`)
  }
}
