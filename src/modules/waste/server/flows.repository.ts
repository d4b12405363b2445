import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { rowsOf } from '../../../platform/server/db/client.ts'
import { Compiled, insertPiece, type Piece } from '../../../platform/server/db/compiled.ts'
import { villages } from '../../../platform/server/tenancy/cities.tables.ts'
import type { DailyMovement, FlowKind, Outcome } from '../domain/flows.ts'
import type { Material } from '../domain/materials.ts'
import { facilities } from './facilities.tables.ts'
import { wasteFlows } from './flows.tables.ts'

export type FlowRow = typeof wasteFlows.$inferSelect
export type NewFlow = typeof wasteFlows.$inferInsert

/** Serialises writes to these facilities until the transaction ends (lowest id first: no deadlock). */
export async function lockFacilities(tx: Tx, options: { cityId: number; ids: number[] }): Promise<void> {
  if (options.ids.length === 0) return
  await tx
    .select({ id: facilities.id })
    .from(facilities)
    .where(and(eq(facilities.cityId, options.cityId), inArray(facilities.id, [...new Set(options.ids)])))
    .orderBy(facilities.id)
    .for('update')
}

/**
 * Day by day, what came into and went out of one facility's stock of one material; a reversal
 * counts against the row it reverses. Sorting draws on the material it was sorted from.
 */
export async function dailyMovements(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; material: Material },
): Promise<DailyMovement[]> {
  const { cityId, facilityId, material } = options
  const result = await db.execute(sql`
    select flow_date::text as date, sum(signed)::bigint as net from (
      select flow_date, case when reverses_id is null then weight_grams else -weight_grams end as signed
        from waste_flows
       where city_id = ${cityId} and to_facility_id = ${facilityId} and material = ${material}
      union all
      select flow_date, case when reverses_id is null then -weight_grams else weight_grams end
        from waste_flows
       where city_id = ${cityId} and from_facility_id = ${facilityId}
         and ((kind = 'sorting' and sorted_from = ${material}) or (kind <> 'sorting' and material = ${material}))
    ) movements
    group by flow_date`)
  return rowsOf<{ date: string; net: string | number }>(result).map((row) => ({
    date: row.date,
    netGrams: Number(row.net),
  }))
}

/** Current stock of every material at a facility (in minus out, reversals netted). */
export async function stockByMaterial(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; asOf?: string },
) {
  const { cityId, facilityId } = options
  const until = options.asOf ? sql`and flow_date <= ${options.asOf}` : sql``
  const result = await db.execute(sql`
    select material, sum(signed)::bigint as grams from (
      select material, case when reverses_id is null then weight_grams else -weight_grams end as signed
        from waste_flows where city_id = ${cityId} and to_facility_id = ${facilityId} ${until}
      union all
      select case when kind = 'sorting' then sorted_from else material end,
             case when reverses_id is null then -weight_grams else weight_grams end
        from waste_flows where city_id = ${cityId} and from_facility_id = ${facilityId} ${until}
    ) movements
    group by material
    order by material`)
  return rowsOf<{ material: Material; grams: string | number }>(result).map((row) => ({
    material: row.material,
    grams: Number(row.grams),
  }))
}

/** Bulk insert without the ledger's checks: only for generated data that is balanced by construction. */
export async function insertFlows(db: DbOrTx, rows: NewFlow[]): Promise<void> {
  if (rows.length > 0) await db.insert(wasteFlows).values(rows)
}

export async function insertFlow(db: DbOrTx, values: NewFlow): Promise<FlowRow> {
  const [row] = await db.insert(wasteFlows).values(values).returning()
  return row!
}

/** Several checked rows in one statement, returned in the order given (matched by public id). */
export async function insertFlowRows(db: DbOrTx, values: (NewFlow & { publicId: string })[]) {
  const inserted = await db.insert(wasteFlows).values(values).returning()
  const byPublicId = new Map(inserted.map((row) => [row.publicId, row]))
  return values.map((value) => byPublicId.get(value.publicId)!)
}

/**
 * The same insert as a statement to send later (sendWithCommit), returning nothing: a piece of the
 * transaction's last statement, compiled once for its shape (db/compiled.ts).
 */
export function flowRowsInsert(db: DbOrTx, values: (NewFlow & { publicId: string })[]): Piece {
  return insertPiece(db, { tag: 'flows', table: wasteFlows, rows: values })
}

/** How many of a kind of reference a batch names: none, exactly one, or several. */
type ReferenceCount = 'none' | 'one' | 'many'

