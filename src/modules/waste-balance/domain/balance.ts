import { type BalanceFigures, balanceFigures, emptyPartTotals, type PartTotals } from './figures.ts'
import { type BalancePeriod, daysOfMonthIn } from './periods.ts'
import { type BalancePart, isReductionPart, type LedgerAggregate, terminalFlow } from './terminal-flows.ts'
import { estimateTimbulan, type TimbulanEstimate, type TimbulanInputs } from './timbulan.ts'

/** A flow the platform does not see, entered by hand or imported, with its provenance. */
export interface ManualFlow {
  month: string
  part: BalancePart
  material: string | null
  districtCode: string | null
  grams: number
}

export interface FlowLink {
  from: string
  to: string
  grams: number
}

export interface CityBalance {
  period: BalancePeriod
  estimate: TimbulanEstimate | null
  figures: BalanceFigures
  parts: PartTotals
  /** Per month of the period, with the month's share of the estimate. */
  months: { month: string; figures: BalanceFigures }[]
  /** B and C per kecamatan (no timbulan: population per kecamatan is not entered). */
  districts: { districtCode: string | null; reduction: number; handling: number }[]
  /** Grams received at facilities by source sector (intakes). */
  sources: { sector: string; grams: number }[]
  /** Grams by SIPSN category as sorted or received already separated at facilities. */
  composition: { material: string; grams: number }[]
  /** The neraca as a flow diagram: `source:*` → `facility:*` → `part:*`. */
  links: FlowLink[]
}

function addTo<K>(map: Map<K, number>, key: K, grams: number) {
  map.set(key, (map.get(key) ?? 0) + grams)
}

function linksOf(rows: LedgerAggregate[]): FlowLink[] {
  const links = new Map<string, number>()
  for (const row of rows) {
    if (row.kind === 'intake' && row.to)
      addTo(links, `source:${row.fromSector ?? 'lainnya'}|facility:${row.to.kind}`, row.grams)
    if (row.kind === 'transfer' && row.from && row.to && row.from.kind !== row.to.kind) {
      addTo(links, `facility:${row.from.kind}|facility:${row.to.kind}`, row.grams)
    }
    const end = terminalFlow(row)
    if (!end) continue
    const at = row.kind === 'outcome' ? row.from : row.to
    if (at) addTo(links, `facility:${at.kind}|part:${end.part}`, end.grams)
  }
  return [...links]
    .filter(([, grams]) => grams > 0)
    .map(([key, grams]) => {
      const [from, to] = key.split('|') as [string, string]
      return { from, to, grams }
    })
}

function sorted<K extends string>(map: Map<K | null, number>, key: 'sector' | 'material') {
  return [...map]
    .filter(([name, grams]) => name !== null && grams !== 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, grams]) => ({ [key]: name as string, grams })) as never
}

/** The city's waste balance for a period, from the ledger's groups and the hand-entered flows. */
export function buildBalance(options: {
  period: BalancePeriod
  rows: LedgerAggregate[]
  manual: ManualFlow[]
  inputs: TimbulanInputs | null
}): CityBalance {
  const { period, rows, manual, inputs } = options
  const parts = emptyPartTotals()
  const monthParts = new Map(period.months.map((month) => [month, emptyPartTotals()]))
  const districts = new Map<string | null, { reduction: number; handling: number }>()
  const sources = new Map<string | null, number>()
  const composition = new Map<string | null, number>()

  const count = (flow: { month: string; part: BalancePart; districtCode: string | null; grams: number }) => {
    parts[flow.part] += flow.grams
    const month = monthParts.get(flow.month)
    if (month) month[flow.part] += flow.grams
    const district = districts.get(flow.districtCode) ?? { reduction: 0, handling: 0 }
    district[isReductionPart(flow.part) ? 'reduction' : 'handling'] += flow.grams
    districts.set(flow.districtCode, district)
  }

  for (const row of rows) {
    const end = terminalFlow(row)
    if (end) count(end)
    if (row.kind === 'intake' && row.to) addTo(sources, row.fromSector, row.grams)
    const separated = (row.kind === 'sorting' || row.kind === 'intake') && row.material !== 'campuran'
    if (separated && !(row.kind === 'intake' && row.from)) addTo(composition, row.material, row.grams)
  }
  for (const flow of manual) count(flow)

  const estimate = inputs ? estimateTimbulan(inputs, period.days) : null
  return {
    period,
    estimate,
    figures: balanceFigures(parts, estimate?.total ?? null),
    parts,
    months: period.months.map((month) => ({
      month,
      figures: balanceFigures(
        monthParts.get(month)!,
        inputs ? estimateTimbulan(inputs, daysOfMonthIn(period, month)).total : null,
      ),
    })),
    districts: [...districts]
      .map(([districtCode, totals]) => ({ districtCode, ...totals }))
      .sort((a, b) => {
        // Known kecamatan in code order; flows with no place last.
        if (a.districtCode === null || b.districtCode === null) return a.districtCode === null ? 1 : -1
        return a.districtCode < b.districtCode ? -1 : 1
      }),
    sources: sorted(sources, 'sector'),
    composition: sorted(composition, 'material'),
    links: linksOf(rows),
  }
}
