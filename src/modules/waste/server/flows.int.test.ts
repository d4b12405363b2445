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
import { cityDateOf, nextDate } from '../../../platform/domain/city-time.ts'
import type { CityRef } from '../../../platform/server/module.ts'

const ORO_ORO_OMBO = '35.79.01.2006'
const DAY = '2026-11-02'

describe('the waste flow ledger at a TPS 3R', () => {
  let t: TestApp
  let batu: CityRef
  let dlh: Session
  let operator: Session
  let palopoDlh: Session
  let jalibar: string
  let tlekung: string
  let otherTps3r: string

  const flows = (session: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    session.request({ method: 'POST', url: '/api/v1/cities/35.79/waste/flows', payload, headers })
  const stock = async (facility: string) =>
    (
      await dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/facilities/${facility}/stock` })
    ).json()
  const grams = async (facility: string, material: string) =>
    (await stock(facility)).materials.find((m: { material: string }) => m.material === material)?.grams ?? 0
  const countFlows = async () =>
    (await dlh.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/flows?pageSize=1' })).json()
      .total as number

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    dlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    palopoDlh = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
    const create = async (payload: Record<string, unknown>) =>
      (await dlh.request({ method: 'POST', url: '/api/v1/cities/35.79/waste/facilities', payload })).json()
        .id as string
    jalibar = await create({ kind: 'tps3r', name: 'TPS3R Jalibar Berseri', villageCode: ORO_ORO_OMBO })
    tlekung = await create({ kind: 'tpa', name: 'TPA Tlekung', landfillSystem: 'controlled_landfill' })
    otherTps3r = await create({ kind: 'tps3r', name: 'TPS3R Punten' })
    operator = await signIn(
      t,
      await createTestUser(t, {
        roles: [{ city: batu, role: 'facility_operator', scopeKind: 'facility', scopeId: jalibar }],
      }),
    )
  })
  afterAll(() => t.close())

  it('records a day: intake, partial sorting, compost, a sale and residue to the TPA', async () => {
    const intake = await flows(operator, {
      kind: 'intake',
      date: DAY,
      weightGrams: 100_000,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'rumah_tangga',
      toFacilityId: jalibar,
    })
    expect(intake.statusCode).toBe(201)
    const sort = (material: string, weightGrams: number) =>
      flows(operator, {
        kind: 'sorting',
        date: DAY,
        weightGrams,
        material,
        sortedFrom: 'campuran',
        fromFacilityId: jalibar,
        toFacilityId: jalibar,
      })
    expect((await sort('plastik', 30_000)).statusCode).toBe(201)
    expect((await sort('sisa_makanan', 50_000)).statusCode).toBe(201)
    expect((await sort('lainnya', 15_000)).statusCode).toBe(201)
    // 5 kg stays unsorted: sorting may be partial.
    expect(await grams(jalibar, 'campuran')).toBe(5_000)

    const compost = await flows(operator, {
      kind: 'outcome',
      date: DAY,
      weightGrams: 40_000,
      material: 'sisa_makanan',
      outcome: 'composted',
      fromFacilityId: jalibar,
    })
    expect(compost.statusCode).toBe(201)
    const sale = await flows(operator, {
      kind: 'outcome',
      date: DAY,
      weightGrams: 12_500,
      material: 'plastik',
      subMaterial: 'pet',
      outcome: 'recycled_sold',
      pricePerKgRupiah: 3_500,
      buyerName: 'Pengepul Pak Slamet',
      fromFacilityId: jalibar,
    })
    expect(sale.json()).toMatchObject({ revenueRupiah: 43_750, buyerName: 'Pengepul Pak Slamet' })
    const residue = await flows(operator, {
      kind: 'transfer',
      date: DAY,
      weightGrams: 15_000,
      material: 'lainnya',
      fromFacilityId: jalibar,
      toFacilityId: tlekung,
    })
    expect(residue.json()).toMatchObject({ toFacility: { id: tlekung, name: 'TPA Tlekung' } })

    expect(await stock(jalibar)).toMatchObject({
      totalGrams: 5_000 + 17_500 + 10_000,
      materials: expect.arrayContaining([
        { material: 'plastik', grams: 17_500 },
        { material: 'sisa_makanan', grams: 10_000 },
      ]),
    })
    expect(await grams(tlekung, 'lainnya')).toBe(15_000)
  })

  it("sums up the operator's day: in, sorted, out, sales and what is left", async () => {
    const day = (
      await operator.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/facilities/${jalibar}/days/${DAY}`,
      })
    ).json()
    expect(day).toMatchObject({
      date: DAY,
      inGrams: 100_000,
      sortedGrams: 95_000,
      outGrams: 40_000 + 12_500 + 15_000,
      revenueRupiah: 43_750,
    })
    expect(day.lines).toContainEqual(
      expect.objectContaining({
        direction: 'out',
        outcome: 'composted',
        material: 'sisa_makanan',
        grams: 40_000,
      }),
    )
    expect(day.stockAtEndOfDay).toEqual(
      expect.arrayContaining([
        { material: 'campuran', grams: 5_000 },
        { material: 'plastik', grams: 17_500 },
      ]),
    )
  })

  it('shows the month on the facility dashboard: in, outcomes, sales and the share kept out of the TPA', async () => {
    const dashboard = (
      await dlh.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/facilities/${jalibar}/dashboard?from=2026-11-01&to=2026-11-30&granularity=month`,
      })
    ).json()
    expect(dashboard.periods).toHaveLength(1)
    expect(dashboard.totals.grams).toMatchObject({
      in: 100_000,
      composted: 40_000,
      recycled_sold: 12_500,
      to_tpa: 15_000,
    })
    expect(dashboard.totals.revenueRupiah).toBe(43_750)
    expect(dashboard.totals.keptOutOfTpaShare).toBeCloseTo(0.85)
    const empty = (
      await dlh.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/facilities/${jalibar}/dashboard?from=2025-01-01&to=2025-01-31`,
      })
    ).json()
    expect(empty.totals.keptOutOfTpaShare).toBeNull()
  })

  it('allows taking out exactly what is in stock, and refuses one gram more with 422, the figures, and nothing written', async () => {
    const before = { flows: await countFlows(), audit: await countAuditRows(t) }
    const tooMuch = await flows(operator, {
      kind: 'outcome',
      date: DAY,
      weightGrams: 10_001,
      material: 'sisa_makanan',
      outcome: 'maggot',
      fromFacilityId: jalibar,
    })
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json()).toMatchObject({
      code: 'flow.mass_balance',
      conflict: {
        facilityId: jalibar,
        material: 'sisa_makanan',
        stockGrams: 10_000,
        requestedGrams: 10_001,
        shortfallGrams: 1,
      },
    })
    expect({ flows: await countFlows(), audit: await countAuditRows(t) }).toEqual(before)
    const exact = await flows(operator, {
      kind: 'outcome',
      date: DAY,
      weightGrams: 10_000,
      material: 'sisa_makanan',
      outcome: 'maggot',
      fromFacilityId: jalibar,
    })
    expect(exact.statusCode).toBe(201)
    expect(await grams(jalibar, 'sisa_makanan')).toBe(0)
  })

  it('refuses taking out on a day before the waste came in', async () => {
    const early = await flows(operator, {
      kind: 'outcome',
      date: '2026-11-01',
      weightGrams: 1_000,
      material: 'plastik',
      outcome: 'reused',
      fromFacilityId: jalibar,
    })
    expect(early.statusCode).toBe(422)
    expect(early.json().conflict).toMatchObject({ date: '2026-11-01', stockGrams: 0 })
  })

  it('corrects by reversal: both rows stay visible, an entry is reversed once, and a used intake cannot be reversed', async () => {
    const list = (
      await dlh.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/flows?facility=${jalibar}&pageSize=100`,
      })
    ).json()
    const sale = list.items.find((f: { outcome: string }) => f.outcome === 'recycled_sold')
    const intake = list.items.find((f: { kind: string }) => f.kind === 'intake')

    const usedIntake = await operator.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/waste/flows/${intake.id}/reversal`,
      payload: {},
    })
    expect(usedIntake.statusCode).toBe(422)

    const corrected = await operator.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/waste/flows/${sale.id}/correction`,
      payload: {
        kind: 'outcome',
        date: DAY,
        weightGrams: 12_000,
        material: 'plastik',
        subMaterial: 'pet',
        outcome: 'recycled_sold',
        pricePerKgRupiah: 3_500,
        buyerName: 'Pengepul Pak Slamet',
        fromFacilityId: jalibar,
        note: 'timbangan ulang',
      },
    })
    expect(corrected.statusCode).toBe(201)
    expect(corrected.json().reversal).toMatchObject({ reverses: sale.id, weightGrams: 12_500 })
    expect(corrected.json().replacement).toMatchObject({ weightGrams: 12_000, revenueRupiah: 42_000 })
    expect(await grams(jalibar, 'plastik')).toBe(18_000)

    const again = await operator.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/waste/flows/${sale.id}/reversal`,
      payload: {},
    })
    expect(again.statusCode).toBe(409)
    const after = (
      await dlh.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/flows?facility=${jalibar}&pageSize=100`,
      })
    ).json()
    expect(
      after.items.filter(
        (f: { id: string; reverses: string | null }) => f.id === sale.id || f.reverses === sale.id,
      ),
    ).toHaveLength(2)
  })

  it('records a retried submission once, even when the retries arrive together', async () => {
    const payload = {
      kind: 'intake',
      date: DAY,
      weightGrams: 7_000,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'pasar',
      toFacilityId: jalibar,
    }
    const before = await countFlows()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => flows(operator, payload, { 'idempotency-key': 'phone-submit-77' })),
    )
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect(await countFlows()).toBe(before + 1)
  })

  it('refuses a weight of zero, a date after today in the city, and takes today in WIB by default', async () => {
    const zero = await flows(operator, {
      kind: 'intake',
      weightGrams: 0,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'pasar',
      toFacilityId: jalibar,
    })
    expect(zero.statusCode).toBe(400)
    const today = cityDateOf(new Date(), 'Asia/Jakarta')
    const tomorrow = await flows(operator, {
      kind: 'intake',
      date: nextDate(today),
      weightGrams: 1,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'pasar',
      toFacilityId: jalibar,
    })
    expect(tomorrow.json().errors[0]).toMatchObject({ field: '/body/date', code: 'flow.date_in_future' })
    const undated = await flows(operator, {
      kind: 'intake',
      weightGrams: 1,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'pasar',
      toFacilityId: jalibar,
    })
    expect(undated.json().date).toBe(today)
  })

  it('keeps an operator to their own facility', async () => {
    const elsewhere = await flows(operator, {
      kind: 'intake',
      date: DAY,
      weightGrams: 1_000,
      material: 'campuran',
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'pasar',
      toFacilityId: otherTps3r,
    })
    expect(elsewhere.statusCode).toBe(403)
    const fromTpa = await flows(operator, {
      kind: 'outcome',
      date: DAY,
      weightGrams: 1_000,
      material: 'lainnya',
      outcome: 'landfilled',
      fromFacilityId: tlekung,
    })
    expect(fromTpa.statusCode).toBe(403)
  })

  it("keeps Palopo from reading or writing Batu's ledger", async () => {
    const before = await countFlows()
    expect(
      (await palopoDlh.request({ method: 'GET', url: '/api/v1/cities/35.79/waste/flows' })).statusCode,
    ).toBe(403)
    const viaOwnCity = await palopoDlh.request({
      method: 'POST',
      url: '/api/v1/cities/73.73/waste/flows',
      payload: {
        kind: 'outcome',
        date: DAY,
        weightGrams: 1_000,
        material: 'plastik',
        outcome: 'reused',
        fromFacilityId: jalibar,
      },
    })
    expect(viaOwnCity.statusCode).toBe(400)
    expect(viaOwnCity.json().errors[0]).toMatchObject({
      field: '/body/fromFacilityId',
      code: 'facility.not_found',
    })
    expect(await countFlows()).toBe(before)
  })
})
