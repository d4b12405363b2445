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

const API = `/api/v1/cities/${BATU}/umkm`
const M = 1_000_000

describe('UMKM coaching programmes', () => {
  let t: TestApp
  let staff: Session
  let viewer: Session
  let palopoStaff: Session
  let programme: string
  const ids: Record<string, string> = {}

  const business = async (name: string, nib: string | null, annualSalesRupiah: number) => {
    const created = await staff.request({
      method: 'POST',
      url: `${API}/businesses`,
      payload: {
        name,
        kbliCode: '10794',
        ownerName: `Pemilik ${name}`,
        villageCode: '35.79.01.2006',
        ...(nib ? { nib } : {}),
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    const figures = await staff.request({
      method: 'POST',
      url: `${API}/businesses/${id}/figures`,
      payload: { asOf: '2025-12-31', annualSalesRupiah, sourceNote: 'Survei Diskumindag (uji)' },
    })
    expect(figures.statusCode, figures.body).toBe(201)
    return id
  }
  const enrol = (businessId: string, session = staff) =>
    session.request({
      method: 'POST',
      url: `${API}/programmes/${programme}/enrolments`,
      payload: { businessId },
    })

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    palopoStaff = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    ids.noNib = await business('Jenang Apel Tanpa NIB', null, 300 * M)
    ids.keripik = await business('Keripik Apel Bu Sri', '9120001234567', 400 * M)
    ids.sari = await business('Sari Apel Pak Tono', '9120001234568', 500 * M)
    ids.tempe = await business('Tempe Bu Ani', '9120001234569', 600 * M)
    // Rp3 miliar a year is no longer micro (PP 7/2021: micro sells at most Rp2 miliar).
    ids.small = await business('Batik Kecil', '9120001234570', 3_000 * M)
    const created = await staff.request({
      method: 'POST',
      url: `${API}/programmes`,
      payload: {
        kind: 'fasilitasi_sertifikasi',
        name: 'Fasilitasi sertifikasi halal 2026',
        agency: 'Diskumindag Kota Batu',
        budgetActivityCode: '2.17.08.2.01',
        funding: 'apbd',
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
        quota: 2,
        requiresNib: true,
        eligibleScales: ['mikro'],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    programme = created.json().id
  })
  afterAll(() => t?.close())

  it('admits only eligible businesses, once each, up to the quota', async () => {
    const before = await countAuditRows(t)
    const noNib = await enrol(ids.noNib!)
    expect(noNib.statusCode).toBe(422)
    expect(noNib.json().errors?.[0]?.message ?? noNib.body).toContain('NIB')
    const small = await enrol(ids.small!)
    expect(small.statusCode).toBe(422)
    expect(small.body).toContain('kecil')
    expect(await countAuditRows(t)).toBe(before)

    expect((await enrol(ids.keripik!)).statusCode).toBe(201)
    const twice = await enrol(ids.keripik!)
    expect(twice.statusCode).toBe(409)
    expect((await enrol(ids.sari!)).statusCode).toBe(201)
    const full = await enrol(ids.tempe!)
    expect(full.statusCode).toBe(409)
    expect(full.body).toContain('2')
    const listed = await viewer.request({ method: 'GET', url: `${API}/programmes` })
    expect(listed.json()).toEqual([expect.objectContaining({ enrolled: 2, isFull: true, quota: 2 })])
  })

  it('records sessions with attendance and the effect before → after', async () => {
    const detail = async () =>
      (await viewer.request({ method: 'GET', url: `${API}/programmes/${programme}` })).json()
    const participants = (await detail()).participants as { id: string; business: { name: string } }[]
    const keripik = participants.find((p) => p.business.name === 'Keripik Apel Bu Sri')!
    const sari = participants.find((p) => p.business.name === 'Sari Apel Pak Tono')!
    for (const [heldOn, present] of [
      ['2026-03-05', [keripik.id, sari.id]],
      ['2026-03-12', [keripik.id]],
    ] as const) {
      const session = await staff.request({
        method: 'POST',
        url: `${API}/programmes/${programme}/sessions`,
        payload: { heldOn, topic: 'Persyaratan sertifikasi halal', present },
      })
      expect(session.statusCode, session.body).toBe(201)
    }
    const outcome = (stage: string, payload: Record<string, unknown>) =>
      staff.request({
        method: 'PUT',
        url: `${API}/programmes/${programme}/participants/${keripik.id}/outcomes/${stage}`,
        payload,
      })
    expect(
      (
        await outcome('before', {
          asOf: '2026-02-28',
          annualSalesRupiah: 400 * M,
          workers: 3,
          certificates: 0,
          sellsOnline: false,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await outcome('after', {
          asOf: '2026-07-31',
          annualSalesRupiah: 460 * M,
          workers: 4,
          certificates: 1,
          sellsOnline: true,
        })
      ).statusCode,
    ).toBe(200)
    const after = await detail()
    expect(after.sessions).toHaveLength(2)
    const row = after.participants.find((p: { id: string }) => p.id === keripik.id)
    expect(row).toMatchObject({
      attendancePercent: 100,
      change: {
        salesChangeRupiah: 60 * M,
        salesGrowthPercent: 15,
        workersChange: 1,
        certificatesChange: 1,
        wentOnline: true,
      },
    })
    expect(after.participants.find((p: { id: string }) => p.id === sari.id)).toMatchObject({
      attendancePercent: 50,
      change: { salesGrowthPercent: null },
    })
  })

  it('keeps Palopo out of Batu and viewers from writing', async () => {
    const before = await countAuditRows(t)
    expect(
      (await palopoStaff.request({ method: 'GET', url: `${API}/programmes/${programme}` })).statusCode,
    ).toBe(403)
    expect((await enrol(ids.tempe!, palopoStaff)).statusCode).toBe(403)
    expect((await enrol(ids.tempe!, viewer)).statusCode).toBe(403)
    const palopoList = await palopoStaff.request({
      method: 'GET',
      url: `/api/v1/cities/${PALOPO}/umkm/programmes`,
    })
    expect(palopoList.json()).toEqual([])
    expect(await countAuditRows(t)).toBe(before)
  })
})
