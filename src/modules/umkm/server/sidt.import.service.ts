import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import { cityToday, type ServiceContext } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { newPublicId } from '../../../platform/server/db/columns.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { CURRENT_KBLI } from '../domain/identifiers.ts'
import {
  findDuplicates,
  indexPlaces,
  missingColumns,
  parseSidtRow,
  planSidtImport,
  regionCodeOf,
  SIDT_COLUMNS,
  SIDT_SOURCE_NOTE,
  type SidtCell,
  type SidtColumn,
  type SidtFigures,
  type SidtProblem,
  type SidtRawRow,
  type SidtRecord,
  type SidtRowResult,
  statedOtherCity,
} from '../domain/sidt.ts'
import * as repo from './sidt.repository.ts'
import { assertCanEditUmkm } from './umkm.policy.ts'
import type { NewBusiness, NewFigures } from './umkm.repository.ts'
import { derivedColumns } from './umkm.service.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export type SidtFormat = 'xlsx' | 'csv'

/** Batu registers about 23,000 businesses; a file of a whole large kabupaten still fits. */
export const MAX_SIDT_ROWS = 100_000
/** The answer names this many problems at most; the counts say how many there are in all. */
export const MAX_REPORTED_PROBLEMS = 200
/**
 * Rows per INSERT or UPDATE statement. Each statement carries one array per column (see
 * `unnestOf` in sidt.repository.ts), so the batch is bounded by memory and by how often progress
 * is reported, not by PostgreSQL's 65,535 parameters.
 */
const BATCH = 1000

export type SidtImportPhase = 'reading' | 'checking' | 'writing'
export type SidtProgress = (done: number, total: number, phase: SidtImportPhase) => void

export interface SidtImportResult {
  rows: number
  inserted: number
  /** Businesses matched by SIDT id or NIB whose row changed something … */
  updated: number
  /** … and those whose row stated nothing new (not written again). */
  unchanged: number
  /** Figures records appended (a row whose figures equal the latest SIDT ones adds none). */
  figures: number
  fileSha256: string
}

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

/** The CLI acts as the operator of the machine, who holds the database anyway; people go through policy. */
export function assertCanImportSidt(context: ServiceContext, city: CityRef): void {
  if (context.actor) assertCanEditUmkm(context.access, { actor: context.actor, cityId: city.id })
}

// ---------------------------------------------------------------------------------------------
// Reading the file

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

interface SheetRows {
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

function readCsv(bytes: Buffer): SheetRows {
  const text = bytes.toString('utf8')
  const firstLine = text.slice(0, Math.max(text.indexOf('\n'), 0) || undefined)
  // Excel set to Indonesian saves CSV with semicolons, because the comma is its decimal mark.
  const count = (char: string) => firstLine.split(char).length - 1
  const delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ','
  const collector = new RowCollector()
  parseCsv(text, delimiter).forEach((values, i) => {
    collector.add(i + 1, values)
  })
  return collector.sheet
}

async function readSidtFile(upload: SidtUpload, onRows: (rows: number) => void): Promise<SheetRows> {
  try {
    return upload.format === 'csv' ? readCsv(upload.bytes) : await readXlsx(upload.bytes, onRows)
  } catch {
    throw new AppError('umkm.sidt_file_unreadable')
  }
}

// ---------------------------------------------------------------------------------------------
// Problems

const columnIndex = new Map<string, number>(SIDT_COLUMNS.map((column, i) => [column, i]))

/** All-or-nothing: one refusal that names each bad row and column (the first 200) and counts all. */
function rowsInvalid(problems: SidtProblem[]): AppError {
  const sorted = [...problems].sort(
    (a, b) => a.row - b.row || (columnIndex.get(a.column) ?? 0) - (columnIndex.get(b.column) ?? 0),
  )
  const rows = new Set(sorted.map((problem) => problem.row)).size
  return new AppError('umkm.sidt_rows_invalid', {
    params: { count: rows, problems: sorted.length },
    details: sorted.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => ({
      field: `/rows/${problem.row}/${problem.column}`,
      code: problem.code,
      params: { ...problem.params, row: problem.row, column: problem.column },
    })),
    extensions: {
      rowsWithProblems: rows,
      problemCount: sorted.length,
      problemsShown: Math.min(sorted.length, MAX_REPORTED_PROBLEMS),
    },
  })
}

// ---------------------------------------------------------------------------------------------
// Writing

