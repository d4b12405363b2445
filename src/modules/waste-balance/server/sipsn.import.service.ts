import { assertCan } from '../../../platform/server/access/policy.ts'
import { recordAudit } from '../../../platform/server/audit/audit.service.ts'
import type { ServiceContext } from '../../../platform/server/context.ts'
import { AppError } from '../../../platform/server/errors.ts'
import { runWrite } from '../../../platform/server/idempotency/run-write.ts'
import { recordComputedValues } from '../../../platform/server/indicators/indicators.service.ts'
import type { CityRef } from '../../../platform/server/module.ts'
import { readSipsnImport } from '../domain/sipsn-import.ts'
import { readWorkbook } from './xlsx-rows.ts'

/**
 * SIPSN's own xlsx (Capaian Kinerja and Timbulan sheets) as baseline indicator values with
 * provenance `imported`. A file naming another city, or with any unreadable figure, imports nothing.
 */
export async function importSipsn(context: ServiceContext, options: { city: CityRef; body: Buffer }) {
  const { city } = options
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'waste_balance:write' })
  const sheets = await readWorkbook(options.body)
  const result = readSipsnImport({ city, ...sheets })
  if (result.otherCities.length > 0) {
    throw new AppError('balance.import_city_mismatch', {
      params: { found: result.otherCities.join(', '), city: city.name },
    })
  }
  if (result.problems.length > 0) {
    throw new AppError('import.rows_invalid', {
      params: { count: result.problems.length },
      details: result.problems.map((problem) => ({
        field: `${problem.sheet}!${problem.row}/${problem.column}`,
        code: problem.code,
        params: { row: problem.row, column: problem.column },
      })),
    })
  }
  if (result.values.length === 0) throw new AppError('import.file_empty')
  const years = [...new Set(result.values.map((value) => value.year))].sort()
  await runWrite(context, async (tx) => {
    for (const year of years) {
      await recordComputedValues(tx, {
        cityId: city.id,
        period: String(year),
        periodKind: 'year',
        provenance: 'imported',
        values: result.values
          .filter((value) => value.year === year)
          .map((value) => ({
            code: value.code,
            value: value.value,
            formulaVersion: 'SIPSN',
            sourceNote: value.note,
          })),
        recordedBy: context.actor?.userId ?? null,
      })
    }
    await recordAudit(tx, context, {
      cityId: city.id,
      action: 'waste_balance.sipsn_imported',
      entityType: 'indicator_values',
      entityId: years.join(','),
      after: { values: result.values.length, years },
    })
  })
  return { imported: result.values.length, years }
}
