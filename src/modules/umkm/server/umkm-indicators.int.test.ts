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

const NOW = new Date('2026-11-28T03:00:00Z')
const M = 1_000_000_000
const url = (path: string) => `/api/v1/cities/${BATU}${path}`

describe('UMKM indicators computed from the registry', () => {
  let t: TestApp
  let staff: Session
  let viewer: Session

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => NOW })
    const batu = await activate(t, BATU)
    await activate(t, PALOPO)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    const register = async (payload: Record<string, unknown>, sales: [string, number][]) => {
      const id = (await staff.request({ method: 'POST', url: url('/umkm/businesses'), payload })).json().id
      for (const [asOf, annualSalesRupiah] of sales) {
        await staff.request({
          method: 'POST',
          url: url(`/umkm/businesses/${id}/figures`),
          payload: { asOf, annualSalesRupiah, sourceNote: 'Pendataan uji' },
        })
      }
      return id as string
    }
    const owner = { ownerName: 'Pemilik Uji' }
    // Grows past Rp2 miliar of sales in 2025: naik kelas that year.
    const grower = await register({ ...owner, name: 'Keripik A', kbliCode: '10794', nib: '9120001234567' }, [
      ['2023-12-31', M],
      ['2025-12-31', 3 * M],
    ])
    const sari = await register({ ...owner, name: 'Sari B', kbliCode: '10330' }, [['2025-06-30', 2 * M]])
    await register({ ...owner, name: 'Batik C', kbliCode: '13134' }, [])
    const halal = await register({ ...owner, name: 'Tempe D', kbliCode: '10391' }, [['2024-12-31', M / 2]])
    await staff.request({
      method: 'POST',
      url: url(`/umkm/businesses/${halal}/licences`),
      payload: { kind: 'halal', number: 'ID351100001', issuedOn: '2025-02-01' },
    })
    // Lapsed before the end of 2025: does not count.
    await staff.request({
      method: 'POST',
      url: url(`/umkm/businesses/${grower}/licences`),
      payload: { kind: 'pirt', number: '2063579010001-20', issuedOn: '2020-01-01', expiresOn: '2025-01-01' },
    })
    // A 2025 programme: both enrolled, only the grower measured before and after (+30 %). A third
    // joined, was measured (sales halved) and withdrew: neither counted nor in the growth.
    const programme = (
      await staff.request({
        method: 'POST',
        url: url('/umkm/programmes'),
        payload: {
          kind: 'pelatihan',
          name: 'Pelatihan kemasan 2025',
          agency: 'Diskumindag Kota Batu',
          funding: 'apbd',
          startsOn: '2025-03-01',
          endsOn: '2025-10-31',
        },
      })
    ).json().id
    const outcome = (enrolment: string, stage: string, annualSalesRupiah: number) =>
      staff.request({
        method: 'PUT',
        url: url(`/umkm/programmes/${programme}/participants/${enrolment}/outcomes/${stage}`),
        payload: {
          asOf: '2025-11-30',
          annualSalesRupiah,
          workers: null,
          certificates: null,
          sellsOnline: null,
        },
      })
    for (const [business, sales] of [
      [grower, [100_000_000, 130_000_000]],
      [halal, [50_000_000]],
      [sari, [400_000_000, 200_000_000]],
    ] as const) {
      const enrolment = await staff.request({
        method: 'POST',
        url: url(`/umkm/programmes/${programme}/enrolments`),
        payload: { businessId: business },
      })
      expect(enrolment.statusCode, enrolment.body).toBe(201)
      expect((await outcome(enrolment.json().id, 'before', sales[0])).statusCode).toBe(200)
      if (sales[1]) expect((await outcome(enrolment.json().id, 'after', sales[1])).statusCode).toBe(200)
      if (business === sari) {
        const withdrawn = await staff.request({
          method: 'POST',
          url: url(`/umkm/programmes/${programme}/participants/${enrolment.json().id}/withdrawal`),
          payload: { reason: 'Berhenti berproduksi' },
        })
        expect(withdrawn.statusCode, withdrawn.body).toBe(200)
      }
    }
  })
  afterAll(() => t.close())

  const valuesOf = async (code: string) =>
    (await viewer.request({ method: 'GET', url: url(`/indicators/${code}/values`) })).json().values

  it('counts micro and small by the latest figures, the NIB and halal/P-IRT shares, and naik kelas', async () => {
    const computed = await staff.request({
      method: 'POST',
      url: url('/umkm/indicators/compute'),
      payload: { year: 2025 },
    })
    expect(computed.statusCode).toBe(200)
    expect(computed.json().asOf).toBe('2025-12-31')
    const byCode = Object.fromEntries(
      computed.json().values.map((item: { code: string; value: number }) => [item.code, item.value]),
    )
    expect(byCode).toEqual({
      umkm_by_scale_micro: 2,
      umkm_by_scale_small: 1,
      umkm_by_scale_medium: 0,
      // Micro at the end of 2024: Keripik A and Tempe D; in 2025: Sari B and Tempe D.
      umkm_micro_growth: 0,
      umkm_nib_share: 25,
      umkm_halal_pirt_share: 25,
      umkm_naik_kelas: 1,
      umkm_coaching_participants: 2,
      umkm_coached_sales_growth: 30,
      umkm_curated_products: 0,
    })
    const stored = await valuesOf('umkm_naik_kelas')
    expect(stored).toEqual([
      expect.objectContaining({ period: '2025', value: 1, provenance: 'computed', formulaVersion: '2' }),
    ])
    expect(stored[0].sourceNote).toContain('pp7_2021_sales')
  })

  it('reads 2023 as it stood then: everyone micro, nobody moved up', async () => {
    const computed = (
      await staff.request({ method: 'POST', url: url('/umkm/indicators/compute'), payload: { year: 2023 } })
    ).json()
    const byCode = Object.fromEntries(
      computed.values.map((item: { code: string; value: number }) => [item.code, item.value]),
    )
    expect(byCode).toMatchObject({
      umkm_by_scale_micro: 1,
      umkm_by_scale_small: 0,
      umkm_naik_kelas: 0,
      umkm_coaching_participants: 0,
      // No micro business on record at the end of 2022: no growth figure, not 0 %.
      umkm_micro_growth: null,
      umkm_coached_sales_growth: null,
    })
    expect(await valuesOf('umkm_micro_growth')).toEqual([
      expect.objectContaining({ period: '2025', value: 0 }),
    ])
  })

  it('refuses a future year, and anyone but the dinas staff', async () => {
    const future = await staff.request({
      method: 'POST',
      url: url('/umkm/indicators/compute'),
      payload: { year: 2027 },
    })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors[0]).toMatchObject({
      field: '/body/year',
      code: 'umkm.indicator_year_invalid',
    })
    const denied = await viewer.request({
      method: 'POST',
      url: url('/umkm/indicators/compute'),
      payload: { year: 2025 },
    })
    expect(denied.statusCode).toBe(403)
  })
})