function sameFigures(
  a: SidtFigures,
  b: {
    asOf: string
    capitalRupiah: number | null
    annualSalesRupiah: number | null
    assetsRupiah: number | null
    workers: number | null
  },
) {
  return (
    a.asOf === b.asOf &&
    a.capitalRupiah === b.capitalRupiah &&
    a.annualSalesRupiah === b.annualSalesRupiah &&
    a.assetsRupiah === b.assetsRupiah &&
    a.workers === b.workers
  )
}

function figuresRow(options: { cityId: number; businessId: number; figures: SidtFigures }): NewFigures {
  const { figures } = options
  const values = {
    asOf: figures.asOf,
    capitalRupiah: figures.capitalRupiah,
    annualSalesRupiah: figures.annualSalesRupiah,
    assetsRupiah: figures.assetsRupiah,
  }
  return {
    publicId: newPublicId(),
    ...values,
    // The scale each rule gives is derived as for any figures record; `skala_usaha` stays the
    // self-reported scale and is never touched by it.
    ...derivedColumns({ id: '', ...values }),
    workers: figures.workers,
    sourceNote: SIDT_SOURCE_NOTE,
    cityId: options.cityId,
    businessId: options.businessId,
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * What a matched row changes: each value it states that differs from the stored one. A blank
 * cell states nothing; a SIDT id is only ever added (a row without one keeps the stored id).
 */
function changesOf(stored: repo.StoredBusiness, record: SidtRecord): repo.BusinessChanges {
  const { sidtId, ...business } = record.business
  const stated: repo.BusinessChanges = { ...business, ...(sidtId === null ? {} : { sidtId }) }
  if (stated.kbliCode !== undefined) stated.kbliVersion = CURRENT_KBLI.version
  const changes: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stated)) {
    if (value === undefined) continue
    const before = stored[key as keyof repo.StoredBusiness]
    const same =
      value instanceof Date && before instanceof Date
        ? value.getTime() === before.getTime()
        : value === before
    if (!same) changes[key] = value
  }
  return changes as repo.BusinessChanges
}

async function writePlan(options: {
  tx: Tx
  city: CityRef
  plan: ReturnType<typeof planSidtImport>
  stored: Map<number, repo.StoredBusiness>
  progress: SidtProgress
}) {
  const { tx, city, plan, stored, progress } = options
  const latest = await repo.findLatestSidtFigures(tx, { cityId: city.id, sourceNote: SIDT_SOURCE_NOTE })
  const newFigures: NewFigures[] = []
  const total = plan.inserts.length + plan.updates.length
  let done = 0
  progress(done, total, 'writing')

  for (const batch of chunks(plan.inserts, BATCH)) {
    const rows = batch.map((record) => {
      const { business } = record
      const values: NewBusiness = {
        ...business,
        // A new business always has an owner name: planSidtImport refuses a masked one.
        ownerName: business.ownerName!,
        kbliVersion: CURRENT_KBLI.version,
        cityId: city.id,
        publicId: newPublicId(),
        // The statement writes every column: the table's defaults are given here.
        workersPaidMale: business.workersPaidMale ?? 0,
        workersPaidFemale: business.workersPaidFemale ?? 0,
        workersUnpaidMale: business.workersUnpaidMale ?? 0,
        workersUnpaidFemale: business.workersUnpaidFemale ?? 0,
        workersDisabledMale: business.workersDisabledMale ?? 0,
        workersDisabledFemale: business.workersDisabledFemale ?? 0,
      }
      return values
    })
    const inserted = await repo.insertBusinesses(tx, rows)
    const idOf = new Map(inserted.map((row) => [row.publicId, row.id]))
    batch.forEach((record, i) => {
      if (record.figures) {
        newFigures.push(
          figuresRow({ cityId: city.id, businessId: idOf.get(rows[i]!.publicId!)!, figures: record.figures }),
        )
      }
    })
    done += batch.length
    progress(done, total, 'writing')
  }

  let updated = 0
  for (const batch of chunks(plan.updates, BATCH)) {
    const changed = batch
      .map(({ id, record }) => ({ id, changes: changesOf(stored.get(id)!, record) }))
      .filter((row) => Object.keys(row.changes).length > 0)
    await repo.updateBusinesses(tx, { cityId: city.id, rows: changed })
    updated += changed.length
    for (const { id, record } of batch) {
      const before = latest.get(id)
      // The same SIDT pull imported twice does not add the same figures twice.
      if (record.figures && !(before && sameFigures(record.figures, before))) {
        newFigures.push(figuresRow({ cityId: city.id, businessId: id, figures: record.figures }))
      }
    }
    done += batch.length
    progress(done, total, 'writing')
  }

  for (const batch of chunks(newFigures, BATCH)) await repo.insertFigures(tx, batch)
  return { updated, figures: newFigures.length }
}

