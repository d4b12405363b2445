import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
} from '../../../../test/support/test-app.ts'
import type { CityRef } from '../../../platform/server/module.ts'

describe('agencies (OPD)', () => {
  let t: TestApp
  let batu: CityRef
  let batuAdmin: Session
  let palopoAdmin: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    batuAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    palopoAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'city_admin' }] }))
  })
  afterAll(() => t.close())

  const batuAgencies = async (session = batuAdmin) =>
    (
      await session.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies?includeInactive=true' })
    ).json()

  it('starts a city with the ten agencies of the Palopo delegation', async () => {
    const names = (await batuAgencies()).map((a: { name: string }) => a.name)
    expect(names).toHaveLength(10)
    expect(names).toContain('Dinas Lingkungan Hidup')
    expect(names).toContain('Dinas Koperasi dan UMKM')
  })

  it('adds an agency once however often the form is retried, and audits it', async () => {
    const payload = {
      name: 'Dinas Komunikasi dan Informatika',
      shortName: 'Diskominfo',
      function: 'communication',
    }
    const headers = { 'idempotency-key': 'agency-form-123' }
    const before = await countAuditRows(t)
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        batuAdmin.request({ method: 'POST', url: '/api/v1/cities/35.79/agencies', payload, headers }),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201])
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect((await batuAgencies()).filter((a: { name: string }) => a.name === payload.name)).toHaveLength(1)
    expect(await countAuditRows(t)).toBe(before + 1)
  })

  it('replays a retry sent to the city slug instead of the code, with the fields in another order', async () => {
    const headers = { 'idempotency-key': 'agency-form-456' }
    const first = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/agencies',
      payload: { name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP' },
      headers,
    })
    const retry = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/kota-batu/agencies',
      payload: { shortName: 'Satpol PP', name: 'Satuan Polisi Pamong Praja' },
      headers,
    })
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json().id).toBe(first.json().id)
  })

  it('refuses a second agency of the same name with 409 and changes nothing', async () => {
    const before = await countAuditRows(t)
    const response = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/agencies',
      payload: { name: 'Dinas Pariwisata', shortName: 'Dispar' },
      headers: { 'accept-language': 'en' },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({
      code: 'agency.name_taken',
      detail: 'An agency named "Dinas Pariwisata" already exists.',
    })
    expect(await countAuditRows(t)).toBe(before)
  })

  it('renames and deactivates, with before and after in the audit log', async () => {
    const bappeda = (await batuAgencies()).find((a: { shortName: string }) => a.shortName === 'Bappeda')
    const response = await batuAdmin.request({
      method: 'PATCH',
      url: `/api/v1/cities/35.79/agencies/${bappeda.id}`,
      payload: { name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', isActive: false },
    })
    expect(response.json()).toMatchObject({ isActive: false })
    const active = (await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).json()
    expect(active.map((a: { id: string }) => a.id)).not.toContain(bappeda.id)
    const audit = (
      await batuAdmin.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/audit?entity=agency&entityId=${bappeda.id}`,
      })
    ).json()
    expect(audit.items[0]).toMatchObject({
      action: 'agency.updated',
      before: { name: 'Badan Perencanaan Pembangunan Daerah', isActive: true },
      after: { isActive: false },
    })
  })

  it('lets a viewer read but not change them', async () => {
    const viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    expect(await batuAgencies(viewer)).not.toHaveLength(0)
    const refused = await viewer.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/agencies',
      payload: { name: 'Dinas Baru', shortName: 'DB' },
    })
    expect(refused.statusCode).toBe(403)
  })

  it("keeps Palopo from seeing or changing Batu's agencies, even with a Batu agency's id", async () => {
    const [first] = await batuAgencies()
    const before = await countAuditRows(t)
    expect(
      (await palopoAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).statusCode,
    ).toBe(403)
    const viaOwnCity = await palopoAdmin.request({
      method: 'PATCH',
      url: `/api/v1/cities/73.73/agencies/${first.id}`,
      payload: { name: 'Diubah dari Palopo' },
    })
    expect(viaOwnCity.statusCode).toBe(404)
    const viaBatu = await palopoAdmin.request({
      method: 'PATCH',
      url: `/api/v1/cities/35.79/agencies/${first.id}`,
      payload: { name: 'Diubah dari Palopo' },
    })
    expect(viaBatu.statusCode).toBe(403)
    expect((await batuAgencies())[0].name).toBe(first.name)
    expect(await countAuditRows(t)).toBe(before)
  })
})
