import { and, count, eq, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import type { LicenceKind } from '../domain/licences.ts'
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

/** Registry counts behind the share indicators: all businesses, with an NIB, with halal or P-IRT. */
export async function countLicensed(db: DbOrTx, options: { cityId: number; asOf: string }) {
  const inCity = eq(umkmBusinesses.cityId, options.cityId)
  const counted = (condition?: SQL) =>
    db
      .select({ value: count() })
      .from(umkmBusinesses)
      .where(condition ? and(inCity, condition) : inCity)
      .then(([row]) => row?.value ?? 0)
  const [total, withNib, withFoodCertificate] = await Promise.all([
    counted(),
    // The registry's own NIB field, or an NIB recorded as a licence.
    counted(or(isNotNull(umkmBusinesses.nib), hasLicence(['nib'], options.asOf))),
    counted(hasLicence(['halal', 'pirt'], options.asOf)),
  ])
  return { total, withNib, withFoodCertificate }
}
