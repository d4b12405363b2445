import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { cityToday } from '../../../platform/server/context.ts'
import { isUniqueViolation } from '../../../platform/server/db/client.ts'
import { AppError, fieldError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { checkEligibility, isFull } from '../domain/coaching.ts'
import { DEFAULT_SCALE_RULE } from '../domain/scale.ts'
import * as repo from './coaching.repository.ts'
import { requireProgramme, who } from './coaching.service.ts'
import { assertCanEditUmkm } from './umkm.policy.ts'
import * as businesses from './umkm.repository.ts'
import { scalesOf } from './umkm.service.ts'
import { businessClosed } from './umkm-closure.service.ts'

/* Who is in a programme: enrolment (checked against its rules and quota) and withdrawal. */

/**
 * Enrols a business if the programme's rules admit it and a place is left; once per programme. A
 * business that withdrew may be enrolled again, on the same terms as a newcomer.
 */
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
  if (found.business.closedOn !== null) throw businessClosed(found.business, '/body/businessId')
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
  const already = () =>
    new AppError('coaching.already_enrolled', { params: { business: found.business.name } })
  try {
    const row = await runWrite(context, async (tx) => {
      const locked = await repo.lockProgramme(tx, { cityId: city.id, id: programme.id })
      const scope = { cityId: city.id, programmeId: programme.id }
      const earlier = await repo.findEnrolment(tx, { ...scope, businessId: found.business.id })
      if (earlier && earlier.withdrawnOn === null) throw already()
      const enrolled = await repo.countEnrolments(tx, scope)
      if (isFull(locked.quota, enrolled)) {
        throw new AppError('coaching.quota_full', { params: { quota: locked.quota } })
      }
      const enrolledOn = cityToday(context, city)
      // A business that withdrew comes back on the same row: its earlier attendance stays with it.
      const saved = earlier
        ? await repo.updateEnrolment(
            tx,
            { cityId: city.id, id: earlier.id },
            { enrolledOn, withdrawnOn: null, withdrawalReason: null },
          )
        : await repo.insertEnrolment(tx, { ...scope, businessId: found.business.id, enrolledOn })
      await recordAudit(tx, context, {
        cityId: city.id,
        action: earlier ? 'umkm_programme.reinstated' : 'umkm_programme.enrolled',
        entityType: 'umkm_enrolment',
        entityId: saved.publicId,
        before: earlier ? { withdrawnOn: earlier.withdrawnOn, reason: earlier.withdrawalReason } : undefined,
        after: { programme: programme.publicId, business: options.businessId, enrolledOn },
      })
      return saved
    })
    return { id: row.publicId, business: { id: options.businessId, name: found.business.name } }
  } catch (error) {
    if (isUniqueViolation(error, 'umkm_enrolments_business_key')) throw already()
    throw error
  }
}

/**
 * Takes a participant out of a programme from today (in the city), with the reason. Their place in
 * the quota is freed; their attendance and before/after figures stay on the programme's page.
 */
export async function withdraw(
  context: ServiceContext,
  options: { city: CityRef; programmeId: string; enrolmentId: string; reason: string },
) {
  const { city } = options
  assertCanEditUmkm(context.access, who(context, city))
  const programme = await requireProgramme(context, city, options.programmeId)
  const reason = options.reason.trim()
  if (reason.length < 3) throw fieldError('/body/reason', 'coaching.withdrawal_reason_required')
  const row = await runWrite(context, async (tx) => {
    await repo.lockProgramme(tx, { cityId: city.id, id: programme.id })
    const scope = { cityId: city.id, programmeId: programme.id }
    const enrolment = await repo.findEnrolment(tx, { ...scope, publicId: options.enrolmentId })
    if (!enrolment) throw new AppError('coaching.participant_not_found')
    if (enrolment.withdrawnOn !== null) {
      throw new AppError('coaching.already_withdrawn', { params: { date: enrolment.withdrawnOn } })
    }
    const withdrawnOn = cityToday(context, city)
    const saved = await repo.updateEnrolment(
      tx,
      { cityId: city.id, id: enrolment.id },
      { enrolledOn: enrolment.enrolledOn, withdrawnOn, withdrawalReason: reason },
    )
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.withdrawn',
      entityType: 'umkm_enrolment',
      entityId: enrolment.publicId,
      after: { programme: programme.publicId, withdrawnOn, reason },
    })
    return saved
  })
  return { id: row.publicId, withdrawnOn: row.withdrawnOn!, withdrawalReason: row.withdrawalReason! }
}
