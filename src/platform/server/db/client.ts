import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import { pipelineTransactions } from './pipelined-transactions.ts'

/** Both drivers speak the same PostgreSQL dialect; code only ever sees this type. */
export type Db = PgDatabase<PgQueryResultHKT>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Repositories accept either: a plain read needs no transaction. */
export type DbOrTx = Db | Tx

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  db: Db
  kind: DatabaseKind
  close(): Promise<void>
  /** Only for PGlite: the raw instance (tests dump and load data directories with it). */
  pglite?: PGlite
  /** Only for PostgreSQL: the pool, for work that needs one connection (advisory locks). */
  pool?: pg.Pool
}

export interface OpenDatabaseOptions {
  databaseUrl?: string
  dataDir?: string
  /** A PGlite data directory dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File
  poolSize?: number
  /**
   * PostgreSQL only: send repeated parameterised statements as named prepared statements (parsed
   * once per connection). On by default; turn off behind a pooler in transaction mode (PgBouncer
   * before 1.21), where a connection's statements do not follow the client.
   */
  preparedStatements?: boolean | Partial<StatementNamingLimits>
  /**
   * PostgreSQL only: told when the server closes a connection the pool holds idle (a restart, a
   * failover, an administrator's pg_terminate_backend, a pooler's idle timeout). The pool drops that
   * connection and opens another when one is needed; without a listener node-postgres would throw
   * the error and stop the whole process. Writes a line to stderr by default.
   */
  onIdleConnectionLost?: (error: Error) => void
}

function warnIdleConnectionLost(error: Error): void {
  process.stderr.write(`PostgreSQL closed an idle connection (${error.message}); the pool opens a new one.\n`)
}

/** Extensions the migrations create; PostgreSQL ships them in contrib, PGlite loads them here. */
export const PGLITE_EXTENSIONS = { pg_trgm }

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // Pipeline mode: a transaction's `begin` and last statement go out with the statement after
    // them (db/pipelined-transactions.ts), two waits fewer per write.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      pipeline: true,
    })
    pool.on('error', options.onIdleConnectionLost ?? warnIdleConnectionLost)
    const nameOf =
      options.preparedStatements !== false
        ? statementNamer(typeof options.preparedStatements === 'object' ? options.preparedStatements : {})
        : null
    pool.on('connect', (client) => {
      if (nameOf) nameStatements(client, nameOf)
      pipelineTransactions(client as unknown as Parameters<typeof pipelineTransactions>[0])
    })
    // pg returns BIGINT and NUMERIC as strings; keep them that way and convert at the edges.
    const db = drizzlePg({ client: pool }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end(), pool }
  }
  let unlock = () => {}
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true })
    unlock = lockDataDir(options.dataDir)
  }
  try {
    const client = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    })
    const db = drizzlePglite({ client }) as unknown as Db
    const close = async () => {
      await client.close()
      unlock()
    }
    return { db, kind: 'pglite', close, pglite: client }
  } catch (error) {
    unlock()
    throw error
  }
}

export interface StatementNamingLimits {
  /** A text is named once it has been sent this many times: one-off texts stay unnamed. */
  namedAfter: number
  /** At most this many names in all, so no connection prepares more than this many statements. */
  maxNames: number
  /** Texts counted towards `namedAfter` before the count starts again (a flood of one-off texts). */
  maxCounted: number
  /** Texts with more parameters (large multi-row inserts) are never named. */
  maxParameters: number
}

const NAMING_DEFAULTS: StatementNamingLimits = {
  namedAfter: 3,
  maxNames: 300,
  maxCounted: 2_000,
  maxParameters: 200,
}

/**
 * Which statement texts get a name, decided once per process, so every connection of the pool
 * prepares the same bounded set. The name is a hash of the text: one text, one name, and a name
 * never stands for two texts (node-postgres refuses that). Texts that vary — a multi-row insert
 * with as many rows as the request had — are counted, and only those seen `namedAfter` times are
 * named, up to `maxNames`; after that every new text runs unnamed, as before.
 */
export function statementNamer(limits: Partial<StatementNamingLimits> = {}) {
  const { namedAfter, maxNames, maxCounted, maxParameters } = { ...NAMING_DEFAULTS, ...limits }
  const names = new Map<string, string>()
  const counts = new Map<string, number>()
  return (text: string, parameterCount: number): string | undefined => {
    const known = names.get(text)
    if (known !== undefined) return known
    if (names.size >= maxNames || parameterCount === 0 || parameterCount > maxParameters) return undefined
    const count = (counts.get(text) ?? 0) + 1
    if (count < namedAfter) {
      if (counts.size >= maxCounted) counts.clear()
      counts.set(text, count)
      return undefined
    }
    counts.delete(text)
    const name = `sinergi_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`
    names.set(text, name)
    return name
  }
}

type QueryConfigLike = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown }

/**
 * Named prepared statements on one connection: PostgreSQL parses and plans a named statement once
 * per connection instead of on every call, which halved its CPU per bank sampah deposit. Only
 * statements with parameters are named — `begin`, `commit`, `SET`, DDL and migrations carry none,
 * so they keep the simple protocol (and may hold several commands). Errors inside a named
 * statement leave the connection usable: node-postgres forgets a statement whose parse failed.
 */
function nameStatements(client: pg.PoolClient, nameOf: ReturnType<typeof statementNamer>) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const named = (config: unknown, ...rest: unknown[]) => {
    if (config !== null && typeof config === 'object') {
      const candidate = config as QueryConfigLike
      const values = Array.isArray(rest[0]) ? rest[0] : candidate.values
      if (
        typeof candidate.text === 'string' &&
        !candidate.name &&
        candidate.submit === undefined &&
        Array.isArray(values)
      ) {
        const name = nameOf(candidate.text, values.length)
        if (name) return query({ ...candidate, name }, ...rest)
      }
    }
    return query(config, ...rest)
  }
  client.query = named as typeof client.query
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`)
}

/**
 * The error PostgreSQL raised (its SQLSTATE `code` and the `constraint` it names), whichever driver
 * raised it and however Drizzle wrapped it; undefined for an error that did not come from it.
 */
export function postgresErrorOf(error: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown }
    // A SQLSTATE is five characters; an app error's code (`nasabah.not_found`) is not one.
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code))
      return { code: candidate.code, constraint: candidate.constraint }
    current = candidate.cause
  }
  return undefined
}

/** PostgreSQL's unique_violation, whichever driver raised it and however Drizzle wrapped it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const raised = postgresErrorOf(error)
  if (raised?.code !== '23505') return false
  return constraint ? raised.constraint === constraint : true
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
