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
import { auditLog } from '../../../platform/server/audit/audit.tables.ts'

const API = `/api/v1/cities/${BATU}/umkm/centre`
const PALOPO_API = `/api/v1/cities/${PALOPO}/umkm/centre`
const GOOD = {
  legality: 3,
  product_quality: 4,
  packaging: 3,
  production_capacity: 3,
  price_competitiveness: 3,
  market_reach: 2,
}

/**
 * The centre's corrections: editing and closing an outlet, reprinting a struk, filtering the
 * product list, voiding a sale made in error (never once its month is settled) and stock opname.
 */
describe('UMKM centre corrections: outlets, reprint, product filter, void and stock count', () => {
  // 23:30 WIB on 30 November 2026: still November in Batu.
  let now = new Date('2026-11-30T16:30:00Z')
  let t: TestApp
  let staff: Session
  let clerk: Session
  let palopoStaff: Session
  let outlet: string
  const businesses: string[] = []
  const products: string[] = []
  const batches: string[] = []

  const post = (session: Session, url: string, payload: object, key?: string) =>
    session.request({
      method: 'POST',
      url,
      payload,
      headers: key ? { 'idempotency-key': key } : {},
    })
  const batchOf = async (batch: string) => {
    const response = await clerk.request({ method: 'GET', url: `${API}/stock?outletId=${outlet}` })
    expect(response.statusCode, response.body).toBe(200)
    return (response.json() as { id: string; remaining: number; removed: number; sold: number }[]).find(
      (row) => row.id === batch,
    )
  }
  const remaining = async (batch: string) => (await batchOf(batch))?.remaining ?? 0
  const sell = (lines: { batchId: string; quantity: number }[], session = clerk) =>
    post(session, `${API}/sales`, { outletId: outlet, paymentMethod: 'cash', lines })
  const audits = async (action: string, entityId: string) =>
    (
      await t.database.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    ).length
  const settle = (business: string) =>
    post(staff, `${API}/settlements`, { businessId: business, month: '2026-11' })

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => now })
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    clerk = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_centre_clerk' }] }))
    palopoStaff = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    const shop = await post(staff, `${API}/outlets`, {
      name: 'Galeri PLUT Batu',
      address: 'Jl. Diponegoro 1',
    })
    expect(shop.statusCode, shop.body).toBe(201)
    outlet = shop.json().id
    const makers = [
      ['Sari Apel Pak Darmo', 'Sari apel Batu 250 ml'],
      ['Kripik Kentang Bu Ani', 'Kripik kentang balado 100% kentang'],
      ['Susu Kambing Etawa Pujon', 'Susu kambing bubuk'],
    ] as const
    for (const [name, productName] of makers) {
      const created = await post(staff, `/api/v1/cities/${BATU}/umkm/businesses`, {
        name,
        kbliCode: '10794',
        ownerName: 'Pemilik Uji',
      })
      expect(created.statusCode, created.body).toBe(201)
      businesses.push(created.json().id)
      const offered = await post(staff, `${API}/products`, {
        businessId: created.json().id,
        name: productName,
        unit: 'pcs',
      })
      expect(offered.statusCode, offered.body).toBe(201)
      products.push(offered.json().id)
    }
    // The first two are curated onto the shelf; the goat-milk powder waits for its curation.
    for (const product of products.slice(0, 2)) {
      const curated = await post(staff, `${API}/products/${product}/curations`, {
        scores: GOOD,
        assessedOn: '2026-11-01',
      })
      expect(curated.statusCode, curated.body).toBe(201)
      const received = await post(clerk, `${API}/consignments`, {
        outletId: outlet,
        productId: product,
        quantity: 20,
        unitPriceRupiah: 10_000,
        commissionBps: 1000,
        receivedOn: '2026-11-02',
      })
      expect(received.statusCode, received.body).toBe(201)
      batches.push(received.json().id)
    }
  })
  afterAll(async () => t?.close())

  describe('editing and closing an outlet', () => {
    const patch = (payload: object, session = staff, url = `${API}/outlets/${outlet}`) =>
      session.request({ method: 'PATCH', url, payload })

    it('lets staff rename it and audits the change; bad input changes nothing', async () => {
      const before = await countAuditRows(t)
      expect((await patch({})).statusCode).toBe(400)
      const blank = await patch({ name: '  x  ' })
      expect(blank.statusCode).toBe(400)
      expect(blank.json().errors[0]).toMatchObject({
        field: '/body/name',
        code: 'centre.outlet_name_required',
      })
      expect((await patch({ name: 'Galeri Baru' }, clerk)).statusCode).toBe(403)
      expect(await countAuditRows(t)).toBe(before)

      const renamed = await patch({ name: ' Galeri PLUT Kota Batu ', address: 'Jl. Diponegoro 12' })
      expect(renamed.statusCode, renamed.body).toBe(200)
      expect(renamed.json()).toEqual({
        id: outlet,
        name: 'Galeri PLUT Kota Batu',
        address: 'Jl. Diponegoro 12',
        isActive: true,
      })
      expect(await audits('umkm_outlet.updated', outlet)).toBe(1)
    })

    it('a closed outlet refuses intake and sales, stays listed as closed, and can be reopened', async () => {
      const closed = await patch({ isActive: false })
      expect(closed.statusCode, closed.body).toBe(200)
      expect(closed.json().isActive).toBe(false)
      expect(await audits('umkm_outlet.closed', outlet)).toBe(1)

      const listed = await clerk.request({ method: 'GET', url: `${API}/outlets` })
      expect(listed.json()).toEqual([expect.objectContaining({ id: outlet, isActive: false })])

      const before = await remaining(batches[0]!)
      const sale = await sell([{ batchId: batches[0]!, quantity: 1 }])
      expect(sale.statusCode).toBe(400)
      expect(sale.json().errors[0]).toMatchObject({
        field: '/body/outletId',
        code: 'centre.outlet_closed_sale',
      })
      expect(sale.json().errors[0].message).toContain('ditutup')
      const intake = await post(clerk, `${API}/consignments`, {
        outletId: outlet,
        productId: products[0],
        quantity: 5,
        unitPriceRupiah: 10_000,
        commissionBps: 1000,
        receivedOn: '2026-11-30',
      })
      expect(intake.statusCode).toBe(400)
      expect(intake.json().errors[0].code).toBe('centre.outlet_closed')
      expect(await remaining(batches[0]!)).toBe(before)

      const reopened = await patch({ isActive: true })
      expect(reopened.json().isActive).toBe(true)
      expect(await audits('umkm_outlet.reopened', outlet)).toBe(1)
    })

    it("keeps Palopo's staff off Batu's outlet", async () => {
      expect((await patch({ isActive: false }, palopoStaff)).statusCode).toBe(403)
      const viaOwnCity = await patch({ isActive: false }, palopoStaff, `${PALOPO_API}/outlets/${outlet}`)
      expect(viaOwnCity.statusCode).toBe(404)
      expect(viaOwnCity.json().code).toBe('centre.outlet_not_found')
      const listed = await staff.request({ method: 'GET', url: `${API}/outlets` })
      expect(listed.json()[0]).toMatchObject({ name: 'Galeri PLUT Kota Batu', isActive: true })
    })
  })

  describe('product list filter', () => {
    const list = async (query: string, session = staff, api = API) => {
      const response = await session.request({ method: 'GET', url: `${api}/products?${query}` })
      expect(response.statusCode, response.body).toBe(200)
      return (response.json() as { name: string }[]).map((product) => product.name)
    }

    it('finds products by part of the name in any case, and only the shelfable ones on request', async () => {
      expect(await list('q=KRIPIK')).toEqual(['Kripik kentang balado 100% kentang'])
      expect(await list('q=%20susu%20')).toEqual(['Susu kambing bubuk'])
      // % and _ are letters to look for, not wildcards.
      expect(await list('q=100%25')).toEqual(['Kripik kentang balado 100% kentang'])
      expect(await list('q=_')).toEqual([])
      expect(await list('shelfable=true')).toHaveLength(2)
      expect(await list('shelfable=true')).not.toContain('Susu kambing bubuk')
      expect(await list('shelfable=false')).toHaveLength(3)
      expect(await list('q=susu&shelfable=true')).toEqual([])
      expect(await list('')).toHaveLength(3)
    })

    it("refuses a malformed filter and shows Palopo none of Batu's products", async () => {
      const bad = await staff.request({ method: 'GET', url: `${API}/products?shelfable=kadang` })
      expect(bad.statusCode).toBe(400)
      expect(await list('q=apel', palopoStaff, PALOPO_API)).toEqual([])
    })
  })

  describe('reprinting a struk and voiding a sale', () => {
    let sale: { id: string; totalRupiah: number }

    it('returns a sale with its lines in the shape the counter got when it was recorded', async () => {
      const recorded = await sell([
        { batchId: batches[0]!, quantity: 2 },
        { batchId: batches[1]!, quantity: 1 },
      ])
      expect(recorded.statusCode, recorded.body).toBe(201)
      sale = recorded.json()
      expect(recorded.json().voided).toBeNull()
      const reprinted = await clerk.request({ method: 'GET', url: `${API}/sales/${sale.id}` })
      expect(reprinted.statusCode, reprinted.body).toBe(200)
      expect(reprinted.json()).toEqual(recorded.json())

      expect((await clerk.request({ method: 'GET', url: `${API}/sales/AAAAAAAAAAAAAAAA` })).statusCode).toBe(
        404,
      )
      expect((await palopoStaff.request({ method: 'GET', url: `${API}/sales/${sale.id}` })).statusCode).toBe(
        403,
      )
      const viaOwnCity = await palopoStaff.request({ method: 'GET', url: `${PALOPO_API}/sales/${sale.id}` })
      expect(viaOwnCity.statusCode).toBe(404)
      expect(viaOwnCity.json().code).toBe('centre.sale_not_found')
    })

    it('refuses a void without a proper reason, or from another city, and changes nothing', async () => {
      const before = { audits: await countAuditRows(t), stock: await remaining(batches[0]!) }
      for (const reason of ['ok', '   a  ', 'x'.repeat(301)]) {
        const response = await post(clerk, `${API}/sales/${sale.id}/void`, { reason })
        expect(response.statusCode, reason).toBe(400)
        expect(response.json().errors[0].field).toBe('/body/reason')
      }
      expect((await post(clerk, `${API}/sales/${sale.id}/void`, {})).statusCode).toBe(400)
      expect(
        (await post(palopoStaff, `${API}/sales/${sale.id}/void`, { reason: 'salah input' })).statusCode,
      ).toBe(403)
      const viaOwnCity = await post(palopoStaff, `${PALOPO_API}/sales/${sale.id}/void`, {
        reason: 'salah input',
      })
      expect(viaOwnCity.statusCode).toBe(404)
      expect(await countAuditRows(t)).toBe(before.audits)
      expect(await remaining(batches[0]!)).toBe(before.stock)
      const reprinted = await clerk.request({ method: 'GET', url: `${API}/sales/${sale.id}` })
      expect(reprinted.json().voided).toBeNull()
    })

    it('a clerk voids a sale made in error: stock goes back, the till and the statement drop it', async () => {
      const stockBefore = await remaining(batches[0]!)
      const dayBefore = (await clerk.request({ method: 'GET', url: `${API}/sales?day=2026-11-30` })).json()
      const voided = await post(
        clerk,
        `${API}/sales/${sale.id}/void`,
        { reason: ' Salah   scan barang ' },
        'void-key-1',
      )
      expect(voided.statusCode, voided.body).toBe(200)
      expect(voided.json()).toMatchObject({
        id: sale.id,
        totalRupiah: 30_000,
        voided: { reason: 'Salah scan barang', at: now.toISOString() },
      })
      expect(voided.json().voided.by).toMatch(/^Test /)
      expect(voided.json().lines).toHaveLength(2)
      expect(await remaining(batches[0]!)).toBe(stockBefore + 2)

      const day = (await clerk.request({ method: 'GET', url: `${API}/sales?day=2026-11-30` })).json()
      expect(day.totals.allRupiah).toBe(dayBefore.totals.allRupiah - 30_000)
      expect(day.sales).toEqual([expect.objectContaining({ id: sale.id, voided: true })])
      const statement = (
        await clerk.request({ method: 'GET', url: `${API}/statements/2026-11/${businesses[0]}` })
      ).json()
      expect(statement.lines).toEqual([])
      const month = (await clerk.request({ method: 'GET', url: `${API}/statements/2026-11` })).json()
      expect(month.businesses).toEqual([])

      // A retry of the same void answers the same; a second, distinct void is a conflict.
      const auditRows = await countAuditRows(t)
      const retried = await post(
        clerk,
        `${API}/sales/${sale.id}/void`,
        { reason: ' Salah   scan barang ' },
        'void-key-1',
      )
      expect(retried.statusCode).toBe(200)
      expect(retried.json()).toEqual(voided.json())
      const again = await post(staff, `${API}/sales/${sale.id}/void`, { reason: 'Dobel' }, 'void-key-2')
      expect(again.statusCode).toBe(409)
      expect(again.json().code).toBe('centre.sale_voided')
      expect(await countAuditRows(t)).toBe(auditRows)
      expect(await remaining(batches[0]!)).toBe(stockBefore + 2)
      expect(await audits('umkm_centre_sale.voided', sale.id)).toBe(1)
    })

    it('at a month end in Batu: voids until the producer is settled, then refuses', async () => {
      // Both sold at 23:30 WIB on 30 November.
      const early = await sell([{ batchId: batches[0]!, quantity: 1 }])
      const late = await sell([{ batchId: batches[0]!, quantity: 3 }])
      const mixed = await sell([
        { batchId: batches[0]!, quantity: 1 },
        { batchId: batches[1]!, quantity: 1 },
      ])
      expect([early.statusCode, late.statusCode, mixed.statusCode]).toEqual([201, 201, 201])

      // 00:30 WIB on 1 December (still 30 November in UTC): November is over but not yet settled.
      now = new Date('2026-11-30T17:30:00Z')
      const voidedEarly = await post(staff, `${API}/sales/${early.json().id}/void`, {
        reason: 'Pembeli batal',
      })
      expect(voidedEarly.statusCode, voidedEarly.body).toBe(200)

      const settled = await settle(businesses[0]!)
      expect(settled.statusCode, settled.body).toBe(201)
      // 3 + 1 sold and not voided, at Rp10.000.
      expect(settled.json()).toMatchObject({ quantity: 4, grossRupiah: 40_000, payableRupiah: 36_000 })

      const before = { audits: await countAuditRows(t), stock: await remaining(batches[0]!) }
      for (const refused of [late, mixed]) {
        const response = await post(clerk, `${API}/sales/${refused.json().id}/void`, { reason: 'Terlambat' })
        expect(response.statusCode).toBe(409)
        expect(response.json()).toMatchObject({ code: 'centre.sale_month_settled' })
        expect(response.json().detail ?? response.json().title).toContain('Sari Apel Pak Darmo')
      }
      expect(await countAuditRows(t)).toBe(before.audits)
      expect(await remaining(batches[0]!)).toBe(before.stock)
      const statement = (
        await staff.request({ method: 'GET', url: `${API}/statements/2026-11/${businesses[0]}` })
      ).json()
      expect(statement.totals.grossRupiah).toBe(statement.settlement.grossRupiah)
    })

    it('a void racing the settlement of the same month: never both, and the settlement matches its lines', async () => {
      now = new Date('2026-11-30T16:45:00Z')
      const sales = await Promise.all([1, 2, 3].map(() => sell([{ batchId: batches[1]!, quantity: 1 }])))
      now = new Date('2026-11-30T17:45:00Z')
      const [voids, settlement] = await Promise.all([
        Promise.all(
          sales.map((one) => post(clerk, `${API}/sales/${one.json().id}/void`, { reason: 'Balapan' })),
        ),
        settle(businesses[1]!),
      ])
      expect(settlement.statusCode, settlement.body).toBe(201)
      for (const response of voids) expect([200, 409]).toContain(response.statusCode)
      const statement = (
        await staff.request({ method: 'GET', url: `${API}/statements/2026-11/${businesses[1]}` })
      ).json()
      // Whatever won each race, the settled totals are those of the lines still counting.
      expect(statement.settlement.grossRupiah).toBe(statement.totals.grossRupiah)
      expect(statement.settlement.quantity).toBe(statement.totals.quantity)
    })
  })

  describe('stock opname', () => {
    const count = (batch: string, payload: object, session = clerk, api = API, key?: string) =>
      post(session, `${api}/consignments/${batch}/count`, payload, key)

    it('refuses a count above what is left, a negative count or a future date, and changes nothing', async () => {
      const batch = batches[0]!
      const before = { audits: await countAuditRows(t), batch: await batchOf(batch) }
      const above = await count(batch, { counted: before.batch!.remaining + 1 })
      expect(above.statusCode).toBe(400)
      expect(above.json().errors[0]).toMatchObject({
        field: '/body/counted',
        code: 'centre.count_above_stock',
      })
      expect((await count(batch, { counted: -1 })).statusCode).toBe(400)
      expect((await count(batch, { counted: 1, countedOn: '2026-12-31' })).statusCode).toBe(400)
      expect(await countAuditRows(t)).toBe(before.audits)
      expect(await batchOf(batch)).toEqual(before.batch)
    })

    it('a matching count writes nothing but is audited; a short count is recorded as shrinkage', async () => {
      const batch = batches[0]!
      const before = (await batchOf(batch))!
      const matching = await count(batch, { counted: before.remaining })
      expect(matching.statusCode, matching.body).toBe(200)
      expect(matching.json()).toMatchObject({ expected: before.remaining, shrinkage: 0 })
      expect(await batchOf(batch)).toEqual(before)
      expect(await audits('umkm_consignment.counted', batch)).toBe(1)

      const short = await count(
        batch,
        { counted: before.remaining - 2, note: 'Opname akhir bulan' },
        clerk,
        API,
        'opname-1',
      )
      expect(short.statusCode, short.body).toBe(200)
      expect(short.json()).toMatchObject({
        expected: before.remaining,
        counted: before.remaining - 2,
        shrinkage: 2,
        batch: { remaining: before.remaining - 2, removed: before.removed + 2 },
      })
      // Retried with the same key: one shrinkage, not two.
      const retried = await count(
        batch,
        { counted: before.remaining - 2, note: 'Opname akhir bulan' },
        clerk,
        API,
        'opname-1',
      )
      expect(retried.json().shrinkage).toBe(2)
      expect(await remaining(batch)).toBe(before.remaining - 2)
      expect(await audits('umkm_consignment.counted', batch)).toBe(2)
    })

    it("keeps Palopo from counting Batu's shelf", async () => {
      const batch = batches[1]!
      const before = await batchOf(batch)
      expect((await count(batch, { counted: 0 }, palopoStaff)).statusCode).toBe(403)
      const viaOwnCity = await count(batch, { counted: 0 }, palopoStaff, PALOPO_API)
      expect(viaOwnCity.statusCode).toBe(404)
      expect(await batchOf(batch)).toEqual(before)
    })
  })
})
