import { date, index, integer, numeric, pgTable, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../db/columns.ts'
import { cities, districts } from '../tenancy/cities.tables.ts'

/** Definitions come from the module manifests and are synchronised at boot. */
export const indicatorDefinitions = pgTable('indicator_definitions', {
  code: text('code').primaryKey(),
  module: text('module').notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  periodKind: text('period_kind', { enum: ['month', 'semester', 'year'] }).notNull(),
  formulaVersion: text('formula_version').notNull(),
  regulationRef: text('regulation_ref').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicatorDefinitions.code),
    /** `2024`, `2024-S1` or `2024-03`, matching the definition's period kind. */
    period: text('period').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /**
     * The kecamatan (Kemendagri code, e.g. `35.79.01`) the value is for; null is the whole city.
     * Only a city's own kecamatan: the writer checks it.
     */
    districtCode: varchar('district_code', { length: 8 }).references(() => districts.code),
    value: numeric('value', { precision: 20, scale: 6 }).notNull(),
    provenance: text('provenance', { enum: ['computed', 'imported', 'manual'] }).notNull(),
    sourceNote: text('source_note').notNull(),
    formulaVersion: text('formula_version').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('indicator_values_public_id_key').on(table.cityId, table.publicId),
    unique('indicator_values_period_key')
      .on(table.cityId, table.indicatorCode, table.period, table.provenance, table.districtCode)
      .nullsNotDistinct(),
    index('indicator_values_lookup_idx').on(table.indicatorCode, table.period),
  ],
)
