import type { FastifyInstance, FastifyRequest } from 'fastify'
import { hasAnyRoleIn } from '../access/policy.ts'
import type { AppDeps } from '../context.ts'
import { AppError } from '../errors.ts'
import { findCityByCodeOrSlug, type TenantCity } from './cities.repository.ts'
import { toCityRef } from './cities.service.ts'

/** The `{city}` as read along with the caller's session, in the same statement (auth.plugin.ts). */
const readWithSession = new WeakMap<FastifyRequest, TenantCity | null>()

/** For the session lookup of a tenant route: the `{city}` it read, fresh from the database. */
export function rememberTenantCity(request: FastifyRequest, city: TenantCity | null): void {
  readWithSession.set(request, city)
}

/**
 * Installed in the scope of a module's tenant routes (mounted under /api/v1/cities/:city/…): the
 * `{city}` exists (404), is onboarded (409), and the caller holds a role there (403) unless the
 * route is public. Handlers and services then read `request.city` and never the raw parameter.
 */
export function installTenancy(scope: FastifyInstance, deps: AppDeps): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), tenant: true }
  })
  // Before body validation: a stranger to the city learns nothing, not even which fields are wrong.
  scope.addHook('preValidation', async (request) => {
    const param = (request.params as { city?: string }).city ?? ''
    const city = readWithSession.has(request)
      ? readWithSession.get(request)
      : await findCityByCodeOrSlug(deps.database.db, param)
    if (!city) throw new AppError('city.not_found', { params: { city: param } })
    // A public route (e.g. a city's published waste balance) needs the city, not a role in it.
    const isPublic = (request.routeOptions.config as { public?: boolean }).public === true
    if (!isPublic && (!request.actor || !hasAnyRoleIn(request.actor, city.id))) {
      throw new AppError('auth.forbidden_city', { params: { city: city.name } })
    }
    if (!city.isActive) throw new AppError('city.inactive', { params: { name: city.name } })
    request.city = toCityRef(city)
  })
}
