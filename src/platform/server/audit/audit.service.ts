import { type SQL, sql } from 'drizzle-orm'
import { nextDate, startOfCityDay } from '../../domain/city-time.ts'
import { assertCan } from '../access/policy.ts'
import type { ServiceContext } from '../context.ts'
import type { Tx } from '../db/client.ts'
import { asPiece, insertPiece, type Piece, runPieces, ShapeCache, toSql } from '../db/compiled.ts'
import { holdUntilCommit } from '../db/pipelined-transactions.ts'
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

type AuditRow = typeof auditLog.$inferInsert

/**
 * What a transaction has recorded but not yet written: its audit rows, and writes whose outcome
 * nothing later in the transaction reads (sendWithCommit). runWrite() opens the list when its
 * transaction begins and writes it, in one statement, just before the commit: they still commit
 * with the write they belong to or not at all, without a round trip each.
 */
interface Pending {
  rows: AuditRow[]
  statements: (SQL | Piece)[]
}
const pending = new WeakMap<Tx, Pending>()

/** For runWrite(): from now on this transaction's audit rows wait for writePendingAudit(). */
export function holdAuditUntilCommit(tx: Tx): void {
  pending.set(tx, { rows: [], statements: [] })
}

/**
 * A write that travels in the transaction's last statement (as a CTE beside the audit rows) when
 * the transaction is runWrite()'s, and runs at once otherwise. Only for a statement whose effects
 * nothing later in the transaction reads: statements in one WITH see the same snapshot, so a
 * later read would not find the rows. Its failure still fails the statement, so the commit.
 * A Piece (db/compiled.ts) lets that last statement be compiled once for its shape.
 */
export async function sendWithCommit(tx: Tx, statement: SQL | Piece): Promise<void> {
  const held = pending.get(tx)
  if (held) held.statements.push(statement)
  else await tx.execute(toSql(asPiece(statement)))
}

/** The transaction's last statements, compiled once per shape (audit rows, held writes, the result). */
const lastStatements = new ShapeCache()

/** The statements as one: all but the last as CTEs, the last as the statement itself. */
function withCtes(parts: SQL[]): SQL {
  const final = parts[parts.length - 1]!
  if (parts.length === 1) return final
  const ctes = parts
    .slice(0, -1)
    .map((statement, index) => sql`${sql.raw(`along_${index + 1}`)} as (${statement})`)
  return sql`with ${sql.join(ctes, sql`, `)} ${final}`
}

// A few hundred rows per statement keeps far below PostgreSQL's 65 535 parameters per statement.
const AUDIT_ROWS_PER_STATEMENT = 500

/**
 * Writes the held rows and statements. When the transaction has one more statement to send anyway,
 * `alongWith` is the last one and carries the others (as CTEs), so auditing and the held writes
 * cost no round trip of their own. Data-modifying CTEs all run to completion, and their AFTER
 * triggers fire at the end of the statement, as they would on their own.
 */
export async function writePendingAudit(tx: Tx, alongWith?: SQL | Piece): Promise<void> {
  const { rows, statements: held } = pending.get(tx) ?? { rows: [], statements: [] }
  pending.delete(tx)
  let start = 0
  for (; rows.length - start > AUDIT_ROWS_PER_STATEMENT; start += AUDIT_ROWS_PER_STATEMENT) {
    await tx.insert(auditLog).values(rows.slice(start, start + AUDIT_ROWS_PER_STATEMENT))
  }
  const last = rows.slice(start)
  const statements = [
    ...(last.length > 0 ? [insertPiece(tx, { tag: 'audit', table: auditLog, rows: last })] : []),
    ...held,
    ...(alongWith ? [alongWith] : []),
  ]
  if (statements.length === 0) return
  // Compiled when every part is a piece; a part built already makes the whole built as before.
  // Nothing reads what it wrote: on PostgreSQL it goes out with the commit, in one write.
  holdUntilCommit(tx)
  await runPieces(tx, lastStatements, statements.map(asPiece), withCtes)
}

/** Call inside the transaction of the write it describes: both commit or neither does. */
export async function recordAudit(tx: Tx, context: ServiceContext, entry: AuditEntry): Promise<void> {
  const row: AuditRow = {
    cityId: entry.cityId,
    actorUserId: context.actor?.userId ?? null,
    actorLabel: context.actor?.username ?? context.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: context.requestId,
  }
  const held = pending.get(tx)
  if (held) held.rows.push(row)
  else await tx.insert(auditLog).values(row)
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
