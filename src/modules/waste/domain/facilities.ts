/**
 * Facility kinds as SIPSN lists them, and the rules a facility record must follow. Pure: the
 * server validates with it and the web form shows the same rules before sending.
 */
export const FACILITY_KINDS = [
  'tps',
  'tps3r',
  'bank_sampah_unit',
  'bank_sampah_induk',
  'rumah_kompos',
  'tpst',
  'tpa',
  'pusat_daur_ulang',
  'pengepul',
] as const
export type FacilityKind = (typeof FACILITY_KINDS)[number]

/** How a TPA is operated; "penanganan" is also reported without open-dumping sites (SIPSN). */
export const LANDFILL_SYSTEMS = ['open_dumping', 'controlled_landfill', 'sanitary_landfill'] as const
export type LandfillSystem = (typeof LANDFILL_SYSTEMS)[number]

export const FACILITY_STATUSES = ['planned', 'active', 'inactive', 'closed'] as const
export type FacilityStatus = (typeof FACILITY_STATUSES)[number]

export interface FacilityRules {
  kind: FacilityKind
  landfillSystem?: LandfillSystem | null
  parentKind?: FacilityKind | null
  latitude?: number | null
  longitude?: number | null
}

export interface RuleProblem {
  field: string
  code: string
}

// Indonesia's extent with a margin: Sabang to Merauke, Miangas to Rote.
const LATITUDE = { min: -11.5, max: 6.5 }
const LONGITUDE = { min: 94.5, max: 141.5 }

export function checkFacilityRules(facility: FacilityRules): RuleProblem[] {
  const problems: RuleProblem[] = []
  if (facility.kind === 'tpa' && !facility.landfillSystem) {
    problems.push({ field: 'landfillSystem', code: 'facility.landfill_system_required' })
  }
  if (facility.kind !== 'tpa' && facility.landfillSystem) {
    problems.push({ field: 'landfillSystem', code: 'facility.landfill_system_only_tpa' })
  }
  // A bank sampah unit reports to its induk; nothing else has a parent.
  if (
    facility.parentKind &&
    !(facility.kind === 'bank_sampah_unit' && facility.parentKind === 'bank_sampah_induk')
  ) {
    problems.push({ field: 'parentId', code: 'facility.parent_invalid' })
  }
  const hasLatitude = facility.latitude !== null && facility.latitude !== undefined
  const hasLongitude = facility.longitude !== null && facility.longitude !== undefined
  if (hasLatitude !== hasLongitude)
    problems.push({ field: hasLatitude ? 'longitude' : 'latitude', code: 'facility.coordinates_pair' })
  if (hasLatitude && (facility.latitude! < LATITUDE.min || facility.latitude! > LATITUDE.max)) {
    problems.push({ field: 'latitude', code: 'facility.outside_indonesia' })
  }
  if (hasLongitude && (facility.longitude! < LONGITUDE.min || facility.longitude! > LONGITUDE.max)) {
    problems.push({ field: 'longitude', code: 'facility.outside_indonesia' })
  }
  return problems
}

/** Capacity is kept in whole kilograms per day; SIPSN and people speak of tonnes per day. */
export function tonnesPerDayToKg(tonnes: number): number {
  return Math.round(tonnes * 1000)
}