const countOf = (values: string[]): ReferenceCount =>
  values.length === 0 ? 'none' : values.length === 1 ? 'one' : 'many'

/**
 * `column = $one` for one value, `column = any($many)` for several. PostgreSQL plans an array of
 * unknown length as ten values, so with `any` its cached plan for a prepared statement looked
 * dearer than planning afresh, and it planned the statement again on every deposit (170 µs);
 * with one value the cached plan is as cheap and is kept.
 */
function matchesReference(column: SQL, count: ReferenceCount, name: string) {
  return count === 'one'
    ? sql`${column} = ${sql.placeholder(name)}`
    : sql`${column} = any(${sql.placeholder(name)}::text[])`
}

/**
 * The statement of findFlowReferences for one combination of what is asked (how many facilities
 * and villages, lock): the ids and codes are one parameter each, so each combination has one
 * text, compiled once (db/compiled.ts).
 */
function flowReferencesStatement(options: {
  facilities: ReferenceCount
  villages: ReferenceCount
  lock: boolean
}) {
  const cityId = sql.placeholder('cityId')
  const facilityRows =
    options.facilities !== 'none'
      ? sql`select 'facility' as kind, key, id from (
           select public_id as key, id from ${facilities}
            where city_id = ${cityId} and ${matchesReference(sql`public_id`, options.facilities, 'facilityIds')}${
              options.lock ? sql` order by id for update` : sql``
            }) as referenced`
      : null
  const villageRows =
    options.villages !== 'none'
      ? sql`select 'village' as kind, code as key, null::integer as id from ${villages}
           where city_id = ${cityId} and ${matchesReference(sql`code`, options.villages, 'villageCodes')}`
      : null
  return Compiled.fromSql(
    facilityRows && villageRows
      ? sql`${facilityRows} union all ${villageRows}`
      : (facilityRows ?? villageRows)!,
  )
}

const flowReferencesStatements = new Map<string, Compiled>()

/**
 * What a batch of flows refers to, in one round trip: the internal ids of the facilities named
 * by public id, and which of the desa/kelurahan codes belong to the city. With `lock` (inside a
 * transaction) the same statement locks those facilities' rows in id order, as lockFacilities does.
 */
export async function findFlowReferences(
  db: DbOrTx,
  options: { cityId: number; facilityPublicIds: string[]; villageCodes: string[]; lock?: boolean },
) {
  const facilityIds = [...new Set(options.facilityPublicIds)]
  const villageCodes = [...new Set(options.villageCodes)]
  const found = {
    facilities: new Map<string, { id: number; publicId: string }>(),
    villageCodes: new Set<string>(),
  }
  if (facilityIds.length === 0 && villageCodes.length === 0) return found
  const shape = {
    facilities: countOf(facilityIds),
    villages: countOf(villageCodes),
    lock: !!options.lock,
  }
  const key = `${shape.facilities}:${shape.villages}:${shape.lock}`
  let statement = flowReferencesStatements.get(key)
  if (!statement) {
    statement = flowReferencesStatement(shape)
    flowReferencesStatements.set(key, statement)
  }
  const result = await statement.run(db, {
    cityId: options.cityId,
    facilityIds: shape.facilities === 'one' ? facilityIds[0] : facilityIds,
    villageCodes: shape.villages === 'one' ? villageCodes[0] : villageCodes,
  })
  for (const row of rowsOf<{ kind: 'facility' | 'village'; key: string; id: number | null }>(result)) {
    if (row.kind === 'facility') found.facilities.set(row.key, { id: Number(row.id), publicId: row.key })
    else found.villageCodes.add(row.key)
  }
  return found
}

export async function findFlow(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .select()
    .from(wasteFlows)
    .where(and(eq(wasteFlows.cityId, options.cityId), eq(wasteFlows.publicId, options.publicId)))
  return row
}

export async function findReversalOf(db: DbOrTx, options: { cityId: number; flowId: number }) {
  const [row] = await db
    .select()
    .from(wasteFlows)
    .where(and(eq(wasteFlows.cityId, options.cityId), eq(wasteFlows.reversesId, options.flowId)))
  return row
}

export interface FlowFilter {
  cityId: number
  facilityId?: number
  from?: string
  to?: string
  limit: number
  offset: number
}

