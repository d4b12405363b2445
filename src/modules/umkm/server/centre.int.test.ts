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

const API = `/api/v1/cities/${BATU}/umkm/centre`
const GOOD = {
  legality: 3,
  product_quality: 4,
  packaging: 3,
  production_capacity: 3,
  price_competitiveness: 3,
  market_reach: 2,
}
const POOR = { ...GOOD, product_quality: 1, packaging: 1, legality: 1, market_reach: 1 }

describe('UMKM centre: curation, consignment, counter sales and the monthly settlement', () => {
  // 23:30 WIB on 30 November 2026: the month is not over in Batu yet.
  let now = new Date('2026-11-30T16:30:00Z')
  let t: TestApp
  let staff: Session
  let clerk: Session
  let palopoStaff: Session
  let business: string
  let outlet: string
  let product: string
  let batch: string

  const stock = async () => {
    const response = await clerk.request({ method: 'GET', url: `${API}/stock?outletId=${outlet}` })
    expect(response.statusCode, response.body).toBe(200)
    return (
      (response.json() as { id: string; remaining: number }[]).find((row) => row.id === batch)?.remaining ?? 0
    )
  }
  const sell = (
    quantity: number,
    options: { method?: 'cash' | 'qris'; key?: string; session?: Session } = {},
  ) =>
    (options.session ?? clerk).request({
      method: 'POST',
      url: `${API}/sales`,
      headers: options.key ? { 'idempotency-key': options.key } : {},
      payload: {
        outletId: outlet,
        paymentMethod: options.method ?? 'cash',
        ...(options.method === 'qris' ? { paymentReference: `QR-${quantity}-${Math.random()}` } : {}),
        lines: [{ batchId: batch, quantity }],
      },
    })

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => now })
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    clerk = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_centre_clerk' }] }))
    palopoStaff = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    const created = await staff.request({
      method: 'POST',
      url: `/api/v1/cities/${BATU}/umkm/businesses`,
      payload: {
        name: 'Keripik Apel Bu Sri',
        kbliCode: '10794',
        ownerName: 'Sri Wahyuni',
        ownerNik: '3579014101800001',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    business = created.json().id
    const shop = await staff.request({
      method: 'POST',
      url: `${API}/outlets`,
      payload: { name: 'Pojok UMKM Balai Kota Among Tani', address: 'Jl. Panglima Sudirman 507' },
    })
    expect(shop.statusCode, shop.body).toBe(201)
    outlet = shop.json().id
    const offered = await staff.request({
      method: 'POST',
      url: `${API}/products`,
      payload: { businessId: business, name: 'Keripik apel manalagi 100 g', unit: 'pack' },
    })
    expect(offered.statusCode, offered.body).toBe(201)
    product = offered.json().id
  })
  afterAll(async () => t?.close())

  const intake = (session = clerk) =>
    session.request({
      method: 'POST',
      url: `${API}/consignments`,
      payload: {
        outletId: outlet,
        productId: product,
        quantity: 10,
        unitPriceRupiah: 15_000,
        commissionBps: 1000,
        receivedOn: '2026-11-02',
        expiresOn: '2027-02-02',
      },
    })
  const curate = (scores: typeof GOOD) =>
    staff.request({
      method: 'POST',
      url: `${API}/products/${product}/curations`,
      payload: { scores, assessedOn: '2026-11-01' },
    })

  it('takes in nothing that has not passed curation, and grades from the rubric, not by hand', async () => {
    const uncurated = await intake()
    expect(uncurated.statusCode).toBe(422)
    expect(uncurated.json().code).toBe('centre.not_curated')

    const poor = await curate(POOR)
    expect(poor.statusCode, poor.body).toBe(201)
    expect(poor.json().grade).toBe('D')
    expect((await intake()).statusCode).toBe(422)

    const good = await curate(GOOD)
    // 20×2 + 25×3 + 20×2 + 15×2 + 10×2 + 10×1 = 215 points → 215 / 3 = 71.67 → 72: grade B.
    expect(good.json()).toMatchObject({ total: 72, grade: 'B', rubricVersion: 'kurasi-2026.1' })

    const outOfRange = await curate({ ...GOOD, packaging: 5 })
    expect(outOfRange.statusCode).toBe(400)
  })

  it('a clerk takes a batch in at its price and commission; the stock is what is left of it', async () => {
    const received = await intake()
    expect(received.statusCode, received.body).toBe(201)
    batch = received.json().id
    expect(received.json()).toMatchObject({
      remaining: 10,
      unitPriceRupiah: 15_000,
      grade: 'B',
      daysToExpiry: 64,
    })
    expect(await stock()).toBe(10)
  })

  it('refuses a sale of more than the consigned stock and changes nothing', async () => {
    const audits = await countAuditRows(t)
    const response = await sell(11)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({
      field: '/body/lines/0/quantity',
      code: 'centre.stock_short',
    })
    expect(response.json().errors[0].message).toContain('tinggal 10')
    expect(await stock()).toBe(10)
    expect(await countAuditRows(t)).toBe(audits)
  })

  it('asks for the QRIS reference of a QRIS payment', async () => {
    const response = await clerk.request({
      method: 'POST',
      url: `${API}/sales`,
      payload: { outletId: outlet, paymentMethod: 'qris', lines: [{ batchId: batch, quantity: 1 }] },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0].code).toBe('centre.qris_reference_required')
  })

  it('records cash and QRIS sales once each, however often the request is retried', async () => {
    const first = await sell(3, { key: 'jual-keripik-1' })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ totalRupiah: 45_000, soldOn: '2026-11-30' })
    const retried = await sell(3, { key: 'jual-keripik-1' })
    expect(retried.json().id).toBe(first.json().id)
    expect((await sell(2, { method: 'qris' })).statusCode).toBe(201)
    expect(await stock()).toBe(5)

    const day = await clerk.request({ method: 'GET', url: `${API}/sales?day=2026-11-30` })
    expect(day.json().totals).toEqual({ cash: 45_000, qris: 30_000, allRupiah: 75_000 })
    expect(day.json().sales).toHaveLength(2)
  })

  it('never sells the same jar twice when clerks sell at once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => sell(2)))
    const codes = results.map((response) => response.statusCode).sort()
    expect(codes).toEqual([201, 201, 400, 400])
    expect(await stock()).toBe(1)
  })

  it('takes expired stock off the shelf, never more than is there', async () => {
    const tooMany = await clerk.request({
      method: 'POST',
      url: `${API}/consignments/${batch}/removals`,
      payload: { kind: 'expired', quantity: 2, removedOn: '2026-11-30' },
    })
    expect(tooMany.statusCode).toBe(400)
    const removed = await clerk.request({
      method: 'POST',
      url: `${API}/consignments/${batch}/removals`,
      payload: { kind: 'damaged', quantity: 1, removedOn: '2026-11-30' },
    })
    expect(removed.statusCode, removed.body).toBe(201)
    expect(removed.json()).toMatchObject({ sold: 9, removed: 1, remaining: 0 })
  })

  it("shows every sale in the producer's monthly statement, with the commission and what is owed", async () => {
    const statement = await clerk.request({ method: 'GET', url: `${API}/statements/2026-11/${business}` })
    expect(statement.statusCode, statement.body).toBe(200)
    const body = statement.json()
    expect(body.lines).toHaveLength(4)
    expect(body.totals).toEqual({
      quantity: 9,
      grossRupiah: 135_000,
      commissionRupiah: 13_500,
      payableRupiah: 121_500,
    })
    expect(body.canSettle).toBe(false)

    const month = await clerk.request({ method: 'GET', url: `${API}/statements/2026-11` })
    expect(month.json().businesses).toEqual([
      expect.objectContaining({
        business: { id: business, name: 'Keripik Apel Bu Sri' },
        payableRupiah: 121_500,
      }),
    ])
  })

  it('settles a month only once it is over in Batu, and never twice', async () => {
    const settle = (session = staff) =>
      session.request({
        method: 'POST',
        url: `${API}/settlements`,
        payload: { businessId: business, month: '2026-11' },
      })
    const early = await settle()
    expect(early.statusCode).toBe(400)
    expect(early.json().errors[0].code).toBe('centre.month_not_over')

    // 00:30 WIB on 1 December: still 30 November in UTC, but the month is over in Batu.
    now = new Date('2026-11-30T17:30:00Z')
    expect((await settle(clerk)).statusCode).toBe(403)
    const settled = await settle()
    expect(settled.statusCode, settled.body).toBe(201)
    expect(settled.json()).toMatchObject({ month: '2026-11', grossRupiah: 135_000, payableRupiah: 121_500 })

    const audits = await countAuditRows(t)
    const again = await settle()
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('centre.month_settled')
    expect(await countAuditRows(t)).toBe(audits)

    const statement = await staff.request({ method: 'GET', url: `${API}/statements/2026-11/${business}` })
    expect(statement.json()).toMatchObject({ canSettle: false, settlement: { payableRupiah: 121_500 } })
  })

  it('shows the public what is on the shelves, with no owner data', async () => {
    const another = await intake()
    expect(another.statusCode).toBe(201)
    const response = await t.app.inject({ method: 'GET', url: `${API}/catalogue` })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual([
      expect.objectContaining({
        name: 'Keripik apel manalagi 100 g',
        business: 'Keripik Apel Bu Sri',
        outlet: {
          id: outlet,
          name: 'Pojok UMKM Balai Kota Among Tani',
          address: 'Jl. Panglima Sudirman 507',
        },
        grade: 'B',
        available: 10,
        minPriceRupiah: 15_000,
      }),
    ])
    expect(response.body).not.toContain('Sri Wahyuni')
    expect(response.body).not.toContain('3579014101800001')
  })

  it("keeps Palopo out of Batu's centre", async () => {
    expect((await palopoStaff.request({ method: 'GET', url: `${API}/stock` })).statusCode).toBe(403)
    expect((await sell(1, { session: palopoStaff })).statusCode).toBe(403)
    const viaOwnCity = await palopoStaff.request({
      method: 'POST',
      url: `/api/v1/cities/${PALOPO}/umkm/centre/sales`,
      payload: { outletId: outlet, paymentMethod: 'cash', lines: [{ batchId: batch, quantity: 1 }] },
    })
    expect(viaOwnCity.statusCode).toBe(400)
    expect(viaOwnCity.json().errors[0].code).toBe('centre.outlet_not_found')
    const statement = await palopoStaff.request({
      method: 'GET',
      url: `/api/v1/cities/${PALOPO}/umkm/centre/statements/2026-11/${business}`,
    })
    expect(statement.statusCode).toBe(400)
  })
})
