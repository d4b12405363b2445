import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit, sendWithCommit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import type { Tx } from '../../../platform/server/db/client.ts'
import { newPublicId } from '../../../platform/server/db/columns.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  addsTo,
  checkFlowShape,
  drawsOn,
  type FlowDraft,
  type FlowKind,
  firstShortfall,
  type Outcome,
  saleRevenueRupiah,
} from '../domain/flows.ts'
import type { Material, SourceSector, SubMaterial } from '../domain/materials.ts'
import * as repo from './flows.repository.ts'

export interface FlowInput {
  kind: FlowKind
  /** `YYYY-MM-DD` in the city's time zone; today there when omitted. */
  date?: string
  weightGrams: number
  material: Material
  subMaterial?: SubMaterial | null
  sortedFrom?: Material | null
  fromFacilityId?: string | null
  fromVillageCode?: string | null
  fromSector?: SourceSector | null
  toFacilityId?: string | null
  outcome?: Outcome | null
  pricePerKgRupiah?: number | null
  buyerName?: string | null
  note?: string | null
}

/** The facility whose record this is: an operator may only record for their own. */
function recordingFacility(kind: FlowKind, from: string | null, to: string | null): string | null {
  return kind === 'intake' ? to : from
}

function assertCanRecord(
  context: ServiceContext,
  options: { city: CityRef; facilityPublicId: string | null },
) {
  assertCan(context.access, {
    actor: context.actor!,
    cityId: options.city.id,
    permission: 'waste_flows:write',
    ...(options.facilityPublicId ? { scope: { kind: 'facility', id: options.facilityPublicId } } : {}),
  })
}

/** Refuses with 422 and the conflicting figures when the stock would go below zero on any day. */
async function assertMassBalance(
  tx: Tx,
  options: { city: CityRef; facilityId: number; material: Material; date: string; deltaGrams: number },
) {
  const days = await repo.dailyMovements(tx, {
    cityId: options.city.id,
    facilityId: options.facilityId,
    material: options.material,
  })
  const shortfall = firstShortfall([...days, { date: options.date, netGrams: options.deltaGrams }])
  if (!shortfall) return
  const stockBefore = days
    .filter((day) => day.date <= shortfall.date)
    .reduce((sum, day) => sum + day.netGrams, 0)
  throw new AppError('flow.mass_balance', {
    params: { date: shortfall.date, material: options.material },
    extensions: {
      conflict: {
        facilityId: (
          await repo.facilityNames(tx, { cityId: options.city.id, ids: [options.facilityId] })
        ).get(options.facilityId)?.publicId,
        material: options.material,
        date: shortfall.date,
        stockGrams: stockBefore,
        requestedGrams: Math.abs(options.deltaGrams),
        shortfallGrams: -shortfall.stockGrams,
      },
    },
  })
}

/** A module that names a row before it is written (a deposit line names its flow) picks its public id. */
type ModuleFlowInput = FlowInput & { publicId?: string }

function referenceOf(
  refs: Awaited<ReturnType<typeof repo.findFlowReferences>>,
  options: { publicId: string | null | undefined; field: string },
) {
  if (!options.publicId) return { id: null, publicId: null }
  const found = refs.facilities.get(options.publicId)
  if (!found)
    throw new AppError('validation.failed', {
      details: [{ field: `/body/${options.field}`, code: 'facility.not_found' }],
    })
  return found
}

interface BatchOptions {
  city: CityRef
  inputs: ModuleFlowInput[]
  isAuthorised?: boolean
  recordedByModule?: string
}

/**
 * Checks a batch of flows and builds their rows. The references of the whole batch are read in
 * one query, which also locks every facility of it.
 */
