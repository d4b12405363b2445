import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { FLOW_COLUMNS, type FlowColumn, type RawFlowRow } from '../domain/flow-rows.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const MAX_IMPORT_ROWS = 20_000

function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined
  // Excel keeps a typed date as a date at UTC midnight of that calendar day.
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue)
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim() || undefined
  if (typeof value === 'object' && 'richText' in value)
    return (
      value.richText
        .map((part) => part.text)
        .join('')
        .trim() || undefined
    )
  return String(value).trim() || undefined
}

/** Reads the first sheet of an xlsx, or a CSV, into raw rows keyed by the template's headers. */
export async function readFlowSheet(options: {
  body: Buffer
  isCsv: boolean
}): Promise<{ row: number; raw: RawFlowRow }[]> {
  const workbook = new ExcelJS.Workbook()
  let sheet: ExcelJS.Worksheet | undefined
  if (options.isCsv) {
    // Excel set to Indonesian saves CSV with semicolons, because the comma is the decimal mark.
    const delimiter = options.body.includes(';') ? ';' : ','
    sheet = await workbook.csv.read(Readable.from(options.body), { parserOptions: { delimiter } })
  } else {
    await workbook.xlsx.load(options.body as unknown as ArrayBuffer)
    sheet = workbook.worksheets[0]
  }
  if (!sheet) return []
  const known = new Set<string>(FLOW_COLUMNS.map((column) => column.key))
  const headers = new Map<number, FlowColumn>()
  sheet.getRow(1).eachCell((cell, column) => {
    const name = cellText(cell.value)?.toLowerCase()
    if (name && known.has(name)) headers.set(column, name as FlowColumn)
  })
  const rows: { row: number; raw: RawFlowRow }[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const raw: RawFlowRow = {}
    row.eachCell((cell, column) => {
      const header = headers.get(column)
      const text = cellText(cell.value)
      if (header && text !== undefined) raw[header] = text
    })
    if (Object.keys(raw).length > 0) rows.push({ row: rowNumber, raw })
  })
  return rows
}

/** An xlsx with the template's headers (help text as notes) and the given rows. */
export async function writeFlowSheet(options: { title: string; rows: RawFlowRow[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sinergi'
  const sheet = workbook.addWorksheet(options.title.slice(0, 31))
  sheet.columns = FLOW_COLUMNS.map((column) => ({
    header: column.key,
    key: column.key,
    width: Math.max(12, column.key.length + 4),
  }))
  FLOW_COLUMNS.forEach((column, index) => {
    const cell = sheet.getRow(1).getCell(index + 1)
    cell.note = column.help
    cell.font = { bold: true }
  })
  for (const row of options.rows) sheet.addRow(row)
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
