import { bigint, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables.ts'
import { createdAtColumn } from '../db/columns.ts'
import { cities } from '../tenancy/cities.tables.ts'

/** Append-only. Written in the same transaction as the change it describes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for platform-wide events (a login, a new platform user). */
    cityId: integer('city_id').references(() => cities.id),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written, so the row still says who acted after the user is gone. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    index('audit_log_city_idx').on(table.cityId, table.id),
    index('audit_log_entity_idx').on(table.cityId, table.entityType, table.entityId),
  ],
)
