/**
 * Which waste flows count as pengurangan (B) and penanganan (C), and where: the one documented
 * mapping from the waste flow ledger to SIPSN's capaian kinerja (formula version 1).
 *
 * A gram is counted once, when its path through the platform's facilities ends:
 * - an outcome at a facility: composted, maggot, recycled_sold, reused → B; burned → C (thermal
 *   treatment); landfilled → C (a disposal site the platform does not see);
 * - arriving at an end facility: a TPA (→ C, by its landfill system) or a recycler (pengepul, pusat
 *   daur ulang → B). What later happens inside an end facility is not counted again.
 * Intakes and transfers into other facilities, and sorting, are steps on the way: not counted.
 * Reversal rows arrive here already signed negative, so a correction changes the figures.
 */

export type FacilityKind =
  | 'tps'
  | 'tps3r'
  | 'bank_sampah_unit'
  | 'bank_sampah_induk'
  | 'rumah_kompos'
  | 'tpst'
  | 'tpa'
  | 'pusat_daur_ulang'
  | 'pengepul'

export type LandfillSystem = 'open_dumping' | 'controlled_landfill' | 'sanitary_landfill'

export interface FacilityRef {
  kind: FacilityKind
  landfillSystem: LandfillSystem | null
  /** `35.79.01`, or null when the facility has no desa/kelurahan. */
  districtCode: string | null
}

/** One group of ledger rows, as the ledger's aggregate query returns it. */
export interface LedgerAggregate {
  /** `YYYY-MM` */
  month: string
  kind: 'intake' | 'transfer' | 'sorting' | 'outcome'
  outcome: string | null
  material: string
  fromSector: string | null
  /** The kecamatan of the desa the waste came from (intakes). */
  fromDistrictCode: string | null
  from: FacilityRef | null
  to: FacilityRef | null
  /** Net grams: reversal rows are negative. */
  grams: number
}

/** What B and C are made of; D (daur ulang) and E (bahan baku) are parts of B. */
export const REDUCTION_PARTS = [
  'composted',
  'maggot',
  'recycled_sold',
  'reused',
  'to_recycler',
  // Bahan baku (E): industrial feedstock or fuel such as RDF; entered by hand, no outcome records it yet.
  'feedstock',
] as const
export const HANDLING_PARTS = [
  'tpa_open_dumping',
  'tpa_controlled_landfill',
  'tpa_sanitary_landfill',
  'burned',
  'landfilled_elsewhere',
] as const
export type ReductionPart = (typeof REDUCTION_PARTS)[number]
export type HandlingPart = (typeof HANDLING_PARTS)[number]
export type BalancePart = ReductionPart | HandlingPart

/** Parts of B that are daur ulang (D): material and organic recycling. Reuse is not recycling. */
export const RECYCLED_PARTS: readonly ReductionPart[] = [
  'composted',
  'maggot',
  'recycled_sold',
  'to_recycler',
]
/**
 * Parts of C that SIPSN's "penanganan tanpa TPA open dumping" leaves out: waste dumped openly, and
 * waste landfilled at a site the platform does not see (its control cannot be shown).
 */
export const UNCONTROLLED_PARTS: readonly HandlingPart[] = ['tpa_open_dumping', 'landfilled_elsewhere']

const END_FACILITIES: readonly FacilityKind[] = ['tpa', 'pengepul', 'pusat_daur_ulang']
const OUTCOME_PARTS: Record<string, BalancePart> = {
  composted: 'composted',
  maggot: 'maggot',
  recycled_sold: 'recycled_sold',
  reused: 'reused',
  burned: 'burned',
  landfilled: 'landfilled_elsewhere',
}

export function isEndFacility(facility: FacilityRef | null): boolean {
  return facility !== null && END_FACILITIES.includes(facility.kind)
}

function arrivalPart(to: FacilityRef): BalancePart {
  if (to.kind !== 'tpa') return 'to_recycler'
  // A TPA without a recorded system is treated as open dumping: control must be shown, not assumed.
  return `tpa_${to.landfillSystem ?? 'open_dumping'}` as HandlingPart
}

export interface TerminalFlow {
  month: string
  part: BalancePart
  material: string
  /** Where the waste was when its path ended: the facility's (or the source desa's) kecamatan. */
  districtCode: string | null
  grams: number
}

/** The part of the balance one ledger group ends in, or null when its path goes on. */
export function terminalFlow(row: LedgerAggregate): TerminalFlow | null {
  const base = { month: row.month, material: row.material, grams: row.grams }
  if (row.kind === 'outcome') {
    if (!row.from || isEndFacility(row.from)) return null
    const part = row.outcome ? OUTCOME_PARTS[row.outcome] : undefined
    if (!part) return null
    return { ...base, part, districtCode: row.from.districtCode }
  }
  if (row.kind === 'intake' || row.kind === 'transfer') {
    if (!row.to || !isEndFacility(row.to) || isEndFacility(row.from)) return null
    const districtCode = row.from?.districtCode ?? row.fromDistrictCode ?? row.to.districtCode
    return { ...base, part: arrivalPart(row.to), districtCode }
  }
  return null
}

export function isReductionPart(part: BalancePart): part is ReductionPart {
  return (REDUCTION_PARTS as readonly string[]).includes(part)
}
