import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { systemContext } from '../../../platform/server/context.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef, DemoSeedContext } from '../../../platform/server/module.ts'
import { ensureDemoUser } from '../../../platform/server/seed/demo.ts'
import { findRegionTree } from '../../../platform/server/tenancy/cities.repository.ts'
import { seedSampleProgramme } from './coaching.seed.ts'
import { insertLicence } from './licences.repository.ts'
import { sampleLicences } from './licences.sample-data.ts'
import { findBusinessNames, insertBusiness, insertFigures } from './umkm.repository.ts'
import {
  BATU_PRODUCTS,
  generateSampleBusinesses,
  PALOPO_PRODUCTS,
  type SampleProduct,
} from './umkm.sample-data.ts'
import { derivedColumns } from './umkm.service.ts'
import { computeUmkmValues, storeUmkmValues } from './umkm-indicators.service.ts'

const SAMPLE_COUNT = { batu: 40, palopo: 24 }

async function seedCity(
  seed: DemoSeedContext,
  options: { city: CityRef; products: SampleProduct[]; count: number },
) {
  const { city } = options
  const db = seed.deps.database.db
  // Runs once per database; a city that already has businesses keeps them.
  if ((await findBusinessNames(db, { cityId: city.id })).length > 0) return
  const villageCodes = (await findRegionTree(db, city.id)).flatMap((d) => d.villages.map((v) => v.code))
  const samples = generateSampleBusinesses({
    cityDigits: city.code.replace('.', ''),
    villageCodes,
    products: options.products,
    count: options.count,
    seed: Number(city.code.replace('.', '')),
  })
  const context = systemContext(seed.deps, 'seed')
  await runWrite(context, async (tx) => {
    for (const [index, { figures, ...sample }] of samples.entries()) {
      const business = await insertBusiness(tx, { ...sample, cityId: city.id, isSampleData: true })
      for (const licence of sampleLicences({ ...sample, index, cityName: city.name })) {
        await insertLicence(tx, { ...licence, cityId: city.id, businessId: business.id, isSampleData: true })
      }
      await insertFigures(
        tx,
        figures.map((values) => ({
          ...values,
          ...derivedColumns({ id: '', ...values }),
          sourceNote: 'Data contoh (demo), dibangkitkan',
          cityId: city.id,
          businessId: business.id,
          isSampleData: true,
        })),
      )
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_business.sample_generated',
      entityType: 'umkm_business',
      entityId: null,
      after: { businesses: samples.length, figuresRecords: samples.length * 2 },
    })
    // The years of the sample figures, so the indicators have values to show from the start.
    for (const year of ['2023', '2025']) {
      const values = await computeUmkmValues(tx, { city, year, asOf: `${year}-12-31` })
      await storeUmkmValues(tx, { city, year, values, recordedBy: null })
    }
  })
}

export async function seedUmkmDemo(seed: DemoSeedContext): Promise<void> {
  const { batu, palopo } = seed.cities
  await seedCity(seed, { city: batu!, products: BATU_PRODUCTS, count: SAMPLE_COUNT.batu })
  await seedCity(seed, { city: palopo!, products: PALOPO_PRODUCTS, count: SAMPLE_COUNT.palopo })
  const context = systemContext(seed.deps, 'seed')
  await seedSampleProgramme(context, { city: batu! })
  for (const [username, displayName, city] of [
    ['umkm.batu', 'Staf Dinas Koperasi dan UMKM Kota Batu', batu!],
    ['umkm.palopo', 'Staf Dinas Koperasi dan UMKM Kota Palopo', palopo!],
  ] as const) {
    await ensureDemoUser(context, { username, displayName, roles: [{ city, role: 'umkm_staff' }] })
  }
}
