import { eq, sql } from 'drizzle-orm'
import { integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../../test/support/test-app.ts'
import type { Database } from './client.ts'
import { rowsOf } from './client.ts'
import { publicIdColumn } from './columns.ts'
import { Compiled, compiledQuery, insertPiece, runPieces, ShapeCache, toSql } from './compiled.ts'

/*
 * Compiled statements (compiled.ts) must answer exactly as the builder they replace, on either
 * driver, on the db and inside transactions: same rows, same mapping, NULL for null (not jsonb
 * 'null'), defaults for unset columns and a fresh generated value on every call.
 */
const things = pgTable('compiled_test_things', {
  id: serial('id').primaryKey(),
  publicId: publicIdColumn(),
  name: text('name').notNull(),
  size: integer('size').default(7),
  data: jsonb('data'),
})

describe('compiled statements', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
    await database.db.execute(
      sql.raw(`create table compiled_test_things (id serial primary key, public_id text not null,
        name text not null, size integer default 7, data jsonb)`),
    )
  })
  afterAll(() => database.close())

  const byName = compiledQuery((db) =>
    db
      .select({ thing: { id: things.id, name: things.name }, data: things.data })
      .from(things)
      .where(eq(things.name, sql.placeholder('name')))
      .orderBy(things.id)
      .prepare(''),
  )
  const insertThings = (rows: Record<string, unknown>[]) =>
    database.db.transaction(async (tx) => {
      const piece = insertPiece(tx, {
        tag: 'things',
        table: things,
        rows,
        finish: (insert) => insert.returning({ publicId: things.publicId } as never),
      })
      return {
        piece,
        result: rowsOf<{ public_id: string }>(await runPieces(tx, cache, [piece], ([part]) => part!)),
      }
    })
  const cache = new ShapeCache()

  it('inserts as the builder would, in a transaction, and reads back with the same mapping', async () => {
    const first = await insertThings([
      { name: 'a', data: { x: 1 } },
      { name: 'a', data: null, size: undefined },
    ])
    const second = await insertThings([
      { name: 'a', data: { x: 2 } },
      { name: 'a', data: null },
    ])
    expect(first.piece.shape).toBe(second.piece.shape)
    // Generated per call, never compiled into the text.
    const ids = [...first.result, ...second.result].map((row) => row.public_id)
    expect(new Set(ids).size).toBe(4)
    const viaCompiled = await byName(database.db, { name: 'a' })
    const viaBuilder = await database.db
      .select({ thing: { id: things.id, name: things.name }, data: things.data })
      .from(things)
      .where(eq(things.name, 'a'))
      .orderBy(things.id)
    expect(viaCompiled).toEqual(viaBuilder)
    expect(viaCompiled.map((row) => row.data)).toEqual([{ x: 1 }, null, { x: 2 }, null])
    const stored = rowsOf<{ size: number; is_null: boolean }>(
      await database.db.execute(
        sql`select size, data is null as is_null from compiled_test_things where name = 'a' order by id`,
      ),
    )
    expect(stored).toEqual([
      { size: 7, is_null: false },
      { size: 7, is_null: true },
      { size: 7, is_null: false },
      { size: 7, is_null: true },
    ])
    // Inside a transaction too.
    const inTx = await database.db.transaction((tx) => byName(tx, { name: 'a' }))
    expect(inTx).toEqual(viaBuilder)
  })

  it('gives a set column its own shape, and builds the same statement with the values', async () => {
    const sized = await insertThings([{ name: 'b', size: 3 }])
    const unsized = await insertThings([{ name: 'b' }])
    expect(sized.piece.shape).not.toBe(unsized.piece.shape)
    const rows = rowsOf<{ size: number }>(
      await database.db.execute(sql`select size from compiled_test_things where name = 'b' order by id`),
    )
    expect(rows).toEqual([{ size: 3 }, { size: 7 }])
    const built = database.db.transaction(async (tx) =>
      tx.execute(
        toSql(insertPiece(tx, { tag: 'things', table: things, rows: [{ name: 'c', data: { y: 1 } }] })),
      ),
    )
    await built
    expect(await byName(database.db, { name: 'c' })).toMatchObject([{ data: { y: 1 } }])
  })

  it('refuses a missing value, and builds as before past its limit', async () => {
    const statement = Compiled.fromSql(sql`select ${sql.placeholder('n')}::int as n`)
    await expect(statement.run(database.db, {})).rejects.toThrow(/No value for placeholder "n"/)
    expect(rowsOf(await statement.run(database.db, { n: 4 }))).toEqual([{ n: 4 }])
    const full = new ShapeCache(0)
    const piece = {
      shape: 'n',
      values: { n: 5 },
      build: (slot: (name: string) => unknown) => sql`select ${slot('n')}::int as n`,
    }
    expect(full.get('n', () => piece.build(() => 0))).toBeNull()
    expect(rowsOf(await runPieces(database.db, full, [piece], ([part]) => part!))).toEqual([{ n: 5 }])
  })
})
