/**
 * A SIDT file as uploaded, and the reading of it (xlsx or CSV) into rows keyed by SIDT column,
 * before any row is checked.
 */
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError } from '../../../platform/server/errors.ts'
import { SIDT_COLUMNS, type SidtCell, type SidtColumn, type SidtRawRow } from '../domain/sidt.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export type SidtFormat = 'xlsx' | 'csv'

/**
 * An uploaded file. Only the digest and size are enumerable: the idempotency check hashes the
 * request body property by property, which for a 10 MB buffer would take many seconds; the
 * digest identifies the file just as well.
 */
export class SidtUpload {
  readonly format: SidtFormat
  readonly sha256: string
  readonly size: number
  declare readonly bytes: Buffer

  constructor(bytes: Buffer, format: SidtFormat) {
    this.format = format
    this.sha256 = createHash('sha256').update(bytes).digest('hex')
    this.size = bytes.length
    Object.defineProperty(this, 'bytes', { value: bytes, enumerable: false })
  }
}

function cellOf(value: ExcelJS.CellValue): SidtCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  // Excel keeps a date or time as wall-clock time at UTC; the domain reads it in the city's zone.
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
  }
  if ('result' in value) return cellOf(value.result as ExcelJS.CellValue)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return String(value.text)
  if ('error' in value) return String(value.error)
  return String(value)
}

export interface SheetRows {
  headers: string[]
  rows: { row: number; raw: SidtRawRow }[]
}

const KNOWN_COLUMNS = new Set<string>(SIDT_COLUMNS)

/** Turns one spreadsheet line after another into rows keyed by SIDT column, headers from line 1. */
class RowCollector {
  readonly sheet: SheetRows = { headers: [], rows: [] }
  private columnAt: (SidtColumn | undefined)[] = []

  /** `values[i]` is the cell of column i (0-based); `row` is the line number a person sees. */
  add(row: number, values: readonly SidtCell[]) {
    if (row === 1) {
      this.sheet.headers = values.map((value) =>
        String(value ?? '')
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase(),
      )
      this.columnAt = this.sheet.headers.map((header) =>
        KNOWN_COLUMNS.has(header) ? (header as SidtColumn) : undefined,
      )
      return
    }
    const raw: SidtRawRow = {}
    let hasValue = false
    values.forEach((value, i) => {
      const name = this.columnAt[i]
      if (!name || value === null || value === undefined) return
      if (typeof value === 'string' && value.trim() === '') return
      raw[name] = value
      hasValue = true
    })
    // A line someone cleared but the spreadsheet still counts is not a row of data.
    if (hasValue) this.sheet.rows.push({ row, raw })
  }
}

/**
 * The first worksheet, read as a stream: the whole-workbook model of exceljs takes several times
 * the time and memory for a 25,000-row file.
 */
async function readXlsx(bytes: Buffer, onRows: (rows: number) => void): Promise<SheetRows> {
  const collector = new RowCollector()
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[]
      collector.add(
        row.number,
        Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellOf(values[i + 1])),
      )
      if (row.number % 1000 === 0) onRows(row.number - 1)
    }
    break
  }
  return collector.sheet
}

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks. A few lines
 * here read a 25,000-row file many times faster than going through an exceljs worksheet, and
 * keep every cell as text (a NIK read as a number loses digits).
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const QUOTE = 34
  const CR = 13
  const LF = 10
  const DELIMITER = delimiter.charCodeAt(0)
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === QUOTE && field === '') {
      // A quoted field runs to the next quote that is not doubled.
      let end = i + 1
      for (;;) {
        const quote = text.indexOf('"', end)
        if (quote === -1) {
          field += text.slice(end)
          end = text.length
          break
        }
        field += text.slice(end, quote)
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += '"'
          end = quote + 2
        } else {
          end = quote + 1
          break
        }
      }
      i = end
      continue
    }
    if (code === DELIMITER) {
      row.push(field)
      field = ''
    } else if (code === LF || code === CR) {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (code === CR && text.charCodeAt(i + 1) === LF) i++
    } else {
      // Plain text up to the next delimiter or line break, taken in one slice.
      let end = i + 1
      while (end < text.length) {
        const next = text.charCodeAt(end)
        if (next === DELIMITER || next === LF || next === CR) break
        end++
      }
      field += text.slice(i, end)
      i = end
      continue
    }
    i++
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** A CSV file's rows as text, the delimiter read off its first line. */
export function readCsvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8')
  const firstLine = text.slice(0, Math.max(text.indexOf('\n'), 0) || undefined)
  // Excel set to Indonesian saves CSV with semicolons, because the comma is its decimal mark.
  const count = (char: string) => firstLine.split(char).length - 1
  const delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ','
  return parseCsv(text, delimiter)
}

function readCsv(bytes: Buffer): SheetRows {
  const collector = new RowCollector()
  readCsvRows(bytes).forEach((values, i) => {
    collector.add(i + 1, values)
  })
  return collector.sheet
}

export async function readSidtFile(upload: SidtUpload, onRows: (rows: number) => void): Promise<SheetRows> {
  try {
    return upload.format === 'csv' ? readCsv(upload.bytes) : await readXlsx(upload.bytes, onRows)
  } catch {
    throw new AppError('umkm.sidt_file_unreadable')
  }
}
