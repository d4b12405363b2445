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
import { cityDateOf } from '../../../platform/domain/city-time.ts'

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

  it('edits a programme without dropping participants, and never below the enrolled count', async () => {
    const patch = (payload: Record<string, unknown>, session = staff) =>
      session.request({ method: 'PATCH', url: `${API}/programmes/${programme}`, payload })
    const before = await countAuditRows(t)
    // Two are enrolled: a quota of one is refused next to the field; so is an end before the start.
    const lower = await patch({ quota: 1, name: 'Nama yang tidak tersimpan' })
    expect(lower.statusCode).toBe(400)
    expect(lower.json().errors).toEqual([
      expect.objectContaining({ field: '/body/quota', message: expect.stringContaining('(2)') }),
    ])
    const backwards = await patch({ endsOn: '2026-02-28' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: '/body/endsOn' })])
    expect(await countAuditRows(t)).toBe(before)

    // Widening the rules and the quota: the next business can join, the enrolled two stay.
    const widened = await patch({
      quota: 3,
      endsOn: '2026-07-31',
      eligibleScales: [],
      budgetActivityCode: ' ',
    })
    expect(widened.statusCode, widened.body).toBe(200)
    expect(widened.json()).toMatchObject({
      name: 'Fasilitasi sertifikasi halal 2026',
      quota: 3,
      endsOn: '2026-07-31',
      eligibleScales: [],
      budgetActivityCode: null,
      enrolled: 2,
      isFull: false,
    })
    expect(await countAuditRows(t)).toBe(before + 1)
    expect((await enrol(ids.tempe!)).statusCode).toBe(201)
    const detail = await viewer.request({ method: 'GET', url: `${API}/programmes/${programme}` })
    expect(detail.json()).toMatchObject({ enrolled: 3, isFull: true })

    expect((await patch({ quota: 10 }, palopoStaff)).statusCode).toBe(403)
    expect((await patch({ quota: 10 }, viewer)).statusCode).toBe(403)
    const asPalopo = await palopoStaff.request({
      method: 'PATCH',
      url: `/api/v1/cities/${PALOPO}/umkm/programmes/${programme}`,
      payload: { quota: 10 },
    })
    expect(asPalopo.statusCode).toBe(404)
  })

  it('withdraws a participant from today: the place frees up, the history stays, and they can come back', async () => {
    const today = cityDateOf(new Date(), 'Asia/Jakarta')
    const detail = async () =>
      (await viewer.request({ method: 'GET', url: `${API}/programmes/${programme}` })).json()
    const tempe = (await detail()).participants.find(
      (p: { business: { name: string } }) => p.business.name === 'Tempe Bu Ani',
    )
    const withdraw = (reason: string, session = staff) =>
      session.request({
        method: 'POST',
        url: `${API}/programmes/${programme}/participants/${tempe.id}/withdrawal`,
        payload: { reason },
      })
    const before = await countAuditRows(t)
    const blank = await withdraw('  a  ')
    expect(blank.statusCode).toBe(400)
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: '/body/reason' })])
    expect((await withdraw('Pindah usaha', palopoStaff)).statusCode).toBe(403)
    expect((await withdraw('Pindah usaha', viewer)).statusCode).toBe(403)
    expect(await countAuditRows(t)).toBe(before)

    const out = await withdraw('Pemilik sakit, tidak bisa ikut sesi')
    expect(out.statusCode, out.body).toBe(200)
    expect(out.json()).toEqual({
      id: tempe.id,
      withdrawnOn: today,
      withdrawalReason: 'Pemilik sakit, tidak bisa ikut sesi',
    })
    expect((await withdraw('Sekali lagi')).statusCode).toBe(409)
    const after = await detail()
    expect(after).toMatchObject({ enrolled: 2, isFull: false })
    expect(after.participants.find((p: { id: string }) => p.id === tempe.id)).toMatchObject({
      withdrawnOn: today,
      withdrawalReason: 'Pemilik sakit, tidak bisa ikut sesi',
    })

    // Present at a session held today: refused. At one held before the withdrawal, recorded late: kept.
    const session = (heldOn: string) =>
      staff.request({
        method: 'POST',
        url: `${API}/programmes/${programme}/sessions`,
        payload: { heldOn, topic: 'Sesi susulan', present: [tempe.id] },
      })
    const todaySession = await session(today)
    expect(todaySession.statusCode).toBe(400)
    expect(todaySession.json().errors[0]).toMatchObject({
      field: '/body/present/0',
      message: expect.stringContaining('Tempe Bu Ani'),
    })
    expect((await session('2026-03-19')).statusCode).toBe(201)
    const withSession = await detail()
    // Three sessions before the withdrawal, one attended.
    expect(withSession.participants.find((p: { id: string }) => p.id === tempe.id).attendancePercent).toBe(
      33.33,
    )

    const back = await enrol(ids.tempe!)
    expect(back.statusCode, back.body).toBe(201)
    expect(back.json().id).toBe(tempe.id)
    const reinstated = await detail()
    expect(reinstated).toMatchObject({ enrolled: 3, isFull: true })
    expect(reinstated.participants.find((p: { id: string }) => p.id === tempe.id)).toMatchObject({
      withdrawnOn: null,
      withdrawalReason: null,
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
