import { and, count, eq } from 'drizzle-orm'
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
import { auditLog } from '../../../platform/server/audit/audit.tables.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { SIDT_COLUMNS, type SidtRawRow } from '../domain/sidt.ts'
import { XLSX_TYPE } from './sidt.upload.ts'
import { umkmBusinesses, umkmBusinessFigures } from './umkm.tables.ts'

const ORO_ORO_OMBO = '35.79.01.2006'
const PUNTEN = '35.79.02.2001'

function row(n: number, changes: SidtRawRow = {}): SidtRawRow {
  const serial = String(n).padStart(4, '0')
  return {
    id_data_badan_usaha: `SIDT-BATU-${serial}`,
    nik_pengusaha: `357901410780${serial}`,
    nama_pengusaha: `Pemilik ${serial}`,
    nib: `912000123${serial}`,
    jenis_kelamin: n % 2 ? 'P' : 'L',
    is_disabilitas: '0',
    tanggal_lahir: '1980-07-01',
    kontak_hp: `08123456${serial}`,
    kel_pengusaha: PUNTEN,
    nama_usaha: `Keripik Apel ${serial}`,
    kode_kbli: '10794',
    kategori_kbli: 'C',
    skala_usaha: 'mikro',
    modal_pendirian: '25000000',
    omzet_tahunan: '180000000',
    prov_usaha: '35',
    kab_usaha: '35.79',
    kec_usaha: '35.79.01',
    kel_usaha: ORO_ORO_OMBO,
    alamat_usaha: 'Jl. Raya Oro-Oro Ombo',
    tk_dibayar_perempuan: '2',
    updated_at: '2026-04-15 08:30:00',
    ...changes,
  }
}

