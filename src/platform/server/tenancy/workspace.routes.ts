import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { can, holdsAnywhere } from '../access/policy.ts'
import { CityParamsSchema } from '../http/schemas.ts'
import { findCityById } from './cities.repository.ts'
import { presentCity } from './cities.routes.ts'
import { CitySchema } from './cities.schemas.ts'

const WorkspaceSchema = Type.Object({
  city: CitySchema,
  roles: Type.Array(Type.String(), { description: 'My role codes in this city' }),
  permissions: Type.Array(Type.String(), {
    description:
      'What I may do anywhere in the city (roles narrowed to one agency or facility add theirs to nav only)',
  }),
  nav: Type.Array(
    Type.Object({
      module: Type.String(),
      path: Type.String({ description: 'Path under /c/{city}/ in the web app' }),
      labelKey: Type.String({ description: 'i18n key of the label' }),
    }),
    { description: "From the module manifests, filtered by the caller's permissions" },
  ),
})

/** Mounted at /api/v1/cities/:city/workspace: what the web app's city shell shows. */
export const workspaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/workspace',
    {
      schema: {
        tags: ['cities'],
        summary: 'The city workspace of the signed-in user: navigation, roles and permissions',
        params: CityParamsSchema,
        response: { 200: WorkspaceSchema },
      },
    },
    async (request) => {
      const { access, manifests, database } = request.context()
      const actor = request.actor!
      const city = request.city!
      const permissions = [...access.rolesByPermission.keys()].filter((permission) =>
        can(access, { actor, cityId: city.id, permission }),
      )
      const nav = manifests.flatMap((manifest) =>
        (manifest.nav ?? [])
          .filter((item) => holdsAnywhere(access, { actor, cityId: city.id, permission: item.permission }))
          .map((item) => ({ module: manifest.name, path: item.path, labelKey: item.labelKey })),
      )
      const row = (await findCityById(database.db, city.id))!
      const roles = actor.grants.filter((grant) => grant.cityId === city.id).map((grant) => grant.role)
      return {
        city: presentCity(row),
        roles: actor.isPlatformAdmin ? [...new Set([...roles, 'platform_admin'])] : [...new Set(roles)],
        permissions: permissions.sort(),
        nav,
      }
    },
  )
}
