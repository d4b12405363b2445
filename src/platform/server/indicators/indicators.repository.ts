import {
  and,
  asc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lte,
  notInArray,
  type SQL,
  sql,
} from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { districts } from '../tenancy/cities.tables.ts'
import { indicatorDefinitions, indicatorValues } from './indicators.tables.ts'

export type IndicatorDefinitionRow = typeof indicatorDefinitions.$inferSelect
export type IndicatorValueRow = typeof indicatorValues.$inferSelect

export function listDefinitions(db: DbOrTx) {
  return db
    .select()
    .from(indicatorDefinitions)
    .orderBy(asc(indicatorDefinitions.module), asc(indicatorDefinitions.code))
}

export async function findDefinition(db: DbOrTx, code: string): Promise<IndicatorDefinitionRow | undefined> {
  const [row] = await db.select().from(indicatorDefinitions).where(eq(indicatorDefinitions.code, code))
  return row
}

/** A value with the name of its kecamatan (null for the whole city). */
export type IndicatorValueWithDistrict = IndicatorValueRow & { districtName: string | null }

const valueColumns = {
  ...getTableColumns(indicatorValues),
  districtName: districts.name,
}

/**
 * One indicator's values of a city: the city rows (`district` absent), one kecamatan's rows, or
 * `all`, the city and every kecamatan.
 */
export function listValues(
  db: DbOrTx,
  options: { cityId: number; code: string; from?: string; to?: string; district?: string },
): Promise<IndicatorValueWithDistrict[]> {
  const conditions: SQL[] = [
    eq(indicatorValues.cityId, options.cityId),
    eq(indicatorValues.indicatorCode, options.code),
  ]
  if (options.district === undefined) conditions.push(isNull(indicatorValues.districtCode))
  else if (options.district !== 'all') conditions.push(eq(indicatorValues.districtCode, options.district))
  if (options.from) conditions.push(gte(indicatorValues.periodEnd, options.from))
  if (options.to) conditions.push(lte(indicatorValues.periodStart, options.to))
  return db
    .select(valueColumns)
    .from(indicatorValues)
    .leftJoin(districts, eq(districts.code, indicatorValues.districtCode))
    .where(and(...conditions))
    .orderBy(
      asc(indicatorValues.periodStart),
      asc(indicatorValues.periodEnd),
      sql`${indicatorValues.districtCode} asc nulls first`,
      asc(indicatorValues.provenance),
    )
}

/** Every value of a city inside a year (the year, its semesters and months), city and kecamatan. */
export function listValuesOfYear(
  db: DbOrTx,
  options: { cityId: number; year: number },
): Promise<IndicatorValueWithDistrict[]> {
  return db
    .select(valueColumns)
    .from(indicatorValues)
    .leftJoin(districts, eq(districts.code, indicatorValues.districtCode))
    .where(
      and(
        eq(indicatorValues.cityId, options.cityId),
        gte(indicatorValues.periodStart, `${options.year}-01-01`),
        lte(indicatorValues.periodEnd, `${options.year}-12-31`),
      ),
    )
    .orderBy(
      asc(indicatorValues.indicatorCode),
      asc(indicatorValues.periodStart),
      sql`${indicatorValues.periodEnd} desc`,
      sql`${indicatorValues.districtCode} asc nulls first`,
      asc(indicatorValues.provenance),
    )
}

/** The kecamatan of a city with that code, if it is one. */
export async function findCityDistrict(db: DbOrTx, cityId: number, code: string) {
  const [row] = await db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(and(eq(districts.cityId, cityId), eq(districts.code, code)))
  return row
}

export async function findValue(
  db: DbOrTx,
  options: {
    cityId: number
    code: string
    period: string
    provenance: IndicatorValueRow['provenance']
    districtCode?: string | null
  },
) {
  const [row] = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.cityId, options.cityId),
        eq(indicatorValues.indicatorCode, options.code),
        eq(indicatorValues.period, options.period),
        eq(indicatorValues.provenance, options.provenance),
        options.districtCode
          ? eq(indicatorValues.districtCode, options.districtCode)
          : isNull(indicatorValues.districtCode),
      ),
    )
  return row
}

/** indicator_values_period_key: one value per city, indicator, period, provenance and kecamatan. */
const VALUE_KEY = [
  indicatorValues.cityId,
  indicatorValues.indicatorCode,
  indicatorValues.period,
  indicatorValues.provenance,
  indicatorValues.districtCode,
]

export async function upsertValue(
  db: DbOrTx,
  values: typeof indicatorValues.$inferInsert,
): Promise<IndicatorValueRow> {
  const [row] = await db
    .insert(indicatorValues)
    .values(values)
    .onConflictDoUpdate({
      target: VALUE_KEY,
      set: {
        value: values.value,
        sourceNote: values.sourceNote,
        formulaVersion: values.formulaVersion,
        recordedBy: values.recordedBy,
        computedAt: new Date(),
      },
    })
    .returning()
  return row!
}

/** Of `codes`, those that are kecamatan of the city (one query for all). */
export async function cityDistrictCodes(db: DbOrTx, cityId: number, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await db
    .select({ code: districts.code })
    .from(districts)
    .where(and(eq(districts.cityId, cityId), inArray(districts.code, codes)))
  return new Set(rows.map((row) => row.code))
}

/**
 * Writes a set of values of one city, period and provenance in one statement (inserted or
 * updated in place, so a value keeps its public id), then deletes that provenance's other rows
 * of the same codes: a kecamatan that is no longer in the set loses its stale value.
 */
export async function replaceValues(
  db: DbOrTx,
  scope: {
    cityId: number
    period: string
    provenance: IndicatorValueRow['provenance']
    /** The codes whose earlier rows are replaced: those of `rows`, and codes that now have no value. */
    codes: string[]
  },
  rows: (typeof indicatorValues.$inferInsert)[],
): Promise<void> {
  if (scope.codes.length === 0) return
  const written = rows.length === 0 ? [] : await writeValues(db, rows)
  await db.delete(indicatorValues).where(
    and(
      eq(indicatorValues.cityId, scope.cityId),
      eq(indicatorValues.period, scope.period),
      eq(indicatorValues.provenance, scope.provenance),
      inArray(indicatorValues.indicatorCode, scope.codes),
      written.length === 0
        ? undefined
        : notInArray(
            indicatorValues.id,
            written.map((row) => row.id),
          ),
    ),
  )
}

function writeValues(db: DbOrTx, rows: (typeof indicatorValues.$inferInsert)[]) {
  return db
    .insert(indicatorValues)
    .values(rows)
    .onConflictDoUpdate({
      target: VALUE_KEY,
      set: {
        value: sql`excluded.value`,
        periodStart: sql`excluded.period_start`,
        periodEnd: sql`excluded.period_end`,
        sourceNote: sql`excluded.source_note`,
        formulaVersion: sql`excluded.formula_version`,
        recordedBy: sql`excluded.recorded_by`,
        computedAt: sql`now()`,
      },
    })
    .returning({ id: indicatorValues.id })
}
