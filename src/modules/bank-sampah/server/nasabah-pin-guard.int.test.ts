import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../../../../test/support/test-app.ts'
import { auditLog } from '../../../platform/server/audit/audit.tables.ts'
import { hashPassword } from '../../../platform/server/auth/password.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'
import { nasabah } from './bank-sampah.tables.ts'

/*
 * Guessing PINs across many member numbers, and guessing them offline from a copy of the
 * database: the two attacks the per-member lock does not stop.
 */
const MINUTE = 60_000

describe('a city-wide budget of wrong PINs', () => {
  let w: BankWorld
  let now = new Date('2026-11-28T08:00:00Z')
  const members: string[] = []
  const login = (memberNumber: string, pin: string) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '35.79', memberNumber, pin },
    })
  const pausedAudits = async () =>
    w.t.database.db.select().from(auditLog).where(eq(auditLog.action, 'nasabah.pin_sign_in_paused'))

  beforeAll(async () => {
    // Three wrong PINs a city per 15 minutes; five per member, as by default.
    const t = await createTestApp({ pinFailuresPerCity: 3, loginLockMinutes: 15 }, { clock: () => now })
    w = await createBankWorld(t)
    for (const name of ['Ayu', 'Budi', 'Citra', 'Dewi']) {
      const id = await w.addNasabah(name)
      const pin = await w.unitTeller.request({
        method: 'PUT',
        url: w.url(w.unit, `/nasabah/${id}/pin`),
        payload: { pin: '582046' },
      })
      expect(pin.statusCode).toBe(204)
      const found = await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${id}`) })
      members.push(found.json().memberNumber)
    }
  })
  afterAll(() => w.t.close())

  it('pauses PIN sign-in in the city after the budget, even for a right PIN, and says so in both languages', async () => {
    // One guess on each of three members: no member is anywhere near its own lock.
    for (const member of members.slice(0, 3)) expect((await login(member, '111119')).statusCode).toBe(401)
    const paused = await login(members[3]!, '582046')
    expect(paused.statusCode).toBe(429)
    expect(paused.json()).toMatchObject({ code: 'nasabah.sign_in_paused' })
    expect(paused.json().detail ?? paused.json().title).toMatch(/ditahan sementara.*15 menit/)
    const english = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '35.79', memberNumber: members[3], pin: '582046' },
      headers: { 'accept-language': 'en' },
    })
    expect(JSON.stringify(english.json())).toContain('PIN sign-in in this city is paused')
    expect(paused.cookies.find((c) => c.name === 'sinergi_nasabah')).toBeUndefined()
    // Audited once, when it tripped, for Dinas LH to see; the refused attempts add nothing.
    expect(await pausedAudits()).toHaveLength(1)
    expect((await pausedAudits())[0]).toMatchObject({ entityType: 'city', entityId: '35.79' })
  })

  it('lifts the pause when LOGIN_LOCK_MINUTES have passed, and not a minute before', async () => {
    now = new Date(now.getTime() + 14 * MINUTE)
    const still = await login(members[3]!, '582046')
    expect(still.statusCode).toBe(429)
    expect(still.json().detail ?? still.json().title).toMatch(/1 menit/)
    now = new Date(now.getTime() + 1 * MINUTE)
    expect((await login(members[3]!, '582046')).statusCode).toBe(204)
  })

  it('counts only wrong PINs: right ones in between do not use the budget up', async () => {
    now = new Date(now.getTime() + 30 * MINUTE)
    for (let round = 0; round < 2; round++) {
      expect((await login(members[round]!, '000019')).statusCode).toBe(401)
      expect((await login(members[3]!, '582046')).statusCode).toBe(204)
    }
    // Two wrong within the window: the third trips it, the fourth attempt is refused.
    expect((await login('NS-999999', '000019')).statusCode).toBe(401)
    expect((await login(members[3]!, '582046')).statusCode).toBe(429)
    expect(await pausedAudits()).toHaveLength(2)
  })

  it('keeps the budget per city: Palopo signs in while Batu is paused', async () => {
    const palopo = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '73.73', memberNumber: 'NS-000001', pin: '000019' },
    })
    // Palopo has no such nasabah: the ordinary answer, not the pause.
    expect(palopo.json().code).toBe('nasabah.invalid_credentials')
  })
})

describe('PIN hashes with a pepper kept outside the database', () => {
  let w: BankWorld
  let id: string
  let memberNumber: string
  const login = (pin: string) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '35.79', memberNumber, pin },
    })
  const storedHash = async () => {
    const [row] = await w.t.database.db
      .select({ pinHash: nasabah.pinHash })
      .from(nasabah)
      .where(eq(nasabah.publicId, id))
    return row!.pinHash!
  }

  beforeAll(async () => {
    w = await createBankWorld(await createTestApp({ pinPepper: 'a-pepper-of-at-least-32-characters!' }))
    id = await w.addNasabah('Eka')
    memberNumber = (
      await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${id}`) })
    ).json().memberNumber
  })
  afterAll(() => w.t.close())

  it('stores a PIN that cannot be checked without the pepper', async () => {
    await w.unitTeller.request({
      method: 'PUT',
      url: w.url(w.unit, `/nasabah/${id}/pin`),
      payload: { pin: '705142' },
    })
    const stored = await storedHash()
    expect(stored).toMatch(/^peppered:\$argon2id\$/)
    expect((await login('705142')).statusCode).toBe(204)
    // The same hash with another pepper (a copy of the database elsewhere) takes no PIN at all.
    const elsewhere = await createTestApp({ pinPepper: 'another-pepper-of-at-least-32-chars' })
    try {
      const { checkPin } = await import('./pin-hash.ts')
      expect((await checkPin(stored, '705142', elsewhere.deps.config.pinPepper)).isRight).toBe(false)
      expect((await checkPin(stored, '705142', w.t.deps.config.pinPepper)).isRight).toBe(true)
    } finally {
      await elsewhere.close()
    }
  })

  it('signs in a PIN hashed before the pepper, and hashes it again with the pepper', async () => {
    const [row] = await w.t.database.db
      .update(nasabah)
      .set({ pinHash: await hashPassword('705142') })
      .where(eq(nasabah.publicId, id))
      .returning({ pinHash: nasabah.pinHash })
    expect(row!.pinHash).toMatch(/^\$argon2id\$/)
    expect((await login('705143')).statusCode).toBe(401)
    expect(await storedHash()).toBe(row!.pinHash)
    expect((await login('705142')).statusCode).toBe(204)
    expect(await storedHash()).toMatch(/^peppered:\$argon2id\$/)
    expect((await login('705142')).statusCode).toBe(204)
  })
})
