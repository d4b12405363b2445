import { describe, expect, it } from 'vitest'
import {
  basisPointsToPercent,
  choiceOf,
  flowDiagram,
  kilogramsToGrams,
  percentToBasisPoints,
  periodOf,
  todayInZone,
  tonnesToGrams,
  withoutCycles,
} from './balance-logic.ts'

describe('units typed by people', () => {
  it('turns kilograms with decimals into whole grams', () => {
    expect(kilogramsToGrams(3.5)).toBe(3500)
    expect(kilogramsToGrams(0.55)).toBe(550)
    expect(kilogramsToGrams(0.0005)).toBe(1)
    expect(kilogramsToGrams(0)).toBe(0)
  })

  it('turns tonnes into whole grams without float noise', () => {
    expect(tonnesToGrams(10)).toBe(10_000_000)
    expect(tonnesToGrams(0.1)).toBe(100_000)
    expect(tonnesToGrams(1.1)).toBe(1_100_000)
  })

  it('turns percent into basis points and back', () => {
    expect(percentToBasisPoints(30)).toBe(3000)
    expect(percentToBasisPoints(25.69)).toBe(2569)
    expect(percentToBasisPoints(100)).toBe(10_000)
    expect(basisPointsToPercent(7000)).toBe(70)
  })
})

describe('periods', () => {
  it('writes the API period of each choice', () => {
    expect(periodOf({ year: 2026, kind: 'year', month: 1 })).toBe('2026')
    expect(periodOf({ year: 2026, kind: 'S1', month: 1 })).toBe('2026-S1')
    expect(periodOf({ year: 2026, kind: 'S2', month: 1 })).toBe('2026-S2')
    expect(periodOf({ year: 2026, kind: 'month', month: 3 })).toBe('2026-03')
  })

  it('reads a period back, and falls back to the year for anything else', () => {
    expect(choiceOf('2025-S2', 2026)).toEqual({ year: 2025, kind: 'S2', month: 7 })
    expect(choiceOf('2025-11', 2026)).toEqual({ year: 2025, kind: 'month', month: 11 })
    expect(choiceOf('2025', 2026)).toEqual({ year: 2025, kind: 'year', month: 1 })
    expect(choiceOf('2025-13', 2026)).toEqual({ year: 2026, kind: 'year', month: 1 })
    expect(choiceOf(null, 2026)).toEqual({ year: 2026, kind: 'year', month: 1 })
  })

  it("takes today's date in the city's zone, not the browser's", () => {
    const lateUtc = new Date('2026-12-31T18:00:00Z')
    expect(todayInZone('Asia/Jakarta', lateUtc)).toBe('2027-01-01')
    expect(todayInZone('UTC', lateUtc)).toBe('2026-12-31')
  })
})

describe('the flow diagram', () => {
  const label = (key: string) => key.toUpperCase()
  const parts = { composted: 0, tpa_sanitary_landfill: 0 }

  it('indexes nodes once and keeps the grams next to the tonnes', () => {
    const diagram = flowDiagram({
      links: [
        { from: 'source:rumah_tangga', to: 'facility:tps3r', grams: 5_000_000 },
        { from: 'facility:tps3r', to: 'part:composted', grams: 2_000_000 },
      ],
      parts: { ...parts, composted: 2_000_000 },
      unmanaged: null,
      label,
    })
    expect(diagram.nodes.map((node) => node.key)).toEqual([
      'source:rumah_tangga',
      'facility:tps3r',
      'part:composted',
    ])
    expect(diagram.nodes[0]!.name).toBe('SOURCE:RUMAH_TANGGA')
    expect(diagram.links).toEqual([
      { source: 0, target: 1, value: 5, grams: 5_000_000 },
      { source: 1, target: 2, value: 2, grams: 2_000_000 },
    ])
  })

  it('shows hand-entered flows as their own source: the part total the ledger does not explain', () => {
    const diagram = flowDiagram({
      links: [{ from: 'facility:tps3r', to: 'part:composted', grams: 2_000_000 }],
      parts: { composted: 2_000_000, to_recycler: 15_000_000 },
      unmanaged: null,
      label,
    })
    const manual = diagram.links.find((link) => diagram.nodes[link.source]!.key === 'manual')
    expect(manual?.grams).toBe(15_000_000)
    expect(diagram.nodes[manual!.target]!.key).toBe('part:to_recycler')
  })

  it('adds the unmanaged remainder only when there is an estimate and something is left', () => {
    const base = { links: [], parts, label }
    expect(flowDiagram({ ...base, unmanaged: null }).links).toEqual([])
    expect(flowDiagram({ ...base, unmanaged: 0 }).links).toEqual([])
    expect(flowDiagram({ ...base, unmanaged: -5 }).links).toEqual([])
    const diagram = flowDiagram({ ...base, unmanaged: 7_000_000 })
    expect(diagram.nodes.map((node) => node.key)).toEqual(['remainder', 'part:unmanaged'])
    expect(diagram.links[0]!.value).toBe(7)
  })

  it('leaves out empty and negative links (net reversals)', () => {
    const diagram = flowDiagram({
      links: [
        { from: 'facility:tps', to: 'part:burned', grams: 0 },
        { from: 'facility:tps', to: 'facility:tpst', grams: -10 },
      ],
      parts: {},
      unmanaged: null,
      label,
    })
    expect(diagram.links).toEqual([])
  })
})

describe('loops in the diagram', () => {
  it('drops the smaller flow of a loop and keeps a chain', () => {
    const kept = withoutCycles([
      { from: 'facility:tps', to: 'facility:tpst', grams: 100 },
      { from: 'facility:tpst', to: 'facility:tps', grams: 10 },
      { from: 'facility:tpst', to: 'part:burned', grams: 50 },
    ])
    expect(kept.map((link) => `${link.from}>${link.to}`)).toEqual([
      'facility:tps>facility:tpst',
      'facility:tpst>part:burned',
    ])
  })

  it('finds a longer loop too', () => {
    const kept = withoutCycles([
      { from: 'a', to: 'b', grams: 30 },
      { from: 'b', to: 'c', grams: 20 },
      { from: 'c', to: 'a', grams: 10 },
    ])
    expect(kept).toHaveLength(2)
  })
})
