import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { findCityById } from '../../../platform/server/tenancy/cities.repository.ts'
import {
  SIDT_COLUMNS,
  type SidtExportCell,
  type SidtExportOptions,
  type SidtExportRow,
  toSidtRow,
} from '../domain/sidt.ts'
import * as repo from './sidt.repository.ts'
import { type SidtFormat, XLSX_TYPE } from './sidt.upload.ts'
import { assertCanReadUmkm, canSeeOwnerPersonalData } from './umkm.policy.ts'

const PAGE = 2_000

/** Columns written as text, so a spreadsheet never turns a NIK or a code into a rounded number. */
const TEXT_COLUMNS = new Set<string>([
  'id_data_badan_usaha',
  'nik_pengusaha',
  'nib',
  'kontak_hp',
  'kode_kbli',
  'prov_pengusaha',
  'kab_pengusaha',
  'kec_pengusaha',
  'kel_pengusaha',
  'prov_usaha',
  'kab_usaha',
  'kec_usaha',
  'kel_usaha',
  'rt_pengusaha',
  'rw_pengusaha',
  'rt_usaha',
  'rw_usaha',
])

/** The city's businesses in the 49 columns, page by page, each with its latest value of each figure. */
async function* exportRows(
  context: ServiceContext,
  options: { city: CityRef; rowOptions: SidtExportOptions },
): AsyncGenerator<SidtExportRow> {
  const db = context.database.db
  let afterId = 0
  for (;;) {
    const businesses = await repo.listBusinessesAfter(db, { cityId: options.city.id, afterId, limit: PAGE })
    if (businesses.length === 0) return
    const latest = new Map<
      number,
      { capitalRupiah: number | null; annualSalesRupiah: number | null; assetsRupiah: number | null }
    >()
    const figures = await repo.listFiguresOf(db, {
      cityId: options.city.id,
      businessIds: businesses.map((business) => business.id),
    })
    for (const row of figures) {
      const current = latest.get(row.businessId) ?? {
        capitalRupiah: null,
        annualSalesRupiah: null,
        assetsRupiah: null,
      }
      // Oldest first: a later record's figure replaces an earlier one; an empty one does not.
      latest.set(row.businessId, {
        capitalRupiah: row.capitalRupiah ?? current.capitalRupiah,
        annualSalesRupiah: row.annualSalesRupiah ?? current.annualSalesRupiah,
        assetsRupiah: row.assetsRupiah ?? current.assetsRupiah,
      })
    }
    for (const business of businesses) {
      yield toSidtRow(
        {
          ...business,
          ...(latest.get(business.id) ?? {
            capitalRupiah: null,
            annualSalesRupiah: null,
            assetsRupiah: null,
          }),
        },
        options.rowOptions,
      )
    }
    afterId = businesses.at(-1)!.id
  }
}

function csvCell(value: SidtExportCell): string {
  if (value === null) return ''
  const text = String(value)
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** RFC 4180, comma-separated, with a byte-order mark so Excel opens it as UTF-8. */
async function* csvLines(rows: AsyncGenerator<SidtExportRow>): AsyncGenerator<string> {
  yield `\uFEFF${SIDT_COLUMNS.join(',')}\r\n`
  for await (const row of rows) yield `${SIDT_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`
}

/** Streams the xlsx as it is written: 25,000 rows never sit in memory as one workbook. */
function xlsxStream(rows: AsyncGenerator<SidtExportRow>, onError: (error: unknown) => void): PassThrough {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Sinergi'
  const sheet = workbook.addWorksheet('SIDT', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = SIDT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: Math.max(10, Math.min(column.length + 2, 32)),
    ...(TEXT_COLUMNS.has(column) ? { style: { numFmt: '@' } } : {}),
  }))
  sheet.getRow(1).font = { bold: true }
  void (async () => {
    try {
      for await (const row of rows) sheet.addRow(row).commit()
      sheet.commit()
      await workbook.commit()
    } catch (error) {
      onError(error)
      out.destroy(error as Error)
    }
  })()
  return out
}

export interface SidtExport {
  stream: Readable
  contentType: string
  filename: string
}

/**
 * The city's registry in the 49-column SIDT layout. NIK, phone, birth date and the owner's street
 * are masked unless `unmasked` is asked for by someone holding `umkm:personal_data` (UU 27/2022);
 * such an export is written in the audit log. Anyone who may read the registry may export it.
 */
export async function exportSidt(
  context: ServiceContext,
  options: { city: CityRef; format: SidtFormat; unmasked: boolean; onError?: (error: unknown) => void },
): Promise<SidtExport> {
  const { city, format, unmasked } = options
  const actor = context.actor
  if (actor) {
    assertCanReadUmkm(context.access, { actor, cityId: city.id })
    if (unmasked) {
      assertCan(context.access, { actor, cityId: city.id, permission: 'umkm:personal_data' })
    }
  }
  // The CLI acts as the machine's operator, who may read everything.
  const canSeePersonalData = actor
    ? canSeeOwnerPersonalData(context.access, { actor, cityId: city.id })
    : true
  if (unmasked) {
    await context.database.db.transaction((tx) =>
      recordAudit(tx, context, {
        cityId: city.id,
        action: 'umkm_business.sidt_exported_unmasked',
        entityType: 'umkm_business',
        entityId: null,
        after: { format },
      }),
    )
  }
  const cityRow = await findCityById(context.database.db, city.id)
  const rows = exportRows(context, {
    city,
    rowOptions: {
      city: { code: city.code, provinceCode: cityRow!.provinceCode },
      isMasked: !unmasked,
      isNameMasked: !canSeePersonalData,
    },
  })
  const onError = options.onError ?? (() => {})
  const stem = `sidt-umkm-${city.slug}-${cityToday(context, city)}${unmasked ? '-lengkap' : ''}`
  if (format === 'csv') {
    const stream = Readable.from(csvLines(rows))
    stream.on('error', onError)
    return { stream, contentType: 'text/csv; charset=utf-8', filename: `${stem}.csv` }
  }
  return { stream: xlsxStream(rows, onError), contentType: XLSX_TYPE, filename: `${stem}.xlsx` }
}
