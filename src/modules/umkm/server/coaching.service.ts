import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  attendanceRate,
  type FundingSource,
  isFull,
  isWithdrawnBy,
  type OutcomeRecord,
  type OutcomeStage,
  outcomeChange,
  type ProgrammeKind,
  sessionsWhileEnrolled,
} from '../domain/coaching.ts'
import * as repo from './coaching.repository.ts'
import { assertCanEditUmkm, assertCanReadUmkm } from './umkm.policy.ts'

export interface ProgrammeInput {
  kind: ProgrammeKind
  name: string
  agency: string
  budgetActivityCode?: string | null
  funding: FundingSource
  startsOn: string
  endsOn: string
  quota?: number | null
  requiresNib?: boolean
  eligibleScales?: string[]
}

function presentProgramme(row: repo.ProgrammeRow, enrolled: number) {
  return {
    id: row.publicId,
    kind: row.kind,
    name: row.name,
    agency: row.agency,
    budgetActivityCode: row.budgetActivityCode,
    funding: row.funding,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    quota: row.quota,
    requiresNib: row.requiresNib,
    eligibleScales: row.eligibleScales ? row.eligibleScales.split(',') : [],
    isSampleData: row.isSampleData,
    enrolled,
    isFull: isFull(row.quota, enrolled),
  }
}

export const who = (context: ServiceContext, city: CityRef) => ({ actor: context.actor!, cityId: city.id })

export async function requireProgramme(context: ServiceContext, city: CityRef, programmeId: string) {
  const row = await repo.findProgramme(context.database.db, { cityId: city.id, publicId: programmeId })
  if (!row) throw new AppError('coaching.programme_not_found')
  return row
}

export async function listProgrammes(context: ServiceContext, options: { city: CityRef }) {
  assertCanReadUmkm(context.access, who(context, options.city))
  const rows = await repo.listProgrammes(context.database.db, { cityId: options.city.id })
  return rows.map((row) => presentProgramme(row.programme, row.enrolled))
}

export async function createProgramme(
  context: ServiceContext,
  options: { city: CityRef; input: ProgrammeInput },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  if (input.endsOn < input.startsOn) throw fieldError('/body/endsOn', 'coaching.ends_before_start')
  const row = await runWrite(context, async (tx) => {
    const inserted = await repo.insertProgramme(tx, {
      ...programmeColumns({ quota: null, requiresNib: false, eligibleScales: [], ...input }),
      kind: input.kind,
      name: input.name.trim(),
      agency: input.agency.trim(),
      funding: input.funding,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      cityId: city.id,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.created',
      entityType: 'umkm_programme',
      entityId: inserted.publicId,
      after: presentProgramme(inserted, 0),
    })
    return inserted
  })
  return presentProgramme(row, 0)
}

export type ProgrammeChanges = Partial<ProgrammeInput>

/** The stored columns for a programme's fields: trimmed, empty codes as null, scales as a list. */
function programmeColumns(input: ProgrammeChanges) {
  const columns: Partial<repo.ProgrammeRow> = {}
  if (input.kind !== undefined) columns.kind = input.kind
  if (input.name !== undefined) columns.name = input.name.trim()
  if (input.agency !== undefined) columns.agency = input.agency.trim()
  if (input.budgetActivityCode !== undefined)
    columns.budgetActivityCode = input.budgetActivityCode?.trim() || null
  if (input.funding !== undefined) columns.funding = input.funding
  if (input.startsOn !== undefined) columns.startsOn = input.startsOn
  if (input.endsOn !== undefined) columns.endsOn = input.endsOn
  if (input.quota !== undefined) columns.quota = input.quota
  if (input.requiresNib !== undefined) columns.requiresNib = input.requiresNib
  if (input.eligibleScales !== undefined) columns.eligibleScales = input.eligibleScales.join(',')
  return columns
}

/**
 * Corrects or reschedules a programme. Participants already enrolled stay enrolled when the
 * eligibility rules change (they met the rules in force when they joined); the quota cannot go
 * below the number already enrolled.
 */
export async function updateProgramme(
  context: ServiceContext,
  options: { city: CityRef; programmeId: string; changes: ProgrammeChanges },
) {
  const { city, changes } = options
  assertCanEditUmkm(context.access, who(context, city))
  const programme = await requireProgramme(context, city, options.programmeId)
  return runWrite(context, async (tx) => {
    const locked = await repo.lockProgramme(tx, { cityId: city.id, id: programme.id })
    const enrolled = await repo.countEnrolments(tx, { cityId: city.id, programmeId: locked.id })
    const startsOn = changes.startsOn ?? locked.startsOn
    const endsOn = changes.endsOn ?? locked.endsOn
    if (endsOn < startsOn) throw fieldError('/body/endsOn', 'coaching.ends_before_start')
    if (changes.quota !== undefined && changes.quota !== null && changes.quota < enrolled) {
      throw fieldError('/body/quota', 'coaching.quota_below_enrolled', { enrolled })
    }
    const updated = await repo.updateProgramme(
      tx,
      { cityId: city.id, id: locked.id },
      programmeColumns(changes),
    )
    const after = presentProgramme(updated, enrolled)
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.updated',
      entityType: 'umkm_programme',
      entityId: locked.publicId,
      before: presentProgramme(locked, enrolled),
      after,
    })
    return after
  })
}

