import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { systemContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { newPublicId } from '../../../platform/server/db/columns.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef, DemoSeedContext } from '../../../platform/server/module.ts'
import { ensureDemoUser } from '../../../platform/server/seed/demo.ts'
import { findRegionTree } from '../../../platform/server/tenancy/cities.repository.ts'
import { CURRENT_KBLI } from '../domain/identifiers.ts'
import { seedSampleCentre } from './centre.seed.ts'
import { seedSampleProgramme } from './coaching.seed.ts'
import { insertLicences } from './licences.repository.ts'
import { insertBusinesses, insertFigures } from './umkm.bulk.repository.ts'
import { countBusinesses } from './umkm.repository.ts'
import {
  BATU_PROFILE,
  type CityProfile,
  type CitySampleBusiness,
  generateCityBusinesses,
  PALOPO_PROFILE,
} from './umkm.sample-data.ts'
import { derivedColumns } from './umkm.service.ts'
import { computeUmkmValues, storeUmkmValues } from './umkm-indicators.service.ts'

/** The profile of each demo city, by Kemendagri code and slug; `sinergi umkm generate-sample` offers these. */
export const SAMPLE_PROFILES: Record<string, CityProfile> = {
  '35.79': BATU_PROFILE,
  'kota-batu': BATU_PROFILE,
  '73.73': PALOPO_PROFILE,
  'kota-palopo': PALOPO_PROFILE,
}

/**
 * What the demo seeds: the showcase only. The city at scale (below) adds about a minute to the
 * first start on a busy two-core machine (measured, docs/umkm.md), so it is a command:
 * `sinergi umkm generate-sample --city kota-batu --count 23000`.
 */
export const SHOWCASE_COUNT = { batu: BATU_PROFILE.showcaseCount, palopo: PALOPO_PROFILE.showcaseCount }

/**
 * Batu at its real scale (23,296 UMKM in 2022, research notes §6); Palopo in proportion to its
 * 15,759 (2024) against Batu's 23,544 (2018).
 */
export const CITY_SCALE_COUNT = { batu: 23_000, palopo: Math.round((23_000 * 15_759) / 23_544) }

/** Businesses per batch; each batch is one statement per table. */
const SAMPLE_BATCH = 1000

/**
 * Writes generated businesses with their figures and licences in bulk, inside the caller's
 * transaction, through the registry's bulk writers (the SIDT import's). Not the service's create:
 * the generator's rows already pass its rules (tested in umkm.sample-data.test.ts), and one row at
 * a time takes minutes at 23,000 businesses.
 */
export async function insertSampleBusinesses(
  tx: Tx,
  options: {
    city: CityRef
    samples: CitySampleBusiness[]
    onProgress?: (written: number, total: number) => void
  },
): Promise<{ businesses: number; figures: number; licences: number }> {
  const cityId = options.city.id
  const written = { businesses: 0, figures: 0, licences: 0 }
  for (let start = 0; start < options.samples.length; start += SAMPLE_BATCH) {
    const chunk = options.samples.slice(start, start + SAMPLE_BATCH)
    const rows = chunk.map(({ figures: _figures, licences: _licences, ...sample }) => ({
      ...sample,
      kbliVersion: CURRENT_KBLI.version,
      cityId,
      publicId: newPublicId(),
      isSampleData: true,
    }))
    // Matched by public id: nothing promises RETURNING keeps the order of the rows.
    const idOf = new Map((await insertBusinesses(tx, rows)).map((row) => [row.publicId, row.id]))
    const ids = rows.map((row) => idOf.get(row.publicId)!)
    const figures = chunk.flatMap((sample, n) =>
      sample.figures.map((values) => ({
        ...values,
        ...derivedColumns({ id: '', ...values }),
        publicId: newPublicId(),
        sourceNote: 'Data contoh (demo), dibangkitkan',
        cityId,
        businessId: ids[n]!,
        isSampleData: true,
      })),
    )
    const licences = chunk.flatMap((sample, n) =>
      sample.licences.map((licence) => ({ ...licence, cityId, businessId: ids[n]!, isSampleData: true })),
    )
    await insertFigures(tx, figures)
    await insertLicences(tx, licences)
    written.businesses += chunk.length
    written.figures += figures.length
    written.licences += licences.length
    options.onProgress?.(written.businesses, options.samples.length)
  }
  return written
}

/** The city's businesses from its profile, over all its desa/kelurahan, the same on every run. */
export async function generateCitySample(
  context: ServiceContext,
  options: { city: CityRef; profile: CityProfile; count: number },
): Promise<CitySampleBusiness[]> {
  const { city } = options
  const villages = (await findRegionTree(context.database.db, city.id)).flatMap((d) => d.villages)
  return generateCityBusinesses({
    cityDigits: city.code.replace('.', ''),
    cityName: city.name,
    villages,
    profile: options.profile,
    count: options.count,
    seed: Number(city.code.replace('.', '')),
  })
}

/**
 * Brings the city's sample up to `count` businesses, audited, and computes the indicators of the
 * sample years (2023, 2025) so they have values from the start. The generator gives the same
 * first rows whatever the count, so the rows the city already has are skipped, not repeated: the
 * demo's showcase followed by `--count 23000` gives the same registry as 23,000 at once.
 */
export async function seedSampleBusinesses(
  context: ServiceContext,
  options: {
    city: CityRef
    profile: CityProfile
    count: number
    onProgress?: (written: number, total: number) => void
  },
) {
  const { city } = options
  const existing = await countBusinesses(context.database.db, { cityId: city.id, sampleOnly: true })
  if (existing >= options.count) return { existing, businesses: 0, figures: 0, licences: 0 }
  const samples = (await generateCitySample(context, options)).slice(existing)
  const written = await runWrite(context, async (tx) => {
    const written = await insertSampleBusinesses(tx, { city, samples, onProgress: options.onProgress })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_business.sample_generated',
      entityType: 'umkm_business',
      entityId: null,
      after: { ...written, figuresRecords: written.figures, from: existing + 1, to: options.count },
    })
    for (const year of ['2023', '2025']) {
      const values = await computeUmkmValues(tx, { city, year, asOf: `${year}-12-31` })
      await storeUmkmValues(tx, { city, year, values, recordedBy: null })
    }
    return written
  })
  return { existing, ...written }
}

export async function seedUmkmDemo(seed: DemoSeedContext): Promise<void> {
  const { batu, palopo } = seed.cities
  const context = systemContext(seed.deps, 'seed')
  for (const [city, profile, count] of [
    [batu!, BATU_PROFILE, SHOWCASE_COUNT.batu],
    [palopo!, PALOPO_PROFILE, SHOWCASE_COUNT.palopo],
  ] as const) {
    // Runs once per database; a city that already has businesses keeps them.
    if ((await countBusinesses(context.database.db, { cityId: city.id })) > 0) continue
    await seedSampleBusinesses(context, { city, profile, count })
  }
  await seedSampleProgramme(context, { city: batu! })
  await seedSampleCentre(context, { city: batu! })
  await ensureDemoUser(context, {
    username: 'kasir.pojokumkm',
    displayName: 'Petugas Pojok UMKM Kota Batu',
    roles: [{ city: batu!, role: 'umkm_centre_clerk' }],
  })
  for (const [username, displayName, city] of [
    ['umkm.batu', 'Staf Dinas Koperasi dan UMKM Kota Batu', batu!],
    ['umkm.palopo', 'Staf Dinas Koperasi dan UMKM Kota Palopo', palopo!],
  ] as const) {
    await ensureDemoUser(context, { username, displayName, roles: [{ city, role: 'umkm_staff' }] })
  }
}
