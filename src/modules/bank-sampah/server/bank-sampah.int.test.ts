import { sql } from 'drizzle-orm'
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
import { cityDateOf, previousDate } from '../../../platform/domain/city-time.ts'
import { postgresErrorOf, rowsOf } from '../../../platform/server/db/client.ts'
import { unbalancedJournals } from './bank-sampah.repository.ts'

const TODAY = cityDateOf(new Date(), 'Asia/Jakarta')
const YESTERDAY = previousDate(TODAY)

describe('bank sampah savings', () => {
  let t: TestApp
  let dlh: Session
  let teller: Session
  let otherTeller: Session
  let viewer: Session
  let palopoDlh: Session
  let bank: string
  let otherBank: string
  let ayu: string
  const base = (bankId = bank) => `/api/v1/cities/35.79/bank-sampah/banks/${bankId}`
  const deposit = (
    session: Session,
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
    bankId = bank,
  ) => session.request({ method: 'POST', url: `${base(bankId)}/deposits`, payload, headers })
  const withdraw = (session: Session, amountRupiah: number, headers: Record<string, string> = {}) =>
    session.request({
      method: 'POST',
      url: `${base()}/withdrawals`,
      payload: { nasabahId: ayu, amountRupiah, method: 'cash' },
      headers,
    })
  const balance = async () =>
    (await teller.request({ method: 'GET', url: `${base()}/nasabah/${ayu}` })).json().balanceRupiah as number

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    dlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    palopoDlh = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    const create = async (name: string) =>
      (
        await dlh.request({
          method: 'POST',
          url: '/api/v1/cities/35.79/waste/facilities',
          payload: { kind: 'bank_sampah_unit', name, villageCode: '35.79.01.2006' },
        })
      ).json().id as string
    bank = await create('Bank Sampah Unit Oro-oro Ombo')
    otherBank = await create('Bank Sampah Unit Punten')
    const tellerOf = async (bankId: string) =>
      signIn(
        t,
        await createTestUser(t, {
          roles: [{ city: batu, role: 'bank_sampah_teller', scopeKind: 'facility', scopeId: bankId }],
        }),
      )
    teller = await tellerOf(bank)
    otherTeller = await tellerOf(otherBank)
    const price = (subMaterial: string, effectiveFrom: string, pricePerKgRupiah: number) =>
      teller.request({
        method: 'PUT',
        url: `${base()}/prices/${subMaterial}/${effectiveFrom}`,
        payload: { pricePerKgRupiah },
      })
    await price('pet', '2026-01-01', 3_000)
    await price('pet', TODAY, 3_500)
    await price('kardus', '2026-01-01', 1_100)
    await price('besi', '2026-01-01', 2_000)
    const created = await teller.request({
      method: 'POST',
      url: `${base()}/nasabah`,
      payload: {
        kind: 'person',
        name: 'Ayu Lestari',
        nik: '3579014101900001',
        phone: '081234567890',
        villageCode: '35.79.01.2006',
        rt: '2',
        rw: '5',
      },
    })
    ayu = created.json().id
  })
  afterAll(() => t.close())

  it('prices a deposit of three materials at the prices in force that day, and credits the nasabah', async () => {
    const response = await deposit(teller, {
      nasabahId: ayu,
      lines: [
        { subMaterial: 'pet', weightGrams: 2_500 },
        { subMaterial: 'kardus', weightGrams: 4_000 },
        { subMaterial: 'besi', weightGrams: 1_250 },
      ],
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ totalRupiah: 8_750 + 4_400 + 2_500 })
    expect(response.json().lines[0]).toMatchObject({
      subMaterial: 'pet',
      pricePerKgRupiah: 3_500,
      amountRupiah: 8_750,
    })
    expect(await balance()).toBe(15_650)
    const stock = (
      await dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/facilities/${bank}/stock` })
    ).json()
    expect(stock.materials).toEqual(
      expect.arrayContaining([
        { material: 'plastik', grams: 2_500 },
        { material: 'logam', grams: 1_250 },
      ]),
    )
  })

  it('uses the old price for a deposit dated the day before the price changed', async () => {
    const response = await deposit(teller, {
      nasabahId: ayu,
      date: YESTERDAY,
      lines: [{ subMaterial: 'pet', weightGrams: 1_000 }],
    })
    expect(response.json().lines[0]).toMatchObject({ pricePerKgRupiah: 3_000, amountRupiah: 3_000 })
  })

  it('refuses a material with no price in force, and a weight of zero, changing nothing', async () => {
    const before = { balance: await balance(), audit: await countAuditRows(t) }
    const noPrice = await deposit(teller, {
      nasabahId: ayu,
      lines: [{ subMaterial: 'aluminium', weightGrams: 1_000 }],
    })
    expect(noPrice.statusCode).toBe(400)
    expect(noPrice.json().errors[0]).toMatchObject({
      field: '/body/lines/0/subMaterial',
      code: 'bank.no_price',
    })
    const zero = await deposit(teller, { nasabahId: ayu, lines: [{ subMaterial: 'pet', weightGrams: 0 }] })
    expect(zero.statusCode).toBe(400)
    expect({ balance: await balance(), audit: await countAuditRows(t) }).toEqual(before)
  })

  it('refuses a withdrawal above the balance with 422 and the figures, changing nothing', async () => {
    const current = await balance()
    const refused = await withdraw(teller, current + 1)
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({
      code: 'bank.insufficient_balance',
      balanceRupiah: current,
      requestedRupiah: current + 1,
    })
    expect(await balance()).toBe(current)
  })

  it('lets fifty withdrawals at once take only what is there, and every journal balances', async () => {
    const current = await balance()
    const each = 1_000
    const responses = await Promise.all(Array.from({ length: 50 }, () => withdraw(teller, each)))
    const paid = responses.filter((r) => r.statusCode === 201).length
    expect(paid).toBe(Math.floor(current / each))
    expect(responses.filter((r) => r.statusCode === 422)).toHaveLength(50 - paid)
    expect(await balance()).toBe(current - paid * each)
    const statement = (
      await teller.request({ method: 'GET', url: `${base()}/nasabah/${ayu}/statement` })
    ).json()
    expect(
      statement.entries.reduce((sum: number, e: { amountRupiah: number }) => sum + e.amountRupiah, 0),
    ).toBe(statement.balanceRupiah)
    expect(statement.balanceRupiah).toBe(await balance())
    expect(await unbalancedJournals(t.database.db)).toEqual([])
  })

  it('records the same deposit sent ten times with one Idempotency-Key once', async () => {
    const before = await balance()
    const payload = { nasabahId: ayu, lines: [{ subMaterial: 'kardus', weightGrams: 1_000 }] }
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => deposit(teller, payload, { 'idempotency-key': 'setoran-ayu-001' })),
    )
    expect(responses.every((r) => r.statusCode === 201)).toBe(true)
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    // The key is looked up inside the write's transaction: nine twins answer with the first's receipt.
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9)
    expect(await balance()).toBe(before + 1_100)

    const later = await deposit(teller, payload, { 'idempotency-key': 'setoran-ayu-001' })
    expect(later.statusCode).toBe(201)
    expect(later.headers['idempotent-replayed']).toBe('true')
    expect(later.json()).toEqual(responses[0]!.json())
    const otherBody = await deposit(
      teller,
      { ...payload, lines: [{ subMaterial: 'kardus', weightGrams: 2_000 }] },
      { 'idempotency-key': 'setoran-ayu-001' },
    )
    expect(otherBody.statusCode).toBe(422)
    expect(otherBody.json().code).toBe('idempotency.key_reused')
    expect(await balance()).toBe(before + 1_100)
  })

  it('pays a withdrawal retried after its answer was lost once, with the same answer', async () => {
    const before = await balance()
    const first = await withdraw(teller, before, { 'idempotency-key': 'tarik-ayu-semua-001' })
    expect(first.statusCode).toBe(201)
    // The retry is not refused for the balance the first one paid out: it is the first one.
    const retry = await withdraw(teller, before, { 'idempotency-key': 'tarik-ayu-semua-001' })
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
    expect(await balance()).toBe(0)
  })

  it('refuses a teller of one bank posting to another bank', async () => {
    const before = await countAuditRows(t)
    const other = await deposit(otherTeller, {
      nasabahId: ayu,
      lines: [{ subMaterial: 'pet', weightGrams: 1_000 }],
    })
    expect(other.statusCode).toBe(403)
    expect(await countAuditRows(t)).toBe(before)
  })

  it('refuses a nasabah living in a desa of another city', async () => {
    const response = await teller.request({
      method: 'POST',
      url: `${base()}/nasabah`,
      payload: { kind: 'person', name: 'Warga Palopo', villageCode: '73.73.04.1003' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({
      field: '/body/villageCode',
      code: 'facility.village_not_in_city',
    })
  })

  it("masks a nasabah's NIK and phone for people who are not tellers of the bank", async () => {
    const seen = (await viewer.request({ method: 'GET', url: `${base()}/nasabah/${ayu}` })).json()
    expect(seen).toMatchObject({ nik: '3579********0001', name: 'A** L*****' })
    expect(JSON.stringify(seen)).not.toContain('081234567890')
    const full = (await teller.request({ method: 'GET', url: `${base()}/nasabah/${ayu}` })).json()
    expect(full).toMatchObject({ nik: '3579014101900001', name: 'Ayu Lestari' })
  })

  it("keeps Palopo away from Batu's bank sampah", async () => {
    expect((await palopoDlh.request({ method: 'GET', url: `${base()}/nasabah/${ayu}` })).statusCode).toBe(403)
    const viaOwnCity = await palopoDlh.request({
      method: 'GET',
      url: `/api/v1/cities/73.73/bank-sampah/banks/${bank}/nasabah/${ayu}`,
    })
    expect(viaOwnCity.statusCode).toBe(404)
  })

  it("has PostgreSQL refuse a posting or a line filed under another city than its journal's", async () => {
    const row = async (text: string) =>
      rowsOf<Record<string, number>>(await t.database.db.execute(sql.raw(text)))[0]!
    const { journal_id, account_id, city_id } = await row(
      `select p.journal_id, p.account_id, p.city_id from bank_sampah_postings p
        join bank_sampah_journals j on j.id = p.journal_id where j.kind = 'deposit' limit 1`,
    )
    const { id: otherCity } = await row(`select id from cities where code = '73.73'`)
    const before = await row('select count(*)::int as n from bank_sampah_postings')
    const refused = async (text: string) =>
      postgresErrorOf(
        await t.database.db.execute(sql.raw(text)).then(
          () => null,
          (reason: unknown) => reason,
        ),
      )?.code
    // 23503: foreign_key_violation. The ids exist; only the city disagrees.
    expect(
      await refused(
        `insert into bank_sampah_postings (city_id, journal_id, account_id, amount_rupiah)
         values (${otherCity}, ${journal_id}, ${account_id}, 0)`,
      ),
    ).toBe('23503')
    expect(
      await refused(
        `insert into bank_sampah_deposit_lines (city_id, journal_id, sub_material, weight_grams,
           price_per_kg_rupiah, amount_rupiah, flow_public_id)
         values (${otherCity}, ${journal_id}, 'pet', 1000, 0, 0, 'x')`,
      ),
    ).toBe('23503')
    // Nor an account of another city under this city's journal.
    const { id: palopoAccount } = await row(
      `insert into bank_sampah_accounts (city_id, bank_facility_id, kind) values (${otherCity}, 0, 'cash')
       returning id`,
    )
    expect(
      await refused(
        `insert into bank_sampah_postings (city_id, journal_id, account_id, amount_rupiah)
         values (${city_id}, ${journal_id}, ${palopoAccount}, 0)`,
      ),
    ).toBe('23503')
    expect(await row('select count(*)::int as n from bank_sampah_postings')).toEqual(before)
  })
})
