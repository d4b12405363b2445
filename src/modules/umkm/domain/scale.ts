/**
 * The scale (skala usaha) of a business, derived from dated raw figures by a named rule. The rule
 * is part of every answer: the same figures give different classes under PP 7/2021 and under the
 * older UU 20/2008, and a city must be able to say which one it counted by. Money is whole rupiah,
 * kept as a JavaScript number: exact up to Number.MAX_SAFE_INTEGER (about Rp9 kuadriliun).
 */
export const SCALES = ['mikro', 'kecil', 'menengah', 'besar'] as const
export type Scale = (typeof SCALES)[number]

export const SCALE_RULES = ['pp7_2021_capital', 'pp7_2021_sales', 'uu20_2008'] as const
export type ScaleRule = (typeof SCALE_RULES)[number]

/** Bumped when a rule's thresholds or reading change, so stored derivations can be told apart. */
export const SCALE_RULE_VERSION = '1'

/**
 * The rule used when nobody names one: PP 7/2021 Pasal 35 ayat (2) keeps the capital criterion
 * for setting up and registering a business; the sales criterion, ayat (4)–(5), is the one for
 * existing businesses and for kemudahan, pelindungan and pemberdayaan programmes.
 */
export const DEFAULT_SCALE_RULE: ScaleRule = 'pp7_2021_sales'

export type Figure = 'capital' | 'annual_sales' | 'assets'

/** One dated record of raw figures; any of them may be unknown. */
export interface FiguresRecord {
  /** The record's public id, carried into the evidence. */
  id: string
  /** `YYYY-MM-DD`: the date the figures describe. */
  asOf: string
  capitalRupiah: number | null
  annualSalesRupiah: number | null
  assetsRupiah: number | null
}

export interface ScaleEvidence {
  figure: Figure
  rupiah: number
  /** The class this figure alone gives under the rule. */
  scale: Scale
}

export interface DerivedScale {
  rule: ScaleRule
  ruleVersion: string
  scale: Scale
  /** The figures record it was derived from. */
  figuresId: string
  asOf: string
  evidence: ScaleEvidence[]
  article: string
}

const JUTA = 1_000_000
const MILIAR = 1_000 * JUTA

/** Inclusive upper bounds of mikro, kecil and menengah; anything above is besar. */
type Bounds = readonly [mikro: number, kecil: number, menengah: number]

// PP 7/2021 Pasal 35 ayat (3): modal usaha, not counting the land and buildings of the place of business.
const PP7_CAPITAL: Bounds = [1 * MILIAR, 5 * MILIAR, 10 * MILIAR]
// PP 7/2021 Pasal 35 ayat (5): hasil penjualan tahunan.
const PP7_SALES: Bounds = [2 * MILIAR, 15 * MILIAR, 50 * MILIAR]
// UU 20/2008 Pasal 6 ayat (1)–(3) huruf a: kekayaan bersih, not counting land and buildings.
const UU20_ASSETS: Bounds = [50 * JUTA, 500 * JUTA, 10 * MILIAR]
// UU 20/2008 Pasal 6 ayat (1)–(3) huruf b: hasil penjualan tahunan.
const UU20_SALES: Bounds = [300 * JUTA, 2_500 * JUTA, 50 * MILIAR]

export const RULE_ARTICLES: Record<ScaleRule, string> = {
  pp7_2021_capital: 'PP 7/2021 Pasal 35 ayat (3)',
  pp7_2021_sales: 'PP 7/2021 Pasal 35 ayat (4)–(5)',
  uu20_2008: 'UU 20/2008 Pasal 6',
}

/** Each class reaches up to and including its bound: exactly Rp1.000.000.000 of capital is mikro. */
export function classify(rupiah: number, bounds: Bounds): Scale {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0) {
    throw new RangeError(`Not a whole, non-negative rupiah amount: ${rupiah}`)
  }
  if (rupiah <= bounds[0]) return 'mikro'
  if (rupiah <= bounds[1]) return 'kecil'
  if (rupiah <= bounds[2]) return 'menengah'
  return 'besar'
}

