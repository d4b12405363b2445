import { createRequire } from 'node:module'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AppDeps } from '../context.ts'
import { pingDatabase } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { ProblemSchema } from './schemas.ts'

const require = createRequire(import.meta.url)
const { version } = require('../../../../package.json') as { version: string }

export function systemRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: 'Liveness and database reachability, for load balancers and monitors',
          response: {
            200: Type.Object({
              status: Type.Literal('ok'),
              database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            }),
            503: ProblemSchema,
          },
        },
      },
      async () => {
        try {
          await pingDatabase(deps.database.db)
        } catch (error) {
          app.log.error({ err: error }, 'health check: database unreachable')
          throw new AppError('database_unavailable')
        }
        return { status: 'ok' as const, database: deps.database.kind }
      },
    )

    app.get(
      '/version',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: 'The running version',
          response: {
            200: Type.Object({ name: Type.String(), version: Type.String(), node: Type.String() }),
          },
        },
      },
      async () => ({ name: 'sinergi', version, node: process.version }),
    )
  }
}
