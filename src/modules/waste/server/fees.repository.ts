import { and, asc, desc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/server/db/client.ts'
import { wasteExpenses, wasteFeeCharges, wasteHouseholds } from './fees.tables.ts'

export type HouseholdRow = typeof wasteHouseholds.$inferSelect
export type ExpenseRow = typeof wasteExpenses.$inferSelect

export function listHouseholds(db: DbOrTx, options: { cityId: number; facilityId: number }) {
  return db
    .select()
    .from(wasteHouseholds)
    .where(
      and(eq(wasteHouseholds.cityId, options.cityId), eq(wasteHouseholds.facilityId, options.facilityId)),
    )
    .orderBy(asc(wasteHouseholds.label))
}

export async function findHousehold(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; publicId: string },
) {
  const [row] = await db
    .select()
    .from(wasteHouseholds)
    .where(
      and(
        eq(wasteHouseholds.cityId, options.cityId),
        eq(wasteHouseholds.facilityId, options.facilityId),
        eq(wasteHouseholds.publicId, options.publicId),
      ),
    )
  return row
}

export async function insertHousehold(
  db: DbOrTx,
  values: typeof wasteHouseholds.$inferInsert,
): Promise<HouseholdRow> {
  const [row] = await db.insert(wasteHouseholds).values(values).returning()
  return row!
}

/** The month's charges of a facility's households, joined to them. */
export function listCharges(db: DbOrTx, options: { cityId: number; facilityId: number; period: string }) {
  return db
    .select({ household: wasteHouseholds, charge: wasteFeeCharges })
    .from(wasteHouseholds)
    .leftJoin(
      wasteFeeCharges,
      and(eq(wasteFeeCharges.householdId, wasteHouseholds.id), eq(wasteFeeCharges.period, options.period)),
    )
    .where(
      and(eq(wasteHouseholds.cityId, options.cityId), eq(wasteHouseholds.facilityId, options.facilityId)),
    )
    .orderBy(asc(wasteHouseholds.label))
}

export async function upsertCharge(db: DbOrTx, values: typeof wasteFeeCharges.$inferInsert) {
  const [row] = await db
    .insert(wasteFeeCharges)
    .values(values)
    .onConflictDoUpdate({
      target: [wasteFeeCharges.cityId, wasteFeeCharges.householdId, wasteFeeCharges.period],
      set: {
        amountRupiah: values.amountRupiah,
        paidOn: values.paidOn,
        recordedBy: values.recordedBy,
        updatedAt: new Date(),
      },
    })
    .returning()
  return row!
}

export async function findCharge(
  db: DbOrTx,
  options: { cityId: number; householdId: number; period: string },
) {
  const [row] = await db
    .select()
    .from(wasteFeeCharges)
    .where(
      and(
        eq(wasteFeeCharges.cityId, options.cityId),
        eq(wasteFeeCharges.householdId, options.householdId),
        eq(wasteFeeCharges.period, options.period),
      ),
    )
  return row
}

export function listExpenses(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; from?: string; to?: string },
) {
  const conditions: SQL[] = [
    eq(wasteExpenses.cityId, options.cityId),
    eq(wasteExpenses.facilityId, options.facilityId),
  ]
  if (options.from) conditions.push(gte(wasteExpenses.spentOn, options.from))
  if (options.to) conditions.push(lte(wasteExpenses.spentOn, options.to))
  return db
    .select()
    .from(wasteExpenses)
    .where(and(...conditions))
    .orderBy(desc(wasteExpenses.spentOn), desc(wasteExpenses.id))
    .limit(1000)
}

export async function insertExpense(
  db: DbOrTx,
  values: typeof wasteExpenses.$inferInsert,
): Promise<ExpenseRow> {
  const [row] = await db.insert(wasteExpenses).values(values).returning()
  return row!
}

export async function voidExpense(
  db: DbOrTx,
  options: { cityId: number; facilityId: number; publicId: string },
) {
  const [row] = await db
    .update(wasteExpenses)
    .set({ voidedAt: new Date() })
    .where(
      and(
        eq(wasteExpenses.cityId, options.cityId),
        eq(wasteExpenses.facilityId, options.facilityId),
        eq(wasteExpenses.publicId, options.publicId),
        isNull(wasteExpenses.voidedAt),
      ),
    )
    .returning()
  return row
}
