import { sql } from 'drizzle-orm'
import type { PeriodKind } from '../../domain/periods.ts'
import type { Db } from '../db/client.ts'
import { indicatorDefinitions } from './indicators.tables.ts'

/** What a module declares in its manifest; the value store keeps values per city and period. */
export interface IndicatorDefinition {
  code: string
  name: { id: string; en: string }
  unit: string
  periodKind: PeriodKind
  formulaVersion: string
  /** The regulation or standard the formula comes from, e.g. `Permen LHK 6/2022`. */
  regulationRef: string
}

/** Upserts the manifests' definitions at boot, so the table always matches the code. */
export async function syncIndicatorDefinitions(
  db: Db,
  declared: { module: string; definition: IndicatorDefinition }[],
): Promise<void> {
  if (declared.length === 0) return
  const codes = new Set<string>()
  for (const { definition } of declared) {
    if (codes.has(definition.code)) throw new Error(`Indicator ${definition.code} is declared twice`)
    codes.add(definition.code)
  }
  await db
    .insert(indicatorDefinitions)
    .values(
      declared.map(({ module, definition }) => ({
        code: definition.code,
        module,
        nameId: definition.name.id,
        nameEn: definition.name.en,
        unit: definition.unit,
        periodKind: definition.periodKind,
        formulaVersion: definition.formulaVersion,
        regulationRef: definition.regulationRef,
      })),
    )
    .onConflictDoUpdate({
      target: indicatorDefinitions.code,
      set: {
        module: sql`excluded.module`,
        nameId: sql`excluded.name_id`,
        nameEn: sql`excluded.name_en`,
        unit: sql`excluded.unit`,
        periodKind: sql`excluded.period_kind`,
        formulaVersion: sql`excluded.formula_version`,
        regulationRef: sql`excluded.regulation_ref`,
        updatedAt: sql`now()`,
      },
    })
}
