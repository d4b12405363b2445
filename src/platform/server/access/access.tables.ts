import { index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../db/columns.ts'
import { cities } from '../tenancy/cities.tables.ts'

/**
 * A role held in one city, optionally narrowed to one scope that a module owns (an agency, a
 * facility). The scope is the public id of the module's record; the module validates it.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeKind: text('scope_kind'),
    scopeId: text('scope_id'),
    grantedBy: integer('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('role_grants_public_id_key').on(table.cityId, table.publicId),
    unique('role_grants_unique_key')
      .on(table.cityId, table.userId, table.role, table.scopeKind, table.scopeId)
      .nullsNotDistinct(),
    index('role_grants_user_idx').on(table.userId),
  ],
)
