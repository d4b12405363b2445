import { and, asc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
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

export function listValues(
  db: DbOrTx,
  options: { cityId: number; code: string; from?: string; to?: string },
) {
  const conditions: SQL[] = [
    eq(indicatorValues.cityId, options.cityId),
    eq(indicatorValues.indicatorCode, options.code),
    isNull(indicatorValues.districtCode),
  ]
  if (options.from) conditions.push(gte(indicatorValues.periodEnd, options.from))
  if (options.to) conditions.push(lte(indicatorValues.periodStart, options.to))
  return db
    .select()
    .from(indicatorValues)
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.periodStart), asc(indicatorValues.provenance))
}

export async function findValue(
  db: DbOrTx,
  options: { cityId: number; code: string; period: string; provenance: IndicatorValueRow['provenance'] },
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
        isNull(indicatorValues.districtCode),
      ),
    )
  return row
}

export async function upsertValue(
  db: DbOrTx,
  values: typeof indicatorValues.$inferInsert,
): Promise<IndicatorValueRow> {
  const [row] = await db
    .insert(indicatorValues)
    .values(values)
    .onConflictDoUpdate({
      target: [
        indicatorValues.cityId,
        indicatorValues.indicatorCode,
        indicatorValues.period,
        indicatorValues.provenance,
        indicatorValues.districtCode,
      ],
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
