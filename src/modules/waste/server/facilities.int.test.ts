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

const ORO_ORO_OMBO = '35.79.01.2006'
const TLEKUNG = '35.79.03.2004'

describe('waste facilities', () => {
  let t: TestApp
  let batu: CityRef
  let dlhBatu: Session
  let dlhPalopo: Session
  let viewer: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    dlhBatu = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    dlhPalopo = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
  })
  afterAll(() => t.close())

  const create = (session: Session, payload: Record<string, unknown>, city = BATU) =>
    session.request({ method: 'POST', url: `/api/v1/cities/${city}/waste/facilities`, payload })

  it('registers TPS3R Jalibar Berseri in Desa Oro-oro Ombo, and anyone in the city can read it', async () => {
    const created = await create(dlhBatu, {
      kind: 'tps3r',
      name: 'TPS3R Jalibar Berseri',
      villageCode: ORO_ORO_OMBO,
      latitude: -7.8833,
      longitude: 112.5139,
      designCapacityKgPerDay: 2100,
      householdsServed: 650,
      operatorName: 'KSM Jalibar Berseri',
      openedOn: '2020-03-11',
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      village: { code: ORO_ORO_OMBO, kind: 'desa', districtName: 'Batu' },
      latitude: -7.8833,
      designCapacityKgPerDay: 2100,
      isSampleData: false,
    })
    const list = (
      await viewer.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities?kind=tps3r' })
    ).json()
    expect(list.items.map((f: { name: string }) => f.name)).toContain('TPS3R Jalibar Berseri')
    const points = (
      await viewer.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities/map' })
    ).json()
    expect(points).toContainEqual(
      expect.objectContaining({ name: 'TPS3R Jalibar Berseri', latitude: -7.8833 }),
    )
  })

  it('requires the operating system of a TPA, next to the field, and writes nothing', async () => {
    const before = await countAuditRows(t)
    const refused = await create(dlhBatu, { kind: 'tpa', name: 'TPA Tlekung', villageCode: TLEKUNG })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: '/body/landfillSystem', code: 'facility.landfill_system_required' }),
    ])
    expect(await countAuditRows(t)).toBe(before)
    const accepted = await create(dlhBatu, {
      kind: 'tpa',
      name: 'TPA Tlekung',
      villageCode: TLEKUNG,
      landfillSystem: 'controlled_landfill',
    })
    expect(accepted.statusCode).toBe(201)
  })

  it('refuses a desa of another city, and coordinates outside Indonesia', async () => {
    const foreignVillage = await create(dlhBatu, {
      kind: 'tps',
      name: 'TPS Salah Kota',
      villageCode: '73.73.04.1003',
    })
    expect(foreignVillage.json().errors[0]).toMatchObject({
      field: '/body/villageCode',
      code: 'facility.village_not_in_city',
    })
    const abroad = await create(dlhBatu, { kind: 'tps', name: 'TPS Paris', latitude: 48.85, longitude: 2.35 })
    expect(
      abroad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['/body/latitude', '/body/longitude'])
  })

  it('lets a bank sampah unit have an induk parent, and nothing else', async () => {
    const induk = (
      await create(dlhBatu, { kind: 'bank_sampah_induk', name: 'Bank Sampah Induk Kota Batu' })
    ).json()
    const unit = await create(dlhBatu, {
      kind: 'bank_sampah_unit',
      name: 'Bank Sampah Unit Oro-oro Ombo',
      parentId: induk.id,
    })
    expect(unit.json().parent).toEqual({ id: induk.id, name: 'Bank Sampah Induk Kota Batu' })
    const wrong = await create(dlhBatu, { kind: 'tps3r', name: 'TPS3R Anak', parentId: induk.id })
    expect(wrong.json().errors[0].code).toBe('facility.parent_invalid')
  })

  it('changes a facility with before and after in the audit log, and refuses a duplicate name', async () => {
    const list = (
      await dlhBatu.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities?q=jalibar' })
    ).json()
    const jalibar = list.items[0]
    const changed = await dlhBatu.request({
      method: 'PATCH',
      url: `/api/v1/cities/35.79/waste/facilities/${jalibar.id}`,
      payload: { status: 'inactive', householdsServed: 700 },
    })
    expect(changed.json()).toMatchObject({ status: 'inactive', householdsServed: 700, latitude: -7.8833 })
    const duplicate = await dlhBatu.request({
      method: 'PATCH',
      url: `/api/v1/cities/35.79/waste/facilities/${jalibar.id}`,
      payload: { name: 'TPA Tlekung' },
    })
    expect(duplicate.statusCode).toBe(409)
  })

  it('lets a viewer read but not register facilities', async () => {
    expect((await create(viewer, { kind: 'tps', name: 'TPS Viewer' })).statusCode).toBe(403)
  })

  it("keeps Palopo's DLH from seeing or changing Batu's facilities", async () => {
    const list = (
      await dlhBatu.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities' })
    ).json()
    const target = list.items[0]
    const before = await countAuditRows(t)
    expect(
      (await dlhPalopo.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities' })).statusCode,
    ).toBe(403)
    const viaOwnCity = await dlhPalopo.request({
      method: 'GET',
      url: `/api/v1/cities/73.73/waste/facilities/${target.id}`,
    })
    expect(viaOwnCity.statusCode).toBe(404)
    const patch = await dlhPalopo.request({
      method: 'PATCH',
      url: `/api/v1/cities/73.73/waste/facilities/${target.id}`,
      payload: { name: 'Diubah dari Palopo' },
    })
    expect(patch.statusCode).toBe(404)
    expect(await countAuditRows(t)).toBe(before)
  })

  it('scopes a facility operator to their facility, which must belong to the city', async () => {
    const list = (
      await dlhBatu.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/facilities?q=jalibar' })
    ).json()
    const operator = await createTestUser(t, {
      roles: [{ city: batu, role: 'facility_operator', scopeKind: 'facility', scopeId: list.items[0].id }],
    })
    const session = await signIn(t, operator)
    const me = (await session.request({ method: 'GET', url: '/api/v1/auth/me' })).json()
    expect(me.roles[0]).toMatchObject({
      role: 'facility_operator',
      scopeKind: 'facility',
      scopeId: list.items[0].id,
    })
    const palopoFacility = (
      await create(dlhPalopo, { kind: 'tps', name: 'TPS Pasar Sentral Palopo' }, PALOPO)
    ).json()
    await expect(
      createTestUser(t, {
        roles: [{ city: batu, role: 'facility_operator', scopeKind: 'facility', scopeId: palopoFacility.id }],
      }),
    ).rejects.toThrow()
  })
})
