import { createRequire } from 'node:module'
import { eq } from 'drizzle-orm'
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data'
import { cityKindOf, slugify, timezoneOfProvince, villageKindOf } from '../../domain/regions.ts'
import type { Db } from '../db/client.ts'
import { appMeta } from '../db/meta.tables.ts'
import { cities, districts, villages } from './cities.tables.ts'

const require = createRequire(import.meta.url)
const SOURCE_VERSION: string = require('idn-area-data/package.json').version
const META_KEY = 'regions'
const BATCH = 1000

export interface RegionsSummary {
  source: string
  version: string
  cities: number
  districts: number
  villages: number
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Two kabupaten/kota never share a name within a province, but may across provinces. */
function uniqueSlugs(regencies: { code: string; name: string; provinceName: string }[]): Map<string, string> {
  const counts = new Map<string, number>()
  for (const regency of regencies)
    counts.set(slugify(regency.name), (counts.get(slugify(regency.name)) ?? 0) + 1)
  return new Map(
    regencies.map((regency) => {
      const base = slugify(regency.name)
      return [regency.code, (counts.get(base) ?? 0) > 1 ? `${base}-${slugify(regency.provinceName)}` : base]
    }),
  )
}

/**
 * Loads all kabupaten/kota, kecamatan and desa/kelurahan from the pinned idn-area-data package.
 * Runs at every start but does the work only when the loaded version differs; existing rows are
 * kept (their ids are referenced), new ones added, names refreshed.
 */
export async function loadRegions(db: Db): Promise<RegionsSummary & { loaded: boolean }> {
  const [meta] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY))
  const current = meta?.value as RegionsSummary | undefined
  if (current?.version === SOURCE_VERSION) return { ...current, loaded: false }

  const [provinces, regencies, districtRows, villageRows] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ])
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]))
  const withProvince = regencies.map((r) => ({
    ...r,
    provinceName: provinceNames.get(r.province_code) ?? '',
  }))
  const slugs = uniqueSlugs(withProvince)

  await db.transaction(async (tx) => {
    for (const batch of chunks(withProvince, BATCH)) {
      await tx
        .insert(cities)
        .values(
          batch.map((r) => ({
            code: r.code,
            slug: slugs.get(r.code)!,
            name: r.name,
            kind: cityKindOf(r.name),
            provinceCode: r.province_code,
            provinceName: r.provinceName,
            timezone: timezoneOfProvince(r.province_code),
          })),
        )
        .onConflictDoNothing({ target: cities.code })
    }
    const cityIds = new Map(
      (await tx.select({ id: cities.id, code: cities.code }).from(cities)).map((c) => [c.code, c.id]),
    )
    for (const batch of chunks(districtRows, BATCH)) {
      await tx
        .insert(districts)
        .values(batch.map((d) => ({ code: d.code, cityId: cityIds.get(d.regency_code)!, name: d.name })))
        .onConflictDoNothing({ target: districts.code })
    }
    const districtCity = new Map(districtRows.map((d) => [d.code, cityIds.get(d.regency_code)!]))
    for (const batch of chunks(villageRows, BATCH)) {
      await tx
        .insert(villages)
        .values(
          batch.map((v) => ({
            code: v.code,
            districtCode: v.district_code,
            cityId: districtCity.get(v.district_code)!,
            name: v.name,
            kind: villageKindOf(v.code),
          })),
        )
        .onConflictDoNothing({ target: villages.code })
    }
    const summary: RegionsSummary = {
      source: 'idn-area-data',
      version: SOURCE_VERSION,
      cities: regencies.length,
      districts: districtRows.length,
      villages: villageRows.length,
    }
    await tx
      .insert(appMeta)
      .values({ key: META_KEY, value: summary })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: summary, updatedAt: new Date() } })
  })
  return {
    source: 'idn-area-data',
    version: SOURCE_VERSION,
    cities: regencies.length,
    districts: districtRows.length,
    villages: villageRows.length,
    loaded: true,
  }
}
