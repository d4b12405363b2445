import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countAuditRows } from '../../../../test/support/test-app.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'
import { unbalancedJournals } from './bank-sampah.repository.ts'

describe('bank sampah sales, transfers to the induk and reversals', () => {
  let w: BankWorld
  let ayu: string
  const stockOf = async (bankId: string) =>
    Object.fromEntries(
      (await w.dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/facilities/${bankId}/stock` }))
        .json()
        .materials.map((row: { material: string; grams: number }) => [row.material, row.grams]),
    ) as Record<string, number>
  const sell = (lines: unknown[], headers: Record<string, string> = {}) =>
    w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/sales'),
      payload: { buyerName: 'Pengepul Pak Slamet', lines },
      headers,
    })
  const reverse = (journalId: string, session = w.unitTeller) =>
    session.request({
      method: 'POST',
      url: w.url(w.unit, `/journals/${journalId}/reversal`),
      payload: { reason: 'salah timbang' },
    })
  const balanceOf = async (nasabahId: string) =>
    (await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${nasabahId}`) })).json()
      .balanceRupiah as number

  beforeAll(async () => {
    w = await createBankWorld()
    ayu = await w.addNasabah('Ayu Lestari')
    const response = await w.deposit(ayu, [
      { subMaterial: 'pet', weightGrams: 10_000 },
      { subMaterial: 'besi', weightGrams: 4_000 },
    ])
    expect(response.statusCode).toBe(201)
  })
  afterAll(() => w.t.close())

  it('sells to a pengepul within the stock: cash in against sales, the waste leaves as sold', async () => {
    const before = await stockOf(w.unit)
    const response = await sell([{ subMaterial: 'pet', weightGrams: 3_000, pricePerKgRupiah: 4_500 }])
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind: 'sale', totalRupiah: 13_500 })
    expect((await stockOf(w.unit)).plastik).toBe(before.plastik! - 3_000)
    const flows = (
      await w.dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/flows?facilityId=${w.unit}` })
    ).json()
    expect(JSON.stringify(flows)).toContain('recycled_sold')
    expect(await unbalancedJournals(w.t.database.db)).toEqual([])
  })

  it('refuses a sale above the stock, naming the material in Indonesian and English, writing nothing', async () => {
    const before = { stock: await stockOf(w.unit), audit: await countAuditRows(w.t) }
    const lines = [
      { subMaterial: 'besi', weightGrams: 1_000, pricePerKgRupiah: 2_500 },
      { subMaterial: 'pet', weightGrams: 7_001, pricePerKgRupiah: 4_500 },
    ]
    const refused = await sell(lines)
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({
      code: 'bank.insufficient_stock',
      conflict: { subMaterial: 'pet', stockGrams: 7_000, requestedGrams: 7_001 },
    })
    expect(refused.json().detail ?? refused.json().title).toContain('pet')
    const english = await sell(lines, { 'accept-language': 'en' })
    expect(JSON.stringify(english.json())).toContain('Not enough pet in stock')
    expect({ stock: await stockOf(w.unit), audit: await countAuditRows(w.t) }).toEqual(before)
  })

  it('lets only as many sales at once through as the stock covers', async () => {
    // 4 kg of besi in stock: of ten sales of 1.5 kg at once, two fit.
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        sell([{ subMaterial: 'besi', weightGrams: 1_500, pricePerKgRupiah: 2_000 }]),
      ),
    )
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(2)
    expect(responses.filter((r) => r.statusCode === 422)).toHaveLength(8)
    expect((await stockOf(w.unit)).logam).toBe(1_000)
  })

  it('records a sale sent five times with one Idempotency-Key once', async () => {
    const lines = [{ subMaterial: 'pet', weightGrams: 500, pricePerKgRupiah: 4_000 }]
    const before = (await stockOf(w.unit)).plastik!
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => sell(lines, { 'idempotency-key': 'jual-pet-001' })),
    )
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect((await stockOf(w.unit)).plastik).toBe(before - 500)
  })

  it("hands recyclables to the induk: the unit's stock falls and the induk's rises", async () => {
    // A transfer is priced at the induk's buying price: the unit's teller cannot set it.
    await w.indukTeller.request({
      method: 'PUT',
      url: w.url(w.induk, '/prices/pet/2026-01-01'),
      payload: { pricePerKgRupiah: 4_000 },
    })
    const wrongPrice = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/transfers'),
      payload: { lines: [{ subMaterial: 'pet', weightGrams: 2_000, pricePerKgRupiah: 9_000 }] },
    })
    expect(wrongPrice.statusCode).toBe(400)
    expect(wrongPrice.body).toContain('Rp4.000/kg')
    const before = { unit: await stockOf(w.unit), induk: await stockOf(w.induk) }
    const response = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/transfers'),
      payload: { lines: [{ subMaterial: 'pet', weightGrams: 2_000, pricePerKgRupiah: 4_000 }] },
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind: 'transfer', totalRupiah: 8_000, indukId: w.induk })
    expect((await stockOf(w.unit)).plastik).toBe(before.unit.plastik! - 2_000)
    expect((await stockOf(w.induk)).plastik).toBe((before.induk.plastik ?? 0) + 2_000)
    // The induk can now sell what it received, and no more.
    const indukSale = (grams: number) =>
      w.indukTeller.request({
        method: 'POST',
        url: w.url(w.induk, '/sales'),
        payload: {
          buyerName: 'CV Daur Ulang',
          lines: [{ subMaterial: 'pet', weightGrams: grams, pricePerKgRupiah: 5_000 }],
        },
      })
    expect((await indukSale(2_001)).statusCode).toBe(422)
    expect((await indukSale(2_000)).statusCode).toBe(201)
    expect(await unbalancedJournals(w.t.database.db)).toEqual([])
  })

  it('refuses a transfer from an induk, and a teller of one bank posting to another', async () => {
    const fromInduk = await w.indukTeller.request({
      method: 'POST',
      url: w.url(w.induk, '/transfers'),
      payload: { lines: [{ subMaterial: 'pet', weightGrams: 1, pricePerKgRupiah: 1 }] },
    })
    expect(fromInduk.statusCode).toBe(422)
    expect(fromInduk.json().code).toBe('bank.no_induk')
    const before = await countAuditRows(w.t)
    const otherBank = await w.indukTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/sales'),
      payload: {
        buyerName: 'Pengepul',
        lines: [{ subMaterial: 'pet', weightGrams: 1, pricePerKgRupiah: 1 }],
      },
    })
    expect(otherBank.statusCode).toBe(403)
    expect(await countAuditRows(w.t)).toBe(before)
  })

  it('reverses a deposit once: the savings and the stock go back, the flow ledger is compensated', async () => {
    const budi = await w.addNasabah('Budi Santoso')
    const deposited = (await w.deposit(budi, [{ subMaterial: 'kardus', weightGrams: 2_000 }])).json()
    const before = await stockOf(w.unit)
    expect(await balanceOf(budi)).toBe(2_200)
    const reversed = await reverse(deposited.id as string)
    expect(reversed.statusCode).toBe(201)
    expect(reversed.json()).toMatchObject({ reversesId: deposited.id, balanceAfterRupiah: 0 })
    expect(await balanceOf(budi)).toBe(0)
    expect((await stockOf(w.unit)).kertas_karton ?? 0).toBe(before.kertas_karton! - 2_000)
    const statement = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${budi}/statement`) })
    ).json()
    expect(statement.entries.map((e: { kind: string }) => e.kind)).toEqual(['deposit', 'reversal'])

    const auditBefore = await countAuditRows(w.t)
    const twice = await reverse(deposited.id as string)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('bank.already_reversed')
    expect((await reverse(deposited.id as string, w.indukTeller)).statusCode).toBe(403)
    expect(await countAuditRows(w.t)).toBe(auditBefore)
    expect(await unbalancedJournals(w.t.database.db)).toEqual([])
  })

  it('lets two reversals of one journal at once through only once', async () => {
    const citra = await w.addNasabah('Citra')
    const deposited = (await w.deposit(citra, [{ subMaterial: 'kardus', weightGrams: 1_000 }])).json()
    const responses = await Promise.all([reverse(deposited.id as string), reverse(deposited.id as string)])
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409])
  })

  it('refuses to reverse a deposit already paid out, or whose waste was sold, changing nothing', async () => {
    const dewi = await w.addNasabah('Dewi')
    const deposited = (await w.deposit(dewi, [{ subMaterial: 'kardus', weightGrams: 10_000 }])).json()
    await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/withdrawals'),
      payload: { nasabahId: dewi, amountRupiah: 5_000, method: 'cash' },
    })
    const before = { balance: await balanceOf(dewi), audit: await countAuditRows(w.t) }
    const overdraws = await reverse(deposited.id as string)
    expect(overdraws.statusCode).toBe(422)
    expect(overdraws.json()).toMatchObject({ code: 'bank.reversal_overdraws', balanceRupiah: 6_000 })
    expect({ balance: await balanceOf(dewi), audit: await countAuditRows(w.t) }).toEqual(before)

    const eko = await w.addNasabah('Eko')
    const sold = (await w.deposit(eko, [{ subMaterial: 'besi', weightGrams: 1_000 }])).json()
    const stock = await stockOf(w.unit)
    expect(
      (await sell([{ subMaterial: 'besi', weightGrams: stock.logam!, pricePerKgRupiah: 2_000 }])).statusCode,
    ).toBe(201)
    const refused = await reverse(sold.id as string)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('bank.insufficient_stock')
    expect(await balanceOf(eko)).toBe(2_000)
  })

  it('reverses a withdrawal, giving the savings back, and refuses to reverse a sale or a reversal', async () => {
    const fajar = await w.addNasabah('Fajar')
    await w.deposit(fajar, [{ subMaterial: 'kardus', weightGrams: 5_000 }])
    const paid = (
      await w.unitTeller.request({
        method: 'POST',
        url: w.url(w.unit, '/withdrawals'),
        payload: { nasabahId: fajar, amountRupiah: 5_500, method: 'cash' },
      })
    ).json()
    expect(await balanceOf(fajar)).toBe(0)
    const reversal = await reverse(paid.id as string)
    expect(reversal.statusCode).toBe(201)
    expect(await balanceOf(fajar)).toBe(5_500)
    expect((await reverse(reversal.json().id as string)).json().code).toBe('bank.not_reversible')
    const sale = (await sell([{ subMaterial: 'kardus', weightGrams: 100, pricePerKgRupiah: 1_000 }])).json()
    const refused = await reverse(sale.id as string)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('bank.not_reversible')
    expect(await unbalancedJournals(w.t.database.db)).toEqual([])
  })
})
