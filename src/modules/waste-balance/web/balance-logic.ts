import { cityDateOf } from '../../../platform/domain/city-time.ts'
/**
 * Pure helpers of the neraca pages: units typed by people ↔ integer units the API stores, the
 * period picker's periods, and the flow diagram built from the balance's `links`.
 */

/** `3,5` kg typed by a person → 3500 g: the API stores integer grams, never floats. */
export function kilogramsToGrams(kilograms: number): number {
  return Math.round(kilograms * 1000)
}

export function tonnesToGrams(tonnes: number): number {
  return Math.round(tonnes * 1_000_000)
}

export function gramsToTonnes(grams: number): number {
  return grams / 1_000_000
}

/** 30 % → 3000: targets are stored in basis points. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100)
}

export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100
}

export type PeriodKind = 'year' | 'S1' | 'S2' | 'month'

export interface PeriodChoice {
  year: number
  kind: PeriodKind
  /** 1–12, used when kind is `month`. */
  month: number
}

/** The API's period: `2026`, `2026-S1` (SIPSN periode 1, January–June) or `2026-03`. */
export function periodOf(choice: PeriodChoice): string {
  if (choice.kind === 'year') return String(choice.year)
  if (choice.kind === 'month') return `${choice.year}-${String(choice.month).padStart(2, '0')}`
  return `${choice.year}-${choice.kind}`
}

/** Reads `?period=` back into a choice; anything malformed falls back to the given year. */
export function choiceOf(period: string | null, fallbackYear: number): PeriodChoice {
  const match = /^(\d{4})(?:-(S[12]|0[1-9]|1[0-2]))?$/.exec(period ?? '')
  if (!match) return { year: fallbackYear, kind: 'year', month: 1 }
  const year = Number(match[1])
  const rest = match[2]
  if (!rest) return { year, kind: 'year', month: 1 }
  if (rest === 'S1' || rest === 'S2') return { year, kind: rest, month: rest === 'S1' ? 1 : 7 }
  return { year, kind: 'month', month: Number(rest) }
}

/** Today's date (`YYYY-MM-DD`) in the city's time zone. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return cityDateOf(now, timeZone)
}

export interface ApiLink {
  from: string
  to: string
  grams: number
}

/** Nodes the diagram adds to the ledger's links. */
export const MANUAL_NODE = 'manual'
export const REMAINDER_NODE = 'remainder'
export const UNMANAGED_NODE = 'part:unmanaged'

export interface FlowDiagram {
  nodes: { key: string; name: string }[]
  links: { source: number; target: number; value: number; grams: number }[]
}

function createsCycle(edges: Map<string, Set<string>>, from: string, to: string): boolean {
  const stack = [to]
  const seen = new Set<string>()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === from) return true
    if (seen.has(node)) continue
    seen.add(node)
    for (const next of edges.get(node) ?? []) stack.push(next)
  }
  return false
}

/** A flow diagram must not loop (TPS → TPST → TPS): the smaller flow of a loop is left out. */
export function withoutCycles(links: ApiLink[]): ApiLink[] {
  const edges = new Map<string, Set<string>>()
  const kept: ApiLink[] = []
  for (const link of [...links].sort((a, b) => b.grams - a.grams)) {
    if (link.from === link.to || createsCycle(edges, link.from, link.to)) continue
    const targets = edges.get(link.from) ?? new Set<string>()
    targets.add(link.to)
    edges.set(link.from, targets)
    kept.push(link)
  }
  return kept
}

/**
 * The neraca as a Sankey diagram: `source:*` → `facility:*` → `part:*` from the ledger, plus what
 * was entered by hand (each part's total minus what the ledger's links bring to it) and, when there
 * is a timbulan estimate, the waste not managed at all.
 */
export function flowDiagram(options: {
  links: ApiLink[]
  parts: Record<string, number>
  unmanaged: number | null
  label: (key: string) => string
}): FlowDiagram {
  const { parts, unmanaged, label } = options
  const links = options.links.filter((link) => link.grams > 0)
  const intoPart = new Map<string, number>()
  for (const link of links) intoPart.set(link.to, (intoPart.get(link.to) ?? 0) + link.grams)
  for (const [part, grams] of Object.entries(parts)) {
    const manual = grams - (intoPart.get(`part:${part}`) ?? 0)
    if (manual > 0) links.push({ from: MANUAL_NODE, to: `part:${part}`, grams: manual })
  }
  if (unmanaged !== null && unmanaged > 0) {
    links.push({ from: REMAINDER_NODE, to: UNMANAGED_NODE, grams: unmanaged })
  }
  const kept = withoutCycles(links)
  const index = new Map<string, number>()
  const nodes: FlowDiagram['nodes'] = []
  const nodeOf = (key: string) => {
    if (!index.has(key)) {
      index.set(key, nodes.length)
      nodes.push({ key, name: label(key) })
    }
    return index.get(key)!
  }
  return {
    nodes,
    links: kept.map((link) => ({
      source: nodeOf(link.from),
      target: nodeOf(link.to),
      value: gramsToTonnes(link.grams),
      grams: link.grams,
    })),
  }
}

/** `source:pasar` → `{ group: 'source', name: 'pasar' }`. */
export function splitNodeKey(key: string): { group: string; name: string } {
  const at = key.indexOf(':')
  return at < 0 ? { group: key, name: '' } : { group: key.slice(0, at), name: key.slice(at + 1) }
}
