import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Database, openDatabase, rowsOf } from './client.ts'

const postgresUrl = inject('postgresUrl')

/**
 * PostgreSQL may close a connection the pool holds idle: a restart, a failover, an administrator,
 * a pooler's idle timeout. The app must note it and go on, not stop (node-postgres throws an
 * `error` event nobody listens to, which ends the process and every teller's session with it).
 */
describe.skipIf(!postgresUrl)('a connection PostgreSQL closes while idle', () => {
  let database: Database
  const lost: Error[] = []
  beforeAll(async () => {
    database = await openDatabase({
      databaseUrl: postgresUrl,
      poolSize: 2,
      onIdleConnectionLost: (error) => lost.push(error),
    })
  })
  afterAll(() => database.close())

  it('is reported, dropped from the pool, and the next query runs on a new one', async () => {
    const pidOf = async () =>
      rowsOf<{ pid: number }>(await database.db.execute(sql`select pg_backend_pid() as pid`))[0]!.pid
    const before = await pidOf()
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    try {
      await admin.query('select pg_terminate_backend($1)', [before])
    } finally {
      await admin.end()
    }
    await expect.poll(() => lost.length).toBe(1)
    expect(lost[0]!.message).toMatch(/terminat/i)
    const after = await pidOf()
    expect(after).not.toBe(before)
    expect(rowsOf<{ n: number }>(await database.db.execute(sql`select ${41}::int + 1 as n`))).toEqual([
      { n: 42 },
    ])
  })
})
