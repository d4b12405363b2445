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
import type { CityRef } from '../../../platform/server/module.ts'

const ORO_ORO_OMBO = '35.79.01.2006'
const PUNTEN = '35.79.02.2001'
const MANCANI = '73.73.04.1003'
const M = 1_000_000_000

const BASE = `/api/v1/cities/${BATU}/umkm/businesses`

describe('UMKM registry', () => {
  let t: TestApp
  let batu: CityRef
  let staffBatu: Session
  let staffPalopo: Session
  let viewer: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    staffBatu = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    staffPalopo = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
  })
  afterAll(() => t.close())

  const create = (
    session: Session,
    payload: Record<string, unknown>,
    options: { city?: string; headers?: Record<string, string> } = {},
  ) =>
    session.request({
      method: 'POST',
      url: `/api/v1/cities/${options.city ?? BATU}/umkm/businesses`,
      payload,
      headers: options.headers,
    })

  const addFigures = (session: Session, businessId: string, payload: Record<string, unknown>) =>
    session.request({ method: 'POST', url: `${BASE}/${businessId}/figures`, payload })

  const keripik = {
    name: 'Keripik Apel Bu Sri',
    kbliCode: '10794',
    nib: '9120001234567',
    ownerName: 'Sri Wahyuningsih',
    ownerNik: '3579014107800001',
    ownerPhone: '081234567890',
    ownerVillageCode: PUNTEN,
    villageCode: ORO_ORO_OMBO,
    latitude: -7.8833,
    longitude: 112.5139,
    products: 'Keripik apel manalagi',
    workersPaidFemale: 3,
    workersUnpaidMale: 1,
    workersDisabledFemale: 1,
    selfReportedScale: 'mikro',
  }

  it('registers a business, and finds it by name, KBLI and desa', async () => {
    const created = await create(staffBatu, keripik)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      name: 'Keripik Apel Bu Sri',
      kbli: { code: '10794', version: 'KBLI2020', category: 'C' },
      nib: '9120001234567',
      owner: { name: 'Sri Wahyuningsih', nik: '3579014107800001', villageCode: PUNTEN },
      village: { code: ORO_ORO_OMBO, kind: 'desa' },
      workers: { paidFemale: 3, unpaidMale: 1, disabledFemale: 1, paidMale: 0 },
      selfReportedScale: 'mikro',
      figures: [],
      derivedScales: [],
      isSampleData: false,
    })
    await create(staffBatu, { name: 'Tempe Beji Pak Agus', kbliCode: '10391', ownerName: 'Agus Santoso' })

    const search = async (query: string) =>
      (await viewer.request({ method: 'GET', url: `${BASE}?${query}` }))
        .json()
        .items.map((b: { name: string }) => b.name)
    expect(await search('q=apel')).toEqual(['Keripik Apel Bu Sri'])
    expect(await search('kbli=10391')).toEqual(['Tempe Beji Pak Agus'])
    expect(await search('kbli=10')).toEqual(['Keripik Apel Bu Sri', 'Tempe Beji Pak Agus'])
    expect(await search(`village=${ORO_ORO_OMBO}`)).toEqual(['Keripik Apel Bu Sri'])
    expect(await search('hasNib=false')).toEqual(['Tempe Beji Pak Agus'])
    const tooBig = await viewer.request({ method: 'GET', url: `${BASE}?pageSize=101` })
    expect(tooBig.statusCode).toBe(400)
  })

  it('refuses an NIB that is not 13 digits, next to the field, in both languages, and writes nothing', async () => {
    const before = await countAuditRows(t)
    for (const nib of ['912000123456', '91200012345678', '91200012345AB']) {
      const refused = await create(staffBatu, { ...keripik, name: `Usaha NIB ${nib}`, nib })
      expect(refused.statusCode, nib).toBe(400)
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: '/body/nib', code: 'umkm.nib_invalid' }),
      ])
      expect(refused.json().errors[0].message).toContain('13 angka')
    }
    const english = await staffBatu.request({
      method: 'POST',
      url: BASE,
      payload: { ...keripik, nib: '123' },
      headers: { 'accept-language': 'en' },
    })
    expect(english.json().errors[0].message).toContain('exactly 13 digits')
    expect(await countAuditRows(t)).toBe(before)
    const list = (await staffBatu.request({ method: 'GET', url: `${BASE}?q=Usaha NIB` })).json()
    expect(list.total).toBe(0)
  })

  it('refuses an unknown KBLI code and a code of the wrong shape, and a desa of another city', async () => {
    const before = await countAuditRows(t)
    const unknown = await create(staffBatu, { ...keripik, nib: null, kbliCode: '04100' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: '/body/kbliCode', code: 'umkm.kbli_unknown' }),
    ])
    expect(unknown.json().errors[0].message).toContain('KBLI2020')
    const shape = await create(staffBatu, { ...keripik, nib: null, kbliCode: '1079' })
    expect(shape.json().errors[0]).toMatchObject({ field: '/body/kbliCode', code: 'umkm.kbli_invalid' })
    const foreign = await create(staffBatu, { ...keripik, nib: null, villageCode: MANCANI })
    expect(foreign.json().errors[0]).toMatchObject({
      field: '/body/villageCode',
      code: 'umkm.village_not_in_city',
    })
    expect(await countAuditRows(t)).toBe(before)
  })

  it('records when a business started operating, refusing a future year and a month without its year', async () => {
    const before = await countAuditRows(t)
    // Two years ahead: whatever day the test runs, that is after this month in Batu.
    const future = await create(staffBatu, {
      ...keripik,
      nib: null,
      startedYear: new Date().getFullYear() + 2,
    })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: '/body/startedYear', code: 'umkm.started_in_future' }),
    ])
    const monthOnly = await create(staffBatu, { ...keripik, nib: null, startedMonth: 6 })
    expect(monthOnly.json().errors).toEqual([
      expect.objectContaining({ field: '/body/startedMonth', code: 'umkm.started_month_without_year' }),
    ])
    expect(await countAuditRows(t)).toBe(before)

    const created = await create(staffBatu, {
      ...keripik,
      nib: null,
      name: 'Sari Apel 2015',
      startedYear: 2015,
    })
    expect(created.json()).toMatchObject({ startedYear: 2015, startedMonth: null })
    // A month alone on an edit reads the year already stored.
    const edited = await staffBatu.request({
      method: 'PATCH',
      url: `${BASE}/${created.json().id}`,
      payload: { startedMonth: 6 },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ startedYear: 2015, startedMonth: 6 })
  })

  it('refuses a second business with the same NIB in the city', async () => {
    const duplicate = await create(staffBatu, { ...keripik, name: 'Keripik Apel Kembar' })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().code).toBe('umkm.nib_taken')
  })

  it('creates once when the same Idempotency-Key is sent again', async () => {
    const headers = { 'idempotency-key': 'daftar-sari-apel-1' }
    const payload = { name: 'Sari Apel Jaya', kbliCode: '10330', ownerName: 'Dewi Lestari' }
    const first = await create(staffBatu, payload, { headers })
    const again = await create(staffBatu, payload, { headers })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.json().id).toBe(first.json().id)
    const list = (await staffBatu.request({ method: 'GET', url: `${BASE}?q=Sari Apel Jaya` })).json()
    expect(list.total).toBe(1)
  })

  it('derives the scale from figures at the exact thresholds of PP 7/2021', async () => {
    const business = (
      await create(staffBatu, { name: 'Jenang Apel Ambang', kbliCode: '10796', ownerName: 'Rina Pratama' })
    ).json()
    const atLimit = await addFigures(staffBatu, business.id, {
      asOf: '2024-12-31',
      capitalRupiah: 1 * M,
      annualSalesRupiah: 2 * M,
      assetsRupiah: 50_000_000,
      workers: 4,
      sourceNote: 'Pendataan Dinas 2024',
    })
    expect(atLimit.statusCode).toBe(201)
    const scales = (detail: { derivedScales: { rule: string; scale: string }[] }) =>
      Object.fromEntries(detail.derivedScales.map((d) => [d.rule, d.scale]))
    expect(scales(atLimit.json())).toEqual({
      pp7_2021_capital: 'mikro',
      pp7_2021_sales: 'mikro',
      uu20_2008: 'mikro',
    })

    const oneAbove = await addFigures(staffBatu, business.id, {
      asOf: '2025-06-30',
      capitalRupiah: 1 * M + 1,
      annualSalesRupiah: 2 * M + 1,
      sourceNote: 'Pendataan Dinas 2025',
    })
    const detail = oneAbove.json()
    expect(scales(detail)).toEqual({
      pp7_2021_capital: 'kecil',
      pp7_2021_sales: 'kecil',
      // UU 20/2008 reads the 2025 record's sales only (no assets there): > Rp300 juta – Rp2,5 miliar.
      uu20_2008: 'kecil',
    })
    expect(detail.derivedScales.find((d: { rule: string }) => d.rule === 'pp7_2021_capital')).toMatchObject({
      article: 'PP 7/2021 Pasal 35 ayat (3)',
      asOf: '2025-06-30',
      evidence: [{ figure: 'capital', rupiah: 1 * M + 1, scale: 'kecil' }],
    })
    expect(detail.figures.map((f: { asOf: string }) => f.asOf)).toEqual(['2024-12-31', '2025-06-30'])
    expect(detail.selfReportedScale).toBeNull()

    // The list filters on the same derived scale, by the rule asked for (PP 7/2021 sales by default).
    const small = (await viewer.request({ method: 'GET', url: `${BASE}?scale=kecil` })).json()
    expect(small.items.map((b: { name: string }) => b.name)).toEqual(['Jenang Apel Ambang'])
    expect(small.items[0].derivedScale).toEqual({ rule: 'pp7_2021_sales', scale: 'kecil' })
    const byCapital = (
      await viewer.request({ method: 'GET', url: `${BASE}?scale=kecil&rule=pp7_2021_capital` })
    ).json()
    expect(byCapital.total).toBe(1)
  })

  it('shows a micro → small move as naik kelas with its evidence, and keeps the self-reported scale', async () => {
    const business = (
      await create(staffBatu, { ...keripik, name: 'Batik Apel Naik', nib: '3579000000001' })
    ).json()
    await addFigures(staffBatu, business.id, {
      asOf: '2023-12-31',
      annualSalesRupiah: 1_500_000_000,
      sourceNote: 'Formulir pendaftaran',
    })
    const moved = (
      await addFigures(staffBatu, business.id, {
        asOf: '2025-12-31',
        annualSalesRupiah: 2_400_000_000,
        workers: 9,
        sourceNote: 'Laporan pendampingan',
      })
    ).json()
    const sales = moved.naikKelas.filter((n: { rule: string }) => n.rule === 'pp7_2021_sales')
    expect(sales).toEqual([
      expect.objectContaining({
        from: expect.objectContaining({
          scale: 'mikro',
          asOf: '2023-12-31',
          evidence: [{ figure: 'annual_sales', rupiah: 1_500_000_000, scale: 'mikro' }],
        }),
        to: expect.objectContaining({
          scale: 'kecil',
          asOf: '2025-12-31',
          article: 'PP 7/2021 Pasal 35 ayat (4)–(5)',
          evidence: [{ figure: 'annual_sales', rupiah: 2_400_000_000, scale: 'kecil' }],
        }),
      }),
    ])
    expect(moved.selfReportedScale).toBe('mikro')
  })

  it('refuses an empty figures record and one dated in the future', async () => {
    const business = (
      await create(staffBatu, { name: 'Tempe Kosong', kbliCode: '10391', ownerName: 'Budi Hidayat' })
    ).json()
    const before = await countAuditRows(t)
    const empty = await addFigures(staffBatu, business.id, { asOf: '2025-01-01', sourceNote: 'Tidak ada' })
    expect(empty.json().errors[0].code).toBe('umkm.figures_empty')
    const future = await addFigures(staffBatu, business.id, {
      asOf: '2999-01-01',
      annualSalesRupiah: 1,
      sourceNote: 'Ramalan',
    })
    expect(future.json().errors[0]).toMatchObject({
      field: '/body/asOf',
      code: 'umkm.figures_date_in_future',
    })
    expect(await countAuditRows(t)).toBe(before)
  })

  it('masks NIK, phone and owner name for a city viewer, and shows them to UMKM staff', async () => {
    const list = (await viewer.request({ method: 'GET', url: `${BASE}?q=Bu Sri` })).json()
    const id = list.items[0].id
    expect(list.items[0].ownerName).toBe('S** W*****')
    const masked = (await viewer.request({ method: 'GET', url: `${BASE}/${id}` })).json()
    expect(masked.owner).toEqual({
      name: 'S** W*****',
      nik: '3579********0001',
      phone: '0812****7890',
      villageCode: PUNTEN,
    })
    expect(masked.personalDataMasked).toBe(true)
    const full = (await staffBatu.request({ method: 'GET', url: `${BASE}/${id}` })).json()
    expect(full.owner).toMatchObject({
      name: 'Sri Wahyuningsih',
      nik: '3579014107800001',
      phone: '081234567890',
    })
    expect(full.personalDataMasked).toBe(false)
  })

  it('lets only UMKM staff write', async () => {
    const refused = await create(viewer, { name: 'Usaha Pengamat', kbliCode: '10391', ownerName: 'Andi' })
    expect(refused.statusCode).toBe(403)
  })

  it('changes a business with before and after in the audit log, personal data masked there', async () => {
    const id = (await viewer.request({ method: 'GET', url: `${BASE}?q=Bu Sri` })).json().items[0].id
    const changed = await staffBatu.request({
      method: 'PATCH',
      url: `${BASE}/${id}`,
      payload: {
        products: 'Keripik apel, sari apel',
        ownerPhone: '085712345678',
        selfReportedScale: 'kecil',
      },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ products: 'Keripik apel, sari apel', selfReportedScale: 'kecil' })
    const badNib = await staffBatu.request({ method: 'PATCH', url: `${BASE}/${id}`, payload: { nib: '12' } })
    expect(badNib.json().errors[0].code).toBe('umkm.nib_invalid')
    const admin = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_admin' }] }))
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/cities/${BATU}/audit?entityId=${id}` })
    ).json()
    const entries = audit.items ?? audit
    const update = entries.find((entry: { action: string }) => entry.action === 'umkm_business.updated')
    expect(update.after.ownerPhone).toBe('0857****5678')
    expect(JSON.stringify(entries)).not.toContain('3579014107800001')
  })

  it("a user of Palopo can neither see nor change Batu's businesses, nor Batu's user Palopo's", async () => {
    const batuId = (await staffBatu.request({ method: 'GET', url: `${BASE}?q=Bu Sri` })).json().items[0].id
    const palopoBusiness = await create(
      staffPalopo,
      { name: 'Abon Tuna Wara', kbliCode: '10219', ownerName: 'Andi Saputra', villageCode: MANCANI },
      { city: PALOPO },
    )
    expect(palopoBusiness.statusCode).toBe(201)
    const palopoId = palopoBusiness.json().id

    expect((await staffPalopo.request({ method: 'GET', url: BASE })).statusCode).toBe(403)
    expect((await staffPalopo.request({ method: 'GET', url: `${BASE}/${batuId}` })).statusCode).toBe(403)
    const patch = await staffPalopo.request({
      method: 'PATCH',
      url: `${BASE}/${batuId}`,
      payload: { name: 'Diambil alih' },
    })
    expect(patch.statusCode).toBe(403)
    // Through its own city's URL, another city's record does not exist.
    const palopoBase = `/api/v1/cities/${PALOPO}/umkm/businesses`
    expect((await staffPalopo.request({ method: 'GET', url: `${palopoBase}/${batuId}` })).statusCode).toBe(
      404,
    )
    const sneaky = await staffPalopo.request({
      method: 'POST',
      url: `${palopoBase}/${batuId}/figures`,
      payload: { asOf: '2025-01-01', annualSalesRupiah: 1, sourceNote: 'Coba' },
    })
    expect(sneaky.statusCode).toBe(404)
    expect((await staffBatu.request({ method: 'GET', url: `${BASE}/${palopoId}` })).statusCode).toBe(404)
    const palopoList = (await staffPalopo.request({ method: 'GET', url: palopoBase })).json()
    expect(palopoList.items.map((b: { name: string }) => b.name)).toEqual(['Abon Tuna Wara'])
    const batuDetail = (await staffBatu.request({ method: 'GET', url: `${BASE}/${batuId}` })).json()
    expect(batuDetail.name).toBe('Keripik Apel Bu Sri')
  })
})
