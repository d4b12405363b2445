import ExcelJS from 'exceljs'
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

const ORO_ORO_OMBO = '35.79.01.2006'
const TLEKUNG = '35.79.03.2004'
const DAY = '2025-01-15'
const T = 1_000_000
const API = '/api/v1/cities/35.79'

/**
 * January 2025 on paper: 1 000 people × 500 g × 31 days = 15.5 t generated. A TPS 3R takes in 5 t,
 * sorts out 3 t of food waste, composts 2 t and sends 2 t of residue to a controlled landfill:
 * B = 2 t (12.90 %), C = 2 t (12.90 %), terkelola 25.81 %.
 */
describe('city waste balance', () => {
  let t: TestApp
  let dlh: Session
  let viewer: Session
  let palopoDlh: Session
  let compost: { id: string; fromFacility?: { id: string } }

  const balance = async (period: string, session = dlh) =>
    (await session.request({ method: 'GET', url: `${API}/waste-balance/periods/${period}` })).json()
  const flow = async (payload: Record<string, unknown>) => {
    const response = await dlh.request({
      method: 'POST',
      url: `${API}/waste/flows`,
      payload: { date: DAY, ...payload },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }
  const estimate = (payload: Record<string, unknown>, session = dlh, year = 2025) =>
    session.request({
      method: 'PUT',
      url: `${API}/waste-balance/estimates/${year}`,
      payload: {
        population: 1000,
        populationSource: 'BPS (uji)',
        gramsPerCapitaDay: 500,
        rateSource: 'SNI 19-3983-1995',
        nonHouseholdGramsPerDay: 0,
        touristVisits: 0,
        gramsPerVisit: 0,
        ...payload,
      },
    })

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    const palopo = await activate(t, PALOPO)
    dlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
    palopoDlh = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'dlh_staff' }] }))
    const facility = async (payload: Record<string, unknown>) =>
      (await dlh.request({ method: 'POST', url: `${API}/waste/facilities`, payload })).json().id as string
    const tps3r = await facility({ kind: 'tps3r', name: 'TPS3R Uji', villageCode: ORO_ORO_OMBO })
    const tpa = await facility({
      kind: 'tpa',
      name: 'TPA Uji',
      villageCode: TLEKUNG,
      landfillSystem: 'controlled_landfill',
    })
    await flow({
      kind: 'intake',
      material: 'campuran',
      weightGrams: 5 * T,
      toFacilityId: tps3r,
      fromVillageCode: ORO_ORO_OMBO,
      fromSector: 'rumah_tangga',
    })
    await flow({
      kind: 'sorting',
      material: 'sisa_makanan',
      sortedFrom: 'campuran',
      weightGrams: 3 * T,
      fromFacilityId: tps3r,
      toFacilityId: tps3r,
    })
    compost = await flow({
      kind: 'outcome',
      material: 'sisa_makanan',
      outcome: 'composted',
      weightGrams: 2 * T,
      fromFacilityId: tps3r,
    })
    await flow({
      kind: 'transfer',
      material: 'campuran',
      weightGrams: 2 * T,
      fromFacilityId: tps3r,
      toFacilityId: tpa,
    })
  })
  afterAll(() => t?.close())

  it('shows B and C without shares, not 0 %, until the year has a timbulan estimate', async () => {
    const january = await balance('2025-01')
    expect(january.figures).toMatchObject({ timbulan: null, reduction: 2 * T, handling: 2 * T })
    expect(january.figures.percent.managed).toBeNull()
    expect(january.estimate).toBeNull()
  })

  it('computes the hand-checked month once the estimate is entered, with its method', async () => {
    const saved = await estimate({})
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().perDay).toEqual({ household: 500_000, nonHousehold: 0, tourists: 0, total: 500_000 })
    const january = await balance('2025-01')
    expect(january.figures).toMatchObject({
      timbulan: 15_500_000,
      reduction: 2 * T,
      handling: 2 * T,
      handlingControlled: 2 * T,
      percent: { reduction: 12.9, handling: 12.9, managed: 25.81, sdg1161: 25.81 },
    })
    expect(january.estimate).toMatchObject({ populationSource: 'BPS (uji)', inPeriod: { days: 31 } })
    expect(january.districts).toEqual([{ districtCode: '35.79.01', reduction: 2 * T, handling: 2 * T }])
    expect(january.links).toContainEqual({ from: 'facility:tps3r', to: 'facility:tpa', grams: 2 * T })
  })

  it('rolls the month up into periode 1 and the year, against the national targets', async () => {
    const s1 = await balance('2025-S1')
    expect(s1.figures).toMatchObject({ reduction: 2 * T, timbulan: 500_000 * 181 })
    const year = await balance('2025')
    expect(year.figures.timbulan).toBe(500_000 * 365)
    expect(year.months).toHaveLength(12)
    expect(year.targets.target).toMatchObject({ origin: 'national', reductionBasisPoints: 3000 })
    expect(year.targets.reduction.met).toBe(false)
  })

  it('changes the figures when the ledger is corrected, and counts hand-entered flows with their source', async () => {
    const corrected = await dlh.request({
      method: 'POST',
      url: `${API}/waste/flows/${compost.id}/correction`,
      payload: {
        kind: 'outcome',
        date: DAY,
        material: 'sisa_makanan',
        outcome: 'composted',
        weightGrams: 1_500_000,
        fromFacilityId: compost.fromFacility?.id ?? undefined,
      },
    })
    expect(corrected.statusCode, corrected.body).toBe(201)
    expect((await balance('2025-01')).figures).toMatchObject({
      reduction: 1_500_000,
      percent: { reduction: 9.68 },
    })

    const added = await dlh.request({
      method: 'POST',
      url: `${API}/waste-balance/manual-flows`,
      payload: {
        month: '2025-01',
        part: 'to_recycler',
        material: 'plastik',
        weightGrams: 500_000,
        source: 'Survei pengepul DLH',
      },
    })
    expect(added.statusCode, added.body).toBe(201)
    expect((await balance('2025-01')).figures).toMatchObject({
      reduction: 2 * T,
      percent: { reduction: 12.9 },
    })
    const listed = await dlh.request({ method: 'GET', url: `${API}/waste-balance/manual-flows?period=2025` })
    expect(listed.json()).toEqual([
      expect.objectContaining({ provenance: 'manual', source: 'Survei pengepul DLH' }),
    ])
  })

  it('refuses bad estimates with a clear answer and changes nothing', async () => {
    const before = await countAuditRows(t)
    const negative = await estimate({ population: -5 })
    expect(negative.statusCode).toBe(400)
    expect(negative.json().errors).toEqual([
      expect.objectContaining({ field: '/body/population', code: 'balance.not_negative' }),
    ])
    const unusual = await estimate({ gramsPerCapitaDay: 3001 })
    expect(unusual.statusCode).toBe(400)
    expect(unusual.body).toContain('0,1–3 kg')
    const english = await dlh.request({
      method: 'PUT',
      url: `${API}/waste-balance/estimates/2025`,
      headers: { 'accept-language': 'en' },
      payload: {
        population: 1,
        populationSource: 'x1',
        gramsPerCapitaDay: 50,
        rateSource: 'x1',
        nonHouseholdGramsPerDay: 0,
        touristVisits: 0,
        gramsPerVisit: 0,
      },
    })
    expect(english.body).toContain('usual')
    expect(await countAuditRows(t)).toBe(before)
    expect((await balance('2025-01')).figures.timbulan).toBe(15_500_000)
    const confirmed = await estimate({ gramsPerCapitaDay: 3001, confirmUnusualRate: true }, dlh, 2024)
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json().rateConfirmed).toBe(true)
  })

  it("takes the city's own Jakstrada target over the national one", async () => {
    const over = await dlh.request({
      method: 'PUT',
      url: `${API}/waste-balance/targets/2025`,
      payload: { reductionBasisPoints: 4000, handlingBasisPoints: 6500, decree: 'Perwali uji' },
    })
    expect(over.statusCode).toBe(400)
    const set = await dlh.request({
      method: 'PUT',
      url: `${API}/waste-balance/targets/2025`,
      payload: { reductionBasisPoints: 1000, handlingBasisPoints: 9000, decree: 'Perwali uji 1/2025' },
    })
    expect(set.json()).toMatchObject({ origin: 'city', source: 'Perwali uji 1/2025' })
    const january = await balance('2025-01')
    expect(january.targets.reduction).toMatchObject({ targetPercent: 10, met: true })
  })

  it('publishes the year into the indicator registry as computed values', async () => {
    const published = await dlh.request({ method: 'POST', url: `${API}/waste-balance/years/2025/publish` })
    expect(published.statusCode, published.body).toBe(200)
    const values = await viewer.request({
      method: 'GET',
      url: `${API}/indicators/waste_terkelola_pct/values`,
    })
    expect(published.json().periods).toEqual([
      '2025',
      '2025-S1',
      '2025-S2',
      ...Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`),
    ])
    const byPeriod = new Map(
      (values.json().values as { period: string; value: number; provenance: string }[]).map((row) => [
        row.period,
        row,
      ]),
    )
    // (B + C) / A = 4 t ÷ (0.5 t × 365 days) = 2.19 %
    expect(byPeriod.get('2025')).toMatchObject({ provenance: 'computed', value: 2.19 })
    expect(byPeriod.size).toBe(15)
    // The handled tonnes of the months add up to the year's, and so do the two semesters'.
    const handled = (
      await viewer.request({ method: 'GET', url: `${API}/indicators/waste_penanganan_t/values` })
    ).json().values as { period: string; value: number }[]
    const tonnes = new Map(handled.map((row) => [row.period, row.value]))
    const months = handled.filter((row) => /^2025-\d{2}$/.test(row.period))
    expect(months.reduce((sum, row) => sum + row.value, 0)).toBeCloseTo(tonnes.get('2025')!, 2)
    expect(tonnes.get('2025-S1')! + tonnes.get('2025-S2')!).toBeCloseTo(tonnes.get('2025')!, 2)
    // Timbulan in t/year is a yearly figure: no semester or month carries it.
    const perYear = await viewer.request({
      method: 'GET',
      url: `${API}/indicators/waste_timbulan_tpy/values`,
    })
    expect(perYear.json().values.map((row: { period: string }) => row.period)).toEqual(['2025'])
  })

  it('publishes B and C per kecamatan too, leaving what has no place to the city row', async () => {
    const read = async (code: string) =>
      (
        (await viewer.request({ method: 'GET', url: `${API}/indicators/${code}/values?district=all` })).json()
          .values as {
          period: string
          value: number
          districtCode: string | null
          districtName: string | null
        }[]
      ).filter((row) => row.period === '2025-01')
    // January after the correction: 1.5 t composted at the TPS 3R in Batu (35.79.01), 0.5 t of plastic
    // to a recycler entered by hand without a kecamatan, 2 t of residue handled from the TPS 3R.
    expect(await read('waste_pengurangan_t')).toEqual([
      expect.objectContaining({ districtCode: null, value: 2 }),
      expect.objectContaining({ districtCode: '35.79.01', districtName: 'Batu', value: 1.5 }),
    ])
    expect(await read('waste_penanganan_t')).toEqual([
      expect.objectContaining({ districtCode: null, value: 2 }),
      expect.objectContaining({ districtCode: '35.79.01', value: 2 }),
    ])
    // Shares need a timbulan per kecamatan, which is not estimated: the city row only.
    expect((await read('waste_terkelola_pct')).map((row) => row.districtCode)).toEqual([null])
  })

  it('lets a viewer read but not write, and keeps Palopo out of Batu', async () => {
    expect(
      (await viewer.request({ method: 'GET', url: `${API}/waste-balance/periods/2025` })).statusCode,
    ).toBe(200)
    expect((await estimate({}, viewer)).statusCode).toBe(403)
    const before = await countAuditRows(t)
    expect(
      (await palopoDlh.request({ method: 'GET', url: `${API}/waste-balance/periods/2025` })).statusCode,
    ).toBe(403)
    expect((await estimate({ population: 1 }, palopoDlh)).statusCode).toBe(403)
    const palopoOwn = await palopoDlh.request({
      method: 'GET',
      url: '/api/v1/cities/73.73/waste-balance/periods/2025-01',
    })
    expect(palopoOwn.json().figures).toMatchObject({ reduction: 0, handling: 0, timbulan: null })
    expect(await countAuditRows(t)).toBe(before)
  })

  it('publishes a read-only balance to anyone, without a session', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `${API}/waste-balance/public/periods/2025-01`,
    })
    expect(anonymous.statusCode).toBe(200)
    expect(anonymous.headers['cache-control']).toContain('public')
    expect(anonymous.json().figures).toMatchObject({ reduction: 2 * T, handling: 2 * T })
    const writes = await t.app.inject({
      method: 'PUT',
      url: `${API}/waste-balance/estimates/2025`,
      payload: {},
    })
    expect(writes.statusCode).toBe(401)
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cities/99.99/waste-balance/public/periods/2025',
    })
    expect(unknown.statusCode).toBe(404)
  })

  it("exports the year in SIPSN's own column shapes", async () => {
    const response = await viewer.request({
      method: 'GET',
      url: `${API}/waste-balance/years/2025/sipsn.xlsx`,
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('sipsn-kota-batu-2025.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const capaian = workbook.getWorksheet('Capaian Kinerja')!
    expect(capaian.getRow(1).getCell(5).value).toBe('Timbulan Sampah Tahunan (ton/tahun)(A)')
    expect(capaian.getRow(1).getCell(14).value).toBe('Recycling Rate(D+E)/A')
    // Periode 1 holds January; the year row the whole year: A = 0.5 t × 365, B = 2 t, C = 2 t.
    const [, year, periode, province, city, ...figures] = capaian.getRow(2).values as unknown[]
    expect([year, periode, city]).toEqual([2025, 1, 'Kota Batu'])
    expect(province).toMatch(/jawa timur/i)
    // A = 0.5 t × 181 days; B = 2 t (2.21 %); C = 2 t; B+C = 4 t (4.42 %); D = 2 t; E = 0.
    expect(figures).toEqual([90.5, 2, 2.21, 2, 2.21, 4, 4.42, 2, 0, 2.21])
    expect(capaian.getRow(4).getCell(5).value).toBe(182.5)
    expect(capaian.getRow(4).getCell(2).value).toBeNull()
    const fasilitas = workbook.getWorksheet('Fasilitas')!
    const rows = fasilitas.getSheetValues().slice(2) as unknown[][]
    expect(rows).toContainEqual([
      undefined,
      2025,
      1,
      expect.any(String),
      'Kota Batu',
      'TPA Uji',
      'TPA',
      'A',
      2,
      2,
    ])
    expect(rows).toContainEqual([
      undefined,
      2025,
      1,
      expect.any(String),
      'Kota Batu',
      'TPS3R Uji',
      'TPS3R',
      'A',
      5,
      1.5,
    ])
  })

  it("imports SIPSN baselines with provenance imported, and refuses another city's file whole", async () => {
    const workbook = async (city: string) => {
      const book = new ExcelJS.Workbook()
      const capaian = book.addWorksheet('Capaian Kinerja')
      capaian.addRow([
        'Tahun',
        'Periode',
        'Provinsi',
        'Kabupaten/Kota',
        'Timbulan Sampah Tahunan (ton/tahun)(A)',
        '%Sampah Terkelola(B+C)/A',
      ])
      capaian.addRow([2023, 2, 'Jawa Timur', 'Kota Batu', 52_062.38, '60,5'])
      capaian.addRow([2024, 2, 'Jawa Timur', city, 52_910.59, 70.25])
      return Buffer.from(await book.xlsx.writeBuffer())
    }
    const send = async (body: Buffer) =>
      dlh.request({
        method: 'POST',
        url: `${API}/waste-balance/sipsn-import`,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: body,
      })
    const before = await countAuditRows(t)
    const foreign = await send(await workbook('Kota Palopo'))
    expect(foreign.statusCode).toBe(422)
    expect(foreign.json().detail ?? foreign.body).toContain('Kota Palopo')
    expect(await countAuditRows(t)).toBe(before)
    const values = () =>
      viewer.request({ method: 'GET', url: `${API}/indicators/waste_terkelola_pct/values` })
    // What the publish test wrote: 2025, its semesters and months; nothing from Palopo's file.
    expect((await values()).json().values).toHaveLength(15)

    const imported = await send(await workbook('Kota Batu'))
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json()).toEqual({ imported: 4, years: [2023, 2024] })
    expect((await values()).json().values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ period: '2023', value: 60.5, provenance: 'imported' }),
        expect.objectContaining({ period: '2024', value: 70.25, provenance: 'imported' }),
        expect.objectContaining({ period: '2025', provenance: 'computed' }),
      ]),
    )
  })

  it('compares every kabupaten/kota for a period in one public request', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/waste-balance/comparison/2025-01' })
    expect(response.statusCode).toBe(200)
    const { cities } = response.json()
    expect(cities).toHaveLength(514)
    const batu = cities.find((row: { city: { code: string } }) => row.city.code === '35.79')
    expect(batu).toMatchObject({ reduction: 2 * T, handling: 2 * T, percent: { managed: 25.81 } })
    const palopo = cities.find((row: { city: { code: string } }) => row.city.code === '73.73')
    expect(palopo).toMatchObject({ timbulan: null, reduction: 0, percent: { managed: null } })
  })

  it('imports hand-kept flows from a spreadsheet whole, or not at all', async () => {
    const template = await dlh.request({
      method: 'GET',
      url: `${API}/waste-balance/manual-flows/template.xlsx`,
    })
    expect(template.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    const send = async () =>
      dlh.request({
        method: 'POST',
        url: `${API}/waste-balance/manual-flows/import`,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: Buffer.from(await book.xlsx.writeBuffer()),
      })
    sheet.addRow(['2025-02', 'to_recycler', 'plastik', '73.73.01', '5', 'Survei'])
    const before = (await balance('2025-02')).figures.reduction
    const refused = await send()
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('Baris 4')
    expect((await balance('2025-02')).figures.reduction).toBe(before)

    sheet.spliceRows(4, 1)
    sheet.getRow(2).getCell(1).value = '2025-02'
    sheet.getRow(3).getCell(1).value = '2025-02'
    const imported = await send()
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json()).toEqual({ imported: 2 })
    const february = await balance('2025-02')
    expect(february.figures.reduction - before).toBe(1_250_500 + 30_000_000)
    expect(february.figures.feedstock).toBe(30_000_000)
    const listed = await dlh.request({
      method: 'GET',
      url: `${API}/waste-balance/manual-flows?period=2025-02`,
    })
    expect(listed.json()).toEqual([
      expect.objectContaining({ provenance: 'imported', source: 'Survei pengepul DLH' }),
      expect.objectContaining({ provenance: 'imported', part: 'feedstock' }),
    ])
  })
})
