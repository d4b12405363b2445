import { and, eq } from 'drizzle-orm'
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
import { umkmBusinesses } from './umkm.tables.ts'

// 10:00 WIB on 28 November 2026.
const NOW = new Date('2026-11-28T03:00:00Z')
const M = 1_000_000_000
const API = `/api/v1/cities/${BATU}/umkm`
const REASON = 'Pemilik pindah ke luar kota'

describe('closing and reopening a business', () => {
  let t: TestApp
  let batu: CityRef
  let staff: Session
  let palopoStaff: Session

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => NOW })
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    palopoStaff = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
  })
  afterAll(() => t?.close())

  const register = async (name: string, started?: { year: number; month: number | null }) => {
    const created = await staff.request({
      method: 'POST',
      url: `${API}/businesses`,
      payload: { name, kbliCode: '10794', ownerName: 'Pemilik Uji' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    // The start of operation comes from SIDT (`tahun_mulai_operasi`); the form does not ask for it.
    if (started) {
      await t.database.db
        .update(umkmBusinesses)
        .set({ startedYear: started.year, startedMonth: started.month })
        .where(and(eq(umkmBusinesses.cityId, batu.id), eq(umkmBusinesses.publicId, id)))
    }
    return id
  }
  const close = (
    id: string,
    payload: Record<string, unknown>,
    options: { session?: Session; key?: string } = {},
  ) =>
    (options.session ?? staff).request({
      method: 'POST',
      url: `${API}/businesses/${id}/closure`,
      payload,
      headers: options.key ? { 'idempotency-key': options.key } : {},
    })
  const reopen = (id: string, session = staff) =>
    session.request({ method: 'DELETE', url: `${API}/businesses/${id}/closure` })
  const names = async (query: string) =>
    (await staff.request({ method: 'GET', url: `${API}/businesses?q=Tutup&${query}` }))
      .json()
      .items.map((item: { name: string }) => item.name)

  it('closes a business from a day with the reason, once for a retried request, and lists it apart', async () => {
    const id = await register('Tutup Keripik A', { year: 2024, month: 3 })
    await register('Tutup Sari B')
    const audits = await countAuditRows(t)
    const closed = await close(
      id,
      { closedOn: '2026-10-31', reason: `  ${REASON} ` },
      { key: 'tutup-usaha-a-001' },
    )
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ closedOn: '2026-10-31', closureReason: REASON })
    const retried = await close(
      id,
      { closedOn: '2026-10-31', reason: `  ${REASON} ` },
      { key: 'tutup-usaha-a-001' },
    )
    expect(retried.statusCode).toBe(200)
    expect(retried.headers['idempotent-replayed']).toBe('true')
    expect(await countAuditRows(t)).toBe(audits + 1)

    expect(await names('')).toEqual(['Tutup Sari B'])
    expect(await names('status=closed')).toEqual(['Tutup Keripik A'])
    expect(await names('status=all')).toEqual(['Tutup Keripik A', 'Tutup Sari B'])
    const listed = (
      await staff.request({ method: 'GET', url: `${API}/businesses?q=Tutup&status=closed` })
    ).json()
    expect(listed.items[0]).toMatchObject({ closedOn: '2026-10-31', closureReason: REASON })

    // SIDT has no closure column: the export holds the businesses in operation only.
    const csv = await staff.request({ method: 'GET', url: `${API}/sidt/export.xlsx?format=csv` })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('Tutup Sari B')
    expect(csv.body).not.toContain('Tutup Keripik A')

    const again = await close(id, { closedOn: '2026-11-01', reason: 'Tutup lagi' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('umkm.business_already_closed')
    expect(again.json().detail).toContain('Tutup Keripik A')
  })

  it('refuses a closing day after today or before the start, and a short reason, next to the fields', async () => {
    const id = await register('Tutup Batik C', { year: 2024, month: 3 })
    const audits = await countAuditRows(t)
    const future = await close(id, { closedOn: '2026-11-29', reason: REASON })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: '/body/closedOn', code: 'umkm.closure_date_in_future' }),
    ])
    const early = await close(id, { closedOn: '2024-02-29', reason: '   a ' })
    expect(early.statusCode).toBe(400)
    expect(early.json().errors.map((error: { code: string }) => error.code)).toEqual([
      'umkm.closure_before_start',
      'umkm.closure_reason_invalid',
    ])
    expect(early.json().errors[0].message).toContain('2024-03')
    expect(await countAuditRows(t)).toBe(audits)
    expect((await close(id, { closedOn: '2024-03-01', reason: REASON })).statusCode).toBe(200)
  })

  it('two closures at once close the business once; the other is told it is closed', async () => {
    const id = await register('Tutup Kue G')
    const results = await Promise.all([
      close(id, { closedOn: '2026-11-27', reason: REASON }),
      close(id, { closedOn: '2026-11-26', reason: 'Tutup karena pindah' }),
    ])
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409])
    const [winner] = results.filter((result) => result.statusCode === 200)
    const detail = (await staff.request({ method: 'GET', url: `${API}/businesses/${id}` })).json()
    expect(detail.closedOn).toBe(winner!.json().closedOn)
  })

  it('reopens a closed business, audited, and refuses to reopen one in operation', async () => {
    const id = await register('Tutup Tempe D')
    await close(id, { closedOn: '2026-11-28', reason: REASON })
    const audits = await countAuditRows(t)
    const reopened = await reopen(id)
    expect(reopened.statusCode, reopened.body).toBe(200)
    expect(reopened.json()).toMatchObject({ closedOn: null, closureReason: null })
    expect(await countAuditRows(t)).toBe(audits + 1)
    expect(await names('')).toContain('Tutup Tempe D')
    const twice = await reopen(id)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('umkm.business_not_closed')
  })

  it("Palopo's staff can neither close nor reopen a Batu business", async () => {
    const id = await register('Tutup Jenang E')
    expect(
      (await close(id, { closedOn: '2026-11-01', reason: REASON }, { session: palopoStaff })).statusCode,
    ).toBe(403)
    const palopoUrl = `/api/v1/cities/${PALOPO}/umkm/businesses/${id}/closure`
    const sneaky = await palopoStaff.request({
      method: 'POST',
      url: palopoUrl,
      payload: { closedOn: '2026-11-01', reason: REASON },
    })
    expect(sneaky.statusCode).toBe(404)
    await close(id, { closedOn: '2026-11-01', reason: REASON })
    expect((await reopen(id, palopoStaff)).statusCode).toBe(403)
    expect((await palopoStaff.request({ method: 'DELETE', url: palopoUrl })).statusCode).toBe(404)
    const detail = (await staff.request({ method: 'GET', url: `${API}/businesses/${id}` })).json()
    expect(detail).toMatchObject({ closedOn: '2026-11-01', closureReason: REASON })
  })

  it('a closed business cannot join a programme nor consign new goods; its stock still sells', async () => {
    const id = await register('Tutup Keripik F')
    const programme = (
      await staff.request({
        method: 'POST',
        url: `${API}/programmes`,
        payload: {
          kind: 'pelatihan',
          name: 'Pelatihan kemasan 2026',
          agency: 'Diskumindag Kota Batu',
          funding: 'apbd',
          startsOn: '2026-12-01',
          endsOn: '2026-12-31',
        },
      })
    ).json().id
    const outlet = (
      await staff.request({
        method: 'POST',
        url: `${API}/centre/outlets`,
        payload: { name: 'Pojok UMKM Uji' },
      })
    ).json().id
    const product = (
      await staff.request({
        method: 'POST',
        url: `${API}/centre/products`,
        payload: { businessId: id, name: 'Keripik apel 100 g', unit: 'pack' },
      })
    ).json().id
    const scores = {
      legality: 3,
      product_quality: 4,
      packaging: 3,
      production_capacity: 3,
      price_competitiveness: 3,
      market_reach: 2,
    }
    await staff.request({
      method: 'POST',
      url: `${API}/centre/products/${product}/curations`,
      payload: { scores, assessedOn: '2026-11-01' },
    })
    const intake = () =>
      staff.request({
        method: 'POST',
        url: `${API}/centre/consignments`,
        payload: {
          outletId: outlet,
          productId: product,
          quantity: 5,
          unitPriceRupiah: 15_000,
          commissionBps: 1000,
          receivedOn: '2026-11-02',
        },
      })
    const batch = await intake()
    expect(batch.statusCode, batch.body).toBe(201)

    await close(id, { closedOn: '2026-11-20', reason: REASON })
    const enrol = await staff.request({
      method: 'POST',
      url: `${API}/programmes/${programme}/enrolments`,
      payload: { businessId: id },
    })
    expect(enrol.statusCode).toBe(409)
    expect(enrol.json()).toMatchObject({ code: 'umkm.business_closed' })
    expect(enrol.json().errors[0]).toMatchObject({ field: '/body/businessId', code: 'umkm.business_closed' })
    const consign = await intake()
    expect(consign.statusCode).toBe(409)
    expect(consign.json().detail).toContain('Tutup Keripik F')
    const sale = await staff.request({
      method: 'POST',
      url: `${API}/centre/sales`,
      payload: {
        outletId: outlet,
        paymentMethod: 'cash',
        lines: [{ batchId: batch.json().id, quantity: 2 }],
      },
    })
    expect(sale.statusCode, sale.body).toBe(201)
  })
})

