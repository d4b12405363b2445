import { Param, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { rowsOf, type Tx } from '../../../platform/server/db/client.ts'
import type { NewBusiness, NewFigures } from './umkm.repository.ts'
import { umkmBusinesses, umkmBusinessFigures } from './umkm.tables.ts'

/**
 * Bulk writers of the registry, for the SIDT import and the sample generator: tens of thousands of
 * businesses and figures records in a handful of statements.
 */

/** The columns an import may change, each cast to its own SQL type in the unnest. */
export const UPDATABLE = [
  'sidtId',
  'name',
  'kbliCode',
  'kbliVersion',
  'nib',
  'ownerName',
  'ownerNik',
  'ownerPhone',
  'ownerSex',
  'ownerHasDisability',
  'ownerBirthDate',
  'ownerEducation',
  'ownerVillageCode',
  'ownerAddress',
  'ownerRt',
  'ownerRw',
  'mainActivity',
  'products',
  'legalForm',
  'selfReportedScale',
  'startedMonth',
  'startedYear',
  'villageCode',
  'address',
  'rt',
  'rw',
  'photoUrl',
  'latitude',
  'longitude',
  'workersPaidMale',
  'workersPaidFemale',
  'workersUnpaidMale',
  'workersUnpaidFemale',
  'workersDisabledMale',
  'workersDisabledFemale',
  'sidtPulledAt',
  'sidtUpdatedAt',
  'sidtSourcePage',
] as const satisfies readonly (keyof NewBusiness)[]

export type BusinessChanges = Partial<Pick<NewBusiness, (typeof UPDATABLE)[number]>>

/**
 * Rows as one array per column, `unnest(...)`-ed into a table: a batch is a statement with one
 * parameter per column instead of one per cell. PGlite and PostgreSQL parse and bind it several
 * times faster than a multi-row VALUES list of the same rows.
 */
function unnestOf(
  columns: readonly PgColumn[],
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
) {
  const arrays = columns.map((column, i) => {
    const values = rows.map((row) => {
      const value = row[keys[i]!]
      return value instanceof Date ? value.toISOString() : (value ?? null)
    })
    return sql`${new Param(values)}::${sql.raw(column.getSQLType())}[]`
  })
  return sql`unnest(${sql.join(arrays, sql`, `)})`
}

// The closure is written when a row is created (the sample generator's closed businesses) and
// otherwise only by closing and reopening: an import never changes it.
const INSERTED = ['publicId', 'cityId', 'isSampleData', ...UPDATABLE, 'closedOn', 'closureReason'] as const

/**
 * New businesses, one statement per batch. The caller gives each its public id (the column's JS
 * default does not run here) and every NOT NULL value; the ids come back by public id.
 */
export async function insertBusinesses(tx: Tx, given: NewBusiness[]) {
  const rows = given.map((row) => ({ ...row, isSampleData: row.isSampleData ?? false }))
  const columns = INSERTED.map((key) => umkmBusinesses[key] as PgColumn)
  const result = await tx.execute(sql`
    insert into ${umkmBusinesses} (${sql.join(
      columns.map((column) => sql.identifier(column.name)),
      sql`, `,
    )})
    select * from ${unnestOf(columns, rows, INSERTED)}
    returning ${umkmBusinesses.id}, ${umkmBusinesses.publicId}`)
  return rowsOf<{ id: number; public_id: string }>(result).map((row) => ({
    id: Number(row.id),
    publicId: row.public_id,
  }))
}

const FIGURES = [
  'publicId',
  'cityId',
  'businessId',
  'asOf',
  'capitalRupiah',
  'annualSalesRupiah',
  'assetsRupiah',
  'workers',
  'sourceNote',
  'scalePp7Capital',
  'scalePp7Sales',
  'scaleUu20',
  'scaleRuleVersion',
  'isSampleData',
] as const

/** Figures records, one statement per batch; the caller gives each its public id. */
export async function insertFigures(tx: Tx, given: NewFigures[]) {
  if (given.length === 0) return
  const rows = given.map((row) => ({ ...row, isSampleData: row.isSampleData ?? false }))
  const columns = FIGURES.map((key) => umkmBusinessFigures[key] as PgColumn)
  await tx.execute(sql`
    insert into ${umkmBusinessFigures} (${sql.join(
      columns.map((column) => sql.identifier(column.name)),
      sql`, `,
    )})
    select * from ${unnestOf(columns, rows, FIGURES)}`)
}

/**
 * Many businesses changed in one statement, the new values `unnest`-ed beside their ids. A value
 * left out (null) keeps what the row holds: `coalesce(new, old)`.
 */
export async function updateBusinesses(
  tx: Tx,
  options: { cityId: number; rows: { id: number; changes: BusinessChanges }[] },
) {
  if (options.rows.length === 0) return
  const columns = UPDATABLE.map((key) => umkmBusinesses[key] as PgColumn)
  const name = (column: PgColumn) => sql.identifier(column.name)
  const assignments = columns.map(
    (column) => sql`${name(column)} = coalesce(v.${name(column)}, ${umkmBusinesses}.${name(column)})`,
  )
  const rows = options.rows.map(({ id, changes }) => ({ ...changes, id }))
  await tx.execute(sql`
    update ${umkmBusinesses}
    set ${sql.join(assignments, sql`, `)}, ${name(umkmBusinesses.updatedAt)} = now()
    from ${unnestOf([umkmBusinesses.id, ...columns], rows, ['id', ...UPDATABLE])}
      as v(id, ${sql.join(columns.map(name), sql`, `)})
    where ${umkmBusinesses}.${name(umkmBusinesses.cityId)} = ${options.cityId}
      and ${umkmBusinesses}.${name(umkmBusinesses.id)} = v.id`)
}
