import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countAuditRows } from '../../../../test/support/test-app.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'

describe("a unit following its induk's prices", () => {
  let w: BankWorld
  let nasabah: string
  const setPrice = (session: BankWorld['unitTeller'], bank: string, pricePerKgRupiah: number) =>
    session.request({
      method: 'PUT',
      url: w.url(bank, '/prices/hdpe/2026-01-01'),
      payload: { pricePerKgRupiah },
    })
  const hdpeAtUnit = async () =>
    (
      (await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, '/prices') })).json() as {
        subMaterial: string
        pricePerKgRupiah: number
        source: string
      }[]
    ).filter((row) => row.subMaterial === 'hdpe')

  beforeAll(async () => {
    w = await createBankWorld()
    nasabah = await w.addNasabah('Ibu Harga')
  })
  afterAll(() => w?.t.close())

  it('refuses a material neither the unit nor its induk prices', async () => {
    const refused = await w.deposit(nasabah, [{ subMaterial: 'hdpe', weightGrams: 1000 }])
    expect(refused.statusCode).toBe(400)
    expect(await hdpeAtUnit()).toEqual([])
  })

  it("deposits at the induk's price where the unit has none, and at its own once it sets one", async () => {
    expect((await setPrice(w.indukTeller, w.induk, 4_000)).statusCode).toBe(200)
    expect(await hdpeAtUnit()).toEqual([
      expect.objectContaining({ pricePerKgRupiah: 4_000, source: 'induk' }),
    ])
    const atInduk = await w.deposit(nasabah, [{ subMaterial: 'hdpe', weightGrams: 2_000 }])
    expect(atInduk.statusCode).toBe(201)
    expect(atInduk.json().lines).toEqual([
      expect.objectContaining({ pricePerKgRupiah: 4_000, amountRupiah: 8_000 }),
    ])

    expect((await setPrice(w.unitTeller, w.unit, 4_200)).statusCode).toBe(200)
    expect(await hdpeAtUnit()).toEqual([expect.objectContaining({ pricePerKgRupiah: 4_200, source: 'own' })])
    const own = await w.deposit(nasabah, [{ subMaterial: 'hdpe', weightGrams: 1_000 }])
    expect(own.json().lines).toEqual([expect.objectContaining({ pricePerKgRupiah: 4_200 })])
  })

  it("never lets the unit's teller change the induk's prices", async () => {
    expect((await setPrice(w.unitTeller, w.induk, 1)).statusCode).toBe(403)
  })

  it("keeps the waste ledger's own correction away from a deposit's flow", async () => {
    const flows = await w.dlh.request({
      method: 'GET',
      url: `/api/v1/cities/35.79/waste/flows?facility=${w.unit}`,
    })
    const intake = (flows.json().items as { id: string; kind: string }[]).find(
      (flow) => flow.kind === 'intake',
    )!
    const reversal = await w.dlh.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/waste/flows/${intake.id}/reversal`,
      payload: {},
    })
    expect(reversal.statusCode).toBe(409)
    expect(reversal.json().code).toBe('flow.recorded_by_module')
    expect(reversal.body).toContain('bank-sampah')
  })
})

/** The deposit reads its bank in the same statement as the nasabah: a wrong bank is still refused. */
describe('a deposit at a facility that is not a bank sampah', () => {
  let w: BankWorld
  let nasabah: string
  beforeAll(async () => {
    w = await createBankWorld()
    nasabah = await w.addNasabah('Ibu Setor')
  })
  afterAll(() => w?.t.close())

  const depositAt = (bankId: string) =>
    w.dlh.request({
      method: 'POST',
      url: w.url(bankId, '/deposits'),
      payload: { nasabahId: nasabah, lines: [{ subMaterial: 'pet', weightGrams: 1_000 }] },
      headers: { 'accept-language': 'id' },
    })

  it('refuses a TPS 3R, an unknown facility and a nasabah of another bank in words, and records nothing', async () => {
    const before = await countAuditRows(w.t)
    const tps3r = (
      await w.dlh.request({
        method: 'POST',
        url: '/api/v1/cities/35.79/waste/facilities',
        payload: { kind: 'tps3r', name: 'TPS3R Uji Setoran', villageCode: '35.79.01.2006' },
      })
    ).json().id as string
    const afterFacility = await countAuditRows(w.t)
    expect(afterFacility).toBe(before + 1)

    const notABank = await depositAt(tps3r)
    expect(notABank.statusCode).toBe(404)
    expect(notABank.json()).toMatchObject({
      code: 'bank.not_a_bank',
      detail: 'Fasilitas ini bukan bank sampah.',
    })

    const unknown = await depositAt('AAAAAAAAAAAA')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'facility.not_found', detail: 'Fasilitas tidak ditemukan.' })

    // The nasabah belongs to the unit: at the induk there is no such nasabah.
    const elsewhere = await depositAt(w.induk)
    expect(elsewhere.statusCode).toBe(404)
    expect(elsewhere.json()).toMatchObject({ code: 'nasabah.not_found' })

    expect(await countAuditRows(w.t)).toBe(afterFacility)
    const passbook = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${nasabah}`) })
    ).json()
    expect(passbook.balanceRupiah).toBe(0)
  })
})
