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

// 28 November 2026, 10:00 in Batu (WIB).
const NOW = new Date('2026-11-28T03:00:00Z')
const batuUrl = (path: string) => `/api/v1/cities/${BATU}/umkm${path}`
const palopoUrl = (path: string) => `/api/v1/cities/${PALOPO}/umkm${path}`

describe('UMKM licences and certificates', () => {
  let t: TestApp
  let staffBatu: Session
  let staffPalopo: Session
  let viewer: Session
  let businessId: string
  let palopoBusinessId: string

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => NOW })
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staffBatu = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    staffPalopo = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    const created = await staffBatu.request({
      method: 'POST',
      url: batuUrl('/businesses'),
      payload: { name: 'Jenang Apel Mbak Rini', kbliCode: '10796', ownerName: 'Rini Astuti' },
    })
    businessId = created.json().id
    const other = await staffPalopo.request({
      method: 'POST',
      url: palopoUrl('/businesses'),
      payload: { name: 'Sagu Kapurung Wara', kbliCode: '10622', ownerName: 'Andi Baso' },
    })
    palopoBusinessId = other.json().id
  })
  afterAll(() => t.close())

  const addLicence = (payload: Record<string, unknown>, session = staffBatu, id = businessId) =>
    session.request({ method: 'POST', url: batuUrl(`/businesses/${id}/licences`), payload })

  const pirt = {
    kind: 'pirt',
    number: '2063579010001-26',
    issuer: 'Dinas Kesehatan Kota Batu',
    issuedOn: '2021-12-20',
    expiresOn: '2026-12-20',
  }

  it('records a P-IRT with its number, issuer and dates, and lists it on the business', async () => {
    const before = await countAuditRows(t)
    const created = await addLicence(pirt)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject(pirt)
    expect(await countAuditRows(t)).toBe(before + 1)
    const list = await viewer.request({ method: 'GET', url: batuUrl(`/businesses/${businessId}/licences`) })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual([expect.objectContaining({ kind: 'pirt', number: pirt.number })])
  })

  it('refuses an NIB licence that is not 13 digits and an expiry before the issue date, next to the field', async () => {
    const before = await countAuditRows(t)
    const badNib = await addLicence({ kind: 'nib', number: '12345' })
    expect(badNib.statusCode).toBe(400)
    expect(badNib.json().errors).toEqual([
      expect.objectContaining({ field: '/body/number', code: 'umkm.nib_invalid' }),
    ])
    const badDates = await addLicence({
      ...pirt,
      number: 'x-1',
      issuedOn: '2025-01-02',
      expiresOn: '2025-01-01',
    })
    expect(badDates.json().errors).toEqual([
      expect.objectContaining({ field: '/body/expiresOn', code: 'umkm.licence_expiry_before_issue' }),
    ])
    expect(badDates.json().errors[0].message).toContain('tanggal terbit')
    expect(await countAuditRows(t)).toBe(before)
  })

  it('refuses the same certificate twice for one business', async () => {
    const again = await addLicence(pirt)
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('umkm.licence_taken')
  })

  it('lets only the dinas staff add or change licences', async () => {
    expect((await addLicence({ kind: 'sni', number: 'SNI-1' }, viewer)).statusCode).toBe(403)
  })

  it('renews a licence in place and checks the dates as they will be stored', async () => {
    const created = await addLicence({ kind: 'bpom_md', number: 'MD 224913001234', expiresOn: '2026-12-01' })
    const url = batuUrl(`/businesses/${businessId}/licences/${created.json().id}`)
    const refused = await staffBatu.request({ method: 'PATCH', url, payload: { issuedOn: '2027-01-01' } })
    expect(refused.statusCode).toBe(400)
    const renewed = await staffBatu.request({
      method: 'PATCH',
      url,
      payload: { issuedOn: '2026-11-20', expiresOn: '2031-11-20' },
    })
    expect(renewed.statusCode).toBe(200)
    expect(renewed.json()).toMatchObject({ kind: 'bpom_md', expiresOn: '2031-11-20' })
  })

  it('lists the licences that lapse within N days, soonest first, for the staff only', async () => {
    await addLicence({ kind: 'halal', number: 'ID35110000123450824' })
    await addLicence({ kind: 'sni', number: 'SNI 01-3840', expiresOn: '2026-11-27' })
    const soon = await staffBatu.request({ method: 'GET', url: batuUrl('/licences/expiring?days=30') })
    expect(soon.statusCode).toBe(200)
    expect(soon.json()).toMatchObject({ total: 1, today: '2026-11-28' })
    expect(soon.json().items[0]).toMatchObject({
      licence: { kind: 'pirt' },
      business: { id: businessId, name: 'Jenang Apel Mbak Rini' },
      daysLeft: 22,
    })
    const withExpired = await staffBatu.request({
      method: 'GET',
      url: batuUrl('/licences/expiring?days=30&includeExpired=true'),
    })
    expect(withExpired.json().items.map((item: { daysLeft: number }) => item.daysLeft)).toEqual([-1, 22])
    expect(
      (await staffBatu.request({ method: 'GET', url: batuUrl('/licences/expiring?days=21') })).json().total,
    ).toBe(0)
    expect((await viewer.request({ method: 'GET', url: batuUrl('/licences/expiring') })).statusCode).toBe(403)
  })

  it("keeps a city's licences from another city's staff: neither seen nor changed", async () => {
    const licences = (
      await staffBatu.request({ method: 'GET', url: batuUrl(`/businesses/${businessId}/licences`) })
    ).json()
    const licenceId = licences[0].id
    // Through Batu's address: no role there.
    expect(
      (await staffPalopo.request({ method: 'GET', url: batuUrl(`/businesses/${businessId}/licences`) }))
        .statusCode,
    ).toBe(403)
    // Through Palopo's address: Batu's business and licence do not exist there.
    for (const url of [
      palopoUrl(`/businesses/${businessId}/licences`),
      palopoUrl(`/businesses/${businessId}/licences/${licenceId}`),
    ]) {
      const response = await staffPalopo.request({
        method: url.endsWith(licenceId) ? 'PATCH' : 'GET',
        url,
        payload: url.endsWith(licenceId) ? { number: 'diubah' } : undefined,
      })
      expect(response.statusCode, url).toBe(404)
    }
    const viaOwnBusiness = await staffPalopo.request({
      method: 'PATCH',
      url: palopoUrl(`/businesses/${palopoBusinessId}/licences/${licenceId}`),
      payload: { number: 'diubah' },
    })
    expect(viaOwnBusiness.statusCode).toBe(404)
    expect(viaOwnBusiness.json().code).toBe('umkm.licence_not_found')
    const adding = await staffPalopo.request({
      method: 'POST',
      url: palopoUrl(`/businesses/${businessId}/licences`),
      payload: { kind: 'sni', number: 'SNI-X' },
    })
    expect(adding.statusCode).toBe(404)
    const expiring = await staffPalopo.request({
      method: 'GET',
      url: palopoUrl('/licences/expiring?days=730'),
    })
    expect(expiring.json().total).toBe(0)
    const unchanged = (
      await staffBatu.request({ method: 'GET', url: batuUrl(`/businesses/${businessId}/licences`) })
    ).json()
    expect(unchanged).toEqual(licences)
  })
})