async function xlsxOf(rows: SidtRawRow[], columns: readonly string[] = SIDT_COLUMNS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('SIDT')
  sheet.addRow([...columns])
  for (const raw of rows) sheet.addRow(columns.map((column) => raw[column as keyof SidtRawRow] ?? null))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** As Excel set to Indonesian saves it: semicolons. */
function csvOf(rows: SidtRawRow[]): Buffer {
  const lines = [
    SIDT_COLUMNS.join(';'),
    ...rows.map((raw) => SIDT_COLUMNS.map((c) => raw[c] ?? '').join(';')),
  ]
  return Buffer.from(`${lines.join('\r\n')}\r\n`)
}

async function sheetOf(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  const out: string[][] = []
  workbook.worksheets[0]!.eachRow((line) => {
    out.push(SIDT_COLUMNS.map((_, i) => String(line.getCell(i + 1).value ?? '')))
  })
  return out
}

describe('SIDT import and export', () => {
  let t: TestApp
  let batu: CityRef
  let palopo: CityRef
  let staffBatu: Session
  let staffPalopo: Session
  let viewer: Session

  beforeAll(async () => {
    t = await createTestApp()
    batu = await activate(t, BATU)
    palopo = await activate(t, PALOPO)
    staffBatu = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
    staffPalopo = await signIn(t, await createTestUser(t, { roles: [{ city: palopo, role: 'umkm_staff' }] }))
    viewer = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'city_viewer' }] }))
  })
  afterAll(() => t.close())

  const start = (
    session: Session,
    body: Buffer,
    options: { city?: string; csv?: boolean; key?: string; language?: string } = {},
  ) =>
    session.request({
      method: 'POST',
      url: `/api/v1/cities/${options.city ?? BATU}/umkm/sidt/imports`,
      payload: body,
      headers: {
        'content-type': options.csv ? 'text/csv' : XLSX_TYPE,
        ...(options.key ? { 'idempotency-key': options.key } : {}),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
    })

  /** Polls the job as the web page does, until it has finished. */
  async function finished(
    session: Session,
    jobId: string,
    options: { city?: string; language?: string } = {},
  ) {
    for (;;) {
      const response = await session.request({
        method: 'GET',
        url: `/api/v1/cities/${options.city ?? BATU}/umkm/sidt/imports/${jobId}`,
        headers: options.language ? { 'accept-language': options.language } : {},
      })
      expect(response.statusCode).toBe(200)
      if (response.json().status !== 'running') return response.json()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  async function importFile(session: Session, body: Buffer, options: Parameters<typeof start>[2] = {}) {
    const started = await start(session, body, options)
    expect(started.statusCode, started.body).toBe(202)
    expect(started.headers.location).toContain(`/sidt/imports/${started.json().id}`)
    return finished(session, started.json().id, options)
  }

  const countBusinesses = async (city: CityRef) => {
    const [result] = await t.database.db
      .select({ value: count() })
      .from(umkmBusinesses)
      .where(eq(umkmBusinesses.cityId, city.id))
    return result!.value
  }
  const exportFile = (session: Session, query = '') =>
    session.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/sidt/export.xlsx${query}` })

  it('imports a good file, then exports the 49 columns in order with the NIK and phone masked', async () => {
    const before = await countAuditRows(t)
    const job = await importFile(staffBatu, await xlsxOf([row(1), row(2), row(3, { asset: '40000000' })]))
    expect(job).toMatchObject({
      status: 'done',
      problem: null,
      result: { rows: 3, inserted: 3, updated: 0, unchanged: 0, figures: 3 },
      total: 3,
      done: 3,
    })
    expect(await countBusinesses(batu)).toBe(3)
    // One audit record for the whole file, with its counts.
    expect(await countAuditRows(t)).toBe(before + 1)
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cityId, batu.id), eq(auditLog.action, 'umkm_business.sidt_imported')))
    expect(audit!.after).toMatchObject({ rows: 3, inserted: 3, updated: 0, format: 'xlsx' })

    const list = (
      await viewer.request({
        method: 'GET',
        url: `/api/v1/cities/${BATU}/umkm/businesses?q=Keripik Apel 0003`,
      })
    ).json()
    expect(list.items[0]).toMatchObject({
      nib: '9120001230003',
      kbli: { code: '10794', category: 'C' },
      village: { code: ORO_ORO_OMBO },
      selfReportedScale: 'mikro',
      derivedScale: { scale: 'mikro' },
    })
    const detail = (
      await staffBatu.request({
        method: 'GET',
        url: `/api/v1/cities/${BATU}/umkm/businesses/${list.items[0].id}`,
      })
    ).json()
    expect(detail.figures).toEqual([
      expect.objectContaining({
        asOf: '2026-04-15',
        capitalRupiah: 25_000_000,
        annualSalesRupiah: 180_000_000,
        assetsRupiah: 40_000_000,
        sourceNote: 'SIDT',
      }),
    ])
    expect(detail.owner).toMatchObject({ nik: '3579014107800003', villageCode: PUNTEN })

    const exported = await exportFile(staffBatu)
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toBe(XLSX_TYPE)
    expect(exported.headers['content-disposition']).toMatch(/sidt-umkm-kota-batu-\d{4}-\d{2}-\d{2}\.xlsx/)
    const sheet = await sheetOf(exported.rawPayload)
    expect(sheet[0]).toEqual([...SIDT_COLUMNS])
    expect(sheet).toHaveLength(4)
    const third = Object.fromEntries(SIDT_COLUMNS.map((column, i) => [column, sheet[3]![i]]))
    expect(third).toMatchObject({
      id_data_badan_usaha: 'SIDT-BATU-0003',
      nik_pengusaha: '3579********0003',
      kontak_hp: '0812****0003',
      tanggal_lahir: '1980-**-**',
      nama_pengusaha: 'Pemilik 0003',
      nib: '9120001230003',
      kode_kbli: '10794',
      kab_usaha: '35.79',
      kel_usaha: ORO_ORO_OMBO,
      asset: '40000000',
      omzet_tahunan: '180000000',
    })
  })

  it('exports CSV, masks owner names for a reader without personal data, and unmasks only with the permission, audited', async () => {
    const csv = await exportFile(viewer, '?format=csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(SIDT_COLUMNS.join(','))
    expect(lines[1]).toContain('3579********0001')
    expect(lines[1]).toContain('P***** 0***')
    expect(lines[1]).not.toContain('Pemilik 0001')

    const before = await countAuditRows(t)
    expect((await exportFile(viewer, '?unmasked=true')).statusCode).toBe(403)
    expect(await countAuditRows(t)).toBe(before)

    const full = await exportFile(staffBatu, '?format=csv&unmasked=true')
    expect(full.statusCode).toBe(200)
    expect(full.body).toContain('3579014107800001')
    expect(full.body).toContain('081234560001')
    expect(await countAuditRows(t)).toBe(before + 1)
  })

  it('imports nothing from a file with one bad row among good ones, and names the row and column', async () => {
    const before = { businesses: await countBusinesses(batu), audit: await countAuditRows(t) }
    const file = await xlsxOf([row(10), row(11, { nib: '912000123456' }), row(12, { kode_kbli: '04111' })])
    const job = await importFile(staffBatu, file)
    expect(job.status).toBe('failed')
    expect(job.result).toBeNull()
    expect(job.problem).toMatchObject({
      status: 422,
      code: 'umkm.sidt_rows_invalid',
      rowsWithProblems: 2,
      problemCount: 2,
    })
    expect(job.problem.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'nib', code: 'umkm.nib_invalid', field: '/rows/3/nib' }),
      expect.objectContaining({ row: 4, column: 'kode_kbli', code: 'umkm.kbli_unknown' }),
    ])
    expect(job.problem.errors[0].message).toContain('13 angka')
    expect(job.problem.detail).toContain('tidak ada yang tersimpan')
    const english = await finished(staffBatu, job.id, { language: 'en' })
    expect(english.problem.errors[0].message).toContain('exactly 13 digits')
    expect(await countBusinesses(batu)).toBe(before.businesses)
    expect(await countAuditRows(t)).toBe(before.audit)
  })

  it('updates on re-import instead of duplicating, keeps what a blank cell does not say, and adds only new figures', async () => {
    const [figuresBefore] = await t.database.db
      .select({ value: count() })
      .from(umkmBusinessFigures)
      .where(eq(umkmBusinessFigures.cityId, batu.id))
    // Semicolon CSV; row 2 changes its name, address and sales, row 1 leaves skala_usaha and phone blank.
    const csv = csvOf([
      row(1, { skala_usaha: '', kontak_hp: '' }),
      row(2, {
        nama_usaha: 'Sari Apel 0002',
        alamat_usaha: '"Jl. Panglima Sudirman; Gang ""Apel"" 2"',
        omzet_tahunan: '2000000001',
        updated_at: '2026-04-20 08:00:00',
      }),
      row(3, { asset: '40000000' }),
    ])
    const job = await importFile(staffBatu, csv, { csv: true })
    expect(job.result).toMatchObject({ rows: 3, inserted: 0, updated: 1, unchanged: 2, figures: 1 })
    expect(await countBusinesses(batu)).toBe(3)
    const [figuresAfter] = await t.database.db
      .select({ value: count() })
      .from(umkmBusinessFigures)
      .where(eq(umkmBusinessFigures.cityId, batu.id))
    expect(figuresAfter!.value).toBe(figuresBefore!.value + 1)

    const [first] = await t.database.db
      .select()
      .from(umkmBusinesses)
      .where(and(eq(umkmBusinesses.cityId, batu.id), eq(umkmBusinesses.sidtId, 'SIDT-BATU-0001')))
    expect(first).toMatchObject({ selfReportedScale: 'mikro', ownerPhone: '081234560001' })
    const [second] = await t.database.db
      .select()
      .from(umkmBusinesses)
      .where(and(eq(umkmBusinesses.cityId, batu.id), eq(umkmBusinesses.sidtId, 'SIDT-BATU-0002')))
    expect(second!.address).toBe('Jl. Panglima Sudirman; Gang "Apel" 2')
    const list = (
      await staffBatu.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/businesses?q=Sari Apel` })
    ).json()
    // Sales of one rupiah above Rp2.000.000.000 is kecil under PP 7/2021; the self-reported scale stays mikro.
    expect(list.items).toEqual([
      expect.objectContaining({
        selfReportedScale: 'mikro',
        derivedScale: { rule: 'pp7_2021_sales', scale: 'kecil' },
      }),
    ])
  })

  it('links a business registered without a SIDT id by its NIB, and refuses an NIB held by another', async () => {
    const created = await staffBatu.request({
      method: 'POST',
      url: `/api/v1/cities/${BATU}/umkm/businesses`,
      payload: { name: 'Jenang Bu Tin', kbliCode: '10732', nib: '9120009999999', ownerName: 'Sutinah' },
    })
    expect(created.statusCode).toBe(201)
    const linked = await importFile(
      staffBatu,
      await xlsxOf([row(20, { nib: '9120009999999', nama_usaha: 'Jenang Bu Tin', kode_kbli: '10732' })]),
    )
    expect(linked.result).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 })
    const taken = await importFile(staffBatu, await xlsxOf([row(21, { nib: '9120009999999' })]))
    expect(taken.problem.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'nib', code: 'umkm.sidt_nib_other_record' }),
    ])
  })

  it("keeps each city to itself: Palopo's staff can neither import into Batu nor export it", async () => {
    const before = { businesses: await countBusinesses(batu), audit: await countAuditRows(t) }
    const file = await xlsxOf([row(30)])
    expect((await start(staffPalopo, file)).statusCode).toBe(403)
    expect((await exportFile(staffPalopo)).statusCode).toBe(403)
    // A job started in Batu is not found from Palopo, nor by another Batu user.
    const started = await start(staffBatu, await xlsxOf([row(1)]))
    await finished(staffBatu, started.json().id)
    const elsewhere = await staffPalopo.request({
      method: 'GET',
      url: `/api/v1/cities/${PALOPO}/umkm/sidt/imports/${started.json().id}`,
    })
    expect(elsewhere.statusCode).toBe(404)
    const otherUser = await viewer.request({
      method: 'GET',
      url: `/api/v1/cities/${BATU}/umkm/sidt/imports/${started.json().id}`,
    })
    expect(otherUser.statusCode).toBe(404)
    // A Batu file sent to Palopo is refused as a whole, in plain words.
    const wrongCity = await importFile(staffPalopo, file, { city: PALOPO, language: 'en' })
    expect(wrongCity.problem).toMatchObject({ code: 'umkm.sidt_wrong_city', status: 422 })
    expect(wrongCity.problem.detail).toContain('35.79')
    expect(await countBusinesses(palopo)).toBe(0)
    // A reader may not import.
    expect((await start(viewer, file)).statusCode).toBe(403)
    expect(await countBusinesses(batu)).toBe(before.businesses)
  })

  it('creates nothing twice when the same upload is retried with the same Idempotency-Key', async () => {
    const file = await xlsxOf([row(40), row(41)])
    const key = 'sidt-import-retry-0001'
    const first = await importFile(staffBatu, file, { key })
    expect(first.result).toMatchObject({ inserted: 2 })
    const afterFirst = { businesses: await countBusinesses(batu), audit: await countAuditRows(t) }

    const retried = await start(staffBatu, file, { key })
    expect(retried.statusCode).toBe(202)
    expect(retried.headers['idempotent-replayed']).toBe('true')
    const again = await finished(staffBatu, retried.json().id)
    expect(again.result).toEqual(first.result)
    expect(await countBusinesses(batu)).toBe(afterFirst.businesses)
    expect(await countAuditRows(t)).toBe(afterFirst.audit)

    // The same key with another file is a mistake, not a retry.
    const reused = await start(staffBatu, await xlsxOf([row(42)]), { key })
    expect(reused.statusCode).toBe(422)
    expect(reused.json().code).toBe('idempotency.key_reused')
  })

  it('refuses a file that is not in the SIDT layout, with a clear answer', async () => {
    const missing = await importFile(
      staffBatu,
      await xlsxOf(
        [row(50)],
        SIDT_COLUMNS.filter((c) => c !== 'kode_kbli'),
      ),
      { language: 'en' },
    )
    expect(missing.problem).toMatchObject({ code: 'umkm.sidt_columns_missing' })
    expect(missing.problem.detail).toContain('kode_kbli')
    const empty = await importFile(staffBatu, await xlsxOf([]))
    expect(empty.problem.code).toBe('umkm.sidt_file_empty')
    const garbage = await importFile(staffBatu, Buffer.from('not a spreadsheet'))
    expect(garbage.problem.code).toBe('umkm.sidt_file_unreadable')
  })
})
