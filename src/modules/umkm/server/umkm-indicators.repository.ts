import {
  and,
  count,
  countDistinct,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import type { LicenceKind } from '../domain/licences.ts'
import { umkmCurations } from './centre.tables.ts'
import { umkmEnrolmentOutcomes, umkmEnrolments, umkmProgrammes } from './coaching.tables.ts'
import { umkmBusinesses, umkmBusinessFigures, umkmLicences } from './umkm.tables.ts'

/** Every figures record of the city dated on or before `asOf`, oldest first. */
export function listCityFigures(db: DbOrTx, options: { cityId: number; asOf: string }) {
  return db
    .select({
      businessId: umkmBusinessFigures.businessId,
      id: umkmBusinessFigures.publicId,
      asOf: umkmBusinessFigures.asOf,
      capitalRupiah: umkmBusinessFigures.capitalRupiah,
      annualSalesRupiah: umkmBusinessFigures.annualSalesRupiah,
      assetsRupiah: umkmBusinessFigures.assetsRupiah,
    })
    .from(umkmBusinessFigures)
    .where(and(eq(umkmBusinessFigures.cityId, options.cityId), lte(umkmBusinessFigures.asOf, options.asOf)))
    .orderBy(umkmBusinessFigures.businessId, umkmBusinessFigures.asOf, umkmBusinessFigures.id)
}

/** Each business's start and closure: who is in the registry at a date (`domain/registry.ts`). */
export function listRegistrySpans(db: DbOrTx, options: { cityId: number }) {
  return db
    .select({
      id: umkmBusinesses.id,
      startedYear: umkmBusinesses.startedYear,
      startedMonth: umkmBusinesses.startedMonth,
      closedOn: umkmBusinesses.closedOn,
    })
    .from(umkmBusinesses)
    .where(eq(umkmBusinesses.cityId, options.cityId))
}

/**
 * `operatingAt` of domain/registry.ts in SQL, for counts made by the database: started by the month
 * of `asOf` (unknown start counts; unknown month, the year decides) and not closed on or before it.
 */
export function operatingAtSql(asOf: string): SQL {
  const year = Number(asOf.slice(0, 4))
  const month = Number(asOf.slice(5, 7))
  const started = or(
    isNull(umkmBusinesses.startedYear),
    sql`${umkmBusinesses.startedYear} < ${year}`,
    and(
      eq(umkmBusinesses.startedYear, year),
      or(isNull(umkmBusinesses.startedMonth), lte(umkmBusinesses.startedMonth, month)),
    ),
  )
  return and(started, or(isNull(umkmBusinesses.closedOn), sql`${umkmBusinesses.closedOn} > ${asOf}`))!
}

/** A licence of one of these kinds in force on `asOf` (issued by then, not yet lapsed). */
function hasLicence(kinds: LicenceKind[], asOf: string): SQL {
  return sql`exists (
    select 1 from ${umkmLicences}
    where ${umkmLicences.cityId} = ${umkmBusinesses.cityId}
      and ${umkmLicences.businessId} = ${umkmBusinesses.id}
      and ${inArray(umkmLicences.kind, kinds)}
      and (${umkmLicences.issuedOn} is null or ${umkmLicences.issuedOn} <= ${asOf})
      and (${umkmLicences.expiresOn} is null or ${umkmLicences.expiresOn} >= ${asOf}))`
}

/**
 * Registry counts behind the share indicators at the end of `asOf`: the businesses in operation
 * then, those with an NIB, those with halal or P-IRT in force.
 */
export async function countLicensed(db: DbOrTx, options: { cityId: number; asOf: string }) {
  const inCity = and(eq(umkmBusinesses.cityId, options.cityId), operatingAtSql(options.asOf))!
  const counted = (condition?: SQL) =>
    db
      .select({ value: count() })
      .from(umkmBusinesses)
      .where(condition ? and(inCity, condition) : inCity)
      .then(([row]) => row?.value ?? 0)
  // One after another: inside a transaction the queries share one connection.
  const total = await counted()
  // The registry's own NIB field, or an NIB recorded as a licence.
  const withNib = await counted(or(isNotNull(umkmBusinesses.nib), hasLicence(['nib'], options.asOf)))
  const withFoodCertificate = await counted(hasLicence(['halal', 'pirt'], options.asOf))
  return { total, withNib, withFoodCertificate }
}

/** Programmes running at some time in the year (they start before it ends and end after it starts). */
const programmeInYear = (year: string) =>
  and(lte(umkmProgrammes.startsOn, `${year}-12-31`), gte(umkmProgrammes.endsOn, `${year}-01-01`))

/** Businesses in a programme that ran in the year, and the sales before/after of those measured twice. */
export async function coachingInYear(db: DbOrTx, options: { cityId: number; year: string }) {
  const before = alias(umkmEnrolmentOutcomes, 'before')
  const after = alias(umkmEnrolmentOutcomes, 'after')
  // A participant who withdrew did not complete the programme: neither counted nor measured.
  const inYear = and(
    eq(umkmEnrolments.cityId, options.cityId),
    isNull(umkmEnrolments.withdrawnOn),
    programmeInYear(options.year),
  )
  // One after another: inside a transaction the queries share one connection.
  const [participants] = await db
    .select({ value: countDistinct(umkmEnrolments.businessId) })
    .from(umkmEnrolments)
    .innerJoin(umkmProgrammes, eq(umkmProgrammes.id, umkmEnrolments.programmeId))
    .where(inYear)
  const pairs = await db
    .select({ beforeRupiah: before.annualSalesRupiah, afterRupiah: after.annualSalesRupiah })
    .from(umkmEnrolments)
    .innerJoin(umkmProgrammes, eq(umkmProgrammes.id, umkmEnrolments.programmeId))
    .innerJoin(before, and(eq(before.enrolmentId, umkmEnrolments.id), eq(before.stage, 'before')))
    .innerJoin(after, and(eq(after.enrolmentId, umkmEnrolments.id), eq(after.stage, 'after')))
    .where(and(inYear, isNotNull(before.annualSalesRupiah), isNotNull(after.annualSalesRupiah)))
  return {
    participants: participants?.value ?? 0,
    pairs: pairs.map((pair) => ({ beforeRupiah: pair.beforeRupiah!, afterRupiah: pair.afterRupiah! })),
  }
}

/** Products whose latest assessment in the year graded them A–C (fit for the centre's shelves). */
export async function countCuratedProducts(db: DbOrTx, options: { cityId: number; year: string }) {
  const [row] = await db
    .select({ value: countDistinct(umkmCurations.productId) })
    .from(umkmCurations)
    .where(
      and(
        eq(umkmCurations.cityId, options.cityId),
        sql`${umkmCurations.assessedOn} between ${`${options.year}-01-01`} and ${`${options.year}-12-31`}`,
        inArray(umkmCurations.grade, ['A', 'B', 'C']),
        sql`${umkmCurations.id} = (select max(c2.id) from ${umkmCurations} c2
          where c2.city_id = ${umkmCurations.cityId} and c2.product_id = ${umkmCurations.productId}
            and c2.assessed_on <= ${`${options.year}-12-31`})`,
      ),
    )
  return row?.value ?? 0
}
