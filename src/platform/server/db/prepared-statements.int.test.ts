import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Database, openDatabase, rowsOf, statementNamer } from './client.ts'

/**
 * Named prepared statements are a PostgreSQL speed-up (db/client.ts). What must not change: the
 * answers, transactions, errors, statements without parameters (SET, DDL, several commands at
 * once), and how many statements a connection keeps.
 */
describe('statement naming limits', () => {
  it('names a text only after it recurs, never one without parameters, and stops at the cap', () => {
    const nameOf = statementNamer({ namedAfter: 3, maxNames: 2, maxParameters: 5 })
    expect(nameOf('select $1', 1)).toBeUndefined()
    expect(nameOf('select $1', 1)).toBeUndefined()
    const name = nameOf('select $1', 1)
    expect(name).toMatch(/^sinergi_[\w-]{32}$/)
    expect(nameOf('select $1', 1)).toBe(name)
    for (let i = 0; i < 3; i++) expect(nameOf('begin', 0)).toBeUndefined()
    for (let i = 0; i < 3; i++) expect(nameOf('select $1, $2, $3, $4, $5, $6', 6)).toBeUndefined()
    for (let i = 0; i < 3; i++) nameOf('select $1, $2', 2)
    expect(nameOf('select $1, $2', 2)).toBeDefined()
    // Two names in all: a third recurring text stays unnamed.
    for (let i = 0; i < 5; i++) expect(nameOf('select $1::int', 1)).toBeUndefined()
  })

  it('gives one text one name in every process, and two texts two names', () => {
    const [a, b] = [statementNamer({ namedAfter: 1 }), statementNamer({ namedAfter: 1 })]
    expect(a('select $1', 1)).toBe(b('select $1', 1))
    expect(a('select $1', 1)).not.toBe(a('select $1 ', 1))
  })
})

const postgresUrl = inject('postgresUrl')

describe.skipIf(!postgresUrl)('named prepared statements on PostgreSQL', () => {
  let database: Database
  // One connection, so what it has prepared can be read back on it.
  beforeAll(async () => {
    database = await openDatabase({
      databaseUrl: postgresUrl,
      poolSize: 1,
      preparedStatements: { namedAfter: 2, maxNames: 5 },
    })
  })
  afterAll(() => database.close())
  const prepared = async () =>
    rowsOf<{ name: string; statement: string }>(
      await database.db.execute(sql.raw(`select name, statement from pg_prepared_statements order by name`)),
    )
  const half = (value: number) => database.db.execute(sql`select 10 / ${value}::int as result`)

  it('prepares a recurring statement once on the connection and answers as before', async () => {
    const first = rowsOf<{ result: number }>(await half(2))
    const again = rowsOf<{ result: number }>(await half(5))
    expect(first).toEqual([{ result: 5 }])
    expect(again).toEqual([{ result: 2 }])
    const statements = await prepared()
    expect(statements.filter((row) => row.statement.includes('10 / $1'))).toHaveLength(1)
    // Dates and timestamps keep drizzle's text form when named.
    const dated = async () =>
      rowsOf<{ day: string }>(await database.db.execute(sql`select ${'2026-11-28'}::date as day`))
    expect(await dated()).toEqual(await dated())
    expect((await dated())[0]!.day).toBe('2026-11-28')
  })

  it('survives an error inside a named statement, in and out of a transaction', async () => {
    await expect(half(0)).rejects.toThrow()
    expect(rowsOf<{ result: number }>(await half(1))).toEqual([{ result: 10 }])
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select 10 / ${1}::int`)
        await tx.execute(sql`select 10 / ${0}::int`)
      }),
    ).rejects.toThrow()
    const inTransaction = await database.db.transaction(async (tx) =>
      rowsOf<{ result: number }>(await tx.execute(sql`select 10 / ${2}::int as result`)),
    )
    expect(inTransaction).toEqual([{ result: 5 }])
    // A statement that fails to parse is not kept: it fails the same way each time, and the
    // connection goes on.
    for (let i = 0; i < 3; i++) {
      await expect(database.db.execute(sql`select ${1}::int from no_such_table`)).rejects.toThrow(
        /no_such_table/,
      )
    }
    expect(rowsOf<{ result: number }>(await half(10))).toEqual([{ result: 1 }])
  })

  it('leaves SET, DDL and several commands in one text on the simple protocol', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = '5s'`))
      await tx.execute(
        sql.raw(
          `create temporary table scratch (id int) on commit drop; insert into scratch values (1), (2)`,
        ),
      )
      for (let i = 0; i < 3; i++) {
        const rows = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from scratch where id >= ${1}`),
        )
        expect(rows).toEqual([{ n: 2 }])
      }
    })
    expect((await prepared()).some((row) => /set local|create temporary/i.test(row.statement))).toBe(false)
  })

  it('keeps at most the cap of statements on a connection however many texts it sees', async () => {
    for (let rows = 1; rows <= 40; rows++) {
      const values = sql.join(
        Array.from({ length: rows }, (_, index) => sql`(${index})`),
        sql`, `,
      )
      await database.db.execute(sql`select count(*) from (values ${values}) as v(n)`)
      await database.db.execute(sql`select count(*) from (values ${values}) as v(n)`)
    }
    expect((await prepared()).length).toBeLessThanOrEqual(5)
  })
})
