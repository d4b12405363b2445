import type { ServiceContext } from '../../../platform/server/context.ts'
import { fieldError } from '../../../platform/server/errors.ts'
import { listAllCities } from '../../../platform/server/tenancy/cities.repository.ts'
import { type LedgerGroup, ledgerGroupsOfAllCities } from '../../waste/index.ts'
import { buildBalance, type ManualFlow } from '../domain/balance.ts'
import { balancePeriod } from '../domain/periods.ts'
import type { BalancePart } from '../domain/terminal-flows.ts'
import * as repo from './waste-balance.repository.ts'
import { inputsOf } from './waste-balance.service.ts'

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/**
 * Every kabupaten/kota's headline figures for one period, side by side, from the same public
 * aggregates as each city's public balance: one pass over the ledger's monthly roll-up, no personal data.
 * A city without a timbulan estimate has tonnages but no percentages.
 */
export async function compareCities(context: ServiceContext, options: { period: string }) {
  const period = balancePeriod(options.period)
  if (!period) throw fieldError('/params/period', 'balance.period_invalid', { period: options.period })
  const db = context.database.db
  const [cities, groups, estimates, manual] = await Promise.all([
    listAllCities(db),
    ledgerGroupsOfAllCities(db, { start: period.start, end: period.end }),
    repo.listEstimatesOfYear(db, { year: period.year }),
    repo.listManualFlowsOfAllCities(db, { start: period.start, end: period.end }),
  ])
  const groupsByCity = groupBy<LedgerGroup>(groups, (group) => group.cityId)
  const manualByCity = groupBy(manual, (flow) => flow.cityId)
  const estimateByCity = new Map(estimates.map((row) => [row.cityId, row]))
  const rows = cities.map((city) => {
    const estimate = estimateByCity.get(city.id)
    const { figures } = buildBalance({
      period,
      rows: groupsByCity.get(city.id) ?? [],
      manual: (manualByCity.get(city.id) ?? []).map(
        (flow): ManualFlow => ({
          month: flow.month.slice(0, 7),
          part: flow.part as BalancePart,
          material: flow.material,
          districtCode: flow.districtCode,
          grams: flow.weightGrams,
        }),
      ),
      inputs: estimate ? inputsOf(estimate) : null,
    })
    return {
      city: { code: city.code, name: city.name, province: city.provinceName },
      timbulan: figures.timbulan,
      reduction: figures.reduction,
      handling: figures.handling,
      percent: {
        reduction: figures.percent.reduction,
        handling: figures.percent.handling,
        managed: figures.percent.managed,
        sdg1161: figures.percent.sdg1161,
      },
    }
  })
  return { period: period.period, cities: rows }
}
