import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDateOf } from '../../../platform/domain/city-time.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'

/** A teller who reloads the page, or comes back another day, prints the same struk again. */
describe('deposit receipts, read back for a reprint', () => {
  let w: BankWorld
  let ayu: string
  let budi: string
  let counter: Record<string, unknown>
  const receipt = (journalId: string, session = w.unitTeller, bankId = w.unit) =>
    session.request({ method: 'GET', url: w.url(bankId, `/deposits/${journalId}`) })

  beforeAll(async () => {
    w = await createBankWorld()
    ayu = await w.addNasabah('Ayu Lestari', { nik: '3579014101900001' })
    budi = await w.addNasabah('Budi Santoso')
    const response = await w.deposit(ayu, [
      { subMaterial: 'pet', weightGrams: 2_500 },
      { subMaterial: 'kardus', weightGrams: 4_000 },
    ])
    expect(response.statusCode).toBe(201)
    counter = response.json()
  })
  afterAll(() => w.t.close())

  it('answers the counter and the reprint with the same receipt: lines, nasabah, teller, time in WIB', async () => {
    const memberNumber = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${ayu}`) })
    ).json().memberNumber
    expect(counter).toMatchObject({
      date: cityDateOf(new Date(), 'Asia/Jakarta'),
      totalRupiah: 8_750 + 4_400,
      lines: [
        { subMaterial: 'pet', weightGrams: 2_500, pricePerKgRupiah: 3_500, amountRupiah: 8_750 },
        { subMaterial: 'kardus', weightGrams: 4_000, pricePerKgRupiah: 1_100, amountRupiah: 4_400 },
      ],
      nasabah: { id: ayu, name: 'Ayu Lestari', memberNumber },
      teller: `Test ${w.unitTellerUser.username}`,
      timezone: 'WIB',
      reversal: null,
    })
    expect(counter.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
    expect(Math.abs(Date.parse(counter.recordedAt as string) - Date.now())).toBeLessThan(60_000)

    const reprint = await receipt(counter.id as string)
    expect(reprint.statusCode).toBe(200)
    expect(reprint.json()).toEqual(counter)
    // Dinas LH may reprint for any bank of the city.
    expect((await receipt(counter.id as string, w.dlh)).json()).toEqual(counter)
  })

  it('keeps the price copied on the line when the price list changes later', async () => {
    const today = cityDateOf(new Date(), 'Asia/Jakarta')
    const raised = await w.unitTeller.request({
      method: 'PUT',
      url: w.url(w.unit, `/prices/pet/${today}`),
      payload: { pricePerKgRupiah: 9_000 },
    })
    expect(raised.statusCode).toBe(200)
    const reprint = (await receipt(counter.id as string)).json()
    expect(reprint.lines[0]).toMatchObject({
      subMaterial: 'pet',
      pricePerKgRupiah: 3_500,
      amountRupiah: 8_750,
    })
    expect(reprint.totalRupiah).toBe(13_150)
  })

  it('says so when the deposit was reversed', async () => {
    const deposited = (await w.deposit(budi, [{ subMaterial: 'besi', weightGrams: 1_000 }])).json()
    const reversed = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, `/journals/${deposited.id}/reversal`),
      payload: { reason: 'salah timbang' },
    })
    expect(reversed.statusCode).toBe(201)
    const reprint = (await receipt(deposited.id as string)).json()
    expect(reprint.reversal).toEqual({ id: reversed.json().id, date: reversed.json().date })
    expect(reprint.totalRupiah).toBe(2_000)
  })

  it("refuses another bank's teller (403) and does not find a deposit through another bank (404)", async () => {
    const other = await receipt(counter.id as string, w.indukTeller)
    expect(other.statusCode).toBe(403)
    expect(JSON.stringify(other.json())).not.toContain('Ayu')
    const throughInduk = await receipt(counter.id as string, w.indukTeller, w.induk)
    expect(throughInduk.statusCode).toBe(404)
    expect(throughInduk.json().code).toBe('bank.journal_not_found')
    // A city viewer sees reports, not counter paper.
    expect((await receipt(counter.id as string, w.viewer)).statusCode).toBe(403)
  })

  it('finds only deposits: a withdrawal or an unknown id is not a receipt', async () => {
    const withdrawal = await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/withdrawals'),
      payload: { nasabahId: ayu, amountRupiah: 1_000, method: 'cash' },
    })
    expect(withdrawal.statusCode).toBe(201)
    expect((await receipt(withdrawal.json().id)).statusCode).toBe(404)
    expect((await receipt('AAAAAAAAAAAA')).statusCode).toBe(404)
  })

  it("keeps another city out: Palopo's staff cannot read Batu's receipt, not even through a Palopo bank", async () => {
    const batuUrl = w.url(w.unit, `/deposits/${counter.id}`)
    const direct = await w.palopoDlh.request({ method: 'GET', url: batuUrl })
    expect(direct.statusCode).toBe(403)
    expect(JSON.stringify(direct.json())).not.toContain('Ayu')
    const palopoBank = (
      await w.palopoDlh.request({
        method: 'POST',
        url: '/api/v1/cities/73.73/waste/facilities',
        payload: { kind: 'bank_sampah_unit', name: 'Bank Sampah Unit Wara', villageCode: '73.73.01.1001' },
      })
    ).json().id as string
    const through = await w.palopoDlh.request({
      method: 'GET',
      url: `/api/v1/cities/73.73/bank-sampah/banks/${palopoBank}/deposits/${counter.id}`,
    })
    expect(through.statusCode).toBe(404)
  })

  it("gives a nasabah's own session no receipts: staff routes answer it 401", async () => {
    const memberNumber = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${budi}`) })
    ).json().memberNumber
    await w.unitTeller.request({
      method: 'PUT',
      url: w.url(w.unit, `/nasabah/${budi}/pin`),
      payload: { pin: '270419' },
    })
    const login = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '35.79', memberNumber, pin: '270419' },
    })
    expect(login.statusCode).toBe(204)
    const cookie = login.cookies.find((c) => c.name === 'sinergi_nasabah')!
    const read = await w.t.app.inject({
      method: 'GET',
      url: w.url(w.unit, `/deposits/${counter.id}`),
      headers: { cookie: `sinergi_nasabah=${cookie.value}` },
    })
    expect(read.statusCode).toBe(401)
    expect(read.body).not.toContain('Ayu')
  })
})