export async function listFlows(db: DbOrTx, filter: FlowFilter) {
  const conditions: SQL[] = [eq(wasteFlows.cityId, filter.cityId)]
  if (filter.facilityId) {
    conditions.push(
      or(eq(wasteFlows.toFacilityId, filter.facilityId), eq(wasteFlows.fromFacilityId, filter.facilityId))!,
    )
  }
  if (filter.from) conditions.push(gte(wasteFlows.flowDate, filter.from))
  if (filter.to) conditions.push(lte(wasteFlows.flowDate, filter.to))
  const where = and(...conditions)
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(wasteFlows)
      .where(where)
      .orderBy(desc(wasteFlows.flowDate), desc(wasteFlows.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: sql<number>`count(*)::int` }).from(wasteFlows).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}

/** The public ids and names of facilities, for presenting flows. */
export async function facilityNames(db: DbOrTx, options: { cityId: number; ids: number[] }) {
  if (options.ids.length === 0) return new Map<number, { publicId: string; name: string }>()
  const rows = await db
    .select({ id: facilities.id, publicId: facilities.publicId, name: facilities.name })
    .from(facilities)
    .where(and(eq(facilities.cityId, options.cityId), inArray(facilities.id, [...new Set(options.ids)])))
  return new Map(rows.map((row) => [row.id, { publicId: row.publicId, name: row.name }]))
}

export async function flowPublicIds(db: DbOrTx, options: { cityId: number; ids: number[] }) {
  if (options.ids.length === 0) return new Map<number, string>()
  const rows = await db
    .select({ id: wasteFlows.id, publicId: wasteFlows.publicId })
    .from(wasteFlows)
    .where(and(eq(wasteFlows.cityId, options.cityId), inArray(wasteFlows.id, [...new Set(options.ids)])))
  return new Map(rows.map((row) => [row.id, row.publicId]))
}

/** One facility's movements on one day, grouped: what came in and what went where (reversals netted). */
export async function dayTotals(db: DbOrTx, options: { cityId: number; facilityId: number; date: string }) {
  const { cityId, facilityId, date } = options
  const result = await db.execute(sql`
    select case when to_facility_id = ${facilityId} and kind <> 'sorting' then 'in'
                when kind = 'sorting' then 'sorted'
                else 'out' end as direction,
           kind, outcome, material,
           sum(case when reverses_id is null then weight_grams else -weight_grams end)::bigint as grams,
           sum(case when reverses_id is null then coalesce(revenue_rupiah, 0) else -coalesce(revenue_rupiah, 0) end)::bigint as revenue
      from waste_flows
     where city_id = ${cityId} and flow_date = ${date}
       and (to_facility_id = ${facilityId} or from_facility_id = ${facilityId})
     group by 1, kind, outcome, material
     order by 1, kind, material`)
  return rowsOf<{
    direction: 'in' | 'sorted' | 'out'
    kind: FlowKind
    outcome: Outcome | null
    material: Material
    grams: string | number
    revenue: string | number
  }>(result).map((row) => ({ ...row, grams: Number(row.grams), revenue: Number(row.revenue) }))
}

/**
 * Per period (day or month) at one facility: intake, sorting, and what left by outcome, with what
 * went to a TPA apart. One aggregate over the ledger; reversals netted.
 */
export async function periodTotals(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; from: string; to: string; granularity: 'day' | 'month' },
) {
  const { cityId, facilityId, from, to } = options
  const period =
    options.granularity === 'month' ? sql`to_char(f.flow_date, 'YYYY-MM')` : sql`f.flow_date::text`
  const result = await db.execute(sql`
    select ${period} as period,
           case when f.kind = 'intake' or (f.kind = 'transfer' and f.to_facility_id = ${facilityId}) then 'in'
                when f.kind = 'sorting' then 'sorted'
                when f.kind = 'transfer' and dest.kind = 'tpa' then 'to_tpa'
                when f.kind = 'transfer' then 'transferred'
                else f.outcome end as bucket,
           f.material,
           sum(case when f.reverses_id is null then f.weight_grams else -f.weight_grams end)::bigint as grams,
           sum(case when f.reverses_id is null then coalesce(f.revenue_rupiah, 0) else -coalesce(f.revenue_rupiah, 0) end)::bigint as revenue
      from waste_flows f
      left join facilities dest on dest.id = f.to_facility_id
     where f.city_id = ${cityId} and f.flow_date between ${from} and ${to}
       and (f.to_facility_id = ${facilityId} or f.from_facility_id = ${facilityId})
     group by 1, 2, 3
     order by 1`)
  return rowsOf<{
    period: string
    bucket: string
    material: Material
    grams: string | number
    revenue: string | number
  }>(result).map((row) => ({ ...row, grams: Number(row.grams), revenue: Number(row.revenue) }))
}
