/** Writing the sample: the seed's bulk writer into an embedded database (see umkm.ts). */
import { BATU_PROFILE } from '../src/modules/umkm/server/umkm.sample-data.ts'
import { generateCitySample, insertSampleBusinesses } from '../src/modules/umkm/server/umkm.seed.ts'
import { prepareDatabase } from '../src/platform/server/boot.ts'
import { openDatabase } from '../src/platform/server/db/client.ts'
import { getCity, toCityRef } from '../src/platform/server/tenancy/cities.service.ts'
import { BATU, COUNT, contextOf } from './umkm-common.ts'

/** The same bulk writer into an embedded database: what `sinergi umkm generate-sample` costs there. */
export async function benchSampleOnPglite(): Promise<string[]> {
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
