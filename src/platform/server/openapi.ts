import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { CSRF_HEADER, SESSION_COOKIE } from './auth/auth.plugin.ts'

export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sinergi API',
        version,
        description:
          'Platform terbuka bagi pemerintah kota/kabupaten di Indonesia. Errors are application/problem+json ' +
          `with a stable \`code\`; messages follow Accept-Language (id, en). Writes made with the session cookie need the ` +
          `\`${CSRF_HEADER}\` header (from GET /api/v1/auth/me); machine clients use a Bearer API token instead.`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token from POST /api/v1/auth/tokens or `sinergi token create`',
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  })
  // The documentation is for anyone, like the OpenAPI document itself.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true }
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
}
