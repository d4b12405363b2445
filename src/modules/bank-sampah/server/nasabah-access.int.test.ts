import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countAuditRows, createTestUser, signIn } from '../../../../test/support/test-app.ts'
import { type BankWorld, createBankWorld } from './bank-sampah.fixture.ts'

describe('nasabah self-service with member number and PIN', () => {
  let w: BankWorld
  let ayu: { id: string; memberNumber: string }
  let budi: { id: string; memberNumber: string }
  const nasabahOf = async (id: string) =>
    (await w.unitTeller.request({ method: 'GET', url: w.url(w.unit, `/nasabah/${id}`) })).json()
  const setPin = (id: string, pin: string, session = w.unitTeller) =>
    session.request({ method: 'PUT', url: w.url(w.unit, `/nasabah/${id}/pin`), payload: { pin } })
  const login = (memberNumber: string, pin: string, headers: Record<string, string> = {}) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/v1/nasabah-access/login',
      payload: { city: '35.79', memberNumber, pin },
      headers,
    })
  const cookieOf = (response: Awaited<ReturnType<typeof login>>) => {
    const cookie = response.cookies.find((c) => c.name === 'sinergi_nasabah')!
    return { cookie, header: `sinergi_nasabah=${cookie.value}` }
  }

  beforeAll(async () => {
    w = await createBankWorld()
    for (const name of ['Ayu Lestari', 'Budi Santoso']) {
      const id = await w.addNasabah(name)
      const found = await nasabahOf(id)
      if (name.startsWith('Ayu')) ayu = { id, memberNumber: found.memberNumber }
      else budi = { id, memberNumber: found.memberNumber }
    }
    await w.deposit(ayu.id, [{ subMaterial: 'pet', weightGrams: 2_000 }])
    await w.deposit(budi.id, [{ subMaterial: 'kardus', weightGrams: 1_000 }])
  })
  afterAll(() => w.t.close())

  it('refuses a weak PIN and a teller of another bank, changing nothing', async () => {
    const before = await countAuditRows(w.t)
    const weak = await setPin(ayu.id, '123456')
    expect(weak.statusCode).toBe(400)
    expect(weak.json().errors[0]).toMatchObject({ field: '/body/pin', code: 'bank.pin_weak' })
    expect((await setPin(ayu.id, '12345')).statusCode).toBe(400)
    expect((await setPin(ayu.id, '270419', w.indukTeller)).statusCode).toBe(403)
    expect(await countAuditRows(w.t)).toBe(before)
  })

  it('signs a nasabah in with an httpOnly cookie that shows their own balance and passbook only', async () => {
    expect((await setPin(ayu.id, '270419')).statusCode).toBe(204)
    const response = await login(ayu.memberNumber, '270419')
    expect(response.statusCode).toBe(204)
    const { cookie, header } = cookieOf(response)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/nasabah-access' })
    const me = await w.t.app.inject({
      method: 'GET',
      url: '/api/v1/nasabah-access/me',
      headers: { cookie: header },
    })
    expect(me.statusCode).toBe(200)
    expect(me.headers['cache-control']).toBe('private, no-store')
    expect(me.json()).toMatchObject({
      nasabah: { memberNumber: ayu.memberNumber, name: 'Ayu Lestari' },
      balanceRupiah: 7_000,
    })
    expect(me.json().entries).toHaveLength(1)
    expect(JSON.stringify(me.json())).not.toContain('Budi')
  })

  it('gives the nasabah session nothing else: no other nasabah, no other bank, no staff route', async () => {
    const { header } = cookieOf(await login(ayu.memberNumber, '270419'))
    const asNasabah = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      w.t.app.inject({ method, url, headers: { cookie: header }, ...(payload ? { payload } : {}) })
    const staff = [
      w.url(w.unit, `/nasabah/${budi.id}`),
      w.url(w.unit, `/nasabah/${ayu.id}`),
      w.url(w.unit, `/nasabah/${budi.id}/statement`),
      w.url(w.induk, '/nasabah'),
      w.url(w.unit, '/reports/2026-11'),
      '/api/v1/auth/me',
      '/api/v1/cities/35.79/waste/facilities',
    ]
    for (const url of staff) expect((await asNasabah('GET', url)).statusCode, url).toBe(401)
    const write = await asNasabah('POST', w.url(w.unit, '/withdrawals'), {
      nasabahId: ayu.id,
      amountRupiah: 1_000,
      method: 'cash',
    })
    expect(write.statusCode).toBe(401)
    // The self-service route takes no nasabah from the caller: a query naming Budi changes nothing.
    const me = await asNasabah('GET', `/api/v1/nasabah-access/me?nasabahId=${budi.id}`)
    expect(me.json().nasabah.memberNumber).toBe(ayu.memberNumber)
  })

  it('refuses a wrong PIN, an unknown member and a nasabah without a PIN with one answer, in both languages', async () => {
    const wrong = await login(ayu.memberNumber, '999991')
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().code).toBe('nasabah.invalid_credentials')
    expect(wrong.json().detail ?? wrong.json().title).toMatch(/PIN salah/)
    const english = await login(ayu.memberNumber, '999991', { 'accept-language': 'en' })
    expect(JSON.stringify(english.json())).toContain('Wrong member number or PIN')
    expect((await login('NS-999999', '270419')).json().code).toBe('nasabah.invalid_credentials')
    expect((await login(budi.memberNumber, '270419')).json().code).toBe('nasabah.invalid_credentials')
    expect(wrong.cookies.find((c) => c.name === 'sinergi_nasabah')).toBeUndefined()
    const anonymous = await w.t.app.inject({ method: 'GET', url: '/api/v1/nasabah-access/me' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().code).toBe('nasabah.session_required')
  })

  it('locks a member number after repeated wrong PINs, even for the right PIN', async () => {
    await setPin(budi.id, '314159')
    // The same member written with more leading zeros shares one budget of attempts.
    const digits = budi.memberNumber.slice(3)
    const spellings = [
      budi.memberNumber,
      `NS-0${digits}`,
      `NS-00${digits}`,
      `ns-${digits}`,
      `NS-000${digits}`,
    ]
    for (const spelling of spellings) await login(spelling, '000001')
    const locked = await login(budi.memberNumber, '314159')
    expect(locked.statusCode).toBe(429)
    expect(locked.json().code).toBe('nasabah.too_many_attempts')
    // The teller resets the PIN: the lock goes with the old PIN.
    await setPin(budi.id, '314160')
    expect((await login(budi.memberNumber, '314160')).statusCode).toBe(204)
  })

  it('ends the session on logout, and a new PIN ends every session', async () => {
    const first = cookieOf(await login(ayu.memberNumber, '270419')).header
    const second = cookieOf(await login(ayu.memberNumber, '270419')).header
    const me = (cookie: string) =>
      w.t.app.inject({ method: 'GET', url: '/api/v1/nasabah-access/me', headers: { cookie } })
    await w.t.app.inject({ method: 'POST', url: '/api/v1/nasabah-access/logout', headers: { cookie: first } })
    expect((await me(first)).statusCode).toBe(401)
    expect((await me(second)).statusCode).toBe(200)
    await setPin(ayu.id, '271828')
    expect((await me(second)).statusCode).toBe(401)
  })

  it('does not take a forged or tampered cookie', async () => {
    const response = await w.t.app.inject({
      method: 'GET',
      url: '/api/v1/nasabah-access/me',
      headers: { cookie: 'sinergi_nasabah=made-up-token.signature' },
    })
    expect(response.statusCode).toBe(401)
  })

  // Last: it takes Batu off the platform.
  it('stops a signed-in nasabah the moment their city is deactivated', async () => {
    expect((await setPin(budi.id, '161803')).statusCode).toBe(204)
    const cookie = cookieOf(await login(budi.memberNumber, '161803')).header
    const me = () => w.t.app.inject({ method: 'GET', url: '/api/v1/nasabah-access/me', headers: { cookie } })
    expect((await me()).statusCode).toBe(200)
    const admin = await signIn(w.t, await createTestUser(w.t, { isPlatformAdmin: true }))
    const off = await admin.request({ method: 'POST', url: '/api/v1/cities/35.79/deactivate' })
    expect(off.statusCode, off.body).toBe(200)
    expect((await me()).statusCode).toBe(401)
    expect((await login(budi.memberNumber, '161803')).statusCode).toBe(401)
  })
})
