import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RouteEntry } from '../../src/platform/server/app.ts'
import {
  activate,
  BATU,
  countAuditRows,
  createTestApp,
  createTestUser,
  PALOPO,
  type Session,
  signIn,
  type TestApp,
} from '../support/test-app.ts'

/**
 * Generated from the route table: every route added later is covered without new test code.
 * A new public route must be added to this list on purpose.
 */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/version',
  'GET /api/openapi.json',
  'POST /api/v1/auth/login',
  'GET /api/v1/cities',
  'GET /api/v1/cities/:code',
  'GET /api/v1/indicators',
  'POST /api/v1/nasabah-access/login',
  'GET /api/v1/nasabah-access/me',
  'POST /api/v1/nasabah-access/logout',
  'GET /api/v1/cities/:city/waste-balance/public/periods/:period',
  'GET /api/v1/waste-balance/comparison/:period',
  'GET /api/v1/cities/:city/umkm/centre/catalogue',
]

// Documentation assets and the web app are served to anyone, and hold no data.
const isDocsOrWeb = (route: RouteEntry) => route.url.startsWith('/api/docs') || !route.url.startsWith('/api/')

const PARAM_VALUES: Record<string, string> = {
  city: BATU,
  code: BATU,
}

/** A path parameter's own example (from its schema), so each route gets a value it accepts. */
function paramExample(route: RouteEntry, name: string): string | undefined {
  type ParamsSchema = { properties?: Record<string, { examples?: string[] }>; allOf?: ParamsSchema[] }
  const search = (schema: ParamsSchema | undefined): string | undefined =>
    schema?.properties?.[name]?.examples?.[0] ??
    schema?.allOf?.map(search).find((found) => found !== undefined)
  return search(route.schema?.params as ParamsSchema | undefined)
}

function fillUrl(route: RouteEntry, values: Record<string, string> = {}): string {
  let url = route.url.replace(
    /:(\w+)/g,
    (_, name: string) => values[name] ?? PARAM_VALUES[name] ?? paramExample(route, name) ?? 'AAAAAAAAAAAA',
  )
  // An indicator's `code` is an indicator, not a city.
  if (route.url.includes('/indicators/:code'))
    url = url.replace(`/indicators/${BATU}`, '/indicators/population')
  return url
}

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  const?: unknown
  examples?: unknown[]
  default?: unknown
  format?: string
  minLength?: number
  minimum?: number
  items?: JsonSchema
}

/** A value the schema accepts: its example or default, else the smallest that fits. */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.examples?.length) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (schema.anyOf) return sampleOf(schema.anyOf[0]!)
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sampleOf(schema.properties![name]!)]),
      )
    case 'string':
      if (schema.format === 'date') return '2026-11-27'
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 12))
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    case 'array':
      return []
    default:
      return null
  }
}

function validBody(route: RouteEntry): Record<string, unknown> | undefined {
  const schema = route.schema?.body as JsonSchema | undefined
  return schema ? (sampleOf(schema) as Record<string, unknown>) : undefined
}

function wrongTypeBody(route: RouteEntry): Record<string, unknown> | undefined {
  const schema = route.schema?.body as
    | { properties?: Record<string, { type?: string; anyOf?: unknown }> }
    | undefined
  const body = validBody(route)
  if (!schema?.properties || !body) return undefined
  const [name, property] = Object.entries(schema.properties)[0]!
  const wrong = property.type === 'string' ? 12345 : property.type === 'boolean' ? 'ya' : { nested: true }
  return { ...body, [name]: wrong }
}

const isWrite = (route: RouteEntry) => route.method !== 'GET'