async function checkBatch(tx: Tx, context: ServiceContext, options: BatchOptions) {
  const { city, inputs } = options
  // Concurrent writes to one facility are serialised (LEDGERS.md): the statement that reads the
  // batch's references also locks every facility of it, so two flows cannot both spend the same
  // kilos.
  const refs = await repo.findFlowReferences(tx, {
    cityId: city.id,
    facilityPublicIds: inputs.flatMap((input) =>
      [input.fromFacilityId, input.toFacilityId].filter((id): id is string => !!id),
    ),
    villageCodes: inputs.flatMap((input) => (input.fromVillageCode ? [input.fromVillageCode] : [])),
    lock: true,
  })
  const today = cityToday(context, city)
  return inputs.map(({ publicId, ...input }) => {
    const from = referenceOf(refs, { publicId: input.fromFacilityId, field: 'fromFacilityId' })
    const to = referenceOf(refs, { publicId: input.toFacilityId, field: 'toFacilityId' })
    if (!options.isAuthorised) {
      assertCanRecord(context, {
        city,
        facilityPublicId: recordingFacility(input.kind, from.publicId, to.publicId),
      })
    }
    const date = input.date ?? today
    const draft: FlowDraft = { ...input, fromFacilityId: from.id, toFacilityId: to.id }
    const problems = checkFlowShape(draft).map((p) => ({ field: `/body/${p.field}`, code: p.code }))
    if (date > today) problems.push({ field: '/body/date', code: 'flow.date_in_future' })
    if (input.fromVillageCode && !refs.villageCodes.has(input.fromVillageCode)) {
      problems.push({ field: '/body/fromVillageCode', code: 'facility.village_not_in_city' })
    }
    if (problems.length > 0)
      throw new AppError('validation.failed', { details: problems, params: { city: city.name } })
    const isSale = input.kind === 'outcome' && input.outcome === 'recycled_sold'
    const values = {
      publicId: publicId ?? newPublicId(),
      cityId: city.id,
      flowDate: date,
      kind: input.kind,
      material: input.material,
      subMaterial: input.subMaterial ?? null,
      sortedFrom: input.sortedFrom ?? null,
      weightGrams: input.weightGrams,
      fromFacilityId: from.id,
      fromVillageCode: input.fromVillageCode ?? null,
      fromSector: input.fromSector ?? null,
      toFacilityId: to.id,
      outcome: input.outcome ?? null,
      pricePerKgRupiah: input.pricePerKgRupiah ?? null,
      revenueRupiah: isSale
        ? saleRevenueRupiah({ weightGrams: input.weightGrams, pricePerKgRupiah: input.pricePerKgRupiah! })
        : null,
      buyerName: input.buyerName?.trim() || null,
      note: input.note?.trim() || null,
      recordedBy: context.actor?.userId ?? null,
      recordedByModule: options.recordedByModule ?? null,
    }
    return { input, date, drawn: drawsOn(draft), values }
  })
}

/** The audit row of each flow of a checked batch (its public id is chosen before the insert). */
async function auditRecorded(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; checked: CheckedBatch },
) {
  for (const { input, date, values } of options.checked) {
    await recordAudit(tx, context, {
      cityId: options.city.id,
      action: 'waste_flow.recorded',
      entityType: 'waste_flow',
      entityId: values.publicId,
      after: { ...input, date },
    })
  }
}

type CheckedBatch = Awaited<ReturnType<typeof checkBatch>>

/** Writes a checked batch, in order: all of it or none. A batch that draws on no stock is one statement. */
async function writeChecked(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; checked: CheckedBatch },
): Promise<repo.FlowRow[]> {
  const { city, checked } = options
  let rows: repo.FlowRow[]
  if (checked.every(({ drawn }) => !drawn)) {
    rows = await repo.insertFlowRows(
      tx,
      checked.map(({ values }) => values),
    )
  } else {
    // Each draw is checked against the stock as the rows before it in the batch left it.
    rows = []
    for (const { drawn, date, input, values } of checked) {
      if (drawn) await assertMassBalance(tx, { city, ...drawn, date, deltaGrams: -input.weightGrams })
      rows.push(await repo.insertFlow(tx, values))
    }
  }
  await auditRecorded(tx, context, options)
  return rows
}

async function insertChecked(tx: Tx, context: ServiceContext, options: BatchOptions) {
  return writeChecked(tx, context, { city: options.city, checked: await checkBatch(tx, context, options) })
}

/**
 * Checks flows now and sends their insert with the transaction's last statement (sendWithCommit):
 * one round trip less for a caller that reads nothing of them afterwards. Only a batch that draws
 * on no stock (intakes) waits: a draw is checked against the rows before it, so it goes in at once.
 */
async function queueChecked(tx: Tx, context: ServiceContext, options: BatchOptions): Promise<void> {
  const { city } = options
  const checked = await checkBatch(tx, context, options)
  if (checked.some(({ drawn }) => drawn)) {
    await writeChecked(tx, context, { city, checked })
    return
  }
  await sendWithCommit(
    tx,
    repo.flowRowsInsert(
      tx,
      checked.map(({ values }) => values),
    ),
  )
  await auditRecorded(tx, context, { city, checked })
}

