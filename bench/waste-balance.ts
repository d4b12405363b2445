/**
 * The city waste balance over a large ledger: Batu with 50 facilities and five years of daily flows
 * (about 650 000 rows) on PostgreSQL. Measured: one city-year balance as the service computes it
 * (the ledger's monthly roll-up, kept by triggers as the rows are inserted → pure mapping → figures,
 * estimate, targets) against the one hand-written SQL aggregate of B and C over the ledger rows
 * themselves. Ratio = service time ÷ raw query time (aim ≤ 1.5).
 */
import pg from 'pg'
import { compareCities } from '../src/modules/waste-balance/server/comparison.service.ts'
import { cityBalance } from '../src/modules/waste-balance/server/waste-balance.service.ts'
import { buildAccessRegistry } from '../src/platform/server/access/access.registry.ts'
import { allManifests } from '../src/platform/server/app.ts'
import { prepareDatabase } from '../src/platform/server/boot.ts'
import { loadConfig } from '../src/platform/server/config.ts'
import { systemClock, systemContext } from '../src/platform/server/context.ts'
import { openDatabase } from '../src/platform/server/db/client.ts'

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const DB_NAME = 'sinergi_bench_balance'
const YEARS = 5
const FACILITIES = 50
const LAST_YEAR = 2025
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)

const RAW_SQL = `
  select sum(case when f.kind = 'outcome' and f.outcome in ('composted', 'maggot', 'recycled_sold', 'reused')
                  then w end) as reduction,
         sum(case when f.kind in ('intake', 'transfer') and tf.kind = 'tpa' then w end) as handling
    from (select *, case when reverses_id is null then weight_grams else -weight_grams end as w from waste_flows
           where city_id = $1 and flow_date between $2 and $3) f
    left join facilities tf on tf.id = f.to_facility_id`

async function seedLedger(client: pg.Client, cityId: number) {
  const village = (
    await client.query(`select code from villages where code like '35.79.%' order by code limit 1`)
  ).rows[0].code as string
  await client.query(
    `insert into facilities (public_id, city_id, kind, name, village_code, landfill_system)
     select substr(md5(random()::text), 1, 12), $1::int, 'tps3r', 'TPS3R bench ' || n, $2::varchar, null
       from generate_series(1, ${FACILITIES - 1}) n
     union all select substr(md5(random()::text), 1, 12), $1::int, 'tpa', 'TPA bench', $2::varchar, 'controlled_landfill'`,
    [cityId, village],
  )
  const first = `${LAST_YEAR - YEARS + 1}-01-01`
  const last = `${LAST_YEAR}-12-31`
  const days = `generate_series('${first}'::date, '${last}'::date, '1 day') d`
  const sites = `(select id, village_code from facilities where city_id = ${cityId} and kind = 'tps3r') s`
  const tpa = `(select id from facilities where city_id = ${cityId} and kind = 'tpa')`
  const pid = 'substr(md5(random()::text), 1, 12)'
  await client.query(`
    insert into waste_flows (public_id, city_id, flow_date, kind, material, weight_grams, from_village_code, from_sector, to_facility_id)
      select ${pid}, ${cityId}, d, 'intake', 'campuran', 1500000, s.village_code, 'rumah_tangga', s.id from ${days} cross join ${sites};
    insert into waste_flows (public_id, city_id, flow_date, kind, material, sorted_from, weight_grams, from_facility_id, to_facility_id)
      select ${pid}, ${cityId}, d, 'sorting', m, 'campuran', 300000, s.id, s.id
        from ${days} cross join ${sites} cross join unnest(array['sisa_makanan', 'plastik', 'kertas_karton']) m;
    insert into waste_flows (public_id, city_id, flow_date, kind, material, outcome, weight_grams, from_facility_id)
      select ${pid}, ${cityId}, d, 'outcome', 'sisa_makanan', o, 150000, s.id
        from ${days} cross join ${sites} cross join unnest(array['composted', 'maggot']) o;
    insert into waste_flows (public_id, city_id, flow_date, kind, material, weight_grams, from_facility_id, to_facility_id)
      select ${pid}, ${cityId}, d, 'transfer', 'campuran', 600000, s.id, ${tpa} from ${days} cross join ${sites};
    insert into waste_flows (public_id, city_id, flow_date, kind, material, outcome, weight_grams, from_facility_id)
      select ${pid}, ${cityId}, d, 'outcome', 'plastik', 'recycled_sold', 2100000, s.id
        from ${days} cross join ${sites} where extract(dow from d) = 6;
    analyze waste_flows;
    analyze waste_flow_months;`)
  return Number((await client.query('select count(*) from waste_flows')).rows[0].count)
}

