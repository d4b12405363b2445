import { createRequire } from 'node:module'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyContextConfig, type FastifyInstance, type FastifySchema } from 'fastify'
import { MODULES } from '../../modules/index.ts'
import { buildAccessRegistry } from './access/access.registry.ts'
import { installAuth } from './auth/auth.plugin.ts'
import { authRoutes } from './auth/auth.routes.ts'
import type { Config } from './config.ts'
import { type AppDeps, systemClock } from './context.ts'
import type { Database } from './db/client.ts'
import { AppError, registerErrorCodes } from './errors.ts'
import { installErrorHandler, sendProblem } from './http/error-handler.ts'
import { systemRoutes } from './http/system.routes.ts'
import { installValidators } from './http/validation.ts'
import { installWebApp } from './http/web.ts'
import { addMessages, pickLocale } from './i18n.ts'
import { installIdempotency } from './idempotency/idempotency.plugin.ts'
import { indicatorDefinitionRoutes } from './indicators/indicators.routes.ts'
import type { ModuleManifest } from './module.ts'
import { installOpenApi } from './openapi.ts'
import { platformModule } from './platform.module.ts'
import { citiesRoutes } from './tenancy/cities.routes.ts'
import { installTenancy } from './tenancy/tenancy.plugin.ts'

const require = createRequire(import.meta.url)
const { version } = require('../../../package.json') as { version: string }

export const API_PREFIX = '/api/v1'

export interface RouteEntry {
  method: string
  url: string
  schema: FastifySchema | undefined
  config: FastifyContextConfig | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[]
  }
}

export function allManifests(): ModuleManifest[] {
  return [platformModule, ...MODULES]
}

export interface BuildAppOptions {
  database: Database
  config: Config
  manifests?: ModuleManifest[]
  clock?: () => Date
}

/** The whole HTTP application, without listening: tests drive it with inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const manifests = options.manifests ?? allManifests()
  for (const manifest of manifests) {
    if (manifest.errorCodes) registerErrorCodes(manifest.errorCodes)
    if (manifest.messages) addMessages(manifest.messages)
  }
  const deps: AppDeps = {
    database: options.database,
    config: options.config,
    access: buildAccessRegistry(manifests),
    manifests,
    clock: options.clock ?? systemClock,
  }

  const app = Fastify({
    logger: { level: options.config.logLevel },
    trustProxy: options.config.trustProxy,
    bodyLimit: 1_048_576,
    requestIdHeader: 'x-request-id',
    // A URL that cannot even be routed (bad percent-encoding) still gets a problem document.
    frameworkErrors: (error, request, reply) => {
      request.locale = pickLocale(request.headers['accept-language'])
      request.log.info({ code: error.code, url: request.url }, 'request refused before routing')
      sendProblem(request, reply, new AppError('request.invalid'))
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // The route table, as registered: the safety-net tests walk it so every future route is covered.
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD') continue
      // Read lazily: a module's scope adds `tenant: true` to the config after this hook has run.
      routeTable.push({
        method,
        url: route.url,
        get schema() {
          return route.schema
        },
        get config() {
          return route.config as RouteEntry['config']
        },
      })
    }
  })
  installValidators(app)
  installErrorHandler(app)
  // Cookies are parsed by the auth hook only when a request carries one.
  await app.register(cookie, { secret: options.config.sessionSecret, hook: false })
  await app.register(rateLimit, { global: false })
  await installOpenApi(app, version)
  installAuth(app, deps)
  installIdempotency(app, { db: deps.database.db, secret: options.config.sessionSecret })

  await app.register(systemRoutes(deps), { prefix: '/api' })
  await app.register(authRoutes, {
    prefix: `${API_PREFIX}/auth`,
    loginAttemptsPerMinute: options.config.loginAttemptsPerMinute,
  })
  await app.register(citiesRoutes, { prefix: `${API_PREFIX}/cities` })
  await app.register(indicatorDefinitionRoutes, { prefix: `${API_PREFIX}/indicators` })

  for (const manifest of manifests) {
    if (manifest.globalRoutes) await app.register(manifest.globalRoutes, { prefix: API_PREFIX })
    if (manifest.tenantRoutes) {
      await app.register(
        async (scope) => {
          // Every route of the module is a tenant route: the city is resolved and membership checked.
          installTenancy(scope, deps)
          await scope.register(manifest.tenantRoutes!)
        },
        { prefix: `${API_PREFIX}/cities/:city${manifest.routePrefix ?? ''}` },
      )
    }
  }

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
  await installWebApp(app)
  return app
}
