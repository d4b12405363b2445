import { createHash } from 'node:crypto'
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
import { idempotencyKeys } from '../idempotency/idempotency.tables.ts'
import type { CityRef } from '../module.ts'

describe('users and roles in a city', () => {
  let t: TestApp
  let batu: CityRef
  let batuAdmin: Session
  let palopoAdmin: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    batuAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    palopoAdmin = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'city_admin' }] }))
  })
  afterAll(() => t.close())

  const newUser = (username: string, role = 'city_viewer') => ({
    username,
    displayName: 'Sri Wahyuni',
    password: 'kata-sandi-baru-1',
    role,
  })

  it('lets a city admin create an account with its first role, and both show in the audit log', async () => {
    const created = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload: newUser('sri.wahyuni'),
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ username: 'sri.wahyuni', roles: [{ role: 'city_viewer' }] })

    const audit = (
      await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/audit?limit=10' })
    ).json()
    const actions = audit.items.map((item: { action: string }) => item.action)
    expect(actions).toContain('role.granted')
    const members = (await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/users' })).json()
    expect(members.map((m: { username: string }) => m.username)).toContain('sri.wahyuni')

    const signedIn = await signIn(t, { username: 'sri.wahyuni', password: 'kata-sandi-baru-1' })
    const me = (await signedIn.request({ method: 'GET', url: '/api/v1/auth/me' })).json()
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'city_viewer', city: expect.objectContaining({ code: BATU }) }),
    ])
  })

  it('refuses a duplicate username with 409, whatever its case, and writes nothing', async () => {
    const before = await countAuditRows(t)
    const duplicate = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload: newUser('Sri.Wahyuni'),
    })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().code).toBe('user.username_taken')
    expect(await countAuditRows(t)).toBe(before)
  })

  it('creates one account when the same form is submitted twice with one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'form-submit-0001' }
    const payload = newUser('budi.santoso')
    const first = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload,
      headers,
    })
    const second = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload,
      headers,
    })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.json()).toEqual(first.json())
    const reused = await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload: newUser('someone.else'),
      headers,
    })
    expect(reused.statusCode).toBe(422)
  })

  it('keeps no password, hash or plain request body in the idempotency store', async () => {
    const headers = { 'idempotency-key': 'form-submit-secret-1' }
    await batuAdmin.request({
      method: 'POST',
      url: '/api/v1/cities/35.79/users',
      payload: newUser('rahasia.aman'),
      headers,
    })
    const rows = await t.database.db.select().from(idempotencyKeys)
    const stored = JSON.stringify(rows)
    expect(rows.length).toBeGreaterThan(0)
    expect(stored).not.toContain('argon2')
    expect(stored).not.toContain('kata-sandi-baru-1')
    const plainHash = createHash('sha256')
      .update(JSON.stringify(newUser('rahasia.aman')))
      .digest('hex')
    expect(stored).not.toContain(plainHash)
  })

  it('lets a viewer narrowed to one agency still read the city', async () => {
    const agencies = (await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).json()
    const person = await createTestUser(t, {
      roles: [{ city: batu, role: 'city_viewer', scopeKind: 'agency', scopeId: agencies[0].id }],
    })
    const session = await signIn(t, person)
    expect((await session.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).statusCode).toBe(
      200,
    )
    const workspace = (await session.request({ method: 'GET', url: '/api/v1/cities/35.79/workspace' })).json()
    expect(workspace.permissions).toContain('agencies:read')
    expect(workspace.permissions).not.toContain('users:manage')
  })

  it('narrows a role to one agency of the city, and refuses an agency of another city', async () => {
    const agencies = (await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).json()
    const dlh = agencies.find((a: { shortName: string }) => a.shortName === 'DLH')
    const person = await createTestUser(t)
    const granted = await batuAdmin.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/users/${person.publicId}/roles`,
      payload: { role: 'city_viewer', scopeKind: 'agency', scopeId: dlh.id },
    })
    expect(granted.statusCode).toBe(201)
    expect(granted.json()).toMatchObject({ scopeKind: 'agency', scopeId: dlh.id })

    const palopoAgencies = (
      await palopoAdmin.request({ method: 'GET', url: '/api/v1/cities/73.73/agencies' })
    ).json()
    const foreign = await batuAdmin.request({
      method: 'POST',
      url: `/api/v1/cities/35.79/users/${person.publicId}/roles`,
      payload: { role: 'city_viewer', scopeKind: 'agency', scopeId: palopoAgencies[0].id },
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().code).toBe('role.scope_invalid')
  })

  it('offers the agencies of the city, and only those, to narrow a role to', async () => {
    const options = (
      await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/roles/scopes/agency' })
    ).json()
    expect(options).toHaveLength(10)
    expect(options.map((o: { label: string }) => o.label)).toContain('Dinas Lingkungan Hidup (DLH)')
    const palopoOptions = (
      await palopoAdmin.request({ method: 'GET', url: '/api/v1/cities/73.73/roles/scopes/agency' })
    ).json()
    expect(palopoOptions.map((o: { id: string }) => o.id)).not.toContain(options[0].id)
    const unknown = await batuAdmin.request({
      method: 'GET',
      url: '/api/v1/cities/35.79/roles/scopes/planet',
    })
    expect(unknown.statusCode).toBe(400)
  })

  it('refuses an unknown role and a second identical grant', async () => {
    const person = await createTestUser(t)
    const url = `/api/v1/cities/35.79/users/${person.publicId}/roles`
    expect((await batuAdmin.request({ method: 'POST', url, payload: { role: 'mayor' } })).json().code).toBe(
      'role.unknown',
    )
    expect(
      (await batuAdmin.request({ method: 'POST', url, payload: { role: 'city_viewer' } })).statusCode,
    ).toBe(201)
    const twice = await batuAdmin.request({ method: 'POST', url, payload: { role: 'city_viewer' } })
    expect(twice.statusCode).toBe(409)
  })

  it('revokes a grant, after which the person has no access to the city', async () => {
    const person = await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] })
    const session = await signIn(t, person)
    expect((await session.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).statusCode).toBe(
      200,
    )
    const members = (await batuAdmin.request({ method: 'GET', url: '/api/v1/cities/35.79/users' })).json()
    const member = members.find((m: { username: string }) => m.username === person.username)
    const revoked = await batuAdmin.request({
      method: 'DELETE',
      url: `/api/v1/cities/35.79/users/${member.id}/roles/${member.roles[0].id}`,
    })
    expect(revoked.statusCode).toBe(204)
    expect((await session.request({ method: 'GET', url: '/api/v1/cities/35.79/agencies' })).statusCode).toBe(
      403,
    )
  })

  it("keeps a viewer out of the city's users and audit log", async () => {
    const viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    expect((await viewer.request({ method: 'GET', url: '/api/v1/cities/35.79/users' })).statusCode).toBe(403)
    expect((await viewer.request({ method: 'GET', url: '/api/v1/cities/35.79/audit' })).statusCode).toBe(403)
  })

  it("keeps Palopo's admin away from Batu's people and audit log", async () => {
    for (const url of [
      '/api/v1/cities/35.79/users',
      '/api/v1/cities/35.79/audit',
      '/api/v1/cities/kota-batu/roles',
    ]) {
      const response = await palopoAdmin.request({ method: 'GET', url })
      expect(response.statusCode, url).toBe(403)
      expect(response.json().code).toBe('auth.forbidden_city')
    }
  })
})
