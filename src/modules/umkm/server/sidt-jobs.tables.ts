import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities } from '../../../platform/server/tenancy/cities.tables.ts'

/**
 * A SIDT import the web page polls (sidt.jobs.ts). Kept in the database, not in the memory of the
 * app server that runs it, so a poll answered by another app server (several behind a load
 * balancer, or WORKERS > 1) finds it. The server running it renews `heartbeatAt`; a job whose
 * heartbeat stopped lost its server, and its one transaction wrote nothing.
 */
export const umkmSidtJobs = pgTable(
  'umkm_sidt_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn().unique('umkm_sidt_jobs_public_id_key'),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The Idempotency-Key and body hash it started with: the same upload sent again joins it. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    phase: text('phase', { enum: ['reading', 'checking', 'writing'] }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    result: jsonb('result'),
    /** The error as raised (code, params, details, extensions), put in words when it is read. */
    error: jsonb('error'),
  },
  (table) => [
    // One import per city at a time: the second would only wait for the first's lock.
    uniqueIndex('umkm_sidt_jobs_one_running_key').on(table.cityId).where(sql`${table.status} = 'running'`),
    index('umkm_sidt_jobs_finished_idx').on(table.finishedAt),
  ],
)
