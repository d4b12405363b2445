import ExcelJS from 'exceljs'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { CURRENT_KBLI, checkKbliCode, type KbliCheck, kbliErrorCode } from '../domain/identifiers.ts'
import { KBLI_TABLE_MIN_ROWS, type KbliTableProblem, parseKbliTable } from '../domain/kbli-table.ts'
import * as repo from './kbli.repository.ts'
import { readCsvRows } from './sidt.upload.ts'
import { assertCanReadUmkm } from './umkm.policy.ts'

export class KbliTableError extends Error {
  constructor(
    message: string,
    readonly problems: KbliTableProblem[] = [],
  ) {
    super(message)
  }
}

type KbliFileRow = { row: number; kode: unknown; judul: unknown }

/** The columns `kode` and `judul`, found by their header in the first row. */
function columnsOf(header: readonly unknown[]) {
  const names = header.map((cell) =>
    String(cell ?? '')
      .trim()
      .toLowerCase(),
  )
  const kode = names.findIndex((name) => name === 'kode' || name === 'kode kbli')
  const judul = names.findIndex((name) => name === 'judul' || name === 'judul kbli')
  if (kode < 0 || judul < 0)
    throw new KbliTableError('The first row must name the columns "kode" and "judul".')
  return { kode, judul }
}

/**
 * The `kode` and `judul` columns of the first sheet (xlsx) or of a CSV file (read as text, so
 * `01240` keeps its 0).
 */
export async function readKbliFile(bytes: Buffer, format: 'xlsx' | 'csv'): Promise<KbliFileRow[]> {
  let table: unknown[][]
  if (format === 'csv') table = readCsvRows(bytes)
  else {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    if (!sheet) throw new KbliTableError('The file has no sheet.')
    table = []
    sheet.eachRow({ includeEmpty: true }, (row) => {
      table.push((row.values as unknown[]).slice(1))
    })
  }
  const { kode, judul } = columnsOf(table[0] ?? [])
  return table.slice(1).map((cells, i) => ({ row: i + 2, kode: cells[kode], judul: cells[judul] }))
}

/**
 * Loads a KBLI version's kelompok table from the BPS publication, replacing the version's earlier
 * table whole, or nothing when any row is wrong or the file holds fewer kelompok than the whole
 * table (unless `partial`, for a test or a staged load). Audited as the operator's action.
 */
export async function loadKbliTable(
  context: ServiceContext,
  options: { rows: KbliFileRow[]; source: string; partial?: boolean },
) {
  const version = CURRENT_KBLI.version
  const { kelompok, problems } = parseKbliTable(options.rows, CURRENT_KBLI)
  if (problems.length > 0) throw new KbliTableError(`${problems.length} rows cannot be loaded.`, problems)
  if (kelompok.length < KBLI_TABLE_MIN_ROWS && !options.partial) {
    throw new KbliTableError(
      `Only ${kelompok.length} kelompok found; the whole ${version} table has about 1,790. Use --partial to load it anyway.`,
    )
  }
  return runWrite(context, async (tx) => {
    const { before } = await repo.replaceVersion(tx, { version, kelompok, source: options.source })
    await recordAudit(tx, context, {
      cityId: null,
      action: 'umkm_kbli.loaded',
      entityType: 'kbli_table',
      entityId: version,
      before: { kelompok: before },
      after: { kelompok: kelompok.length, source: options.source },
    })
    return { version, loaded: kelompok.length, replaced: before }
  })
}

/**
 * A code checked as a business would be saved with it: its shape and division, then, once the
 * operator has loaded the version's kelompok table, that the table has it (one statement).
 */
export async function checkKbliInTable(
  db: DbOrTx,
  code: string,
): Promise<{ check: KbliCheck; tableLoaded: boolean; title: string | null }> {
  const check = checkKbliCode(code)
  if (!check.ok) return { check, tableLoaded: false, title: null }
  const found = await repo.lookUpCode(db, { version: CURRENT_KBLI.version, code })
  if (found.loaded && found.title === null) {
    return { check: { ok: false, problem: 'kbli_unknown_kelompok' }, tableLoaded: true, title: null }
  }
  return { check, tableLoaded: found.loaded, title: found.title }
}

/** What the registration form shows as a KBLI code is typed (any member of the city may ask). */
export async function lookUpKbli(context: ServiceContext, options: { city: CityRef; code: string }) {
  assertCanReadUmkm(context.access, { actor: context.actor!, cityId: options.city.id })
  const { check, tableLoaded, title } = await checkKbliInTable(context.database.db, options.code)
  return {
    code: options.code,
    version: CURRENT_KBLI.version,
    tableLoaded,
    title,
    problem: check.ok ? null : kbliErrorCode(check.problem),
  }
}
