import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import {
  attendanceRate,
  checkEligibility,
  type FundingSource,
  isFull,
  type OutcomeRecord,
  type OutcomeStage,
  outcomeChange,
  type ProgrammeKind,
} from '../domain/coaching.ts'
import { DEFAULT_SCALE_RULE } from '../domain/scale.ts'
import * as repo from './coaching.repository.ts'
import { assertCanEditUmkm, assertCanReadUmkm } from './umkm.policy.ts'
import * as businesses from './umkm.repository.ts'
import { scalesOf } from './umkm.service.ts'

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
    enrolled,
    isFull: isFull(row.quota, enrolled),
  }
}

const who = (context: ServiceContext, city: CityRef) => ({ actor: context.actor!, cityId: city.id })

async function requireProgramme(context: ServiceContext, city: CityRef, programmeId: string) {
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
      cityId: city.id,
      kind: input.kind,
      name: input.name.trim(),
      agency: input.agency.trim(),
      budgetActivityCode: input.budgetActivityCode?.trim() || null,
      funding: input.funding,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      quota: input.quota ?? null,
      requiresNib: input.requiresNib ?? false,
      eligibleScales: (input.eligibleScales ?? []).join(','),
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
  return {
    ...presentProgramme(programme, enrolments.length),
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
        attendancePercent: attendanceRate(attended, sessions.length),
        before,
        after,
        change: outcomeChange(before, after),
      }
    }),
  }
}

/** Enrols a business if the programme's rules admit it and a place is left; once per programme. */
export async function enrol(
  context: ServiceContext,
  options: { city: CityRef; programmeId: string; businessId: string },
) {
  const { city } = options
  assertCanEditUmkm(context.access, who(context, city))
  const programme = await requireProgramme(context, city, options.programmeId)
  const found = await businesses.findBusiness(context.database.db, {
    cityId: city.id,
    publicId: options.businessId,
  })
  if (!found) throw fieldError('/body/businessId', 'umkm.business_not_found')
  const figures = await businesses.listFigures(context.database.db, {
    cityId: city.id,
    businessId: found.business.id,
  })
  const scale =
    scalesOf(figures).current.find((derived) => derived.rule === DEFAULT_SCALE_RULE)?.scale ?? null
  const problems = checkEligibility(
    {
      requiresNib: programme.requiresNib,
      scales: programme.eligibleScales ? programme.eligibleScales.split(',') : [],
    },
    { nib: found.business.nib, scale },
  )
  if (problems.length > 0) {
    throw new AppError('coaching.not_eligible', {
      params: { business: found.business.name },
      details: problems.map((problem) => ({
        field: '/body/businessId',
        code: problem.code,
        params: problem.params,
      })),
    })
  }
  try {
    const row = await runWrite(context, async (tx) => {
      await repo.lockProgramme(tx, { cityId: city.id, id: programme.id })
      const enrolled = await repo.countEnrolments(tx, { cityId: city.id, programmeId: programme.id })
      if (isFull(programme.quota, enrolled)) {
        throw new AppError('coaching.quota_full', { params: { quota: programme.quota } })
      }
      const inserted = await repo.insertEnrolment(tx, {
        cityId: city.id,
        programmeId: programme.id,
        businessId: found.business.id,
        enrolledOn: cityToday(context, city),
      })
      await recordAudit(tx, context, {
        cityId: city.id,
        action: 'umkm_programme.enrolled',
        entityType: 'umkm_enrolment',
        entityId: inserted.publicId,
        after: { programme: programme.publicId, business: options.businessId },
      })
      return inserted
    })
    return { id: row.publicId, business: { id: options.businessId, name: found.business.name } }
  } catch (error) {
    if (isUniqueViolation(error, 'umkm_enrolments_business_key')) {
      throw new AppError('coaching.already_enrolled', { params: { business: found.business.name } })
    }
    throw error
  }
}

async function enrolmentIdsOf(
  context: ServiceContext,
  city: CityRef,
  programmeId: number,
  publicIds: string[],
) {
  const rows = await repo.listEnrolments(context.database.db, { cityId: city.id, programmeId })
  const byPublic = new Map(rows.map((row) => [row.enrolment.publicId, row.enrolment.id]))
  return publicIds.map((id, index) => {
    const internal = byPublic.get(id)
    if (internal === undefined) throw fieldError(`/body/present/${index}`, 'coaching.not_a_participant')
    return internal
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
  const present = await enrolmentIdsOf(context, city, programme.id, [...new Set(input.present)])
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
