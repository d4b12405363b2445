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

describe('UMKM demo data', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
    const cities = { batu: await activate(t, BATU), palopo: await activate(t, PALOPO) }
    await seedUmkmDemo({ deps: t.deps, cities })
    await seedUmkmDemo({ deps: t.deps, cities }) // a second start adds nothing
  })
  afterAll(() => t.close())

  it('gives each city labelled sample businesses its staff can read, some of which moved up a class', async () => {
    const batu = await signIn(t, { username: 'umkm.batu', password: DEMO_PASSWORD })
    const list = (
      await batu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/businesses?pageSize=100` })
    ).json()
    // 40 in the showcase, one of them closed in 2025: the list shows those in operation by default.
    expect(list.total).toBe(39)
    expect(list.items.every((b: { isSampleData: boolean }) => b.isSampleData)).toBe(true)
    const closed = (
      await batu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/businesses?status=closed` })
    ).json()
    expect(closed.items).toEqual([
      expect.objectContaining({ closedOn: '2025-08-30', closureReason: 'Pemilik beralih pekerjaan' }),
    ])
    expect(list.items.some((b: { name: string }) => b.name.startsWith('Keripik Apel'))).toBe(true)
    const small = (
      await batu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/businesses?scale=kecil` })
    ).json()
    expect(small.total).toBe(8)
    const detail = (
      await batu.request({
        method: 'GET',
        url: `/api/v1/cities/${BATU}/umkm/businesses/${small.items[0].id}`,
      })
    ).json()
    expect(detail.naikKelas.map((n: { rule: string }) => n.rule)).toContain('pp7_2021_sales')

    // The sample coaching programme admits only eligible sample businesses (NIB, micro).
    const [programme] = (
      await batu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/programmes` })
    ).json()
    expect(programme).toMatchObject({ enrolled: 5, quota: 25, requiresNib: true })
    const programmeDetail = (
      await batu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/programmes/${programme.id}` })
    ).json()
    expect(programmeDetail.sessions).toHaveLength(2)

    const palopo = await signIn(t, { username: 'umkm.palopo', password: DEMO_PASSWORD })
    const palopoList = (
      await palopo.request({ method: 'GET', url: `/api/v1/cities/${PALOPO}/umkm/businesses?q=sagu` })
    ).json()
    expect(palopoList.total).toBeGreaterThan(0)
    expect(
      (await palopo.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/businesses` })).statusCode,
    ).toBe(403)
  })
})
