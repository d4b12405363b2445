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

describe('household fees and expenses at a TPS 3R', () => {
  let t: TestApp
  let dlh: Session
  let operator: Session
  let otherOperator: Session
  let viewer: Session
  let palopoDlh: Session
  let jalibar: string
  const base = () => `/api/v1/cities/35.79/waste/facilities/${jalibar}`

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
          payload: { kind: 'tps3r', name },
        })
      ).json().id as string
    jalibar = await create('TPS3R Jalibar Berseri')
    const punten = await create('TPS3R Punten')
    operator = await signIn(
      t,
      await createTestUser(t, {
        roles: [{ city: batu, role: 'facility_operator', scopeKind: 'facility', scopeId: jalibar }],
      }),
    )
    otherOperator = await signIn(
      t,
      await createTestUser(t, {
        roles: [{ city: batu, role: 'facility_operator', scopeKind: 'facility', scopeId: punten }],
      }),
    )
  })
  afterAll(() => t.close())

  it("collects the month's iuran: charged, paid, and the collection rate", async () => {
    const add = (label: string, headName: string, monthlyFeeRupiah: number) =>
      operator.request({
        method: 'POST',
        url: `${base()}/households`,
        payload: { label, headName, monthlyFeeRupiah },
      })
    const first = (await add('RT 01/RW 02 No. 3', 'Sri Wahyuni', 15_000)).json()
    await add('RT 01/RW 02 No. 4', 'Budi Santoso', 15_000)
    await add('RT 02/RW 02 No. 1', 'Siti Aminah', 20_000)
    const paid = await operator.request({
      method: 'PUT',
      url: `${base()}/fees/2026-11/households/${first.id}`,
      payload: { paid: true, paidOn: '2026-11-05' },
    })
    expect(paid.json()).toMatchObject({ amountRupiah: 15_000, paidOn: '2026-11-05' })
    const month = (await operator.request({ method: 'GET', url: `${base()}/fees/2026-11` })).json()
    expect(month.summary).toMatchObject({
      households: 3,
      paidHouseholds: 1,
      chargedRupiah: 50_000,
      paidRupiah: 15_000,
    })
    expect(month.summary.rateByAmount).toBeCloseTo(0.3)
    expect(month.lines.map((line: { household: { headName: string } }) => line.household.headName)).toContain(
      'Sri Wahyuni',
    )
  })

  it('shows household names only to those who collect the fee', async () => {
    const households = (await viewer.request({ method: 'GET', url: `${base()}/households` })).json()
    expect(households.map((h: { headName: string }) => h.headName)).toContain('S** W*****')
    expect(JSON.stringify(households)).not.toContain('Wahyuni')
  })

  it('marks a fee unpaid again with the change audited, and refuses a payment date in the future', async () => {
    const [household] = (await operator.request({ method: 'GET', url: `${base()}/households` })).json()
    const unpaid = await operator.request({
      method: 'PUT',
      url: `${base()}/fees/2026-11/households/${household.id}`,
      payload: { paid: false },
    })
    expect(unpaid.json().paidOn).toBeNull()
    const future = await operator.request({
      method: 'PUT',
      url: `${base()}/fees/2026-11/households/${household.id}`,
      payload: { paid: true, paidOn: '2099-01-01' },
    })
    expect(future.statusCode).toBe(400)
    const bad = await operator.request({ method: 'GET', url: `${base()}/fees/2026-13` })
    expect(bad.statusCode).toBe(400)
  })

  it('records expenses, voids a mistaken one and keeps it visible, and sums the rest', async () => {
    const spend = (payload: Record<string, unknown>) =>
      operator.request({ method: 'POST', url: `${base()}/expenses`, payload })
    await spend({
      spentOn: '2026-11-03',
      category: 'bbm',
      amountRupiah: 150_000,
      note: 'solar motor roda tiga',
    })
    const mistake = (
      await spend({ spentOn: '2026-11-03', category: 'listrik', amountRupiah: 1_500_000 })
    ).json()
    const voided = await operator.request({ method: 'POST', url: `${base()}/expenses/${mistake.id}/void` })
    expect(voided.json().isVoided).toBe(true)
    const again = await operator.request({ method: 'POST', url: `${base()}/expenses/${mistake.id}/void` })
    expect(again.statusCode).toBe(404)
    const list = (
      await operator.request({ method: 'GET', url: `${base()}/expenses?from=2026-11-01&to=2026-11-30` })
    ).json()
    expect(list.items).toHaveLength(2)
    expect(list.totalRupiah).toBe(150_000)
  })

  it("keeps another facility's operator, and Palopo, out of Jalibar's fees", async () => {
    const before = await countAuditRows(t)
    const other = await otherOperator.request({
      method: 'POST',
      url: `${base()}/households`,
      payload: { label: 'RT 09', monthlyFeeRupiah: 1 },
    })
    expect(other.statusCode).toBe(403)
    expect((await palopoDlh.request({ method: 'GET', url: `${base()}/fees/2026-11` })).statusCode).toBe(403)
    const viaOwnCity = await palopoDlh.request({
      method: 'GET',
      url: `/api/v1/cities/73.73/waste/facilities/${jalibar}/fees/2026-11`,
    })
    expect(viaOwnCity.statusCode).toBe(404)
    expect(await countAuditRows(t)).toBe(before)
  })
})
