import { and, asc, between, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import {
  wasteBalanceEstimates,
  wasteBalanceManualFlows,
  wasteBalanceTargets,
} from './waste-balance.tables.ts'

export type EstimateRow = typeof wasteBalanceEstimates.$inferSelect
export type TargetRow = typeof wasteBalanceTargets.$inferSelect
export type ManualFlowRow = typeof wasteBalanceManualFlows.$inferSelect
type EstimateValues = Omit<typeof wasteBalanceEstimates.$inferInsert, 'id' | 'updatedAt'>
type TargetValues = Omit<typeof wasteBalanceTargets.$inferInsert, 'id' | 'updatedAt'>

export async function findEstimate(db: DbOrTx, options: { cityId: number; year: number }) {
  const [row] = await db
    .select()
    .from(wasteBalanceEstimates)
    .where(
      and(eq(wasteBalanceEstimates.cityId, options.cityId), eq(wasteBalanceEstimates.year, options.year)),
    )
  return row
}

export function listEstimates(db: DbOrTx, options: { cityId: number }) {
  return db
    .select()
    .from(wasteBalanceEstimates)
    .where(eq(wasteBalanceEstimates.cityId, options.cityId))
    .orderBy(asc(wasteBalanceEstimates.year))
}

export async function upsertEstimate(db: DbOrTx, values: EstimateValues): Promise<EstimateRow> {
  const { cityId, year, ...rest } = values
  const [row] = await db
    .insert(wasteBalanceEstimates)
    .values(values)
    .onConflictDoUpdate({
      target: [wasteBalanceEstimates.cityId, wasteBalanceEstimates.year],
      set: { ...rest, updatedAt: new Date() },
    })
    .returning()
  return row!
}

export async function findTarget(db: DbOrTx, options: { cityId: number; year: number }) {
  const [row] = await db
    .select()
    .from(wasteBalanceTargets)
    .where(and(eq(wasteBalanceTargets.cityId, options.cityId), eq(wasteBalanceTargets.year, options.year)))
  return row
}

export async function upsertTarget(db: DbOrTx, values: TargetValues): Promise<TargetRow> {
  const { cityId, year, ...rest } = values
  const [row] = await db
    .insert(wasteBalanceTargets)
    .values(values)
    .onConflictDoUpdate({
      target: [wasteBalanceTargets.cityId, wasteBalanceTargets.year],
      set: { ...rest, updatedAt: new Date() },
    })
    .returning()
  return row!
}

export function listManualFlows(db: DbOrTx, options: { cityId: number; start: string; end: string }) {
  return db
    .select()
    .from(wasteBalanceManualFlows)
    .where(
      and(
        eq(wasteBalanceManualFlows.cityId, options.cityId),
        between(wasteBalanceManualFlows.month, options.start, options.end),
      ),
    )
    .orderBy(asc(wasteBalanceManualFlows.month), asc(wasteBalanceManualFlows.id))
}

export async function insertManualFlow(db: DbOrTx, values: typeof wasteBalanceManualFlows.$inferInsert) {
  const [row] = await db.insert(wasteBalanceManualFlows).values(values).returning()
  return row!
}

export async function insertManualFlows(db: DbOrTx, values: (typeof wasteBalanceManualFlows.$inferInsert)[]) {
  if (values.length > 0) await db.insert(wasteBalanceManualFlows).values(values)
}

export async function deleteManualFlow(db: DbOrTx, options: { cityId: number; publicId: string }) {
  const [row] = await db
    .delete(wasteBalanceManualFlows)
    .where(
      and(
        eq(wasteBalanceManualFlows.cityId, options.cityId),
        eq(wasteBalanceManualFlows.publicId, options.publicId),
      ),
    )
    .returning()
  return row
}

/** Every city's estimate for a year (the public comparison). */
export function listEstimatesOfYear(db: DbOrTx, options: { year: number }) {
  return db.select().from(wasteBalanceEstimates).where(eq(wasteBalanceEstimates.year, options.year))
}

export function listManualFlowsOfAllCities(db: DbOrTx, options: { start: string; end: string }) {
  return db
    .select()
    .from(wasteBalanceManualFlows)
    .where(between(wasteBalanceManualFlows.month, options.start, options.end))
}