export function scaleRank(scale: Scale): number {
  return SCALES.indexOf(scale)
}

function evidenceOf(rule: ScaleRule, record: FiguresRecord): ScaleEvidence[] {
  const one = (figure: Figure, rupiah: number | null, bounds: Bounds): ScaleEvidence[] =>
    rupiah === null ? [] : [{ figure, rupiah, scale: classify(rupiah, bounds) }]
  switch (rule) {
    case 'pp7_2021_capital':
      return one('capital', record.capitalRupiah, PP7_CAPITAL)
    case 'pp7_2021_sales':
      return one('annual_sales', record.annualSalesRupiah, PP7_SALES)
    case 'uu20_2008':
      return [
        ...one('assets', record.assetsRupiah, UU20_ASSETS),
        ...one('annual_sales', record.annualSalesRupiah, UU20_SALES),
      ]
  }
}

/**
 * The class of one figures record under one rule, or null when the record lacks the figure the
 * rule needs. UU 20/2008 Pasal 6 joins its two criteria with *atau*: a business meeting either
 * criterion of a class is in it, so when assets and sales disagree the smaller class is taken
 * (both stay in the evidence).
 */
export function deriveScale(rule: ScaleRule, record: FiguresRecord): DerivedScale | null {
  const evidence = evidenceOf(rule, record)
  if (evidence.length === 0) return null
  const scale = evidence.reduce<Scale>(
    (smallest, item) => (scaleRank(item.scale) < scaleRank(smallest) ? item.scale : smallest),
    'besar',
  )
  return {
    rule,
    ruleVersion: SCALE_RULE_VERSION,
    scale,
    figuresId: record.id,
    asOf: record.asOf,
    evidence,
    article: RULE_ARTICLES[rule],
  }
}

/** Oldest first; on the same date the later record (as given) wins, as with a correction. */
function chronological(records: FiguresRecord[]): FiguresRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) =>
      a.record.asOf === b.record.asOf ? a.index - b.index : a.record.asOf < b.record.asOf ? -1 : 1,
    )
    .map(({ record }) => record)
}

/** Every record the rule can read, oldest first. */
export function scaleHistory(rule: ScaleRule, records: FiguresRecord[]): DerivedScale[] {
  return chronological(records)
    .map((record) => deriveScale(rule, record))
    .filter((derived): derived is DerivedScale => derived !== null)
}

/** Under each rule, the class from the latest record that has the figures the rule needs. */
export function currentScales(records: FiguresRecord[]): DerivedScale[] {
  return SCALE_RULES.map((rule) => scaleHistory(rule, records).at(-1)).filter(
    (derived): derived is DerivedScale => derived !== undefined,
  )
}

export interface NaikKelas {
  rule: ScaleRule
  /** The last record that was still mikro … */
  from: DerivedScale
  /** … and the first one after it that is not. */
  to: DerivedScale
}

/**
 * *Naik kelas* as a kota counts it: a move out of mikro (UU 23/2014 gives kab/kota the usaha mikro;
 * Permendagri 90/2019 sub-kegiatan 2.17.08.2.01 is about micro businesses growing into small
 * ones). It is read from the data, with the two records as evidence — never a checkbox. A move
 * straight to menengah counts too; the `to` record says where it went.
 */
export function detectNaikKelas(history: DerivedScale[]): NaikKelas[] {
  const moves: NaikKelas[] = []
  for (let i = 1; i < history.length; i++) {
    const from = history[i - 1]!
    const to = history[i]!
    if (from.rule !== to.rule) throw new Error('A history mixes rules')
    if (from.scale === 'mikro' && to.scale !== 'mikro') moves.push({ rule: to.rule, from, to })
  }
  return moves
}