/**
 * Imports a SIDT file (xlsx or CSV) into the city's registry. Every row is checked first, and a
 * file with any bad row writes nothing: the refusal names each row and column. A good file is one
 * transaction: rows whose SIDT id (or NIB) the city already has update that business — a blank
 * cell keeps the stored value —, the others are inserted, figures are appended as dated records,
 * and one audit record counts it all.
 */
export async function importSidt(
  context: ServiceContext,
  options: { city: CityRef; upload: SidtUpload; onProgress?: SidtProgress },
): Promise<SidtImportResult> {
  const { city, upload } = options
  const progress: SidtProgress = options.onProgress ?? (() => {})
  assertCanImportSidt(context, city)
  // A retried request whose first attempt was written gets that answer, as runWrite would give it,
  // without reading the file again.
  if (context.idempotency?.replay) return context.idempotency.replay.result as SidtImportResult

  progress(0, 0, 'reading')
  const sheet = await readSidtFile(upload, (rows) => progress(rows, 0, 'reading'))
  const missing = missingColumns(sheet.headers)
  if (sheet.headers.length === 0 || missing.length === SIDT_COLUMNS.length) {
    throw new AppError('umkm.sidt_file_unreadable')
  }
  if (missing.length > 0) {
    throw new AppError('umkm.sidt_columns_missing', {
      params: { columns: missing.join(', '), count: missing.length },
    })
  }
  if (sheet.rows.length === 0) throw new AppError('umkm.sidt_file_empty')
  if (sheet.rows.length > MAX_SIDT_ROWS) {
    throw new AppError('umkm.sidt_too_many_rows', { params: { max: MAX_SIDT_ROWS, rows: sheet.rows.length } })
  }

  const total = sheet.rows.length
  progress(0, total, 'checking')
  const db = context.database.db
  const places = await repo.findCityPlaces(db, { cityId: city.id })
  const ownerCodes = new Set<string>()
  for (const { raw } of sheet.rows) {
    const code = regionCodeOf(raw.kel_pengusaha, 'village')
    if (code && !code.startsWith(`${city.code}.`)) ownerCodes.add(code)
  }
  const index = indexPlaces({
    city: { ...city, ...places.province },
    districts: places.districts,
    villages: places.villages,
    knownOwnerVillages: await repo.findKnownVillageCodes(db, [...ownerCodes]),
  })
  const today = cityToday(context, city)
  const now = context.clock()
  const results: SidtRowResult[] = []
  for (const [i, { row, raw }] of sheet.rows.entries()) {
    results.push(parseSidtRow({ row, raw, index, today, now }))
    if ((i + 1) % BATCH === 0) {
      progress(i + 1, total, 'checking')
      // Let the server answer other requests (and progress polls) while a big file is checked.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  progress(total, total, 'checking')

  const otherCity = statedOtherCity(results)
  if (otherCity !== null) {
    throw new AppError('umkm.sidt_wrong_city', { params: { file: otherCity, city: city.name } })
  }
  const records: SidtRecord[] = []
  const problems: SidtProblem[] = []
  for (const result of results) {
    if ('record' in result) records.push(result.record)
    else problems.push(...result.problems)
  }
  problems.push(...findDuplicates(records))

  return runWrite(context, async (tx) => {
    // From here the file is written. On PGlite (one connection) other requests, progress polls
    // among them, wait for this transaction; on PostgreSQL they see the batches go by.
    progress(0, records.length, 'writing')
    await repo.lockCityForImport(tx, { cityId: city.id })
    const existing = await repo.findBusinessesForImport(tx, { cityId: city.id })
    const plan = planSidtImport(records, existing)
    problems.push(...plan.problems)
    if (problems.length > 0) throw rowsInvalid(problems)
    const stored = new Map(existing.map((business) => [business.id, business]))
    const written = await writePlan({ tx, city, plan, stored, progress })
    const result: SidtImportResult = {
      rows: records.length,
      inserted: plan.inserts.length,
      updated: written.updated,
      unchanged: plan.updates.length - written.updated,
      figures: written.figures,
      fileSha256: upload.sha256,
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_business.sidt_imported',
      entityType: 'umkm_business',
      entityId: null,
      after: { ...result, format: upload.format, bytes: upload.size },
    })
    return result
  })
}
