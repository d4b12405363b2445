import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { rowsOf } from '../../../platform/server/db/client.ts'
import type { FacilityKind, LandfillSystem } from '../domain/facilities.ts'
import type { FlowKind } from '../domain/flows.ts'

export interface LedgerFacility {
  kind: FacilityKind
  landfillSystem: LandfillSystem | null
  districtCode: string | null
}

/** The ledger grouped for the city waste balance: net grams (reversals negative) per month and path. */
export interface LedgerGroup {
  cityId: number
  month: string
  kind: FlowKind
  outcome: string | null
  material: string
  fromSector: string | null
  fromDistrictCode: string | null
  from: LedgerFacility | null
  to: LedgerFacility | null
  grams: number
}

interface RawGroup {
  city_id: number
  month: string
  kind: FlowKind
  outcome: string | null
  material: string
  from_sector: string | null
  from_district: string | null
  from_kind: FacilityKind | null
  from_system: LandfillSystem | null
  from_facility_district: string | null
  to_kind: FacilityKind | null
  to_system: LandfillSystem | null
  to_facility_district: string | null
  grams: string
}

function facility(kind: FacilityKind | null, system: LandfillSystem | null, district: string | null) {
  return kind ? { kind, landfillSystem: system, districtCode: district } : null
}

/**
 * A city's ledger between two dates, grouped by month, kind, outcome, material, source and the kinds
 * of the facilities at both ends. Read from the monthly roll-up `waste_flow_months`, which the
 * database keeps equal to the ledger's sums (see flows.months.tables.ts), so whole months are read:
 * from the month of `start` to the month of `end`. A month still running therefore counts up to
 * today, as flows are never dated in the future. A kecamatan code is the first eight characters of
 * a desa/kelurahan code.
 */
export async function ledgerGroups(
  db: DbOrTx,
  options: { cityId: number; start: string; end: string },
): Promise<LedgerGroup[]> {
  return groupsWhere(db, sql`g.city_id = ${options.cityId}`, options)
}

/** The same groups for every city at once (the public comparison of published aggregates). */
export function ledgerGroupsOfAllCities(db: DbOrTx, options: { start: string; end: string }) {
  return groupsWhere(db, sql`true`, options)
}

async function groupsWhere(
  db: DbOrTx,
  cities: SQL,
  options: { start: string; end: string },
): Promise<LedgerGroup[]> {
  // The roll-up keeps facility ids; the balance needs only their kind, system and kecamatan, so
  // the groups of facilities alike (fifty TPS 3R of one kecamatan) are summed into one here.
  const result = await db.execute(sql`
    select g.city_id, to_char(g.month, 'YYYY-MM') as month, g.kind, g.outcome, g.material, g.from_sector,
           g.from_district_code as from_district,
           ff.kind as from_kind, ff.landfill_system as from_system, left(ff.village_code, 8) as from_facility_district,
           tf.kind as to_kind, tf.landfill_system as to_system, left(tf.village_code, 8) as to_facility_district,
           sum(g.grams)::text as grams
      from waste_flow_months g
      left join facilities ff on ff.id = g.from_facility_id
      left join facilities tf on tf.id = g.to_facility_id
     where ${cities}
       and g.month between ${`${options.start.slice(0, 7)}-01`}::date and ${options.end}::date
     group by g.city_id, g.month, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`)
  return rowsOf<RawGroup>(result).map((row) => ({
    cityId: row.city_id,
    month: row.month,
    kind: row.kind,
    outcome: row.outcome,
    material: row.material,
    fromSector: row.from_sector,
    fromDistrictCode: row.from_district,
    from: facility(row.from_kind, row.from_system, row.from_facility_district),
    to: facility(row.to_kind, row.to_system, row.to_facility_district),
    grams: Number(row.grams),
  }))
}

export interface FacilityPeriodTotal {
  name: string
  kind: FacilityKind
  status: string
  /** What came in (intakes and transfers), net of reversals. */
  inGrams: number
  /** What the facility composted, fed to maggots, sold for recycling or reused. */
  reducedGrams: number
}

/** Per facility between two dates: grams received and grams reduced there (SIPSN facility tables). */
export async function facilityPeriodTotals(
  db: DbOrTx,
  options: { cityId: number; start: string; end: string },
): Promise<FacilityPeriodTotal[]> {
  const { cityId, start, end } = options
  const result = await db.execute(sql`
    with moves as (
      select to_facility_id as facility_id,
             case when reverses_id is null then weight_grams else -weight_grams end as in_grams, 0 as reduced_grams
        from waste_flows
       where city_id = ${cityId} and flow_date between ${start} and ${end} and kind in ('intake', 'transfer')
      union all
      select from_facility_id, 0, case when reverses_id is null then weight_grams else -weight_grams end
        from waste_flows
       where city_id = ${cityId} and flow_date between ${start} and ${end} and kind = 'outcome'
         and outcome in ('composted', 'maggot', 'recycled_sold', 'reused')
    )
    select fa.name, fa.kind, fa.status, sum(m.in_grams)::text as in_grams, sum(m.reduced_grams)::text as reduced_grams
      from moves m join facilities fa on fa.id = m.facility_id and fa.city_id = ${cityId}
     group by fa.id, fa.name, fa.kind, fa.status
     order by fa.kind, fa.name`)
  return rowsOf<{
    name: string
    kind: FacilityKind
    status: string
    in_grams: string
    reduced_grams: string
  }>(result).map((row) => ({
    name: row.name,
    kind: row.kind,
    status: row.status,
    inGrams: Number(row.in_grams),
    reducedGrams: Number(row.reduced_grams),
  }))
}
