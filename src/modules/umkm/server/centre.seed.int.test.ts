import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  createTestApp,
  PALOPO,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.ts'
import { DEMO_PASSWORD } from '../../../platform/server/seed/demo.ts'
import { seedUmkmDemo } from './umkm.seed.ts'

const API = `/api/v1/cities/${BATU}/umkm/centre`

describe('UMKM centre demo data', () => {
  let t: TestApp

  beforeAll(async () => {
    // 12 December 2026 in Batu: November is last month, and three of December's sale days are past.
    t = await createTestApp({}, { clock: () => new Date('2026-12-12T03:00:00Z') })
    const cities = { batu: await activate(t, BATU), palopo: await activate(t, PALOPO) }
    await seedUmkmDemo({ deps: t.deps, cities })
    await seedUmkmDemo({ deps: t.deps, cities }) // a second start adds nothing
  })
  afterAll(() => t.close())

  it('puts curated products on the public shelves, and keeps the one graded D off them', async () => {
    const catalogue = (await t.app.inject({ method: 'GET', url: `${API}/catalogue` })).json()
    expect(catalogue.map((row: { name: string }) => row.name).sort()).toEqual([
      'Batik tulis motif apel 2 m',
      'Jenang apel 250 g',
      'Keripik apel manalagi 100 g',
      'Sari apel 250 ml',
    ])
    // 60 taken in; 6 + 4 + 5 sold in November, 6 + 4 in December up to the 12th.
    expect(catalogue.find((row: { name: string }) => row.name.startsWith('Keripik')).available).toBe(35)
  })

  it("lets the demo clerk sell, and shows last month's statements with one producer settled", async () => {
    const clerk = await signIn(t, { username: 'kasir.pojokumkm', password: DEMO_PASSWORD })
    const month = await clerk.request({ method: 'GET', url: `${API}/statements/2026-11` })
    expect(month.statusCode, month.body).toBe(200)
    const businesses = month.json().businesses as {
      business: { name: string }
      settlement: unknown
      grossRupiah: number
    }[]
    expect(businesses).toHaveLength(4)
    const keripik = businesses.find((row) => row.business.name.startsWith('Keripik Apel'))!
    expect(keripik.grossRupiah).toBe(15 * 15_000)
    expect(keripik.settlement).toMatchObject({
      grossRupiah: 225_000,
      commissionRupiah: 22_500,
      payableRupiah: 202_500,
    })
    expect(businesses.filter((row) => row.settlement === null)).toHaveLength(3)

    const today = await clerk.request({ method: 'GET', url: `${API}/sales?day=2026-12-10` })
    expect(today.json().totals).toEqual({ cash: 60_000, qris: 60_000, allRupiah: 120_000 })
  })
})
