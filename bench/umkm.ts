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
import { CONNECTIONS, COUNT } from './umkm-common.ts'
import { benchSidtImport } from './umkm-import.ts'
import { benchSampleOnPglite } from './umkm-sample.ts'
import { benchSearchOnPostgres } from './umkm-search.ts'

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
