import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDateOf } from '../../../platform/domain/city-time.ts'
import { rowsOf } from '../../../platform/server/db/client.ts'
import { seedDemo } from '../../../platform/server/seed/demo.ts'
import { type BankWorld, createBankWorld } from '../../bank-sampah/server/bank-sampah.fixture.ts'
import { writeFlowSheet, XLSX_TYPE } from '../../waste/server/flows.spreadsheet.ts'

const API = '/api/v1/cities/35.79'
/** Batu's calendar day: from 17:00 UTC it is already tomorrow there, and flows are dated in it. */
const batuToday = () => cityDateOf(new Date(), 'Asia/Jakarta')
const KEY = `city_id, month, kind, outcome, material, from_sector, from_district_code, from_facility_id, to_facility_id`

/**
 * The balance reads the monthly roll-up `waste_flow_months`, not the ledger rows. LEDGERS.md: nothing
 * stored may disagree with the entries. These tests write through every path that adds ledger rows —
 * the demo seed, bank sampah deposits, sales and reversals, a flow, its reversal and its correction,
 * a spreadsheet import — and compare the roll-up with the ledger summed afresh, group by group.
 */
describe('the monthly roll-up of the flow ledger', () => {
  let w: BankWorld
  let tps3r: string

  const db = () => w.t.database.db
  /** Groups where the roll-up and the ledger summed now differ (none when they agree). */
  const disagreements = async () => {
    const result = await db().execute(
      sql.raw(`
      with ledger as (
        select city_id, date_trunc('month', flow_date)::date as month, kind, outcome, material, from_sector,
               left(from_village_code, 8) as from_district_code, from_facility_id, to_facility_id,
               sum(case when reverses_id is null then weight_grams else -weight_grams end) as grams
          from waste_flows group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      ),
      kept as (select ${KEY}, grams from waste_flow_months)
      (select 'ledger' as side, * from ledger where grams <> 0 except select 'ledger', * from kept where grams <> 0)
      union all
      (select 'roll-up', * from kept where grams <> 0 except select 'roll-up', * from ledger where grams <> 0)`),
    )
    return rowsOf<Record<string, unknown>>(result)
  }
  const count = async (table: string) =>
    Number(
      rowsOf<{ n: string }>(await db().execute(sql.raw(`select count(*)::text as n from ${table}`)))[0]!.n,
    )
  const flow = async (payload: Record<string, unknown>) => {
    const response = await w.dlh.request({ method: 'POST', url: `${API}/waste/flows`, payload })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }

  beforeAll(async () => {
    w = await createBankWorld()
    // The demo's waste side: facilities, the TPS 3R's sample logs, bank sampah deposits, hand-kept flows.
    const wasteModules = ['waste', 'bank-sampah', 'waste-balance']
    await seedDemo({
      ...w.t.deps,
      manifests: w.t.deps.manifests.filter((m) => wasteModules.includes(m.name)),
    })
    tps3r = (
      await w.dlh.request({
        method: 'POST',
        url: `${API}/waste/facilities`,
        payload: { kind: 'tps3r', name: 'TPS3R Uji Rekap', villageCode: '35.79.01.2006' },
      })
    ).json().id
  })
  afterAll(() => w.t.close())

  it('equals the ledger after the demo seed', async () => {
    expect(await count('waste_flows')).toBeGreaterThan(1000)
    expect(await disagreements()).toEqual([])
  })

  it('follows deposits, sales and reversals at a bank sampah', async () => {
    const ayu = await w.addNasabah('Ayu Lestari')
    const first = await w.deposit(ayu, [
      { subMaterial: 'pet', weightGrams: 10_000 },
      { subMaterial: 'kardus', weightGrams: 4_250 },
    ])
    expect(first.statusCode).toBe(201)
    const second = await w.deposit(ayu, [{ subMaterial: 'besi', weightGrams: 2_000 }])
    const sale = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/sales'),
      payload: {
        buyerName: 'Pengepul Pak Slamet',
        lines: [{ subMaterial: 'pet', weightGrams: 3_000, pricePerKgRupiah: 4_500 }],
      },
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const reversal = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, `/journals/${second.json().id}/reversal`),
      payload: { reason: 'salah timbang' },
    })
    expect(reversal.statusCode, reversal.body).toBe(201)
    expect(await disagreements()).toEqual([])
  })

  it('follows a flow, its reversal, a correction and a spreadsheet import', async () => {
    const today = batuToday()
    const intake = await flow({
      kind: 'intake',
      material: 'campuran',
      weightGrams: 500_000,
      toFacilityId: tps3r,
      fromVillageCode: '35.79.01.2006',
      fromSector: 'rumah_tangga',
    })
    const compost = await flow({
      kind: 'outcome',
      material: 'campuran',
      outcome: 'composted',
      weightGrams: 100_000,
      fromFacilityId: tps3r,
    })
    const reversed = await w.dlh.request({
      method: 'POST',
      url: `${API}/waste/flows/${compost.id}/reversal`,
      payload: { note: 'salah catat' },
    })
    expect(reversed.statusCode, reversed.body).toBe(201)
    const corrected = await w.dlh.request({
      method: 'POST',
      url: `${API}/waste/flows/${intake.id}/correction`,
      payload: {
        kind: 'intake',
        material: 'campuran',
        weightGrams: 450_000,
        toFacilityId: tps3r,
        fromVillageCode: '35.79.01.2006',
        fromSector: 'rumah_tangga',
      },
    })
    expect(corrected.statusCode, corrected.body).toBe(201)
    const file = await writeFlowSheet({
      title: 'log',
      rows: [
        {
          tanggal: today,
          jenis: 'intake',
          bahan: 'campuran',
          berat_kg: '100',
          desa_kode: '35.79.01.2006',
          sumber: 'rumah_tangga',
        },
        { tanggal: today, jenis: 'outcome', bahan: 'campuran', berat_kg: '40', hasil: 'maggot' },
        { tanggal: today, jenis: 'transfer', bahan: 'campuran', berat_kg: '60', ke_fasilitas: 'TPA Tlekung' },
      ],
    })
    const imported = await w.dlh.request({
      method: 'POST',
      url: `${API}/waste/facilities/${tps3r}/flows/import`,
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    })
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json()).toEqual({ imported: 3 })
    expect(await disagreements()).toEqual([])
  })

  it('shows a write on the balance at once: B moves by what was composted, and back on its reversal', async () => {
    const today = batuToday()
    const reduction = async () =>
      (
        await w.dlh.request({ method: 'GET', url: `${API}/waste-balance/periods/${today.slice(0, 4)}` })
      ).json().figures.reduction as number
    const before = await reduction()
    const compost = await flow({
      date: today,
      kind: 'outcome',
      material: 'campuran',
      outcome: 'composted',
      weightGrams: 70_000,
      fromFacilityId: tps3r,
    })
    expect(await reduction()).toBe(before + 70_000)
    await w.dlh.request({ method: 'POST', url: `${API}/waste/flows/${compost.id}/reversal`, payload: {} })
    expect(await reduction()).toBe(before)
  })

  it('stays equal under concurrent writers at the same facilities, without a deadlock', async () => {
    const tpa = (await w.dlh.request({ method: 'GET', url: `${API}/waste/facilities?kind=tpa` }))
      .json()
      .items.find((item: { name: string }) => item.name === 'TPA Tlekung').id as string
    const writes = Array.from({ length: 12 }, (_, n) =>
      w.dlh.request({
        method: 'POST',
        url: `${API}/waste/flows`,
        payload:
          n % 2 === 0
            ? {
                kind: 'intake',
                material: 'campuran',
                weightGrams: 10_000,
                toFacilityId: tps3r,
                fromVillageCode: '35.79.01.2006',
                fromSector: 'pasar',
              }
            : {
                kind: 'transfer',
                material: 'campuran',
                weightGrams: 10_000,
                fromFacilityId: tps3r,
                toFacilityId: tpa,
              },
      }),
    )
    const ok = (await Promise.all(writes)).map((response) => response.statusCode)
    expect(ok).toEqual(Array(12).fill(201))
    expect(await disagreements()).toEqual([])
  })

  it('takes deleted and changed rows back, and rebuilds to the same sums', async () => {
    // The ledger never deletes or updates a row; a removal of sample data would. Rows of the import only.
    const rows = await count('waste_flows')
    await db().execute(sql`
      delete from waste_flows where from_facility_id = (select id from facilities where name = 'TPS3R Uji Rekap') and outcome = 'maggot'`)
    await db().execute(sql`
      update waste_flows set weight_grams = weight_grams + 1
       where kind = 'transfer' and from_facility_id = (select id from facilities where name = 'TPS3R Uji Rekap')`)
    expect(await count('waste_flows')).toBe(rows - 1)
    expect(await disagreements()).toEqual([])
    const kept = await count('waste_flow_months')
    await db().execute(sql`update waste_flow_months set grams = grams + 7`)
    expect((await disagreements()).length).toBeGreaterThan(0)
    await db().execute(sql`select waste_flow_months_rebuild()`)
    expect(await disagreements()).toEqual([])
    expect(await count('waste_flow_months')).toBeLessThanOrEqual(kept)
  })
})
