import { describe, expect, it } from 'vitest'
import {
  currentScales,
  type DerivedScale,
  deriveScale,
  detectNaikKelas,
  type FiguresRecord,
  type ScaleRule,
  scaleHistory,
} from './scale.ts'

const JUTA = 1_000_000
const M = 1_000 * JUTA

function record(values: Partial<FiguresRecord> = {}): FiguresRecord {
  return {
    id: 'f1',
    asOf: '2025-12-31',
    capitalRupiah: null,
    annualSalesRupiah: null,
    assetsRupiah: null,
    ...values,
  }
}

const scaleOf = (rule: ScaleRule, values: Partial<FiguresRecord>) => deriveScale(rule, record(values))?.scale

describe('PP 7/2021 by capital (Pasal 35 ayat (3))', () => {
  const by = (capitalRupiah: number) => scaleOf('pp7_2021_capital', { capitalRupiah })

  it('is mikro up to and including Rp1.000.000.000, kecil one rupiah above', () => {
    expect(by(0)).toBe('mikro')
    expect(by(1 * M)).toBe('mikro')
    expect(by(1 * M + 1)).toBe('kecil')
  })

  it('is kecil up to and including Rp5.000.000.000, menengah one rupiah above', () => {
    expect(by(5 * M)).toBe('kecil')
    expect(by(5 * M + 1)).toBe('menengah')
  })

  it('is menengah up to and including Rp10.000.000.000, besar one rupiah above', () => {
    expect(by(10 * M)).toBe('menengah')
    expect(by(10 * M + 1)).toBe('besar')
  })

  it('ignores sales and assets, and derives nothing without capital', () => {
    expect(scaleOf('pp7_2021_capital', { annualSalesRupiah: 100 * M, assetsRupiah: 100 * M })).toBeUndefined()
  })
})

describe('PP 7/2021 by annual sales (Pasal 35 ayat (5))', () => {
  const by = (annualSalesRupiah: number) => scaleOf('pp7_2021_sales', { annualSalesRupiah })

  it('is mikro up to and including Rp2.000.000.000, kecil one rupiah above', () => {
    expect(by(2 * M)).toBe('mikro')
    expect(by(2 * M + 1)).toBe('kecil')
  })

  it('is kecil up to and including Rp15.000.000.000, menengah one rupiah above', () => {
    expect(by(15 * M)).toBe('kecil')
    expect(by(15 * M + 1)).toBe('menengah')
  })

  it('is menengah up to and including Rp50.000.000.000, besar one rupiah above', () => {
    expect(by(50 * M)).toBe('menengah')
    expect(by(50 * M + 1)).toBe('besar')
  })
})

describe('UU 20/2008 (Pasal 6): net assets or annual sales', () => {
  const byAssets = (assetsRupiah: number) => scaleOf('uu20_2008', { assetsRupiah })
  const bySales = (annualSalesRupiah: number) => scaleOf('uu20_2008', { annualSalesRupiah })

  it('classes by assets at Rp50 juta, Rp500 juta and Rp10 miliar', () => {
    expect(byAssets(50 * JUTA)).toBe('mikro')
    expect(byAssets(50 * JUTA + 1)).toBe('kecil')
    expect(byAssets(500 * JUTA)).toBe('kecil')
    expect(byAssets(500 * JUTA + 1)).toBe('menengah')
    expect(byAssets(10 * M)).toBe('menengah')
    expect(byAssets(10 * M + 1)).toBe('besar')
  })

  it('classes by sales at Rp300 juta, Rp2,5 miliar and Rp50 miliar', () => {
    expect(bySales(300 * JUTA)).toBe('mikro')
    expect(bySales(300 * JUTA + 1)).toBe('kecil')
    expect(bySales(2_500 * JUTA)).toBe('kecil')
    expect(bySales(2_500 * JUTA + 1)).toBe('menengah')
    expect(bySales(50 * M)).toBe('menengah')
    expect(bySales(50 * M + 1)).toBe('besar')
  })

  it('takes the smaller class when the two criteria disagree ("atau"), keeping both as evidence', () => {
    const derived = deriveScale('uu20_2008', record({ assetsRupiah: 40 * JUTA, annualSalesRupiah: 1 * M }))
    expect(derived?.scale).toBe('mikro')
    expect(derived?.evidence).toEqual([
      { figure: 'assets', rupiah: 40 * JUTA, scale: 'mikro' },
      { figure: 'annual_sales', rupiah: 1 * M, scale: 'kecil' },
    ])
  })
})

