import type { Material, SourceSector, SubMaterial } from './materials.ts'
import { categoryOfSubMaterial } from './materials.ts'

/**
 * One movement of waste, from → to, in whole grams. The four kinds:
 * - intake:   a source (desa/kelurahan + sector) → a facility
 * - transfer: a facility → another facility (residue to the TPA, a unit to its induk)
 * - sorting:  mixed (or coarser) waste at a facility becomes a sorted material at the same facility
 * - outcome:  a facility → what finally happened to it (composted, fed to maggots, sold, …)
 */
export const FLOW_KINDS = ['intake', 'transfer', 'sorting', 'outcome'] as const
export type FlowKind = (typeof FLOW_KINDS)[number]

export const OUTCOMES = ['composted', 'maggot', 'recycled_sold', 'reused', 'burned', 'landfilled'] as const
export type Outcome = (typeof OUTCOMES)[number]

export interface FlowDraft {
  kind: FlowKind
  weightGrams: number
  material: Material
  subMaterial?: SubMaterial | null
  /** Sorting only: what the sorted material came out of (usually `campuran`). */
  sortedFrom?: Material | null
  fromFacilityId?: number | null
  fromVillageCode?: string | null
  fromSector?: SourceSector | null
  toFacilityId?: number | null
  outcome?: Outcome | null
  pricePerKgRupiah?: number | null
  buyerName?: string | null
}

export interface FlowProblem {
  field: string
  code: string
}

/** The shape rules of a movement; whether the stock is there is the ledger's job (stockProblems). */
export function checkFlowShape(flow: FlowDraft): FlowProblem[] {
  const problems: FlowProblem[] = []
  const need = (ok: boolean, field: string, code: string) => {
    if (!ok) problems.push({ field, code })
  }
  need(Number.isSafeInteger(flow.weightGrams) && flow.weightGrams > 0, 'weightGrams', 'flow.weight_positive')
  if (flow.subMaterial) {
    need(
      categoryOfSubMaterial(flow.subMaterial) === flow.material,
      'subMaterial',
      'flow.sub_material_mismatch',
    )
  }
  switch (flow.kind) {
    case 'intake':
      need(!!flow.fromVillageCode && !!flow.fromSector, 'from', 'flow.intake_needs_source')
      need(!!flow.toFacilityId && !flow.outcome, 'to', 'flow.intake_needs_facility')
      break
    case 'transfer':
      need(!!flow.fromFacilityId, 'from', 'flow.needs_from_facility')
      need(
        !!flow.toFacilityId && flow.toFacilityId !== flow.fromFacilityId,
        'to',
        'flow.transfer_needs_other_facility',
      )
      break
    case 'sorting':
      need(
        !!flow.fromFacilityId && flow.toFacilityId === flow.fromFacilityId,
        'to',
        'flow.sorting_same_facility',
      )
      need(
        !!flow.sortedFrom && flow.sortedFrom !== flow.material,
        'sortedFrom',
        'flow.sorting_needs_other_material',
      )
      break
    case 'outcome':
      need(!!flow.fromFacilityId, 'from', 'flow.needs_from_facility')
      need(!!flow.outcome && !flow.toFacilityId, 'outcome', 'flow.outcome_required')
      break
  }
  const isSale = flow.kind === 'outcome' && flow.outcome === 'recycled_sold'
  if (isSale) {
    need(
      Number.isSafeInteger(flow.pricePerKgRupiah) && (flow.pricePerKgRupiah ?? -1) >= 0,
      'pricePerKgRupiah',
      'flow.sale_needs_price',
    )
    need(!!flow.buyerName?.trim(), 'buyerName', 'flow.sale_needs_buyer')
  } else {
    need(flow.pricePerKgRupiah == null && !flow.buyerName, 'pricePerKgRupiah', 'flow.price_only_for_sales')
  }
  return problems
}

/** Revenue of a sale in whole rupiah: grams × rupiah per kg ÷ 1000, rounded half up. */
export function saleRevenueRupiah(options: { weightGrams: number; pricePerKgRupiah: number }): number {
  return Math.floor((options.weightGrams * options.pricePerKgRupiah + 500) / 1000)
}

/** Which (facility, material) stocks a movement draws on: each must not go below zero. */
export function drawsOn(flow: FlowDraft): { facilityId: number; material: Material } | null {
  if (flow.kind === 'intake' || !flow.fromFacilityId) return null
  return {
    facilityId: flow.fromFacilityId,
    material: flow.kind === 'sorting' ? flow.sortedFrom! : flow.material,
  }
}

/** Which (facility, material) stock a movement adds to; reversing it draws that stock back down. */
export function addsTo(flow: FlowDraft): { facilityId: number; material: Material } | null {
  return flow.toFacilityId ? { facilityId: flow.toFacilityId, material: flow.material } : null
}

export interface DailyMovement {
  date: string
  /** Grams in (positive) and out (negative) of one facility's stock of one material on that day. */
  netGrams: number
}

/**
 * Mass balance, cumulatively: the running stock (everything in minus everything out, day by day)
 * must never be negative. Returns the first day it would be, with the figures, or null.
 */
export function firstShortfall(days: DailyMovement[]): { date: string; stockGrams: number } | null {
  let stock = 0
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    stock += day.netGrams
    if (stock < 0) return { date: day.date, stockGrams: stock }
  }
  return null
}
