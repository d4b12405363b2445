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

interface ExpiringItem {
  licence: { id: string; number: string }
  owner: { name: string; phone: string | null }
  whatsappUrl: string | null
  reminders: { count: number; last: { channel: string; sentBy: string | null; expiresOn: string } | null }
}

describe('UMKM licence expiry reminders to owners', () => {
  let t: TestApp
  let staff: Session
  let clerk: Session
  let staffPalopo: Session
  let businessId: string
  let licenceId: string
  let landlineLicenceId: string

  const expiring = async (query = 'days=90', session = staff) => {
    const response = await session.request({ method: 'GET', url: batuUrl(`/licences/expiring?${query}`) })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as { items: ExpiringItem[]; total: number; personalDataMasked: boolean }
  }
  const remind = (
    payload: Record<string, unknown>,
    options: { key?: string; session?: Session; id?: string } = {},
  ) =>
    (options.session ?? staff).request({
      method: 'POST',
      url: batuUrl(`/businesses/${businessId}/licences/${options.id ?? licenceId}/reminders`),
      payload,
      headers: options.key ? { 'idempotency-key': options.key } : {},
    })

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => NOW })
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staff = await signIn(
      t,
      await createTestUser(t, { prefix: 'dewi', roles: [{ city: batu, role: 'umkm_staff' }] }),
    )
    clerk = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_centre_clerk' }] }))
    staffPalopo = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    const created = await staff.request({
      method: 'POST',
      url: batuUrl('/businesses'),
      payload: {
        name: 'Sari Apel Bu Siti',
        kbliCode: '11040',
        ownerName: 'Siti Wahyuni',
        ownerPhone: '0812-3456-7890',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    businessId = created.json().id
    const licence = async (payload: Record<string, unknown>) => {
      const response = await staff.request({
        method: 'POST',
        url: batuUrl(`/businesses/${businessId}/licences`),
        payload,
      })
      expect(response.statusCode, response.body).toBe(201)
      return response.json().id as string
    }
    licenceId = await licence({ kind: 'pirt', number: '2063579010002-26', expiresOn: '2026-12-20' })
    landlineLicenceId = await licence({ kind: 'nib', number: '1234567890123' })
  })
  afterAll(() => t.close())

  it('lists the owner to remind with a WhatsApp chat that has the message written, in Indonesian', async () => {
    const list = await expiring()
    expect(list.personalDataMasked).toBe(false)
    expect(list.items).toHaveLength(1)
    const [item] = list.items
    expect(item!.owner).toEqual({ name: 'Siti Wahyuni', phone: '0812-3456-7890' })
    const url = new URL(item!.whatsappUrl!)
    expect(url.host + url.pathname).toBe('wa.me/6281234567890')
    expect(url.searchParams.get('text')).toContain(
      'SPP-IRT (P-IRT) nomor 2063579010002-26 untuk usaha Sari Apel Bu Siti akan berakhir pada 20 Desember 2026.',
    )
    expect(url.searchParams.get('text')).toContain('Dinas Koperasi dan UMKM')
    expect(item!.reminders).toEqual({ count: 0, last: null })
  })

  it('records a reminder once however often it is sent, and shows who reminded and how', async () => {
    const before = await countAuditRows(t)
    const first = await remind({ channel: 'whatsapp' }, { key: 'reminder-1' })
    expect(first.statusCode, first.body).toBe(201)
    const again = await remind({ channel: 'whatsapp' }, { key: 'reminder-1' })
    expect(again.json()).toEqual(first.json())
    expect(await countAuditRows(t)).toBe(before + 1)
    const [item] = (await expiring()).items
    expect(item!.reminders).toMatchObject({
      count: 1,
      last: { channel: 'whatsapp', sentBy: expect.stringMatching(/^Test dewi/), expiresOn: '2026-12-20' },
    })
    expect((await expiring('days=90&notReminded=true')).total).toBe(0)
  })

  it('starts a renewed licence with no reminders', async () => {
    const renewed = await staff.request({
      method: 'PATCH',
      url: batuUrl(`/businesses/${businessId}/licences/${licenceId}`),
      payload: { number: '2063579010002-31', expiresOn: '2027-01-31' },
    })
    expect(renewed.statusCode, renewed.body).toBe(200)
    const [item] = (await expiring()).items
    expect(item!.reminders).toEqual({ count: 0, last: null })
    expect((await expiring('days=90&notReminded=true')).total).toBe(1)
    const call = await remind({ channel: 'phone', note: 'Diangkat anaknya, akan disampaikan' })
    expect(call.json()).toMatchObject({ channel: 'phone', expiresOn: '2027-01-31' })
  })

  it('refuses a reminder for a licence that never lapses, and an unknown channel, changing nothing', async () => {
    const before = await countAuditRows(t)
    const never = await remind({ channel: 'phone' }, { id: landlineLicenceId })
    expect(never.statusCode).toBe(409)
    expect(never.json().code).toBe('umkm.licence_never_expires')
    expect((await remind({ channel: 'pigeon' })).statusCode).toBe(400)
    expect(await countAuditRows(t)).toBe(before)
  })

  it('keeps reminders to the dinas staff, and Batu’s licences out of Palopo', async () => {
    expect((await remind({ channel: 'phone' }, { session: clerk })).statusCode).toBe(403)
    expect((await expiring('days=90', staff)).items[0]!.reminders.count).toBe(1)
    const viaBatu = await remind({ channel: 'phone' }, { session: staffPalopo })
    expect(viaBatu.statusCode).toBe(403)
    const viaPalopo = await staffPalopo.request({
      method: 'POST',
      url: palopoUrl(`/businesses/${businessId}/licences/${licenceId}/reminders`),
      payload: { channel: 'phone' },
    })
    expect(viaPalopo.statusCode).toBe(404)
    expect((await expiring('days=90', staff)).items[0]!.reminders.count).toBe(1)
  })

  it('leaves a closed business out of the list, and refuses to remind its owner', async () => {
    const closed = await staff.request({
      method: 'POST',
      url: batuUrl(`/businesses/${businessId}/closure`),
      payload: { closedOn: '2026-11-27', reason: 'Pemilik pindah ke luar kota' },
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect((await expiring()).total).toBe(0)
    const refused = await remind({ channel: 'phone' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('umkm.reminder_business_closed')
  })
})
