import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDateOf } from '../../../platform/domain/city-time.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'

const MONTH = cityDateOf(new Date(), 'Asia/Jakarta').slice(0, 7)

describe("a bank's month report, member card and member number lookup", () => {
  let w: BankWorld
  let ayu: string
  let budi: string

  beforeAll(async () => {
    w = await createBankWorld()
    ayu = await w.addNasabah('Ayu Lestari', { rt: '2', rw: '5' })
    budi = await w.addNasabah('Budi Santoso', { rt: '3', rw: '5' })
    await w.addNasabah('Citra (belum menyetor)', { rt: '1', rw: '1' })
    await w.deposit(ayu, [
      { subMaterial: 'pet', weightGrams: 4_000 },
      { subMaterial: 'kardus', weightGrams: 10_000 },
    ])
    await w.deposit(budi, [{ subMaterial: 'pet', weightGrams: 2_000 }])
    const reversed = (await w.deposit(budi, [{ subMaterial: 'besi', weightGrams: 5_000 }])).json()
    await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, `/journals/${reversed.id}/reversal`),
      payload: { reason: 'salah catat' },
    })
    await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/sales'),
      payload: {
        buyerName: 'Pengepul',
        lines: [{ subMaterial: 'kardus', weightGrams: 4_000, pricePerKgRupiah: 1_500 }],
      },
    })
    await w.unitTeller.request({
      method: 'POST',
      url: w.url(w.unit, '/withdrawals'),
      payload: { nasabahId: ayu, amountRupiah: 2_000, method: 'cash' },
    })
  })
  afterAll(() => w.t.close())

  it('adds up deposits by material and RT/RW, active nasabah, stock value and cash', async () => {
    const response = await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/reports/${MONTH}`) })
    expect(response.statusCode).toBe(200)
    const report = response.json()
    expect(report.deposits.byMaterial).toEqual([
      { subMaterial: 'kardus', weightGrams: 10_000, amountRupiah: 11_000 },
      { subMaterial: 'pet', weightGrams: 6_000, amountRupiah: 21_000 },
    ])
    expect(report.deposits).toMatchObject({ weightGrams: 16_000, amountRupiah: 32_000 })
    expect(report.activeNasabah).toBe(2)
    expect(report.deposits.byRtRw).toEqual([
      { rw: '5', rt: '2', nasabah: 1, weightGrams: 14_000, amountRupiah: 25_000 },
      { rw: '5', rt: '3', nasabah: 1, weightGrams: 2_000, amountRupiah: 7_000 },
    ])
    expect(report.stock).toEqual([
      { subMaterial: 'kardus', grams: 6_000, pricePerKgRupiah: 1_100, valueRupiah: 6_600 },
      { subMaterial: 'pet', grams: 6_000, pricePerKgRupiah: 3_500, valueRupiah: 21_000 },
    ])
    expect(report.stockValueRupiah).toBe(27_600)
    // Sales brought Rp6.000 in; the withdrawal paid Rp2.000 out.
    expect(report.cashRupiah).toBe(4_000)
  })

  it('exports the same figures as an xlsx', async () => {
    const response = await w.unitTeller.request({
      method: 'GET',
      url: w.url(w.unit, `/reports/${MONTH}/xlsx`),
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Ringkasan',
      'Setoran per jenis',
      'Setoran per RT-RW',
      'Stok',
    ])
    const byMaterial = workbook.getWorksheet('Setoran per jenis')!
    expect(byMaterial.getRow(3).values).toEqual([undefined, 'pet', 6, 21_000])
    const summary = workbook.getWorksheet('Ringkasan')!
    expect(summary.getRow(8).values).toEqual([undefined, 'Posisi kas (Rp)', 4_000])
  })

  it('refuses the report to a teller of another bank and to a city viewer', async () => {
    expect(
      (await w.indukTeller.request({ method: 'GET', url: w.url(w.unit, `/reports/${MONTH}`) })).statusCode,
    ).toBe(403)
    expect(
      (await w.viewer.request({ method: 'GET', url: w.url(w.unit, `/reports/${MONTH}`) })).statusCode,
    ).toBe(403)
  })

  it('prints a member card as a PNG, and finds the nasabah by the number on it', async () => {
    const nasabah = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${ayu}`) })
    ).json()
    const card = await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${ayu}/card.png`) })
    expect(card.statusCode).toBe(200)
    expect(card.headers['content-type']).toBe('image/png')
    expect(card.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    expect(card.rawPayload.readUInt32BE(16)).toBe(720)
    const found = await w.unitTeller.request({
      method: 'GET',
      url: w.url(w.unit, `/nasabah/by-member/${nasabah.memberNumber}`),
    })
    expect(found.statusCode).toBe(200)
    expect(found.json()).toMatchObject({ id: ayu, name: 'Ayu Lestari', balanceRupiah: 23_000 })
  })

  it("finds no nasabah by number at another bank, and shows another bank's teller no card", async () => {
    const nasabah = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${ayu}`) })
    ).json()
    const atInduk = await w.indukTeller.request({
      method: 'GET',
      url: w.url(w.induk, `/nasabah/by-member/${nasabah.memberNumber}`),
    })
    expect(atInduk.statusCode).toBe(404)
    const card = await w.indukTeller.request({
      method: 'GET',
      url: w.url(w.unit, `/nasabah/${ayu}/card.png`),
    })
    expect(card.statusCode).toBe(403)
    const palopo = await w.palopoDlh.request({
      method: 'GET',
      url: `/api/v1/cities/73.73/bank-sampah/banks/${w.unit}/nasabah/by-member/${nasabah.memberNumber}`,
    })
    expect(palopo.statusCode).toBe(404)
  })
})