/** Every other kabupaten/kota: a TPS 3R and a TPA with a year of daily flows, and an estimate. */
async function seedAllCities(client: pg.Client, batuId: number) {
  const others = `(select c.id, (select v.code from villages v join districts d on d.code = v.district_code
                                   where d.city_id = c.id order by v.code limit 1) as village
                     from cities c where c.id <> ${batuId}) c`
  await client.query(`
    insert into facilities (public_id, city_id, kind, name, village_code, landfill_system)
      select substr(md5(random()::text), 1, 12), c.id, k, k || ' bench', c.village,
             case when k = 'tpa' then 'sanitary_landfill' end
        from ${others} cross join unnest(array['tps3r', 'tpa']) k;
    insert into waste_balance_estimates (city_id, year, population, population_source, grams_per_capita_day,
                                         rate_source, non_household_grams_per_day, tourist_visits, grams_per_visit)
      select id, ${LAST_YEAR}, 100000 + id * 10, 'bench', 600, 'bench', 0, 0, 0 from cities;`)
  const pairs = `(select s.city_id, s.id as site, s.village_code, t.id as tpa from facilities s
                    join facilities t on t.city_id = s.city_id and t.kind = 'tpa' and t.name = 'tpa bench'
                   where s.kind = 'tps3r' and s.name = 'tps3r bench') p`
  const days = `generate_series('${LAST_YEAR}-01-01'::date, '${LAST_YEAR}-12-31'::date, '1 day') d`
  const pid = 'substr(md5(random()::text), 1, 12)'
  await client.query(`
    insert into waste_flows (public_id, city_id, flow_date, kind, material, weight_grams, from_village_code, from_sector, to_facility_id)
      select ${pid}, p.city_id, d, 'intake', 'campuran', 2000000, p.village_code, 'rumah_tangga', p.site from ${days} cross join ${pairs};
    insert into waste_flows (public_id, city_id, flow_date, kind, material, outcome, weight_grams, from_facility_id)
      select ${pid}, p.city_id, d, 'outcome', 'campuran', 'composted', 500000, p.site from ${days} cross join ${pairs};
    insert into waste_flows (public_id, city_id, flow_date, kind, material, weight_grams, from_facility_id, to_facility_id)
      select ${pid}, p.city_id, d, 'transfer', 'campuran', 1500000, p.site, p.tpa from ${days} cross join ${pairs};
    analyze waste_flows;
    analyze waste_flow_months;`)
  return Number((await client.query('select count(*) from waste_flows')).rows[0].count)
}

const RAW_ALL_CITIES_SQL = `
  select f.city_id,
         sum(case when f.kind = 'outcome' and f.outcome in ('composted', 'maggot', 'recycled_sold', 'reused')
                  then w end) as reduction,
         sum(case when f.kind in ('intake', 'transfer') and tf.kind = 'tpa' then w end) as handling
    from (select *, case when reverses_id is null then weight_grams else -weight_grams end as w from waste_flows
           where flow_date between $1 and $2) f
    left join facilities tf on tf.id = f.to_facility_id
   group by f.city_id`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchWasteBalance(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists ${DB_NAME} with (force)`)
  await admin.query(`create database ${DB_NAME}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${DB_NAME}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
  const client = new pg.Client({ connectionString: url.toString() })
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), SEED_DEMO: 'false' })
    const manifests = allManifests()
    await prepareDatabase({ config, manifests, database, seedDemo: false })
    await client.connect()
    const city = (
      await client.query(`select id, code, slug, name, timezone from cities where code = '35.79'`)
    ).rows[0]
    const rows = await seedLedger(client, city.id)
    const context = systemContext(
      { database, config, access: buildAccessRegistry(manifests), manifests, clock: systemClock },
      'bench',
    )
    const period = String(LAST_YEAR)
    const range = [city.id, `${LAST_YEAR}-01-01`, `${LAST_YEAR}-12-31`]
    const service: number[] = []
    const raw: number[] = []
    let check = { reduction: 0, handling: 0 }
    // Alternate the two, after one warm-up each, and compare medians.
    for (let round = -1; round < ROUNDS; round++) {
      let started = performance.now()
      const balance = await cityBalance(context, { city, period, isPublic: true })
      if (round >= 0) service.push(performance.now() - started)
      started = performance.now()
      const result = await client.query(RAW_SQL, range)
      if (round >= 0) raw.push(performance.now() - started)
      check = { reduction: Number(result.rows[0].reduction), handling: Number(result.rows[0].handling) }
      if (check.reduction !== balance.figures.reduction || check.handling !== balance.figures.handling) {
        throw new Error(`service and raw SQL disagree: ${JSON.stringify([check, balance.figures])}`)
      }
    }
    const ratio = median(service) / median(raw)
    console.log(
      [
        '',
        `City waste balance, one city-year over ${rows.toLocaleString('en')} ledger rows (${FACILITIES} facilities × ${YEARS} years, PostgreSQL), median of ${ROUNDS}:`,
        `  Sinergi balance service  ${median(service).toFixed(1)} ms`,
        `  hand-written SQL (B, C)  ${median(raw).toFixed(1)} ms`,
        `  ratio                    ${ratio.toFixed(2)}× the raw query's time (aim ≤ 1.5)`,
      ].join('\n'),
    )

    const allRows = await seedAllCities(client, city.id)
    const compare: number[] = []
    const rawAll: number[] = []
    for (let round = -1; round < 5; round++) {
      let started = performance.now()
      const result = await compareCities(context, { period })
      if (round >= 0) compare.push(performance.now() - started)
      if (result.cities.length !== 514) throw new Error(`expected 514 cities, got ${result.cities.length}`)
      started = performance.now()
      await client.query(RAW_ALL_CITIES_SQL, range.slice(1))
      if (round >= 0) rawAll.push(performance.now() - started)
    }
    console.log(
      [
        `Terkelola % of all 514 kabupaten/kota for ${period} in one comparison request (${allRows.toLocaleString('en')} ledger rows), median of 5:`,
        `  Sinergi comparison       ${median(compare).toFixed(1)} ms`,
        `  hand-written SQL (B, C)  ${median(rawAll).toFixed(1)} ms`,
        `  ratio                    ${(median(compare) / median(rawAll)).toFixed(2)}× the raw query's time`,
      ].join('\n'),
    )
  } finally {
    await client.end().catch(() => {})
    await database.close()
    if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${DB_NAME} with (force)`)
    await admin.end()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWasteBalance()
