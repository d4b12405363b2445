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
import type { CityRef } from '../module.ts'
import { type ComputedValue, recordComputedValues } from './indicators.service.ts'

/** Kecamatan of Kota Batu (Kemendagri): Batu, Bumiaji, Junrejo. */
const BATU_KEC = '35.79.01'
const JUNREJO = '35.79.03'
const BUMIAJI = '35.79.02'

describe('indicator values per kecamatan', () => {
  let t: TestApp
  let batu: CityRef
  let palopo: CityRef
  let batuViewer: Session
  let batuAdmin: Session
  let palopoAdmin: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    palopo = await activate(t, PALOPO)
    batuViewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    batuAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    palopoAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'city_admin' }] }))
  })
  afterAll(() => t.close())

  function value(code: string, amount: number, districtCode?: string | null): ComputedValue {
    return { code, value: amount, formulaVersion: 'test-1', sourceNote: 'uji', districtCode }
  }

  function record(
    city: CityRef,
    period: string,
    values: ComputedValue[],
    provenance: 'computed' | 'imported' = 'computed',
  ) {
    const periodKind = period.length === 4 ? 'year' : period.includes('S') ? 'semester' : 'month'
    return t.database.db.transaction((tx) =>
      recordComputedValues(tx, { cityId: city.id, period, periodKind, values, recordedBy: null, provenance }),
    )
  }

  async function read(code: string, query = '') {
    const response = await batuViewer.request({
      method: 'GET',
      url: `/api/v1/cities/35.79/indicators/${code}/values${query}`,
    })
    return response
  }

  it('removes a computed value that has no value any more, instead of keeping it stale or writing 0', async () => {
    await record(batu, '2024', [value('sdg_11_6_1_pct', 55.5), value('waste_timbulan_tpd', 3)])
    await record(batu, '2024', [
      { code: 'sdg_11_6_1_pct', value: null, formulaVersion: 'test-1', sourceNote: 'uji' },
      value('waste_timbulan_tpd', 4),
    ])
    const periods = async (code: string) =>
      ((await read(code)).json().values as { period: string; value: number }[]).filter(
        (row) => row.period === '2024',
      )
    expect(await periods('sdg_11_6_1_pct')).toEqual([])
    expect(await periods('waste_timbulan_tpd')).toEqual([expect.objectContaining({ value: 4 })])
  })

  it('replaces a code’s city and kecamatan values: a kecamatan left out loses its stale value', async () => {
    await record(batu, '2025', [
      value('waste_penanganan_t', 100),
      value('waste_penanganan_t', 40, BATU_KEC),
      value('waste_penanganan_t', 35, JUNREJO),
      value('waste_penanganan_t', 25, BUMIAJI),
      value('waste_pengurangan_t', 7),
    ])
    await record(batu, '2025', [value('waste_penanganan_t', 30, BUMIAJI)], 'imported')
    const firstId = (await read('waste_penanganan_t', '?district=35.79.01')).json().values[0].id

    await record(batu, '2025', [
      value('waste_penanganan_t', 110),
      value('waste_penanganan_t', 60, BATU_KEC),
      value('waste_penanganan_t', 50, JUNREJO),
    ])

    const all = (await read('waste_penanganan_t', '?district=all')).json().values
    const rows = all.map((row: { districtCode: string | null; provenance: string; value: number }) => [
      row.districtCode,
      row.provenance,
      row.value,
    ])
    expect(rows).toEqual(
      expect.arrayContaining([
        [null, 'computed', 110],
        [BATU_KEC, 'computed', 60],
        [JUNREJO, 'computed', 50],
        [BUMIAJI, 'imported', 30],
      ]),
    )
    expect(rows).toHaveLength(4)
    expect(
      all.find((row: { districtCode: string | null }) => row.districtCode === JUNREJO).districtName,
    ).toBe('Junrejo')
    // Updated in place: the kecamatan value keeps its public id.
    expect((await read('waste_penanganan_t', '?district=35.79.01')).json().values[0].id).toBe(firstId)
    // A code not in the second set is left alone.
    expect((await read('waste_pengurangan_t')).json().values).toEqual([
      expect.objectContaining({ period: '2025', value: 7, districtCode: null }),
    ])
  })

  it('reads the city rows by default, one kecamatan by its code, and refuses a kecamatan of another city', async () => {
    const city = (await read('waste_penanganan_t')).json().values
    expect(city.map((row: { value: number }) => row.value)).toEqual([110])
    const junrejo = (await read('waste_penanganan_t', `?district=${JUNREJO}`)).json().values
    expect(junrejo).toEqual([
      expect.objectContaining({ value: 50, districtCode: JUNREJO, districtName: 'Junrejo' }),
    ])
    const foreign = await read('waste_penanganan_t', '?district=73.73.01')
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json().code).toBe('indicator.district_not_found')
  })

  it('refuses to write a kecamatan of another city, and writes nothing of the set', async () => {
    await expect(
      record(batu, '2024', [value('waste_penanganan_t', 1), value('waste_penanganan_t', 1, '73.73.01')]),
    ).rejects.toThrow(/73\.73\.01/)
    expect(
      (await read('waste_penanganan_t', '?district=all&from=2024-01-01&to=2024-12-31')).json().values,
    ).toEqual([])
  })

  it('takes a figure by hand for a kecamatan of the city, and refuses one of another city next to the field', async () => {
    const url = '/api/v1/cities/35.79/indicators/population/values/2025'
    const put = await batuAdmin.request({
      method: 'PUT',
      url,
      payload: { value: 62_000, sourceNote: 'BPS, Kecamatan Junrejo Dalam Angka', districtCode: JUNREJO },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ districtCode: JUNREJO, districtName: 'Junrejo', provenance: 'manual' })
    expect((await read('population')).json().values).toEqual([])
    expect((await read('population', `?district=${JUNREJO}`)).json().values).toEqual([
      expect.objectContaining({ value: 62_000, districtName: 'Junrejo' }),
    ])
    const foreign = await batuAdmin.request({
      method: 'PUT',
      url,
      payload: { value: 1, sourceNote: 'BPS', districtCode: '73.73.01' },
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().errors[0]).toMatchObject({
      field: '/body/districtCode',
      code: 'indicator.district_not_found',
    })
  })

  describe('the overview of a year', () => {
    beforeAll(async () => {
      await record(batu, '2026', [
        value('waste_penanganan_t', 500),
        value('waste_penanganan_t', 200, BUMIAJI),
      ])
      await record(batu, '2026-S1', [value('waste_penanganan_t', 240)])
      await record(batu, '2026-03', [value('waste_penanganan_t', 41)])
      await record(batu, '2027', [value('waste_penanganan_t', 999)])
      await record(palopo, '2026', [value('waste_penanganan_t', 777), value('waste_pengurangan_t', 66)])
    })

    it('lists every definition with the year’s, semesters’ and months’ values, city and kecamatan', async () => {
      const response = await batuViewer.request({
        method: 'GET',
        url: '/api/v1/cities/35.79/indicators/values?year=2026',
      })
      expect(response.statusCode).toBe(200)
      const body = response.json()
      expect(body.year).toBe(2026)
      const codes = body.indicators.map((item: { indicator: { code: string } }) => item.indicator.code)
      expect(codes).toEqual(
        expect.arrayContaining(['population', 'waste_penanganan_t', 'waste_pengurangan_t']),
      )
      const handled = body.indicators.find(
        (item: { indicator: { code: string } }) => item.indicator.code === 'waste_penanganan_t',
      )
      expect(
        handled.values.map((row: { period: string; districtCode: string | null; value: number }) => [
          row.period,
          row.districtCode,
          row.value,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['2026', null, 500],
          ['2026', BUMIAJI, 200],
          ['2026-S1', null, 240],
          ['2026-03', null, 41],
        ]),
      )
      expect(handled.values).toHaveLength(4)
      const all = JSON.stringify(body)
      expect(all).not.toContain('777')
      expect(all).not.toContain('999')
      const reduced = body.indicators.find(
        (item: { indicator: { code: string } }) => item.indicator.code === 'waste_pengurangan_t',
      )
      expect(reduced.values).toEqual([])
    })

    it('is refused to a user of another city', async () => {
      const response = await palopoAdmin.request({
        method: 'GET',
        url: '/api/v1/cities/35.79/indicators/values?year=2026',
      })
      expect(response.statusCode).toBe(403)
      const own = (
        await palopoAdmin.request({ method: 'GET', url: '/api/v1/cities/73.73/indicators/values?year=2026' })
      ).json()
      const handled = own.indicators.find(
        (item: { indicator: { code: string } }) => item.indicator.code === 'waste_penanganan_t',
      )
      expect(handled.values).toEqual([expect.objectContaining({ value: 777, districtCode: null })])
    })
  })
})