function outcomeOf(row: repo.OutcomeRow | undefined): OutcomeRecord | null {
  if (!row) return null
  const { annualSalesRupiah, workers, certificates, sellsOnline } = row
  return { annualSalesRupiah, workers, certificates, sellsOnline }
}

/** The programme with its participants: attendance over the sessions held, and the effect measured. */
export async function getProgramme(context: ServiceContext, options: { city: CityRef; programmeId: string }) {
  const { city } = options
  assertCanReadUmkm(context.access, who(context, city))
  const db = context.database.db
  const programme = await requireProgramme(context, city, options.programmeId)
  const scope = { cityId: city.id, programmeId: programme.id }
  const [enrolments, sessions] = await Promise.all([
    repo.listEnrolments(db, scope),
    repo.listSessions(db, scope),
  ])
  const [attendance, outcomes] = await Promise.all([
    repo.listAttendance(db, { cityId: city.id, sessionIds: sessions.map((session) => session.id) }),
    repo.listOutcomes(db, { cityId: city.id, enrolmentIds: enrolments.map((row) => row.enrolment.id) }),
  ])
  const enrolmentIds = new Map(enrolments.map((row) => [row.enrolment.id, row.enrolment.publicId]))
  const heldOn = sessions.map((session) => session.heldOn)
  const active = enrolments.filter((row) => row.enrolment.withdrawnOn === null).length
  return {
    ...presentProgramme(programme, active),
    sessions: sessions.map((session) => ({
      id: session.publicId,
      heldOn: session.heldOn,
      topic: session.topic,
      present: attendance
        .filter((row) => row.sessionId === session.id)
        .map((row) => enrolmentIds.get(row.enrolmentId)!),
    })),
    participants: enrolments.map(({ enrolment, businessId, businessName }) => {
      const mine = outcomes.filter((row) => row.enrolmentId === enrolment.id)
      const before = outcomeOf(mine.find((row) => row.stage === 'before'))
      const after = outcomeOf(mine.find((row) => row.stage === 'after'))
      const attended = attendance.filter((row) => row.enrolmentId === enrolment.id).length
      return {
        id: enrolment.publicId,
        business: { id: businessId, name: businessName },
        enrolledOn: enrolment.enrolledOn,
        withdrawnOn: enrolment.withdrawnOn,
        withdrawalReason: enrolment.withdrawalReason,
        attendancePercent: attendanceRate(attended, sessionsWhileEnrolled(heldOn, enrolment.withdrawnOn)),
        before,
        after,
        change: outcomeChange(before, after),
      }
    }),
  }
}

/** Internal ids of participants; with `on`, each must still be in the programme that day. */
async function enrolmentIdsOf(
  context: ServiceContext,
  city: CityRef,
  programmeId: number,
  publicIds: string[],
  on?: string,
) {
  const rows = await repo.listEnrolments(context.database.db, { cityId: city.id, programmeId })
  const byPublic = new Map(rows.map((row) => [row.enrolment.publicId, row]))
  return publicIds.map((id, index) => {
    const found = byPublic.get(id)
    if (found === undefined) throw fieldError(`/body/present/${index}`, 'coaching.not_a_participant')
    if (on !== undefined && isWithdrawnBy(found.enrolment.withdrawnOn, on)) {
      throw fieldError(`/body/present/${index}`, 'coaching.participant_withdrawn', {
        business: found.businessName,
        date: found.enrolment.withdrawnOn,
      })
    }
    return found.enrolment.id
  })
}

export async function addSession(
  context: ServiceContext,
  options: {
    city: CityRef
    programmeId: string
    input: { heldOn: string; topic: string; present: string[] }
  },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const programme = await requireProgramme(context, city, options.programmeId)
  const present = await enrolmentIdsOf(context, city, programme.id, [...new Set(input.present)], input.heldOn)
  const session = await runWrite(context, async (tx) => {
    const inserted = await repo.insertSession(
      tx,
      { cityId: city.id, programmeId: programme.id, heldOn: input.heldOn, topic: input.topic.trim() },
      present,
    )
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.session_held',
      entityType: 'umkm_session',
      entityId: inserted.publicId,
      after: { programme: programme.publicId, heldOn: input.heldOn, present: input.present.length },
    })
    return inserted
  })
  return {
    id: session.publicId,
    heldOn: session.heldOn,
    topic: session.topic,
    present: [...new Set(input.present)],
  }
}

export async function recordOutcome(
  context: ServiceContext,
  options: {
    city: CityRef
    programmeId: string
    enrolmentId: string
    stage: OutcomeStage
    input: OutcomeRecord & { asOf: string }
  },
) {
  const { city, input } = options
  assertCanEditUmkm(context.access, who(context, city))
  const programme = await requireProgramme(context, city, options.programmeId)
  const [enrolmentId] = await enrolmentIdsOf(context, city, programme.id, [options.enrolmentId])
  const row = await runWrite(context, async (tx) => {
    const saved = await repo.upsertOutcome(tx, {
      cityId: city.id,
      enrolmentId: enrolmentId!,
      stage: options.stage,
      ...input,
    })
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.outcome_recorded',
      entityType: 'umkm_enrolment',
      entityId: options.enrolmentId,
      after: { stage: options.stage, ...input },
    })
    return saved
  })
  return { stage: row.stage, asOf: row.asOf, ...outcomeOf(row)! }
}
