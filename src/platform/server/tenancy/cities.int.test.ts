import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  PALOPO,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.ts'
import { auditLog } from '../audit/audit.tables.ts'

describe('cities and regions', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
    await activate(t, BATU)
  })
  afterAll(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('lists all 514 kabupaten/kota, a page at a time with a hard maximum page size', async () => {
    const page = (await get('/api/v1/cities?pageSize=100')).json()
    expect(page.total).toBe(514)
    expect(page.items).toHaveLength(100)
    expect((await get('/api/v1/cities?pageSize=101')).statusCode).toBe(400)
  })

  it('finds a city by part of its name or the start of its code, and filters the active ones', async () => {
    const byName = (await get('/api/v1/cities?q=palopo')).json()
    expect(byName.items.map((c: { code: string }) => c.code)).toEqual([PALOPO])
    const byCode = (await get('/api/v1/cities?q=35.79')).json()
    expect(byCode.items[0]).toMatchObject({ name: 'Kota Batu', timezoneAbbreviation: 'WIB', kind: 'kota' })
    const active = (await get('/api/v1/cities?active=true')).json()
    expect(active.items.map((c: { code: string }) => c.code)).toEqual([BATU])
  })

  it("gives Batu's 3 kecamatan and 24 desa/kelurahan by code or by slug", async () => {
    const byCode = (await get('/api/v1/cities/35.79')).json()
    const bySlug = (await get('/api/v1/cities/kota-batu')).json()
    expect(bySlug).toEqual(byCode)
    expect(byCode.districts.map((d: { name: string }) => d.name)).toEqual(['Batu', 'Bumiaji', 'Junrejo'])
    const villages = byCode.districts.flatMap(
      (d: { villages: { name: string; kind: string }[] }) => d.villages,
    )
    expect(villages).toHaveLength(24)
    expect(villages.find((v: { name: string }) => v.name.toLowerCase() === 'oro-oro ombo')).toMatchObject({
      kind: 'desa',
    })
  })

  it("gives Palopo's 9 kecamatan and 48 kelurahan, in WITA", async () => {
    const palopo = (await get('/api/v1/cities/73.73')).json()
    expect(palopo.city.timezoneAbbreviation).toBe('WITA')
    expect(palopo.districts).toHaveLength(9)
    const villages = palopo.districts.flatMap((d: { villages: { kind: string }[] }) => d.villages)
    expect(villages).toHaveLength(48)
    expect(villages.every((v: { kind: string }) => v.kind === 'kelurahan')).toBe(true)
  })

  it('answers 404 for an unknown code', async () => {
    const response = await get('/api/v1/cities/99.99')
    expect(response.statusCode).toBe(404)
    expect(response.json().code).toBe('city.not_found')
  })

  it('answers 409 on the tenant routes of a city not yet onboarded', async () => {
    const admin = await signIn(t, await createTestUser(t, { isPlatformAdmin: true }))
    const response = await admin.request({ method: 'GET', url: '/api/v1/cities/73.73/agencies' })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({
      code: 'city.inactive',
      detail: expect.stringContaining('Kota Palopo'),
    })
  })

  it("lets only a platform admin onboard a city, which then has the Palopo delegation's ten agencies", async () => {
    const batuAdminUser = await createTestUser(t, {
      roles: [{ city: await activate(t, BATU), role: 'city_admin' }],
    })
    const cityAdmin = await signIn(t, batuAdminUser)
    const refused = await cityAdmin.request({ method: 'POST', url: '/api/v1/cities/kota-palopo/activate' })
    expect(refused.statusCode).toBe(403)

    const admin = await signIn(t, await createTestUser(t, { isPlatformAdmin: true }))
    const activated = await admin.request({ method: 'POST', url: '/api/v1/cities/kota-palopo/activate' })
    expect(activated.json()).toMatchObject({ code: PALOPO, isActive: true })
    const agencies = (await admin.request({ method: 'GET', url: '/api/v1/cities/73.73/agencies' })).json()
    expect(agencies).toHaveLength(10)
    expect(agencies.map((a: { shortName: string }) => a.shortName)).toContain('Balitbangda/BRIDA')

    const again = await admin.request({ method: 'POST', url: '/api/v1/cities/kota-palopo/activate' })
    expect(again.statusCode).toBe(200)
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'city.activated'))
    expect(audits.filter((row) => row.entityId === PALOPO)).toHaveLength(1)
    const list = (await admin.request({ method: 'GET', url: '/api/v1/cities/73.73/agencies' })).json()
    expect(list).toHaveLength(10)
  })

  it('refuses a signed-in member on the very request after their city is taken off the platform', async () => {
    const batu = await activate(t, BATU)
    const member = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    const admin = await signIn(t, await createTestUser(t, { isPlatformAdmin: true }))
    // The city is read in the same statement as the session: by code and by slug, fresh each time.
    expect(
      (await member.request({ method: 'GET', url: '/api/v1/cities/kota-batu/agencies' })).statusCode,
    ).toBe(200)
    const unknown = await member.request({ method: 'GET', url: '/api/v1/cities/kota-tidak-ada/agencies' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('city.not_found')

    expect((await admin.request({ method: 'POST', url: '/api/v1/cities/35.79/deactivate' })).statusCode).toBe(
      200,
    )
    for (const city of ['kota-batu', '35.79']) {
      const refused = await member.request({ method: 'GET', url: `/api/v1/cities/${city}/agencies` })
      expect(refused.statusCode).toBe(409)
      expect(refused.json().code).toBe('city.inactive')
    }
    await activate(t, BATU)
    expect((await member.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).statusCode).toBe(
      200,
    )
  })
})