async function reverseChecked(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; flowId: string; note?: string | null; isAuthorised?: boolean },
) {
  const { city } = options
  const original = await repo.findFlow(tx, { cityId: city.id, publicId: options.flowId })
  if (!original) throw new AppError('flow.not_found')
  if (original.reversesId !== null) throw new AppError('flow.is_reversal')
  // A deposit's or a sale's flow is corrected with its business event, by the module that wrote it.
  if (!options.isAuthorised && original.recordedByModule) {
    throw new AppError('flow.recorded_by_module', { params: { module: original.recordedByModule } })
  }
  const names = await repo.facilityNames(tx, {
    cityId: city.id,
    ids: [original.fromFacilityId, original.toFacilityId].filter((id): id is number => id !== null),
  })
  const recording = recordingFacility(
    original.kind,
    original.fromFacilityId ? (names.get(original.fromFacilityId)?.publicId ?? null) : null,
    original.toFacilityId ? (names.get(original.toFacilityId)?.publicId ?? null) : null,
  )
  if (!options.isAuthorised) assertCanRecord(context, { city, facilityPublicId: recording })
  await repo.lockFacilities(tx, {
    cityId: city.id,
    ids: [original.fromFacilityId, original.toFacilityId].filter((id): id is number => id !== null),
  })
  if (await repo.findReversalOf(tx, { cityId: city.id, flowId: original.id }))
    throw new AppError('flow.already_reversed')
  // Taking back what a row added must not leave its stock negative on any day since.
  const added = addsTo({
    ...original,
    subMaterial: null,
    fromFacilityId: original.fromFacilityId,
    toFacilityId: original.toFacilityId,
  })
  if (added)
    await assertMassBalance(tx, {
      city,
      ...added,
      date: original.flowDate,
      deltaGrams: -original.weightGrams,
    })
  const { id: _id, publicId: _publicId, createdAt: _createdAt, ...copy } = original
  const reversal = await repo.insertFlow(tx, {
    ...copy,
    reversesId: original.id,
    note: options.note?.trim() || null,
    recordedBy: context.actor?.userId ?? null,
  })
  await recordAudit(tx, context, {
    cityId: city.id,
    action: 'waste_flow.reversed',
    entityType: 'waste_flow',
    entityId: original.publicId,
    after: { reversal: reversal.publicId, note: reversal.note },
  })
  return reversal
}

export function recordFlow(context: ServiceContext, options: { city: CityRef; input: FlowInput }) {
  return runWrite(context, async (tx) => {
    const [row] = await insertChecked(tx, context, { city: options.city, inputs: [options.input] })
    return row!
  })
}

export function reverseFlow(
  context: ServiceContext,
  options: { city: CityRef; flowId: string; note?: string | null },
) {
  return runWrite(context, (tx) => reverseChecked(tx, context, options))
}

/** A correction: the reversal and the corrected entry, both visible, in one transaction. */
export function correctFlow(
  context: ServiceContext,
  options: { city: CityRef; flowId: string; input: FlowInput },
) {
  return runWrite(context, async (tx) => {
    const reversal = await reverseChecked(tx, context, {
      city: options.city,
      flowId: options.flowId,
      note: options.input.note,
    })
    const [replacement] = await insertChecked(tx, context, { city: options.city, inputs: [options.input] })
    return { reversal, replacement: replacement! }
  })
}

/**
 * For another module's write that moves waste as part of its own business event (a bank sampah
 * deposit): inside the caller's transaction, with every ledger rule, but the caller has already
 * checked who may do it. `inputs` records several movements at once (all or none), in order; each
 * may carry the public id its row is to have. With `atCommit`, intakes are checked now and
 * inserted with the transaction's last statement (queueChecked): for a caller that reads nothing
 * of them afterwards, and then there are no rows to return.
 */
export function recordFlowInTransaction(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; input: FlowInput; module: string },
): Promise<repo.FlowRow>
export function recordFlowInTransaction(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; inputs: ModuleFlowInput[]; module: string; atCommit: true },
): Promise<undefined>
export function recordFlowInTransaction(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; inputs: ModuleFlowInput[]; module: string },
): Promise<repo.FlowRow[]>
export async function recordFlowInTransaction(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; module: string; atCommit?: boolean } & (
    | { input: FlowInput }
    | { inputs: ModuleFlowInput[] }
  ),
): Promise<repo.FlowRow | repo.FlowRow[] | undefined> {
  const batch = {
    city: options.city,
    inputs: 'inputs' in options ? options.inputs : [options.input],
    isAuthorised: true,
    recordedByModule: options.module,
  }
  if (options.atCommit) {
    await queueChecked(tx, context, batch)
    return undefined
  }
  const rows = await insertChecked(tx, context, batch)
  return 'inputs' in options ? rows : rows[0]!
}

/** The reversal counterpart of recordFlowInTransaction (a bank sampah deposit taken back). */
export function reverseFlowInTransaction(
  tx: Tx,
  context: ServiceContext,
  options: { city: CityRef; flowId: string; note?: string | null },
) {
  return reverseChecked(tx, context, { ...options, isAuthorised: true })
}
