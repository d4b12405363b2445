import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  signIn,
  type TestApp,
  type TestUser,
} from '../../../../test/support/test-app.ts'
import { auditLog } from '../audit/audit.tables.ts'
import { sessions, users } from './auth.tables.ts'

const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers })

describe('signing in', () => {
  let t: TestApp
  let user: TestUser

  beforeAll(async () => {
    t = await createTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 })
    const batu = await activate(t, BATU)
    user = await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] })
  })
  afterAll(() => t.close())

  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user, roles and CSRF token', async () => {
    const response = await login(t, user.username.toUpperCase(), user.password)
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'sinergi_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const body = response.json()
    expect(body.user.username).toBe(user.username)
    expect(body.roles).toEqual([
      expect.objectContaining({ role: 'city_admin', city: expect.objectContaining({ code: BATU }) }),
    ])
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/)
  })

  it('stores only a hash of the session token', async () => {
    const response = await login(t, user.username, user.password)
    const token = response.cookies.find((c) => c.name === 'sinergi_session')!.value
    const stored = (await t.database.db.select().from(sessions)).map((row) => row.tokenHash)
    const unsigned = t.app.unsignCookie(token).value!
    expect(stored).toContain(createHash('sha256').update(unsigned).digest('hex'))
    expect(stored).not.toContain(unsigned)
  })

  it('says the same thing for an unknown user and a wrong password', async () => {
    const unknown = await login(t, 'nobody-here', 'whatever-password', { 'accept-language': 'en' })
    const wrong = await login(t, user.username, 'wrong-password', { 'accept-language': 'en' })
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.json().detail).toBe(wrong.json().detail)
    expect(unknown.json().code).toBe('auth.invalid_credentials')
  })

  it('locks a username after repeated failures, even for the right password, and audits them', async () => {
    const victim = await createTestUser(t)
    for (let i = 0; i < 3; i++)
      expect((await login(t, victim.username, 'bad-password-x')).statusCode).toBe(401)
    const locked = await login(t, victim.username, victim.password)
    expect(locked.statusCode).toBe(429)
    expect(locked.json().code).toBe('auth.too_many_attempts')
    expect(locked.json().detail).toContain('15 menit')
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'))
    expect(
      failures.filter((row) => (row.after as { username: string }).username === victim.username),
    ).toHaveLength(3)
  })

  it('counts wrong passwords sent all at once, so parallel guessing cannot slip under the limit', async () => {
    const victim = await createTestUser(t)
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => login(t, victim.username, 'parallel-guess-x')),
    )
    expect(guesses.filter((r) => r.statusCode === 429).length).toBeGreaterThan(0)
    expect((await login(t, victim.username, victim.password)).statusCode).toBe(429)
  })

  it('signs in again over a live session without asking for the CSRF token', async () => {
    const session = await signIn(t, user)
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
      headers: { cookie: session.cookie },
    })
    expect(again.statusCode).toBe(200)
  })

  it('locks an unknown username the same way, so a lock reveals nothing', async () => {
    for (let i = 0; i < 3; i++) await login(t, 'ghost.user', 'bad-password-x')
    expect((await login(t, 'ghost.user', 'bad-password-x')).statusCode).toBe(429)
  })

  it('answers 401 auth.session_expired for an expired session and clears the cookie', async () => {
    const session = await signIn(t, user)
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) })
    const response = await session.request({ method: 'GET', url: '/api/v1/auth/me' })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('auth.session_expired')
    expect(response.cookies.find((c) => c.name === 'sinergi_session')?.value).toBe('')
  })

  it('ends the session at logout', async () => {
    const session = await signIn(t, user)
    expect((await session.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204)
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401)
  })
})

describe('the per-IP limit on signing in', () => {
  it('answers 429 rate_limited after the configured number of attempts a minute', async () => {
    const t = await createTestApp({ loginAttemptsPerMinute: 3 })
    try {
      const codes = []
      for (let i = 0; i < 4; i++) codes.push((await login(t, `someone${i}`, 'whatever-password')).statusCode)
      expect(codes).toEqual([401, 401, 401, 429])
    } finally {
      await t.close()
    }
  })
})

describe('passwords, profile and API tokens', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('changes the password, keeps this session and ends the others', async () => {
    const user = await createTestUser(t)
    const here = await signIn(t, user)
    const elsewhere = await signIn(t, user)
    const changed = await here.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: user.password, newPassword: 'a-brand-new-password' },
    })
    expect(changed.statusCode).toBe(204)
    expect((await here.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200)
    expect((await elsewhere.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401)
    expect((await login(t, user.username, user.password)).statusCode).toBe(401)
    expect((await login(t, user.username, 'a-brand-new-password')).statusCode).toBe(200)
  })

  it('refuses a wrong current password and a short new one next to the field, changing nothing', async () => {
    const user = await createTestUser(t)
    const session = await signIn(t, user)
    const wrong = await session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0]).toMatchObject({
      field: '/body/currentPassword',
      code: 'auth.wrong_password',
    })
    const short = await session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: user.password, newPassword: 'short' },
    })
    expect(short.json().errors[0]).toMatchObject({ field: '/body/newPassword', code: 'auth.weak_password' })
    expect((await login(t, user.username, user.password)).statusCode).toBe(200)
  })

  it('remembers the chosen language and answers in it', async () => {
    const user = await createTestUser(t)
    const session = await signIn(t, user)
    const updated = await session.request({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { locale: 'en' },
    })
    expect(updated.json().user.locale).toBe('en')
    const [row] = await t.database.db.select().from(users).where(eq(users.username, user.username))
    expect(row!.locale).toBe('en')
    const refused = await session.request({ method: 'GET', url: '/api/v1/cities/99.99' })
    expect(refused.json().detail).toContain('was found')
  })

  it('creates an API token shown once, accepts it as Bearer without CSRF, and refuses it once revoked', async () => {
    const user = await createTestUser(t)
    const session = await signIn(t, user)
    const created = await session.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'sensor' },
    })
    expect(created.statusCode).toBe(201)
    const { token, id } = created.json()
    expect(token).toMatch(/^sng_/)
    const listed = await session.request({ method: 'GET', url: '/api/v1/auth/tokens' })
    expect(JSON.stringify(listed.json())).not.toContain(token)

    const bearer = { authorization: `Bearer ${token}` }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })
    expect(me.json()).toMatchObject({ user: { username: user.username }, authMethod: 'token' })
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: bearer,
      payload: { displayName: 'Sensor' },
    })
    expect(write.statusCode).toBe(200)

    await session.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().code).toBe('auth.token_invalid')
  })
})
