import { nextDate, startOfCityDay } from '../../domain/city-time.ts'
import { assertCan } from '../access/policy.ts'
import type { ServiceContext } from '../context.ts'
import type { Tx } from '../db/client.ts'
import { AppError } from '../errors.ts'
import type { CityRef } from '../module.ts'
import { findAuditEntries } from './audit.repository.ts'
import { auditLog } from './audit.tables.ts'

export interface AuditEntry {
  cityId: number | null
  action: string
  entityType: string
  entityId: string | null
  before?: unknown
  after?: unknown
}

// Never let a secret reach the audit log, whatever a service passes in.
const SECRET_KEYS = new Set(['password', 'passwordHash', 'token', 'tokenHash', 'csrfToken', 'pin', 'pinHash'])

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(redact)
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEYS.has(key))
        .map(([key, inner]) => [key, redact(inner)]),
    )
  }
  return value
}

/** Call inside the transaction of the write it describes: both commit or neither does. */
export async function recordAudit(tx: Tx, context: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    cityId: entry.cityId,
    actorUserId: context.actor?.userId ?? null,
    actorLabel: context.actor?.username ?? context.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: context.requestId,
  })
}

export interface AuditQuery {
  city: CityRef
  entity?: string
  entityId?: string
  actor?: string
  action?: string
  /** Calendar days in the city's time zone, both inclusive. */
  from?: string
  to?: string
  cursor?: string
  limit: number
}

export async function listAuditEntries(context: ServiceContext, query: AuditQuery) {
  const { city } = query
  assertCan(context.access, { actor: context.actor!, cityId: city.id, permission: 'audit:read' })
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('validation.failed', {
      details: [{ field: '/querystring/to', code: 'validation.invalid' }],
    })
  }
  const rows = await findAuditEntries(context.database.db, {
    cityId: city.id,
    entityType: query.entity,
    entityId: query.entityId,
    actorUsername: query.actor,
    action: query.action,
    from: query.from ? startOfCityDay(query.from, city.timezone) : undefined,
    to: query.to ? startOfCityDay(nextDate(query.to), city.timezone) : undefined,
    beforeId: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit + 1,
  })
  const page = rows.slice(0, query.limit)
  return {
    rows: page,
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.entry.id) : null,
  }
}
