import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { inject } from 'vitest'
import { buildAccessRegistry } from '../../src/platform/server/access/access.registry.ts'
import { createUser, grantRole } from '../../src/platform/server/access/access.service.ts'
import { allManifests, buildApp } from '../../src/platform/server/app.ts'
import { auditLog } from '../../src/platform/server/audit/audit.tables.ts'
import type { Config } from '../../src/platform/server/config.ts'
import {
  type AppDeps,
  type ServiceContext,
  systemClock,
  systemContext,
} from '../../src/platform/server/context.ts'
import { type Database, openDatabase } from '../../src/platform/server/db/client.ts'
import type { CityRef } from '../../src/platform/server/module.ts'
import { activateCity, toCityRef } from '../../src/platform/server/tenancy/cities.service.ts'
import { testConfig } from './template.ts'

export interface TestApp {
  app: FastifyInstance
  database: Database
  deps: AppDeps
  system: ServiceContext
  close(): Promise<void>
}

/** A fresh database copied from the migrated template, and the app on top of it. */
export async function openTestDatabase(): Promise<Database> {
  const template = inject('postgresTemplate')
  if (template) {
    const name = `${template}_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: inject('postgresUrl') })
    await admin.connect()
    try {
      // Copies from one template can collide while another copy is starting; try again.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${template}`)
          break
        } catch (error) {
          if (attempt >= 10) throw error
          await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)))
        }
      }
    } finally {
      await admin.end()
    }
    const url = new URL(inject('postgresUrl'))
    url.pathname = `/${name}`
    return openDatabase({ databaseUrl: url.toString(), poolSize: 10 })
  }
  const dump = fs.readFileSync(inject('pgliteTemplatePath'))
  return openDatabase({ loadDataDir: new Blob([dump]) })
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { clock?: () => Date } = {},
): Promise<TestApp> {
  const database = await openTestDatabase()
  const config = { ...testConfig, ...overrides }
  const manifests = allManifests()
  const clock = options.clock ?? systemClock
  const app = await buildApp({ database, config, manifests, clock })
  await app.ready()
  const deps: AppDeps = { database, config, manifests, access: buildAccessRegistry(manifests), clock }
  return {
    app,
    database,
    deps,
    system: systemContext(deps, 'test'),
    async close() {
      await app.close()
      await database.close()
    },
  }
}

export const BATU = '35.79'
export const PALOPO = '73.73'

export async function activate(testApp: TestApp, code: string): Promise<CityRef> {
  return toCityRef(await activateCity(testApp.system, code))
}

let userCounter = 0
export const TEST_PASSWORD = 'kata-sandi-uji-123'

export interface TestUser {
  username: string
  password: string
  publicId: string
}

export async function createTestUser(
  testApp: TestApp,
  options: {
    roles?: { city: CityRef; role: string; scopeKind?: string; scopeId?: string }[]
    isPlatformAdmin?: boolean
    prefix?: string
  } = {},
): Promise<TestUser> {
  userCounter += 1
  const username = `${options.prefix ?? 'user'}${userCounter}.${randomBytes(3).toString('hex')}`
  const user = await createUser(testApp.system, {
    username,
    password: TEST_PASSWORD,
    displayName: `Test ${username}`,
    isPlatformAdmin: options.isPlatformAdmin,
  })
  for (const role of options.roles ?? []) {
    await grantRole(testApp.system, {
      city: role.city,
      username,
      grant: { role: role.role, scopeKind: role.scopeKind ?? null, scopeId: role.scopeId ?? null },
    })
  }
  return { username, password: TEST_PASSWORD, publicId: user.publicId }
}

export interface Session {
  cookie: string
  csrfToken: string
  /** Sends with the session cookie and, on writes, the CSRF token. */
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>
}

export async function signIn(
  testApp: TestApp,
  user: { username: string; password: string },
): Promise<Session> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`)
  const setCookie = response.cookies.find((c) => c.name === 'sinergi_session')!
  const cookie = `sinergi_session=${setCookie.value}`
  const csrfToken = response.json().csrfToken as string
  return {
    cookie,
    csrfToken,
    request(options) {
      const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes((options.method ?? 'GET').toUpperCase())
      const headers: Record<string, string> = { cookie, ...(options.headers as Record<string, string>) }
      if (isWrite && options.csrf !== false) headers['x-csrf-token'] = csrfToken
      const { csrf: _csrf, ...rest } = options
      return testApp.app.inject({ ...rest, headers })
    },
  }
}

export async function countAuditRows(testApp: TestApp): Promise<number> {
  const rows = await testApp.database.db.select({ id: auditLog.id }).from(auditLog)
  return rows.length
}