describe('indicators of a past year count the registry as it stood then', () => {
  let t: TestApp
  let staff: Session

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => NOW })
    const batu = await activate(t, BATU)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    const register = async (
      name: string,
      nib: string | null,
      started: { year: number; month: number } | null,
      closedOn?: string,
    ) => {
      const id = (
        await staff.request({
          method: 'POST',
          url: `${API}/businesses`,
          payload: { name, kbliCode: '10794', ownerName: 'Pemilik Uji', nib },
        })
      ).json().id as string
      await staff.request({
        method: 'POST',
        url: `${API}/businesses/${id}/figures`,
        payload: { asOf: '2024-12-31', annualSalesRupiah: M / 2, sourceNote: 'Pendataan uji' },
      })
      if (started) {
        await t.database.db
          .update(umkmBusinesses)
          .set({ startedYear: started.year, startedMonth: started.month })
          .where(and(eq(umkmBusinesses.cityId, batu.id), eq(umkmBusinesses.publicId, id)))
      }
      if (closedOn)
        await staff.request({
          method: 'POST',
          url: `${API}/businesses/${id}/closure`,
          payload: { closedOn, reason: REASON },
        })
    }
    // In 2024 and 2025 alike: an old business, one whose start is unknown.
    await register('Lama A', null, { year: 2019, month: 5 })
    await register('Tanpa tahun B', null, null)
    // Started last year, closed this year: in 2024's figures, not in 2025's.
    await register('Tutup C', '9120001234567', { year: 2024, month: 12 }, '2025-06-30')
    // Closed on the last day of 2024: no longer counts at the end of 2024.
    await register('Tutup D', null, { year: 2020, month: 1 }, '2024-12-31')
    // Started in January 2025: not yet in 2024's figures (its 2024 record is the owner's estimate).
    await register('Baru E', null, { year: 2025, month: 1 })
    await register('Baru F', null, { year: 2025, month: 3 })
  })
  afterAll(() => t?.close())

  const compute = async (year: number) => {
    const response = await staff.request({
      method: 'POST',
      url: `${API}/indicators/compute`,
      payload: { year },
    })
    expect(response.statusCode, response.body).toBe(200)
    return Object.fromEntries(
      (response.json().values as { code: string; value: number | null }[]).map((item) => [
        item.code,
        item.value,
      ]),
    )
  }

  it("counts a business that started last year and closed this year in last year's figures only", async () => {
    const y2024 = await compute(2024)
    // A, B, C (started in December 2024); not D (closed on 31 December), not E (started 2025).
    expect(y2024.umkm_by_scale_micro).toBe(3)
    expect(y2024.umkm_nib_share).toBe(33.33)
    const y2025 = await compute(2025)
    // A, B, E, F; C closed in June 2025 and D before.
    expect(y2025.umkm_by_scale_micro).toBe(4)
    expect(y2025.umkm_nib_share).toBe(0)
    // No figures dated by the end of 2023, so no micro count then and no growth for 2024.
    expect(y2024.umkm_micro_growth).toBeNull()
    // 3 micro at the end of 2024 → 4 at the end of 2025 (today's list would say 6 and 6: 0 %).
    expect(y2025.umkm_micro_growth).toBe(33.33)
  })
})