describe('every route', () => {
  let t: TestApp
  let batuAdmin: Session
  let palopoAdmin: Session
  let platformAdmin: Session
  let routes: RouteEntry[]

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    batuAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    palopoAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'city_admin' }] }))
    platformAdmin = await signIn(t, await createTestUser(t, { isPlatformAdmin: true }))
    routes = t.app.routeTable.filter((route) => !isDocsOrWeb(route))
  })
  afterAll(() => t.close())

  it('covers the whole API', () => {
    expect(routes.length).toBeGreaterThan(20)
    expect(routes.some((route) => route.config?.tenant)).toBe(true)
  })

  it('is public only when listed as public', () => {
    const isPublic = routes
      .filter((route) => route.config?.public)
      .map((route) => `${route.method} ${route.url}`)
    expect(isPublic.sort()).toEqual([...PUBLIC_ROUTES].sort())
  })

  it('answers 401 problem+json without a session, and changes nothing', async () => {
    const before = await countAuditRows(t)
    for (const route of routes.filter((r) => !r.config?.public)) {
      const response = await t.app.inject({
        method: route.method as never,
        url: fillUrl(route),
        payload: validBody(route),
      })
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json().code).toBe('auth.required')
    }
    expect(await countAuditRows(t)).toBe(before)
  })

  it("refuses a user of Palopo on every one of Batu's routes, and changes nothing", async () => {
    const before = await countAuditRows(t)
    // A city's public pages (its published waste balance) are for everyone, Palopo included.
    const tenantRoutes = routes.filter((r) => r.config?.tenant && !r.config?.public)
    expect(tenantRoutes.length).toBeGreaterThan(8)
    for (const route of tenantRoutes) {
      const response = await palopoAdmin.request({
        method: route.method as never,
        url: fillUrl(route),
        payload: validBody(route),
      })
      expect([403, 404], `${route.method} ${route.url}`).toContain(response.statusCode)
    }
    expect(await countAuditRows(t)).toBe(before)
  })

  it('refuses a cookie write without the CSRF token, and changes nothing', async () => {
    const before = await countAuditRows(t)
    const writes = routes.filter((r) => isWrite(r) && !r.config?.public)
    expect(writes.length).toBeGreaterThan(8)
    for (const route of writes) {
      const session = route.config?.tenant ? batuAdmin : platformAdmin
      const response = await session.request({
        method: route.method as never,
        url: fillUrl(route),
        payload: validBody(route),
        csrf: false,
      })
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403)
      expect(response.json().code).toBe('auth.csrf_invalid')
    }
    expect(await countAuditRows(t)).toBe(before)
  })

  it('answers 400 problem+json to malformed JSON, wrong types and unknown fields, and changes nothing', async () => {
    const before = await countAuditRows(t)
    const withBody = routes.filter((r) => isWrite(r) && r.schema?.body)
    expect(withBody.length).toBeGreaterThan(6)
    for (const route of withBody) {
      const session = route.config?.tenant ? batuAdmin : platformAdmin
      const label = `${route.method} ${route.url}`
      const malformed = await session.request({
        method: route.method as never,
        url: fillUrl(route),
        payload: '{"broken": ',
        headers: { 'content-type': 'application/json' },
      })
      expect(malformed.statusCode, label).toBe(400)
      expect(malformed.json().code, label).toBe('request.malformed_json')

      const wrongType = wrongTypeBody(route)
      if (wrongType) {
        const response = await session.request({
          method: route.method as never,
          url: fillUrl(route),
          payload: wrongType,
        })
        expect(response.statusCode, label).toBe(400)
        expect(response.json().code, label).toBe('validation.failed')
        expect(response.json().errors.length, label).toBeGreaterThan(0)
      }

      const extra = await session.request({
        method: route.method as never,
        url: fillUrl(route),
        payload: { ...validBody(route), unexpectedField: 'x' },
      })
      expect(extra.statusCode, label).toBe(400)
      expect(
        extra.json().errors.map((e: { field: string }) => e.field),
        label,
      ).toContain('/body/unexpectedField')
    }
    expect(await countAuditRows(t)).toBe(before)
  })

  it('refuses a NUL character anywhere with 400, never a 500', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x\u0000y', password: 'whatever-password' },
    })
    expect(login.statusCode).toBe(400)
    const param = await t.app.inject({ method: 'GET', url: '/api/v1/cities/35.79%00' })
    expect(param.statusCode).toBe(400)
    const badUrl = await t.app.inject({ method: 'GET', url: '/api/%E0%A4%A' })
    expect(badUrl.statusCode).toBe(400)
    expect(badUrl.headers['content-type']).toContain('application/problem+json')
  })

  it('shows the API documentation to anyone', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
  })

  it('answers 404 for a missing web asset instead of the app page', async () => {
    for (const url of ['/assets/old-chunk-123.js', '/robots.txt']) {
      const response = await t.app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(404)
    }
  })

  it('explains errors in Indonesian by default and in English on request', async () => {
    const id = await t.app.inject({ method: 'GET', url: '/api/v1/cities/99.99' })
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cities/99.99',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    })
    expect(id.json().detail).toContain('tidak ditemukan')
    expect(en.json().detail).toContain('was found')
    expect(id.json().code).toBe(en.json().code)
  })
})
