import ExcelJS from 'exceljs'
import { AppError } from '../../../platform/server/errors.ts'
import type { SheetRow } from '../domain/sipsn-import.ts'

/** An uploaded xlsx, or a clear refusal when it is not one. */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer)
  } catch {
    throw new AppError('import.file_unreadable')
  }
  return workbook
}

function cellValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue)
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('')
  return String(value)
}

/** A sheet's rows keyed by the header text of its first row. */
export function rowsOf(sheet: ExcelJS.Worksheet | undefined): SheetRow[] {
  if (!sheet) return []
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) =>
    String(cellValue(value) ?? '').trim(),
  )
  const rows: SheetRow[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const values = row.values as ExcelJS.CellValue[]
    const record: SheetRow = {}
    headers.forEach((header, index) => {
      if (header) record[header] = cellValue(values[index] ?? null)
    })
    rows.push(record)
  })
  return rows
}

/** The SIPSN workbook's two sheets that hold baselines, by name. */
export async function readWorkbook(body: Buffer) {
  const workbook = await loadWorkbook(body)
  const named = (name: string) =>
    workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === name)
  return { capaian: rowsOf(named('capaian kinerja')), timbulan: rowsOf(named('timbulan')) }
}
