import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { HANDLING_PARTS, REDUCTION_PARTS } from '../domain/terminal-flows.ts'

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
const updatedBy = () => integer('updated_by').references(() => users.id, { onDelete: 'set null' })

/** The inputs of one city-year's timbulan estimate, each with where it came from. */
export const wasteBalanceEstimates = pgTable(
  'waste_balance_estimates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    year: smallint('year').notNull(),
    population: integer('population').notNull(),
    populationSource: text('population_source').notNull(),
    gramsPerCapitaDay: integer('grams_per_capita_day').notNull(),
    rateSource: text('rate_source').notNull(),
    /** A rate outside 0.1–3 kg/person/day was confirmed by the person who entered it. */
    rateConfirmed: boolean('rate_confirmed').notNull().default(false),
    nonHouseholdGramsPerDay: bigint('non_household_grams_per_day', { mode: 'number' }).notNull(),
    nonHouseholdSource: text('non_household_source'),
    touristVisits: integer('tourist_visits').notNull(),
    touristVisitsSource: text('tourist_visits_source'),
    gramsPerVisit: integer('grams_per_visit').notNull(),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('waste_balance_estimates_year_key').on(table.cityId, table.year),
    check(
      'waste_balance_estimates_not_negative',
      sql`${table.population} >= 0 and ${table.touristVisits} >= 0`,
    ),
  ],
)

/** A city's own Jakstrada targets for a year (basis points: 3000 = 30 %), set by its decree. */
export const wasteBalanceTargets = pgTable(
  'waste_balance_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    year: smallint('year').notNull(),
    reductionBasisPoints: integer('reduction_basis_points').notNull(),
    handlingBasisPoints: integer('handling_basis_points').notNull(),
    decree: text('decree').notNull(),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (table) => [unique('waste_balance_targets_year_key').on(table.cityId, table.year)],
)

/**
 * Flows the platform does not see — the informal sector, a private recycler, RDF to a cement kiln —
 * entered by hand or imported, per month, each with its provenance and source.
 */
export const wasteBalanceManualFlows = pgTable(
  'waste_balance_manual_flows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    month: date('month').notNull(),
    part: text('part', { enum: [...REDUCTION_PARTS, ...HANDLING_PARTS] }).notNull(),
    material: text('material'),
    districtCode: varchar('district_code', { length: 8 }),
    weightGrams: bigint('weight_grams', { mode: 'number' }).notNull(),
    provenance: text('provenance', { enum: ['manual', 'imported'] }).notNull(),
    source: text('source').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('waste_balance_manual_flows_public_id_key').on(table.cityId, table.publicId),
    check('waste_balance_manual_flows_weight_positive', sql`${table.weightGrams} > 0`),
    index('waste_balance_manual_flows_month_idx').on(table.cityId, table.month),
  ],
)
