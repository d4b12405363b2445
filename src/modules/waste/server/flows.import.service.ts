import { createHash } from 'node:crypto'
import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { AppError, type FieldProblem } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { type ParsedFlowRow, parseFlowRow, type RawFlowRow, type RowProblem } from '../domain/flow-rows.ts'
import { addsTo, type DailyMovement, drawsOn, firstShortfall, saleRevenueRupiah } from '../domain/flows.ts'
import type { Material } from '../domain/materials.ts'
import * as facilitiesRepo from './facilities.repository.ts'
import * as repo from './flows.repository.ts'
import { MAX_IMPORT_ROWS, readFlowSheet, writeFlowSheet } from './flows.spreadsheet.ts'
import { assertCanReadWaste } from './waste.policy.ts'

interface Target {
  city: CityRef
  facilityId: string
}

async function loadFacility(db: Tx | ServiceContext['database']['db'], target: Target) {
  const found = await facilitiesRepo.findFacility(db, { cityId: target.city.id, publicId: target.facilityId })
  if (!found) throw new AppError('facility.not_found')
  return found.facility
}

function toDetails(problems: RowProblem[]): FieldProblem[] {
  return problems.map((problem) => ({
    field: `/rows/${problem.row}${problem.column ? `/${problem.column}` : ''}`,
    code: problem.code,
  }))
}

/** References that need the database: the desa is in the city, the destination exists by name. */
async function resolveReferences(tx: Tx, options: { city: CityRef; rows: ParsedFlowRow[]; today: string }) {
  const problems: RowProblem[] = []
  const destinations = new Map<string, number | null>()
  for (const parsed of options.rows) {
    if (parsed.date > options.today)
      problems.push({ row: parsed.row, column: 'tanggal', code: 'flow.date_in_future' })
    const village = parsed.draft.fromVillageCode
    if (
      village &&
      !(await facilitiesRepo.findVillageOfCity(tx, { cityId: options.city.id, code: village }))
    ) {
      problems.push({ row: parsed.row, column: 'desa_kode', code: 'facility.village_not_in_city' })
    }
    if (parsed.destinationName) {
      if (!destinations.has(parsed.destinationName)) {
        const matches = await facilitiesRepo.listFacilities(tx, {
          cityId: options.city.id,
          q: parsed.destinationName,
          limit: 50,
          offset: 0,
        })
        const exact = matches.rows.find(
          (row) => row.facility.name.toLowerCase() === parsed.destinationName!.toLowerCase(),
        )
        destinations.set(parsed.destinationName, exact?.facility.id ?? null)
      }
      const id = destinations.get(parsed.destinationName)
      if (!id || id === parsed.draft.fromFacilityId)
        problems.push({ row: parsed.row, column: 'ke_fasilitas', code: 'import.facility_unknown' })
      else parsed.draft.toFacilityId = id
    }
  }
  return problems
}

/** The whole file against the ledger: any stock that would go negative is reported on the row that causes it. */
async function massBalanceProblems(
  tx: Tx,
  options: { city: CityRef; rows: ParsedFlowRow[] },
): Promise<RowProblem[]> {
  const drawn = new Map<string, { facilityId: number; material: Material }>()
  for (const parsed of options.rows) {
    const pair = drawsOn(parsed.draft)
    if (pair) drawn.set(`${pair.facilityId}:${pair.material}`, pair)
  }
  const problems: RowProblem[] = []
  for (const [key, pair] of drawn) {
    const days: DailyMovement[] = await repo.dailyMovements(tx, { cityId: options.city.id, ...pair })
    for (const parsed of options.rows) {
      const adds = addsTo(parsed.draft)
      const draws = drawsOn(parsed.draft)
      if (adds && `${adds.facilityId}:${adds.material}` === key)
        days.push({ date: parsed.date, netGrams: parsed.draft.weightGrams })
      if (draws && `${draws.facilityId}:${draws.material}` === key)
        days.push({ date: parsed.date, netGrams: -parsed.draft.weightGrams })
    }
    const shortfall = firstShortfall(days)
    if (!shortfall) continue
    const culprit = options.rows.find((parsed) => {
      const draws = drawsOn(parsed.draft)
      return draws && `${draws.facilityId}:${draws.material}` === key && parsed.date === shortfall.date
    })
    problems.push({ row: culprit?.row ?? 0, column: 'berat_kg', code: 'flow.mass_balance_row' })
  }
  return problems
}

/**
 * Imports a facility's historical log. Every row is checked — shape, references, dates, and the
 * mass balance of the whole file together with what the ledger already holds — and a file with
 * any bad row imports nothing, with every problem named by row and column.
 */
