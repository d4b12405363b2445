/**
 * SIDT import: the sample as a 49-column SIDT CSV through `importSidt`, against the same rows as
 * hand-written multi-row INSERTs, on PGlite and PostgreSQL (see umkm.ts).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { kbliCategoryOf } from '../src/modules/umkm/domain/identifiers.ts'
import { SIDT_COLUMNS, type SidtColumn } from '../src/modules/umkm/domain/sidt.ts'
import { importSidt } from '../src/modules/umkm/server/sidt.import.service.ts'
import { SidtUpload } from '../src/modules/umkm/server/sidt.upload.ts'
import { BATU_PROFILE, type CitySampleBusiness } from '../src/modules/umkm/server/umkm.sample-data.ts'
import { generateCitySample } from '../src/modules/umkm/server/umkm.seed.ts'
import { derivedColumns } from '../src/modules/umkm/server/umkm.service.ts'
import { prepareDatabase } from '../src/platform/server/boot.ts'
import { openDatabase } from '../src/platform/server/db/client.ts'
import { newPublicId } from '../src/platform/server/db/columns.ts'
import { activateCity, toCityRef } from '../src/platform/server/tenancy/cities.service.ts'
import { ADMIN_URL, admin, BATU, COUNT, contextOf, urlOf } from './umkm-common.ts'

const SIDT_PULLED_AT = '2026-04-15 08:00:00'
const SIDT_UPDATED_AT = '2025-12-31 10:00:00'

const csvCell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One business of the generator as a row of a SIDT export of the city. */
function sidtRowOf(
  b: CitySampleBusiness,
  options: { index: number; cityCode: string; province: string },
): Record<SidtColumn, string | number | null> {
  const { index, cityCode, province } = options
  const latest = b.figures.at(-1)!
  return {
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
}

/** The generator's businesses as a SIDT export of the city: the 49 columns, one row each. */
function sidtCsvOf(samples: CitySampleBusiness[], cityCode: string): Buffer {
  const province = cityCode.slice(0, 2)
  const rows = samples.map((b, index) => {
    const row = sidtRowOf(b, { index, cityCode, province })
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

/** One business as the raw INSERT writes it, column by column in BUSINESS_COLUMNS order. */
function businessValuesOf(b: CitySampleBusiness, options: { cityId: number; sidtId: string }): unknown[] {
  const { cityId, sidtId } = options
  return [
    newPublicId(),
    cityId,
    sidtId,
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
  ]
}

/** Its latest figures record, in FIGURES_COLUMNS order. */
function figuresValuesOf(b: CitySampleBusiness, options: { cityId: number; businessId: number }): unknown[] {
  const { cityId, businessId } = options
  const latest = b.figures.at(-1)!
  const scales = derivedColumns({ id: '', ...latest, asOf: '2025-12-31' })
  return [
    newPublicId(),
    cityId,
    businessId,
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
    const businesses = batch.map((b, n) =>
      businessValuesOf(b, { cityId, sidtId: `SIDT-${BATU}-${String(at + n + 1).padStart(6, '0')}` }),
    )
    const statement = insertStatement('umkm_businesses', BUSINESS_COLUMNS, businesses)
    const { rows: ids } = await query(statement.text, statement.params)
    const figures = batch.map((b, n) => figuresValuesOf(b, { cityId, businessId: ids[n]!.id }))
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

export async function benchSidtImport(): Promise<string[]> {
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
