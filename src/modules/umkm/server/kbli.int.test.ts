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
import { KbliTableError, loadKbliTable, readKbliFile } from './kbli.service.ts'

const businesses = `/api/v1/cities/${BATU}/umkm/businesses`
const CSV = [
  'kode,judul',
  'C,INDUSTRI PENGOLAHAN',
  '10,Industri makanan',
  '1039,Industri pengolahan dan pengawetan lainnya buah-buahan dan sayuran',
  '10392,Industri pengolahan sari buah',
  '13134,Industri batik',
  '01240,Pertanian buah apel dan buah batu',
].join('\n')

describe('the KBLI kelompok table loaded from the BPS publication', () => {
  let t: TestApp
  let staff: Session

  const register = (kbliCode: string) =>
    staff.request({
      method: 'POST',
      url: businesses,
      payload: { name: `Usaha ${kbliCode}`, kbliCode, ownerName: 'Pemilik Uji' },
    })

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    staff = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'umkm_staff' }] }))
  })
  afterAll(() => t.close())

  const lookUp = async (code: string, session = staff) =>
    session.request({ method: 'GET', url: `/api/v1/cities/${BATU}/umkm/kbli/${code}` })

  it('checks only the division while no table is loaded', async () => {
    expect((await register('10999')).statusCode).toBe(201)
    expect((await lookUp('10999')).json()).toMatchObject({ tableLoaded: false, title: null, problem: null })
    expect((await lookUp('04999')).json()).toMatchObject({ problem: 'umkm.kbli_unknown' })
  })

  it('refuses a file of fewer kelompok than the whole table unless asked, loading nothing', async () => {
    const rows = await readKbliFile(Buffer.from(CSV), 'csv')
    const before = await countAuditRows(t)
    await expect(loadKbliTable(t.system, { rows, source: 'kbli-uji.csv' })).rejects.toThrow(KbliTableError)
    expect(await countAuditRows(t)).toBe(before)
    expect((await register('10998')).statusCode).toBe(201)
  })

  it('from the loaded table on, refuses a kelompok missing from it next to the field, changing nothing', async () => {
    const rows = await readKbliFile(Buffer.from(CSV), 'csv')
    const before = await countAuditRows(t)
    const result = await loadKbliTable(t.system, { rows, source: 'kbli-uji.csv', partial: true })
    expect(result).toEqual({ version: 'KBLI2020', loaded: 3, replaced: 0 })
    expect(await countAuditRows(t)).toBe(before + 1)

    const list = async () => (await staff.request({ method: 'GET', url: businesses })).json().total as number
    const total = await list()
    const refused = await register('10999')
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: '/body/kbliCode', code: 'umkm.kbli_not_in_table' }),
    ])
    expect(refused.json().errors[0].message).toContain('tabel kelompok KBLI2020')
    expect(await list()).toBe(total)
    expect((await register('01240')).statusCode).toBe(201)
    // What the form shows as the code is typed: the kelompok's title, or that it is not in the table.
    expect((await lookUp('01240')).json()).toMatchObject({
      tableLoaded: true,
      title: 'Pertanian buah apel dan buah batu',
      problem: null,
    })
    expect((await lookUp('10999')).json()).toMatchObject({ title: null, problem: 'umkm.kbli_not_in_table' })
    const palopo = await signIn(
      t,
      await createTestUser(t, { roles: [{ city: await activate(t, PALOPO), role: 'umkm_staff' }] }),
    )
    expect((await lookUp('01240', palopo)).statusCode).toBe(403)
  })

  it("reads an xlsx by its header, keeping a text code's leading 0 and refusing a short number cell", async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('KBLI 2020')
    sheet.addRow(['No', 'Kode', 'Judul'])
    sheet.addRow([1, '01240', 'Pertanian buah apel dan buah batu'])
    sheet.addRow([2, 10392, 'Industri pengolahan sari buah'])
    sheet.addRow([3, 1039, 'Industri pengolahan dan pengawetan lainnya'])
    const rows = await readKbliFile(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx')
    expect(rows.map((row) => row.kode)).toEqual(['01240', 10392, 1039])
    const refused = await loadKbliTable(t.system, { rows, source: 'kbli.xlsx', partial: true }).catch(
      (e) => e,
    )
    expect(refused).toBeInstanceOf(KbliTableError)
    expect(refused.problems).toEqual([{ row: 4, code: 'kbli_table.number_cell', value: '1039' }])
  })

  it('replaces the version whole when loaded again', async () => {
    const rows = await readKbliFile(Buffer.from('kode,judul\n10392,Industri pengolahan sari buah\n'), 'csv')
    const result = await loadKbliTable(t.system, { rows, source: 'kbli-uji-2.csv', partial: true })
    expect(result).toMatchObject({ loaded: 1, replaced: 3 })
    expect((await register('13134')).statusCode).toBe(400)
  })
})
