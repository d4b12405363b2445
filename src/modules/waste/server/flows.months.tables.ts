import { bigint, date, integer, pgTable, text, unique, varchar } from 'drizzle-orm/pg-core'

/**
 * The flow ledger summed per city, month and path: what the city waste balance reads instead of
 * every ledger row. Kept by the database itself, never by application code: a statement trigger on
 * `waste_flows` (migration 0013, function `waste_flow_months_apply`) adds each inserted statement's
 * rows — grouped, reversals negative — in the same transaction as the ledger write, and subtracts
 * deleted ones, so the roll-up cannot disagree with the entries it sums. Facility kinds, systems and
 * kecamatan are joined when read, so a facility's later change shows as it does on the ledger.
 */
export const wasteFlowMonths = pgTable(
  'waste_flow_months',
  {
    cityId: integer('city_id').notNull(),
    /** The first day of the month of `flow_date`. */
    month: date('month').notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome'),
    material: text('material').notNull(),
    fromSector: text('from_sector'),
    /** The kecamatan of the source desa: the first eight characters of `from_village_code`. */
    fromDistrictCode: varchar('from_district_code', { length: 8 }),
    fromFacilityId: integer('from_facility_id'),
    toFacilityId: integer('to_facility_id'),
    /** Net grams: rows minus reversals. */
    grams: bigint('grams', { mode: 'number' }).notNull(),
  },
  (table) => [
    unique('waste_flow_months_key')
      .on(
        table.cityId,
        table.month,
        table.kind,
        table.outcome,
        table.material,
        table.fromSector,
        table.fromDistrictCode,
        table.fromFacilityId,
        table.toFacilityId,
      )
      .nullsNotDistinct(),
  ],
)
