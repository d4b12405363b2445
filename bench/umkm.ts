/**
 * The UMKM registry at Batu's scale, 25,000 businesses from the sample generator
 * (src/modules/umkm/server/umkm.sample-data.ts), in a throwaway PostgreSQL database.
 *
 * - Search: GET …/umkm/businesses by name (`q`), KBLI prefix (`kbli`) and desa (`village`), with
 *   16 autocannon connections and the query varied on every request; p95 and requests/s. Ceiling:
 *   the same page (20 rows, derived scale and total) as one hand-written SQL statement, run by 16
 *   concurrent `pg` clients on the same database in the same run with the same varied parameters.
 *   Ratio = app requests/s ÷ SQL queries/s.
 * - Writing the sample: the seed's bulk writer (multi-row INSERTs of 500), rows/s, PGlite and
 *   PostgreSQL.
 * - SIDT import: the same 25,000 businesses as a 49-column SIDT CSV through `importSidt` (read,
 *   check every row, write in one transaction), rows/s on PGlite and PostgreSQL. Ceiling: the same
 *   businesses and figures records as hand-written multi-row INSERTs of 500 into the same emptied
 *   tables, in one transaction. Ratio = raw seconds ÷ import seconds.
 *
 * `npm run bench -- --only umkm` runs this alone; BENCH_UMKM_COUNT changes the 25,000.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { kbliCategoryOf } from '../src/modules/umkm/domain/identifiers.ts'
import { SIDT_COLUMNS, type SidtColumn } from '../src/modules/umkm/domain/sidt.ts'
import { importSidt, SidtUpload } from '../src/modules/umkm/server/sidt.import.service.ts'
import { BATU_PROFILE, type CitySampleBusiness } from '../src/modules/umkm/server/umkm.sample-data.ts'
import {
  generateCitySample,
  insertSampleBusinesses,
  seedSampleBusinesses,
} from '../src/modules/umkm/server/umkm.seed.ts'
import { derivedColumns } from '../src/modules/umkm/server/umkm.service.ts'
import { buildAccessRegistry } from '../src/platform/server/access/access.registry.ts'
import { createUser, grantRole } from '../src/platform/server/access/access.service.ts'
import { allManifests } from '../src/platform/server/app.ts'
import { prepareDatabase } from '../src/platform/server/boot.ts'
import { loadConfig } from '../src/platform/server/config.ts'
import { systemClock, systemContext } from '../src/platform/server/context.ts'
import { openDatabase } from '../src/platform/server/db/client.ts'
import { newPublicId } from '../src/platform/server/db/columns.ts'
import { activateCity, getCity, toCityRef } from '../src/platform/server/tenancy/cities.service.ts'

const root = path.resolve(import.meta.dirname, '..')
const CONNECTIONS = Number(process.env.BENCH_CLIENTS ?? 16)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const COUNT = Number(process.env.BENCH_UMKM_COUNT ?? 25_000)
const BATU = '35.79'

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

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${database}`
  return url.toString()
}

async function waitForHttp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 1_500; attempt++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}

async function withServer<T>(env: Record<string, string>, work: (base: string) => Promise<T>): Promise<T> {
  const port = String(3980 + Math.floor(Math.random() * 15))
  const app = fork(path.join(root, 'src/platform/server/main.ts'), [], {
    cwd: root,
    env: { ...process.env, PORT: port, LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/api/health`)
    return await work(base)
  } finally {
    app.kill('SIGTERM')
    await new Promise((resolve) => app.once('exit', resolve))
  }
}

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

/** A context for writing with the app's own code from this process, as the CLI does. */
function contextOf(database: Awaited<ReturnType<typeof openDatabase>>, databaseUrl?: string) {
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

async function benchSearchOnPostgres(durationS: number): Promise<string[]> {
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

/** The same bulk writer into an embedded database: what `sinergi umkm generate-sample` costs there. */
async function benchSampleOnPglite(): Promise<string[]> {
  const database = await openDatabase({})
  try {
    const { config, manifests, context } = contextOf(database)
    await prepareDatabase({ config, manifests, database, seedDemo: false })
    const city = toCityRef(await getCity(context, BATU))
    const samples = await generateCitySample(context, { city, profile: BATU_PROFILE, count: COUNT })
    const started = performance.now()
    const written = await database.db.transaction((tx) => insertSampleBusinesses(tx, { city, samples }))
    const seconds = (performance.now() - started) / 1_000
    const rows = written.businesses + written.figures + written.licences
    return [
      `  writing the sample on PGlite:     ${written.businesses} businesses, ${written.figures} figures, ${written.licences} licences in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s)`,
    ]
  } finally {
    await database.close()
  }
}

// --- SIDT import ------------------------------------------------------------------------------

const SIDT_PULLED_AT = '2026-04-15 08:00:00'
const SIDT_UPDATED_AT = '2025-12-31 10:00:00'

const csvCell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The generator's businesses as a SIDT export of the city: the 49 columns, one row each. */
function sidtCsvOf(samples: CitySampleBusiness[], cityCode: string): Buffer {
  const province = cityCode.slice(0, 2)
  const rows = samples.map((b, index) => {
    const latest = b.figures.at(-1)!
    const row: Record<SidtColumn, string | number | null> = {
      id_data_badan_usaha: `SIDT-${cityCode}-${String(index + 1).padStart(6, '0')}`,
      nik_pengusaha: b.ownerNik,
      nama_pengusaha: b.ownerName,
      nib: b.nib,
      jenis_kelamin: b.ownerSex,
      is_disabilitas: b.ownerHasDisability ? 'Ya' : 'Tidak',
      tanggal_lahir: b.ownerBirthDate,
      pendidikan_formal: b.ownerEducation,
      kontak_hp: b.ownerPhone,
      prov_pengusaha: province,
      kab_pengusaha: cityCode,
      kec_pengusaha: b.ownerVillageCode.slice(0, 8),
      kel_pengusaha: b.ownerVillageCode,
      alamat_pengusaha: null,
      rt_pengusaha: b.ownerRt,
      rw_pengusaha: b.ownerRw,
      nama_usaha: b.name,
      kegiatan_utama: b.mainActivity,
      produk_utama: b.products,
      kategori_kbli: kbliCategoryOf(b.kbliCode),
      kode_kbli: b.kbliCode,
      status_badan_usaha: b.legalForm,
      skala_usaha: b.selfReportedScale ? `Usaha ${b.selfReportedScale}` : null,
      modal_pendirian: latest.capitalRupiah,
      bulan_mulai_operasi: b.startedMonth,
      tahun_mulai_operasi: b.startedYear,
      omzet_tahunan: latest.annualSalesRupiah,
      asset: latest.assetsRupiah,
      prov_usaha: province,
      kab_usaha: cityCode,
      kec_usaha: b.villageCode.slice(0, 8),
      kel_usaha: b.villageCode,
      alamat_usaha: null,
      rt_usaha: b.rt,
      rw_usaha: b.rw,
      foto_usaha: null,
      alamat_latitude: null,
      alamat_longitude: null,
      tk_dibayar_laki: b.workersPaidMale,
      tk_dibayar_perempuan: b.workersPaidFemale,
      tk_dibayar_disabil_laki: b.workersDisabledMale,
      tk_dibayar_disabil_perempuan: b.workersDisabledFemale,
      tk_not_dibayar_laki: b.workersUnpaidMale,
      tk_not_dibayar_perempuan: b.workersUnpaidFemale,
      tk_not_dibayar_disabil_laki: 0,
      tk_not_dibayar_disabil_perempua: 0,
      pulled_at: SIDT_PULLED_AT,
      updated_at: SIDT_UPDATED_AT,
      source_page: null,
    }
    return SIDT_COLUMNS.map((column) => csvCell(row[column])).join(',')
  })
  return Buffer.from([SIDT_COLUMNS.join(','), ...rows].join('\n'), 'utf8')
}

type RawQuery = (text: string, params: unknown[]) => Promise<{ rows: { id: number }[] }>

const BUSINESS_COLUMNS = [
  'public_id',
  'city_id',
  'sidt_id',
  'name',
  'kbli_code',
  'kbli_version',
  'nib',
  'owner_name',
  'owner_nik',
  'owner_phone',
  'owner_sex',
  'owner_has_disability',
  'owner_birth_date',
  'owner_education',
  'owner_village_code',
  'owner_rt',
  'owner_rw',
  'main_activity',
  'products',
  'legal_form',
  'self_reported_scale',
  'started_month',
  'started_year',
  'village_code',
  'rt',
  'rw',
  'workers_paid_male',
  'workers_paid_female',
  'workers_unpaid_male',
  'workers_unpaid_female',
  'workers_disabled_male',
  'workers_disabled_female',
  'sidt_pulled_at',
  'sidt_updated_at',
]
const FIGURES_COLUMNS = [
  'public_id',
  'city_id',
  'business_id',
  'as_of',
  'capital_rupiah',
  'annual_sales_rupiah',
  'assets_rupiah',
  'workers',
  'source_note',
  'scale_pp7_capital',
  'scale_pp7_sales',
  'scale_uu20',
  'scale_rule_version',
]

function insertStatement(table: string, columns: string[], rows: unknown[][]) {
  const values = rows.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
  return {
    text: `insert into ${table} (${columns.join(', ')}) values ${values.join(', ')} returning id`,
    params: rows.flat(),
  }
}

/**
 * The ceiling: the same businesses and figures records as hand-written multi-row INSERTs of 500
 * in one transaction, with nothing read, checked or looked up first.
 */
async function rawInsert(query: RawQuery, options: { cityId: number; samples: CitySampleBusiness[] }) {
  const { cityId, samples } = options
  await query('begin', [])
  for (let at = 0; at < samples.length; at += 500) {
    const batch = samples.slice(at, at + 500)
    const businesses = batch.map((b, n) => [
      newPublicId(),
      cityId,
      `SIDT-${BATU}-${String(at + n + 1).padStart(6, '0')}`,
      b.name,
      b.kbliCode,
      'KBLI2020',
      b.nib,
      b.ownerName,
      b.ownerNik,
      b.ownerPhone,
      b.ownerSex,
      b.ownerHasDisability,
      b.ownerBirthDate,
      b.ownerEducation,
      b.ownerVillageCode,
      b.ownerRt,
      b.ownerRw,
      b.mainActivity,
      b.products,
      b.legalForm,
      b.selfReportedScale,
      b.startedMonth,
      b.startedYear,
      b.villageCode,
      b.rt,
      b.rw,
      b.workersPaidMale,
      b.workersPaidFemale,
      b.workersUnpaidMale,
      b.workersUnpaidFemale,
      b.workersDisabledMale,
      b.workersDisabledFemale,
      new Date('2026-04-15T01:00:00Z'),
      new Date('2025-12-31T03:00:00Z'),
    ])
    const statement = insertStatement('umkm_businesses', BUSINESS_COLUMNS, businesses)
    const { rows: ids } = await query(statement.text, statement.params)
    const figures = batch.map((b, n) => {
      const latest = b.figures.at(-1)!
      const scales = derivedColumns({ id: '', ...latest, asOf: '2025-12-31' })
      return [
        newPublicId(),
        cityId,
        ids[n]!.id,
        '2025-12-31',
        latest.capitalRupiah,
        latest.annualSalesRupiah,
        latest.assetsRupiah,
        b.workersPaidMale + b.workersPaidFemale + b.workersUnpaidMale + b.workersUnpaidFemale,
        'SIDT',
        scales.scalePp7Capital,
        scales.scalePp7Sales,
        scales.scaleUu20,
        scales.scaleRuleVersion,
      ]
    })
    const figuresStatement = insertStatement('umkm_business_figures', FIGURES_COLUMNS, figures)
    await query(figuresStatement.text, figuresStatement.params)
  }
  await query('commit', [])
}

/** Import, then empty the registry, then the ceiling: both start from the same empty tables. */
async function measureImport(options: {
  database: Awaited<ReturnType<typeof openDatabase>>
  databaseUrl?: string
  query: RawQuery
}): Promise<{ rows: number; importSeconds: number; phases: string; rawSeconds: number }> {
  const { database } = options
  const { config, manifests, context } = contextOf(database, options.databaseUrl)
  await prepareDatabase({ config, manifests, database, seedDemo: false })
  const city = toCityRef(await activateCity(context, BATU))
  const samples = await generateCitySample(context, { city, profile: BATU_PROFILE, count: COUNT })
  const csv = sidtCsvOf(samples, city.code)
  const phaseStarted = new Map<string, number>()
  const started = performance.now()
  const result = await importSidt(context, {
    city,
    upload: new SidtUpload(csv, 'csv'),
    onProgress: (_done, _total, phase) => {
      if (!phaseStarted.has(phase)) phaseStarted.set(phase, performance.now())
    },
  })
  const importSeconds = (performance.now() - started) / 1_000
  if (result.inserted !== samples.length)
    throw new Error(`SIDT import inserted ${result.inserted} of ${samples.length}`)
  const marks = [...phaseStarted.entries(), ['done', performance.now()] as const]
  const phases = marks
    .slice(0, -1)
    .map(([phase, at], i) => `${phase} ${((marks[i + 1]![1] - at) / 1_000).toFixed(1)} s`)
    .join(', ')
  await options.query('truncate umkm_business_figures, umkm_licences, umkm_businesses cascade', [])
  const rawStarted = performance.now()
  await rawInsert(options.query, { cityId: city.id, samples })
  const rawSeconds = (performance.now() - rawStarted) / 1_000
  return { rows: samples.length, importSeconds, phases, rawSeconds }
}

const importLine = (engine: string, m: Awaited<ReturnType<typeof measureImport>>) =>
  `  SIDT import on ${engine.padEnd(10)} ${(m.rows / m.importSeconds).toFixed(0).padStart(6)} rows/s (${m.importSeconds.toFixed(1)} s: ${m.phases})   raw INSERT ${(m.rows / m.rawSeconds).toFixed(0).padStart(6)} rows/s   ratio ${(m.rawSeconds / m.importSeconds).toFixed(2)}`

async function benchSidtImport(): Promise<string[]> {
  const lines: string[] = []
  const embedded = await openDatabase({})
  try {
    const pglite = embedded.pglite!
    lines.push(
      importLine(
        'PGlite',
        await measureImport({
          database: embedded,
          query: async (text, params) => ({ rows: (await pglite.query<{ id: number }>(text, params)).rows }),
        }),
      ),
    )
  } finally {
    await embedded.close()
  }
  try {
    await admin('select 1')
  } catch {
    return [...lines, `  SIDT import on PostgreSQL: skipped (no server at ${new URL(ADMIN_URL).host})`]
  }
  const name = `sinergi_bench_sidt_${randomBytes(3).toString('hex')}`
  await admin(`create database ${name}`)
  const database = await openDatabase({ databaseUrl: urlOf(name), poolSize: 4 })
  const client = new pg.Client({ connectionString: urlOf(name) })
  await client.connect()
  try {
    lines.push(
      importLine(
        'PostgreSQL',
        await measureImport({
          database,
          databaseUrl: urlOf(name),
          query: async (text, params) => ({ rows: (await client.query<{ id: number }>(text, params)).rows }),
        }),
      ),
    )
  } finally {
    await client.end()
    await database.close()
    await admin(`drop database if exists ${name} with (force)`)
  }
  return lines
}

export async function benchUmkm(options: { durationS: number }): Promise<void> {
  const lines = [
    `UMKM registry, ${COUNT} businesses of Kota Batu (${CONNECTIONS} clients, ${options.durationS} s per run)`,
    ...(await benchSearchOnPostgres(options.durationS)),
    ...(await benchSampleOnPglite()),
    ...(await benchSidtImport()),
    '',
  ]
  process.stdout.write(lines.join('\n'))
}

if (process.argv[1] === import.meta.filename) {
  await benchUmkm({ durationS: Number(process.env.BENCH_SECONDS ?? 8) })
}
