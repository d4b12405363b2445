import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  PALOPO,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.ts'

describe('indicator registry and values', () => {
  let t: TestApp
  let batuAdmin: Session
  let batuViewer: Session
  let palopoAdmin: Session

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    batuAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    batuViewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    palopoAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'city_admin' }] }))
  })
  afterAll(() => t.close())

  const url = '/api/v1/cities/35.79/indicators/population/values'

  it('lists the registered definitions with unit, period, formula version and regulation', async () => {
    const definitions = (await t.app.inject({ method: 'GET', url: '/api/v1/indicators' })).json()
    expect(definitions).toContainEqual(
      expect.objectContaining({
        code: 'population',
        unit: 'jiwa',
        periodKind: 'year',
        regulationRef: expect.stringContaining('BPS'),
      }),
    )
  })

  it('stores a figure entered by hand with its source, and shows it with its provenance', async () => {
    const put = await batuAdmin.request({
      method: 'PUT',
      url: `${url}/2024`,
      payload: { value: 220_000, sourceNote: 'BPS Kota Batu, Kota Batu Dalam Angka 2025' },
    })
    expect(put.statusCode).toBe(200)
    const read = (await batuViewer.request({ method: 'GET', url })).json()
    expect(read.values).toEqual([
      expect.objectContaining({
        period: '2024',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        value: 220_000,
        provenance: 'manual',
      }),
    ])
  })

  it('replaces a manual value of the same period and audits before and after', async () => {
    await batuAdmin.request({ method: 'PUT', url: `${url}/2023`, payload: { value: 1, sourceNote: 'typo' } })
    await batuAdmin.request({
      method: 'PUT',
      url: `${url}/2023`,
      payload: { value: 215_000, sourceNote: 'BPS, corrected' },
    })
    const values = (await batuViewer.request({ method: 'GET', url })).json().values
    expect(values.filter((v: { period: string }) => v.period === '2023')).toEqual([
      expect.objectContaining({ value: 215_000 }),
    ])
    const audit = (
      await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/audit?entity=indicator_value' })
    ).json()
    expect(audit.items[0]).toMatchObject({
      action: 'indicator_value.updated',
      before: { value: 1 },
      after: { value: 215_000 },
    })
  })

  it('refuses a period that does not fit the indicator, an unknown indicator and a viewer', async () => {
    const wrongPeriod = await batuAdmin.request({
      method: 'PUT',
      url: `${url}/2024-03`,
      payload: { value: 1, sourceNote: 'BPS' },
    })
    expect(wrongPeriod.statusCode).toBe(400)
    expect(wrongPeriod.json().errors[0].code).toBe('indicator.period_invalid')
    const unknown = await batuAdmin.request({
      method: 'GET',
      url: '/api/v1/cities/35.79/indicators/nope/values',
    })
    expect(unknown.statusCode).toBe(404)
    const viewer = await batuViewer.request({
      method: 'PUT',
      url: `${url}/2022`,
      payload: { value: 1, sourceNote: 'BPS' },
    })
    expect(viewer.statusCode).toBe(403)
  })

  it("keeps Batu's values from Palopo", async () => {
    expect((await palopoAdmin.request({ method: 'GET', url })).statusCode).toBe(403)
    const own = (
      await palopoAdmin.request({ method: 'GET', url: '/api/v1/cities/73.73/indicators/population/values' })
    ).json()
    expect(own.values).toEqual([])
  })
})
