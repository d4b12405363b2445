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
  type SidtFigures,
  type SidtProblem,
  type SidtRecord,
  type SidtRowResult,
  statedOtherCity,
} from '../domain/sidt.ts'
import { kelompokOf } from './kbli.repository.ts'
import * as repo from './sidt.repository.ts'
import { readSidtFile, type SheetRows, type SidtUpload } from './sidt.upload.ts'
import { assertCanEditUmkm } from './umkm.policy.ts'
import type { NewBusiness, NewFigures } from './umkm.repository.ts'
import { derivedColumns } from './umkm.service.ts'

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

/** The CLI acts as the operator of the machine, who holds the database anyway; people go through policy. */
export function assertCanImportSidt(context: ServiceContext, city: CityRef): void {
  if (context.actor) assertCanEditUmkm(context.access, { actor: context.actor, cityId: city.id })
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

/** A row the city does not have yet, with every column the statement writes. */
function newBusinessOf(record: SidtRecord, city: CityRef): NewBusiness {
  const { business } = record
  return {
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
}

/** Rows (and figures) written so far; each batch written moves the progress on. */
interface WriteTally {
  newFigures: NewFigures[]
  advance: (rows: number) => void
}

async function insertNew(tx: Tx, options: { city: CityRef; records: SidtRecord[]; tally: WriteTally }) {
  const { city, tally } = options
  for (const batch of chunks(options.records, BATCH)) {
    const rows = batch.map((record) => newBusinessOf(record, city))
    const inserted = await repo.insertBusinesses(tx, rows)
    const idOf = new Map(inserted.map((row) => [row.publicId, row.id]))
    batch.forEach((record, i) => {
      if (record.figures) {
        tally.newFigures.push(
          figuresRow({ cityId: city.id, businessId: idOf.get(rows[i]!.publicId!)!, figures: record.figures }),
        )
      }
    })
    tally.advance(batch.length)
  }
}

/** Updates the matched businesses that change; returns how many did. */
async function updateMatched(
  tx: Tx,
  options: {
    city: CityRef
    updates: { id: number; record: SidtRecord }[]
    stored: Map<number, repo.StoredBusiness>
    latest: Awaited<ReturnType<typeof repo.findLatestSidtFigures>>
    tally: WriteTally
  },
): Promise<number> {
  const { city, stored, latest, tally } = options
  let updated = 0
  for (const batch of chunks(options.updates, BATCH)) {
    const changed = batch
      .map(({ id, record }) => ({ id, changes: changesOf(stored.get(id)!, record) }))
      .filter((row) => Object.keys(row.changes).length > 0)
    await repo.updateBusinesses(tx, { cityId: city.id, rows: changed })
    updated += changed.length
    for (const { id, record } of batch) {
      const before = latest.get(id)
      // The same SIDT pull imported twice does not add the same figures twice.
      if (record.figures && !(before && sameFigures(record.figures, before))) {
        tally.newFigures.push(figuresRow({ cityId: city.id, businessId: id, figures: record.figures }))
      }
    }
    tally.advance(batch.length)
  }
  return updated
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
  const total = plan.inserts.length + plan.updates.length
  let done = 0
  progress(done, total, 'writing')
  const tally: WriteTally = {
    newFigures: [],
    advance: (rows) => {
      done += rows
      progress(done, total, 'writing')
    },
  }
  await insertNew(tx, { city, records: plan.inserts, tally })
  const updated = await updateMatched(tx, { city, updates: plan.updates, stored, latest, tally })
  for (const batch of chunks(tally.newFigures, BATCH)) await repo.insertFigures(tx, batch)
  return { updated, figures: tally.newFigures.length }
}

// ---------------------------------------------------------------------------------------------
// Importing

/** The file read, with its header and size checked: one refusal for a file that is not SIDT's. */
async function readSheet(upload: SidtUpload, progress: SidtProgress): Promise<SheetRows> {
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
  return sheet
}

/** The city's places, and the owners' desa elsewhere in Indonesia that the file names. */
async function cityIndexOf(context: ServiceContext, options: { city: CityRef; sheet: SheetRows }) {
  const { city, sheet } = options
  const db = context.database.db
  const places = await repo.findCityPlaces(db, { cityId: city.id })
  const ownerCodes = new Set<string>()
  for (const { raw } of sheet.rows) {
    const code = regionCodeOf(raw.kel_pengusaha, 'village')
    if (code && !code.startsWith(`${city.code}.`)) ownerCodes.add(code)
  }
  return indexPlaces({
    city: { ...city, ...places.province },
    districts: places.districts,
    villages: places.villages,
    knownOwnerVillages: await repo.findKnownVillageCodes(db, [...ownerCodes]),
  })
}

/** Every row checked: the records of the good ones, and every problem of the bad ones. */
async function checkRows(
  context: ServiceContext,
  options: { city: CityRef; sheet: SheetRows; progress: SidtProgress },
): Promise<{ records: SidtRecord[]; problems: SidtProblem[] }> {
  const { city, sheet, progress } = options
  const total = sheet.rows.length
  progress(0, total, 'checking')
  const index = await cityIndexOf(context, { city, sheet })
  const today = cityToday(context, city)
  const now = context.clock()
  const results: SidtRowResult[] = []
  const kbliKelompok = await kelompokOf(context.database.db, CURRENT_KBLI.version)
  for (const [i, { row, raw }] of sheet.rows.entries()) {
    results.push(parseSidtRow({ row, raw, index, today, now, kbliKelompok }))
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
  return { records, problems }
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

  const sheet = await readSheet(upload, progress)
  const { records, problems } = await checkRows(context, { city, sheet, progress })

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
