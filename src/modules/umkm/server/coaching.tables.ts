import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'
import { FUNDING_SOURCES, OUTCOME_STAGES, PROGRAMME_KINDS } from '../domain/coaching.ts'
import { umkmBusinesses } from './umkm.tables.ts'

/** A coaching programme (pembinaan) run by an agency, with its budget activity and eligibility. */
export const umkmProgrammes = pgTable(
  'umkm_programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    kind: text('kind', { enum: PROGRAMME_KINDS }).notNull(),
    name: text('name').notNull(),
    /** The organising agency, as people name it (e.g. Diskumindag Kota Batu). */
    agency: text('agency').notNull(),
    /** Kode kegiatan/subkegiatan in the budget (Permendagri 90/2019), when there is one. */
    budgetActivityCode: text('budget_activity_code'),
    funding: text('funding', { enum: FUNDING_SOURCES }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    quota: integer('quota'),
    requiresNib: boolean('requires_nib').notNull().default(false),
    /** Scales that may join (`mikro`, `kecil` …), comma-separated; empty = any. */
    eligibleScales: text('eligible_scales').notNull().default(''),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [unique('umkm_programmes_public_id_key').on(table.cityId, table.publicId)],
)

/**
 * A business in a programme: once per programme. A withdrawal frees its place in the quota and keeps
 * its attendance and outcomes; enrolling the business again reinstates the same row.
 */
export const umkmEnrolments = pgTable(
  'umkm_enrolments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => umkmProgrammes.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    enrolledOn: date('enrolled_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    withdrawalReason: text('withdrawal_reason'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_enrolments_public_id_key').on(table.cityId, table.publicId),
    unique('umkm_enrolments_business_key').on(table.cityId, table.programmeId, table.businessId),
    check(
      'umkm_enrolments_withdrawal',
      sql`(${table.withdrawnOn} is null) = (${table.withdrawalReason} is null)`,
    ),
  ],
)

export const umkmSessions = pgTable(
  'umkm_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => umkmProgrammes.id),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [unique('umkm_sessions_public_id_key').on(table.cityId, table.publicId)],
)

/** Who came to a session: one row per enrolment present. */
export const umkmAttendance = pgTable(
  'umkm_attendance',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    sessionId: integer('session_id')
      .notNull()
      .references(() => umkmSessions.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => umkmEnrolments.id),
  },
  (table) => [unique('umkm_attendance_key').on(table.cityId, table.sessionId, table.enrolmentId)],
)

/** A participant's figures before and after the programme, for its effect. */
export const umkmEnrolmentOutcomes = pgTable(
  'umkm_enrolment_outcomes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => umkmEnrolments.id),
    stage: text('stage', { enum: OUTCOME_STAGES }).notNull(),
    asOf: date('as_of').notNull(),
    annualSalesRupiah: bigint('annual_sales_rupiah', { mode: 'number' }),
    workers: integer('workers'),
    certificates: integer('certificates'),
    sellsOnline: boolean('sells_online'),
    createdAt: createdAtColumn(),
  },
  (table) => [unique('umkm_enrolment_outcomes_stage_key').on(table.cityId, table.enrolmentId, table.stage)],
)
