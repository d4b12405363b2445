import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDateOf } from '../../../platform/domain/city-time.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'
import { unbalancedJournals } from './bank-sampah.repository.ts'

/**
 * A busy counter: deposits (which take no exclusive lock), withdrawals, sales, a transfer to the
 * induk and reversals, all at once at one bank. On PostgreSQL they really overlap; whatever the
 * interleaving, nothing deadlocks, no savings or stock goes below zero, and the two ledgers agree.
 */
describe('a bank sampah counter under concurrent writes', () => {
  let w: BankWorld
  const nasabah: string[] = []
  const deposited: string[] = []
  const stockOf = async (bankId: string) =>
    Object.fromEntries(
      (await w.dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/facilities/${bankId}/stock` }))
        .json()
        .materials.map((row: { material: string; grams: number }) => [row.material, row.grams]),
    ) as Record<string, number>
  const post = (path: string, payload: Record<string, unknown>) =>
    w.unitTeller.request({ method: 'POST', url: w.url(w.unit, path), payload })
  const statementOf = async (nasabahId: string) =>
    (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${nasabahId}/statement`) })
    ).json()

  beforeAll(async () => {
    w = await createBankWorld()
    await w.indukTeller.request({
      method: 'PUT',
      url: w.url(w.induk, '/prices/pet/2026-01-01'),
      payload: { pricePerKgRupiah: 4_000 },
    })
    for (const name of ['Ayu', 'Budi', 'Citra']) {
      const id = await w.addNasabah(name)
      nasabah.push(id)
      const response = await w.deposit(id, [
        { subMaterial: 'pet', weightGrams: 2_000 },
        { subMaterial: 'besi', weightGrams: 1_000 },
      ])
      expect(response.statusCode).toBe(201)
      deposited.push(response.json().id as string)
    }
  })
  afterAll(() => w.t.close())

  it('keeps both ledgers exact with deposits, withdrawals, sales, a transfer and reversals at once', async () => {
    const writes = [
      ...Array.from({ length: 24 }, (_, n) =>
        w.deposit(nasabah[n % 3]!, [
          { subMaterial: 'pet', weightGrams: 500 + n },
          { subMaterial: 'kardus', weightGrams: 1_000 },
          { subMaterial: 'besi', weightGrams: 250 },
        ]),
      ),
      ...Array.from({ length: 9 }, (_, n) =>
        post('/withdrawals', { nasabahId: nasabah[n % 3], amountRupiah: 3_000, method: 'cash' }),
      ),
      ...Array.from({ length: 6 }, () =>
        post('/sales', {
          buyerName: 'Pengepul',
          lines: [{ subMaterial: 'besi', weightGrams: 1_200, pricePerKgRupiah: 2_500 }],
        }),
      ),
      post('/transfers', { lines: [{ subMaterial: 'pet', weightGrams: 3_000, pricePerKgRupiah: 4_000 }] }),
      ...deposited.map((journalId) => post(`/journals/${journalId}/reversal`, { reason: 'salah timbang' })),
    ]
    const responses = await Promise.all(writes)
    // 201, or a refusal that names its reason (not enough savings or stock): never a 500 or a deadlock.
    for (const response of responses) expect([201, 409, 422]).toContain(response.statusCode)
    expect(responses.slice(0, 24).every((response) => response.statusCode === 201)).toBe(true)

    expect(await unbalancedJournals(w.t.database.db)).toEqual([])
    // Each nasabah holds exactly what was credited to them and not paid out or taken back.
    const expected = nasabah.map(() => 9_000)
    responses.slice(0, 24).forEach((response, n) => {
      expected[n % 3]! += response.json().totalRupiah as number
    })
    responses.slice(24, 33).forEach((response, n) => {
      if (response.statusCode === 201) expected[n % 3]! -= 3_000
    })
    responses.slice(40).forEach((response, n) => {
      if (response.statusCode === 201) expected[n]! -= 9_000
    })
    for (const [index, id] of nasabah.entries()) {
      const statement = await statementOf(id)
      expect(statement.balanceRupiah).toBe(expected[index])
      expect(statement.balanceRupiah).toBeGreaterThanOrEqual(0)
      expect(
        statement.entries.reduce(
          (sum: number, entry: { amountRupiah: number }) => sum + entry.amountRupiah,
          0,
        ),
      ).toBe(statement.balanceRupiah)
    }
    // The bank's stock by sub-material, from its own lines, is the flow ledger's in − out.
    // Deposits are dated in the city's day (WIB), which from 17:00 UTC is tomorrow's.
    const month = cityDateOf(new Date(), 'Asia/Jakarta').slice(0, 7)
    const report = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/reports/${month}`) })
    ).json()
    const category: Record<string, string> = { pet: 'plastik', kardus: 'kertas_karton', besi: 'logam' }
    const byCategory: Record<string, number> = {}
    for (const row of report.stock as { subMaterial: string; grams: number }[]) {
      expect(row.grams).toBeGreaterThanOrEqual(0)
      const material = category[row.subMaterial]!
      byCategory[material] = (byCategory[material] ?? 0) + row.grams
    }
    const flows = await stockOf(w.unit)
    for (const material of Object.values(category)) {
      expect(flows[material] ?? 0).toBe(byCategory[material] ?? 0)
    }
  })
})