export async function importFlows(
  context: ServiceContext,
  target: Target & { body: Buffer; isCsv: boolean },
) {
  assertCan(context.access, {
    actor: context.actor!,
    cityId: target.city.id,
    permission: 'waste_flows:write',
    scope: { kind: 'facility', id: target.facilityId },
  })
  const facility = await loadFacility(context.database.db, target)
  let sheet: Awaited<ReturnType<typeof readFlowSheet>>
  try {
    sheet = await readFlowSheet({ body: target.body, isCsv: target.isCsv })
  } catch {
    throw new AppError('import.file_unreadable')
  }
  if (sheet.length === 0) throw new AppError('import.file_empty')
  if (sheet.length > MAX_IMPORT_ROWS)
    throw new AppError('import.too_many_rows', { params: { max: MAX_IMPORT_ROWS } })
  const parsed: ParsedFlowRow[] = []
  const problems: RowProblem[] = []
  for (const { row, raw } of sheet) {
    const result = parseFlowRow({ raw, row, facilityId: facility.id })
    if (Array.isArray(result)) problems.push(...result)
    else parsed.push(result)
  }
  const fileHash = createHash('sha256').update(target.body).digest('hex')
  return runWrite(context, async (tx) => {
    problems.push(
      ...(await resolveReferences(tx, {
        city: target.city,
        rows: parsed,
        today: cityToday(context, target.city),
      })),
    )
    if (problems.length === 0) {
      const ids = new Set(
        parsed
          .flatMap((p) => [p.draft.fromFacilityId, p.draft.toFacilityId])
          .filter((id): id is number => !!id && id > 0),
      )
      await repo.lockFacilities(tx, { cityId: target.city.id, ids: [...ids] })
      problems.push(...(await massBalanceProblems(tx, { city: target.city, rows: parsed })))
    }
    if (problems.length > 0) {
      throw new AppError('import.rows_invalid', {
        params: { count: new Set(problems.map((p) => p.row)).size },
        details: toDetails(problems),
      })
    }
    const rows = parsed.map(({ date, draft, note }) => ({
      cityId: target.city.id,
      flowDate: date,
      kind: draft.kind,
      material: draft.material,
      subMaterial: draft.subMaterial ?? null,
      sortedFrom: draft.sortedFrom ?? null,
      weightGrams: draft.weightGrams,
      fromFacilityId: draft.fromFacilityId ?? null,
      fromVillageCode: draft.fromVillageCode ?? null,
      fromSector: draft.fromSector ?? null,
      toFacilityId: draft.toFacilityId ?? null,
      outcome: draft.outcome ?? null,
      pricePerKgRupiah: draft.pricePerKgRupiah ?? null,
      revenueRupiah:
        draft.outcome === 'recycled_sold'
          ? saleRevenueRupiah({ weightGrams: draft.weightGrams, pricePerKgRupiah: draft.pricePerKgRupiah! })
          : null,
      buyerName: draft.buyerName ?? null,
      note,
      recordedBy: context.actor?.userId ?? null,
    }))
    for (let i = 0; i < rows.length; i += 1000) await repo.insertFlows(tx, rows.slice(i, i + 1000))
    await recordAudit(tx, context, {
      cityId: target.city.id,
      action: 'waste_flow.imported',
      entityType: 'facility',
      entityId: facility.publicId,
      after: { rows: rows.length, fileSha256: fileHash },
    })
    return { imported: rows.length }
  })
}

function toRaw(row: repo.FlowRow, names: Map<number, { publicId: string; name: string }>): RawFlowRow {
  const kg = (grams: number) => (grams / 1000).toString().replace('.', ',')
  return {
    tanggal: row.flowDate,
    jenis: row.kind,
    bahan: row.material,
    sub_bahan: row.subMaterial ?? undefined,
    berat_kg: row.reversesId ? `-${kg(row.weightGrams)}` : kg(row.weightGrams),
    desa_kode: row.fromVillageCode ?? undefined,
    sumber: row.fromSector ?? undefined,
    dipilah_dari: row.sortedFrom ?? undefined,
    ke_fasilitas: row.kind === 'transfer' && row.toFacilityId ? names.get(row.toFacilityId)?.name : undefined,
    hasil: row.outcome ?? undefined,
    harga_per_kg: row.pricePerKgRupiah?.toString(),
    pembeli: row.buyerName ?? undefined,
    catatan: [row.reversesId ? 'pembatalan' : null, row.note].filter(Boolean).join(': ') || undefined,
  }
}

/** A period of a facility's ledger as xlsx, in the import layout; reversals as negative weights. */
export async function exportFlows(context: ServiceContext, target: Target & { from: string; to: string }) {
  assertCanReadWaste(context.access, { actor: context.actor!, cityId: target.city.id })
  const { db } = context.database
  const facility = await loadFacility(db, target)
  const result = await repo.listFlows(db, {
    cityId: target.city.id,
    facilityId: facility.id,
    from: target.from,
    to: target.to,
    limit: 200_000,
    offset: 0,
  })
  const rows = [...result.rows].reverse()
  const ids = rows
    .flatMap((row) => [row.fromFacilityId, row.toFacilityId])
    .filter((id): id is number => id !== null)
  const names = await repo.facilityNames(db, { cityId: target.city.id, ids })
  return writeFlowSheet({ title: facility.name, rows: rows.map((row) => toRaw(row, names)) })
}

export function flowTemplate() {
  return writeFlowSheet({
    title: 'Sinergi',
    rows: [
      {
        tanggal: '2026-11-02',
        jenis: 'intake',
        bahan: 'campuran',
        berat_kg: '100',
        desa_kode: '35.79.01.2006',
        sumber: 'rumah_tangga',
      },
      { tanggal: '2026-11-02', jenis: 'sorting', bahan: 'plastik', berat_kg: '30', dipilah_dari: 'campuran' },
      {
        tanggal: '2026-11-02',
        jenis: 'outcome',
        bahan: 'plastik',
        sub_bahan: 'pet',
        berat_kg: '12,5',
        hasil: 'recycled_sold',
        harga_per_kg: '3500',
        pembeli: 'Pengepul',
      },
    ],
  })
}
