import { recordAudit } from '../audit/audit.service.ts'
import type { ServiceContext } from '../context.ts'
import { AppError } from '../errors.ts'
import { runWrite } from '../idempotency/run-write.ts'
import type { CityRef } from '../module.ts'
import * as repo from './cities.repository.ts'
import { cachedCityDetail, forgetCityDetail } from './city-detail.cache.ts'

export function toCityRef(row: Pick<repo.CityRow, 'id' | 'code' | 'slug' | 'name' | 'timezone'>): CityRef {
  return { id: row.id, code: row.code, slug: row.slug, name: row.name, timezone: row.timezone }
}

export async function getCity(context: ServiceContext, codeOrSlug: string): Promise<repo.CityRow> {
  const row = await repo.findCityByCodeOrSlug(context.database.db, codeOrSlug)
  if (!row) throw new AppError('city.not_found', { params: { city: codeOrSlug } })
  return row
}

export async function getCityWithRegions(context: ServiceContext, codeOrSlug: string) {
  const city = await getCity(context, codeOrSlug)
  const districts = await repo.findRegionTree(context.database.db, city.id)
  return { city, districts }
}

/** The same, serialised and cached (see city-detail.cache.ts); `present` shapes the city row. */
export function getCityDetailBody(
  context: ServiceContext,
  options: { codeOrSlug: string; present: (city: repo.CityRow) => unknown },
) {
  return cachedCityDetail(context.database, {
    key: options.codeOrSlug.trim().toLowerCase(),
    load: async () => {
      const { city, districts } = await getCityWithRegions(context, options.codeOrSlug)
      return { codes: [city.code, city.slug], value: { city: options.present(city), districts } }
    },
  })
}

export function searchCities(
  context: ServiceContext,
  options: { q?: string; isActive?: boolean; provinceCode?: string; page: number; pageSize: number },
) {
  return repo.searchCities(context.database.db, {
    q: options.q,
    isActive: options.isActive,
    provinceCode: options.provinceCode,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
}

function assertPlatformAdmin(context: ServiceContext): void {
  // The CLI acts with no actor: whoever can run it can already reach the database.
  if (context.actor && !context.actor.isPlatformAdmin) throw new AppError('auth.forbidden')
}

/**
 * Onboards a city. Every module gets to add the records a new city starts with (e.g. the default
 * agencies) in the same transaction. Activating an active city changes nothing.
 */
export async function activateCity(context: ServiceContext, codeOrSlug: string) {
  assertPlatformAdmin(context)
  const city = await getCity(context, codeOrSlug)
  if (city.isActive) return city
  return runWrite(context, async (tx) => {
    const after = await repo.setCityActive(tx, { cityId: city.id, isActive: true })
    forgetCityDetail(context.database)
    for (const manifest of context.manifests) {
      await manifest.onCityActivated?.({ tx, city: toCityRef(after) })
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'city.activated',
      entityType: 'city',
      entityId: city.code,
      before: { isActive: false },
      after: { isActive: true },
    })
    return after
  })
}

export async function deactivateCity(context: ServiceContext, codeOrSlug: string) {
  assertPlatformAdmin(context)
  const city = await getCity(context, codeOrSlug)
  if (!city.isActive) return city
  return runWrite(context, async (tx) => {
    const after = await repo.setCityActive(tx, { cityId: city.id, isActive: false })
    forgetCityDetail(context.database)
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'city.deactivated',
      entityType: 'city',
      entityId: city.code,
      before: { isActive: true },
      after: { isActive: false },
    })
    return after
  })
}