describe('deriving', () => {
  it('names the rule, its version, the article and the record', () => {
    expect(deriveScale('pp7_2021_capital', record({ id: 'abc', capitalRupiah: 1 * M }))).toEqual({
      rule: 'pp7_2021_capital',
      ruleVersion: '1',
      scale: 'mikro',
      figuresId: 'abc',
      asOf: '2025-12-31',
      evidence: [{ figure: 'capital', rupiah: 1 * M, scale: 'mikro' }],
      article: 'PP 7/2021 Pasal 35 ayat (3)',
    })
  })

  it('refuses amounts that are not whole rupiah or not bigint-safe', () => {
    expect(() => scaleOf('pp7_2021_capital', { capitalRupiah: 1.5 })).toThrow(RangeError)
    expect(() => scaleOf('pp7_2021_capital', { capitalRupiah: -1 })).toThrow(RangeError)
    expect(() => scaleOf('pp7_2021_capital', { capitalRupiah: 2 ** 53 })).toThrow(RangeError)
  })

  it('takes, for each rule, the latest record that has the figure it needs', () => {
    const records = [
      record({ id: 'b', asOf: '2025-06-30', annualSalesRupiah: 3 * M }),
      record({ id: 'a', asOf: '2023-12-31', capitalRupiah: 800 * JUTA, annualSalesRupiah: 1 * M }),
    ]
    const current = currentScales(records)
    expect(current.map((d) => [d.rule, d.scale, d.figuresId])).toEqual([
      ['pp7_2021_capital', 'mikro', 'a'],
      ['pp7_2021_sales', 'kecil', 'b'],
      ['uu20_2008', 'menengah', 'b'],
    ])
  })
})

describe('naik kelas', () => {
  const history = (...entries: [string, number][]): DerivedScale[] =>
    scaleHistory(
      'pp7_2021_sales',
      entries.map(([asOf, sales], i) => record({ id: `f${i}`, asOf, annualSalesRupiah: sales })),
    )

  it('reports a move from mikro to kecil with both records as evidence', () => {
    const moves = detectNaikKelas(history(['2023-12-31', 2 * M], ['2024-12-31', 2 * M + 1]))
    expect(moves).toHaveLength(1)
    expect(moves[0]).toMatchObject({
      rule: 'pp7_2021_sales',
      from: { scale: 'mikro', asOf: '2023-12-31', evidence: [{ figure: 'annual_sales', rupiah: 2 * M }] },
      to: { scale: 'kecil', asOf: '2024-12-31', evidence: [{ figure: 'annual_sales', rupiah: 2 * M + 1 }] },
    })
  })

  it('reads the records in date order, whatever order they come in', () => {
    const moves = detectNaikKelas(history(['2025-12-31', 3 * M], ['2023-12-31', 1 * M]))
    expect(moves.map((m) => [m.from.asOf, m.to.asOf])).toEqual([['2023-12-31', '2025-12-31']])
  })

  it('does not report growth inside mikro, a move down, or kecil to menengah', () => {
    expect(detectNaikKelas(history(['2023-12-31', 100 * JUTA], ['2024-12-31', 2 * M]))).toEqual([])
    expect(detectNaikKelas(history(['2023-12-31', 3 * M], ['2024-12-31', 1 * M]))).toEqual([])
    expect(detectNaikKelas(history(['2023-12-31', 3 * M], ['2024-12-31', 20 * M]))).toEqual([])
  })

  it('counts each time a business leaves mikro, including straight to menengah', () => {
    const moves = detectNaikKelas(
      history(['2022-12-31', 1 * M], ['2023-12-31', 3 * M], ['2024-12-31', 1 * M], ['2025-12-31', 20 * M]),
    )
    expect(moves.map((m) => [m.from.asOf, m.to.scale])).toEqual([
      ['2022-12-31', 'kecil'],
      ['2024-12-31', 'menengah'],
    ])
  })
})
