import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'

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
}

/** Extensions the migrations create; PostgreSQL ships them in contrib, PGlite loads them here. */
export const PGLITE_EXTENSIONS = { pg_trgm }

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 })
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

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`)
}

/** PostgreSQL's unique_violation, whichever driver raised it and however Drizzle wrapped it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: string; constraint?: string; cause?: unknown }
    if (candidate.code === '23505') return constraint ? candidate.constraint === constraint : true
    current = candidate.cause
  }
  return false
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
