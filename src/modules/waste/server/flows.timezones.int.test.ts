import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  createTestUser,
  PALOPO,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.ts'

/**
 * 16:30 UTC on 27 November is 23:30 in Batu (WIB, UTC+7) but already 00:30 on the 28th in Palopo
 * (WITA, UTC+8): "today" is the city's own day.
 */
const INSTANT = new Date('2026-11-27T16:30:00Z')

describe('day boundaries in the city time zone', () => {
  let t: TestApp
  let batuDlh: Session
  let palopoDlh: Session
  const facilities: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp({}, { clock: () => INSTANT })
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    batuDlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    palopoDlh = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
    for (const [session, city] of [
      [batuDlh, BATU],
      [palopoDlh, PALOPO],
    ] as const) {
      const created = await session.request({
        method: 'POST',
        url: `/api/v1/cities/${city}/waste/facilities`,
        payload: { kind: 'tps', name: 'TPS Uji' },
      })
      facilities[city] = created.json().id
    }
  })
  afterAll(() => t.close())

  const intake = (session: Session, city: string, village: string, date?: string) =>
    session.request({
      method: 'POST',
      url: `/api/v1/cities/${city}/waste/flows`,
      payload: {
        kind: 'intake',
        weightGrams: 1_000,
        material: 'campuran',
        fromVillageCode: village,
        fromSector: 'pasar',
        toFacilityId: facilities[city],
        ...(date ? { date } : {}),
      },
    })

  it('dates an undated entry on the 27th in Batu (WIB) and on the 28th in Palopo (WITA)', async () => {
    expect((await intake(batuDlh, BATU, '35.79.01.2006')).json().date).toBe('2026-11-27')
    expect((await intake(palopoDlh, PALOPO, '73.73.04.1003')).json().date).toBe('2026-11-28')
  })

  it('refuses the 28th as a future day in Batu but accepts it in Palopo', async () => {
    const batu = await intake(batuDlh, BATU, '35.79.01.2006', '2026-11-28')
    expect(batu.statusCode).toBe(400)
    expect(batu.json().errors[0].code).toBe('flow.date_in_future')
    expect((await intake(palopoDlh, PALOPO, '73.73.04.1003', '2026-11-28')).statusCode).toBe(201)
  })
})
