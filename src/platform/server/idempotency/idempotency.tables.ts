import { integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { createdAtColumn } from '../db/columns.ts'

/**
 * One row per (who, which endpoint, key), written in the same transaction as the record it
 * created: a retried request finds it and gets the same answer instead of a second record.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** The service's result, which the route presents again on a replay. */
    result: jsonb('result'),
    createdAt: createdAtColumn(),
  },
  (table) => [unique('idempotency_keys_scope_key').on(table.scope, table.key)],
)
