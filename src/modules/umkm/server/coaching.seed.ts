import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { checkEligibility } from '../domain/coaching.ts'
import { DEFAULT_SCALE_RULE } from '../domain/scale.ts'
import * as repo from './coaching.repository.ts'
import { findBusiness, findBusinessNames, listFigures } from './umkm.repository.ts'
import { scalesOf } from './umkm.service.ts'

/**
 * One sample programme for Batu, so the coaching pages have something to show: a halal
 * certification drive of the kind a Dinas runs from APBD (made up, not a real programme; "contoh"
 * in its name says so, and it is flagged as sample data). Enrolled: the first sample businesses the
 * rules admit (an NIB, micro now), two sessions with attendance, and before/after figures for some.
 */
export const SAMPLE_PROGRAMME = {
  kind: 'fasilitasi_sertifikasi',
  name: 'Fasilitasi sertifikasi halal 2026 (contoh)',
  agency: 'Diskumindag Kota Batu',
  budgetActivityCode: null,
  funding: 'apbd',
  startsOn: '2026-07-01',
  endsOn: '2026-12-15',
  quota: 25,
  isSampleData: true,
  requiresNib: true,
  eligibleScales: 'mikro',
} as const

const PARTICIPANTS = 5
const SESSIONS = [
  { heldOn: '2026-08-12', topic: 'Sosialisasi sertifikasi halal self-declare (contoh)' },
  { heldOn: '2026-09-16', topic: 'Pendampingan pengisian dokumen SIHALAL (contoh)' },
]

export async function seedSampleProgramme(context: ServiceContext, options: { city: CityRef }) {
  const { city } = options
  const db = context.database.db
  const existing = await repo.listProgrammes(db, { cityId: city.id })
  if (existing.some((row) => row.programme.name === SAMPLE_PROGRAMME.name)) return
  // The same rule the enrolment service applies, so the sample never holds a business it would refuse.
  const names = (await findBusinessNames(db, { cityId: city.id })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  const eligible: number[] = []
  for (const { publicId } of names) {
    if (eligible.length === PARTICIPANTS) break
    const found = await findBusiness(db, { cityId: city.id, publicId })
    if (!found?.business.isSampleData || found.business.closedOn !== null) continue
    const figures = await listFigures(db, { cityId: city.id, businessId: found.business.id })
    const scale =
      scalesOf(figures).current.find((derived) => derived.rule === DEFAULT_SCALE_RULE)?.scale ?? null
    const problems = checkEligibility(
      { requiresNib: true, scales: ['mikro'] },
      { nib: found.business.nib, scale },
    )
    if (problems.length === 0) eligible.push(found.business.id)
  }
  await runWrite(context, async (tx) => {
    const programme = await repo.insertProgramme(tx, { ...SAMPLE_PROGRAMME, cityId: city.id })
    const enrolments = []
    for (const businessId of eligible) {
      enrolments.push(
        await repo.insertEnrolment(tx, {
          cityId: city.id,
          programmeId: programme.id,
          businessId,
          enrolledOn: '2026-07-01',
        }),
      )
    }
    // Everyone came to the first session; the last participant missed the second (50 % attendance).
    for (const [index, session] of SESSIONS.entries()) {
      const present = index === 0 ? enrolments : enrolments.slice(0, -1)
      await repo.insertSession(
        tx,
        { cityId: city.id, programmeId: programme.id, ...session },
        present.map((row) => row.id),
      )
    }
    // Before figures for all but the last; after figures for the first three only, so some effects
    // stay empty ("—") as they would mid-programme.
    for (const [index, enrolment] of enrolments.slice(0, -1).entries()) {
      const sales = (180 + index * 65) * 1_000_000
      await repo.upsertOutcome(tx, {
        cityId: city.id,
        enrolmentId: enrolment.id,
        stage: 'before',
        asOf: '2026-06-30',
        annualSalesRupiah: sales,
        workers: 2 + index,
        certificates: index % 2,
        sellsOnline: index === 0,
      })
      if (index < 3) {
        await repo.upsertOutcome(tx, {
          cityId: city.id,
          enrolmentId: enrolment.id,
          stage: 'after',
          asOf: '2026-11-15',
          annualSalesRupiah: Math.round(sales * (1.08 + index * 0.04)),
          workers: 2 + index + (index === 1 ? 1 : 0),
          certificates: (index % 2) + 1,
          sellsOnline: true,
        })
      }
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'umkm_programme.sample_generated',
      entityType: 'umkm_programme',
      entityId: programme.publicId,
      after: { name: programme.name, participants: enrolments.length, sessions: SESSIONS.length },
    })
  })
}
