import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activate,
  BATU,
  countAuditRows,
  createTestApp,
  createTestUser,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.ts'
import type { RawFlowRow } from '../domain/flow-rows.ts'
import { readFlowSheet, writeFlowSheet, XLSX_TYPE } from './flows.spreadsheet.ts'

describe('the ledger in and out of spreadsheets', () => {
  let t: TestApp
  let dlh: Session
  let jalibar: string
  const base = () => `/api/v1/cities/35.79/waste/facilities/${jalibar}/flows`
  // A file is built once per row set: an xlsx records the second it was written, so two builds of
  // the same rows may differ by a byte, and a retry resends the very same file.
  const files = new Map<RawFlowRow[], Promise<Buffer>>()
  const fileOf = (rows: RawFlowRow[]) => {
    if (!files.has(rows)) files.set(rows, writeFlowSheet({ title: 'log', rows }))
    return files.get(rows)!
  }
  const upload = async (rows: RawFlowRow[], headers: Record<string, string> = {}) =>
    dlh.request({
      method: 'POST',
      url: `${base()}/import`,
      payload: await fileOf(rows),
      headers: { 'content-type': XLSX_TYPE, ...headers },
    })
  const countFlows = async () =>
    (
      await dlh.request({
        method: 'GET',
        url: `/api/v1/cities/35.79/waste/flows?facility=${jalibar}&pageSize=1`,
      })
    ).json().total as number

  const goodDay: RawFlowRow[] = [
    {
      tanggal: '2026-10-01',
      jenis: 'intake',
      bahan: 'campuran',
      berat_kg: '100',
      desa_kode: '35.79.01.2006',
      sumber: 'rumah_tangga',
    },
    { tanggal: '2026-10-01', jenis: 'sorting', bahan: 'plastik', berat_kg: '30', dipilah_dari: 'campuran' },
    { tanggal: '2026-10-01', jenis: 'sorting', bahan: 'lainnya', berat_kg: '20', dipilah_dari: 'campuran' },
    {
      tanggal: '2026-10-03',
      jenis: 'outcome',
      bahan: 'plastik',
      sub_bahan: 'pet',
      berat_kg: '12,5',
      hasil: 'recycled_sold',
      harga_per_kg: '3500',
      pembeli: 'Pengepul Pak Slamet',
    },
    {
      tanggal: '2026-10-03',
      jenis: 'transfer',
      bahan: 'lainnya',
      berat_kg: '20',
      ke_fasilitas: 'TPA Tlekung',
    },
  ]

  beforeAll(async () => {
    t = await createTestApp()
    const batu = await activate(t, BATU)
    dlh = await signIn(t, await createTestUser(t, { roles: [{ city: batu, role: 'dlh_staff' }] }))
    const create = async (payload: Record<string, unknown>) =>
      (await dlh.request({ method: 'POST', url: '/api/v1/cities/35.79/waste/facilities', payload })).json()
        .id as string
    jalibar = await create({ kind: 'tps3r', name: 'TPS3R Jalibar Berseri' })
    await create({ kind: 'tpa', name: 'TPA Tlekung', landfillSystem: 'controlled_landfill' })
  })
  afterAll(() => t.close())

  it('gives a template whose headers the import understands', async () => {
    const response = await dlh.request({ method: 'GET', url: `${base()}/template.xlsx` })
    expect(response.headers['content-type']).toContain(XLSX_TYPE)
    const rows = await readFlowSheet({ body: response.rawPayload, isCsv: false })
    expect(rows[0]?.raw).toMatchObject({ jenis: 'intake', bahan: 'campuran', berat_kg: '100' })
  })

  it('imports nothing from a file with one bad row, and names every problem by row and column', async () => {
    const before = { flows: await countFlows(), audit: await countAuditRows(t) }
    const response = await upload([
      ...goodDay,
      { tanggal: '2026-10-04', jenis: 'outcome', bahan: 'plastik', berat_kg: '0', hasil: 'reused' },
      {
        tanggal: '2026-10-04',
        jenis: 'transfer',
        bahan: 'lainnya',
        berat_kg: '1',
        ke_fasilitas: 'TPA Entah',
      },
    ])
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ code: 'import.rows_invalid' })
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/rows/7/berat_kg',
      '/rows/8/ke_fasilitas',
    ])
    expect({ flows: await countFlows(), audit: await countAuditRows(t) }).toEqual(before)
  })

  it('checks the mass balance of the whole file, and points at the row that breaks it', async () => {
    const response = await upload([
      ...goodDay,
      { tanggal: '2026-10-05', jenis: 'outcome', bahan: 'plastik', berat_kg: '18', hasil: 'reused' },
    ])
    expect(response.statusCode).toBe(422)
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: '/rows/7/berat_kg', code: 'flow.mass_balance_row' }),
    ])
  })

  it('imports a good file once, even when the upload is retried', async () => {
    const before = await countFlows()
    const headers = { 'idempotency-key': 'import-october-1' }
    expect((await upload(goodDay, headers)).json()).toEqual({ imported: 5 })
    expect((await upload(goodDay, headers)).json()).toEqual({ imported: 5 })
    expect(await countFlows()).toBe(before + 5)
    // The key names that one file: a different file under it is refused, not taken for a retry.
    const other = await upload(goodDay.slice(1), headers)
    expect(other.statusCode).toBe(422)
    expect(other.json().code).toBe('idempotency.key_reused')
    expect(await countFlows()).toBe(before + 5)
    const stock = (
      await dlh.request({ method: 'GET', url: `/api/v1/cities/35.79/waste/facilities/${jalibar}/stock` })
    ).json()
    expect(stock.materials).toEqual(
      expect.arrayContaining([
        { material: 'plastik', grams: 17_500 },
        { material: 'campuran', grams: 50_000 },
      ]),
    )
  })

  it('reads a CSV with semicolons, as Excel in Indonesian saves it', async () => {
    const csv =
      'tanggal;jenis;bahan;berat_kg;desa_kode;sumber\n2026-10-06;intake;campuran;2,5;35.79.01.2006;pasar\n'
    const response = await dlh.request({
      method: 'POST',
      url: `${base()}/import`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    })
    expect(response.json()).toEqual({ imported: 1 })
  })

  it('exports a period in the same layout', async () => {
    const response = await dlh.request({
      method: 'GET',
      url: `${base()}/export.xlsx?from=2026-10-01&to=2026-10-31`,
    })
    const rows = await readFlowSheet({ body: response.rawPayload, isCsv: false })
    expect(rows).toHaveLength(6)
    expect(rows.map((r) => r.raw)).toContainEqual(
      expect.objectContaining({ jenis: 'transfer', ke_fasilitas: 'TPA Tlekung', berat_kg: '20' }),
    )
    expect(rows.map((r) => r.raw)).toContainEqual(
      expect.objectContaining({ sub_bahan: 'pet', berat_kg: '12,5', harga_per_kg: '3500' }),
    )
  })
})
