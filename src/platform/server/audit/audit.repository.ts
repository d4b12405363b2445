import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import { users } from '../auth/auth.tables.ts'
import type { DbOrTx } from '../db/client.ts'
import { auditLog } from './audit.tables.ts'

export interface AuditFilter {
  cityId: number
  entityType?: string
  entityId?: string
  actorUsername?: string
  action?: string
  from?: Date
  to?: Date
  /** Rows older than this id (the cursor). */
  beforeId?: number
  limit: number
}

export async function findAuditEntries(db: DbOrTx, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.cityId, filter.cityId)]
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType))
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId))
  if (filter.actorUsername) conditions.push(eq(auditLog.actorLabel, filter.actorUsername.toLowerCase()))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from))
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to))
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId))
  return db
    .select({ entry: auditLog, actorPublicId: users.publicId })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
}
