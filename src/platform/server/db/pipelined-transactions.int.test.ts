import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Database, isUniqueViolation, openDatabase, rowsOf } from './client.ts'
import { holdUntilCommit } from './pipelined-transactions.ts'

const postgresUrl = inject('postgresUrl')

/**
 * On PostgreSQL a write transaction's `begin` goes out with its first statement, and its last
 * statement with the commit (db/pipelined-transactions.ts). The outcome must be the transaction's,
 * exactly: what fails rolls everything back with the error that caused it, and the connection
 * goes back to the pool ready for the next request.
 */
describe.skipIf(!postgresUrl)('transactions written in fewer packets', () => {
  let database: Database
  const table = `pipeline_${randomBytes(4).toString('hex')}`
  /** Packets written to PostgreSQL: each is one wait for its answer. */
  let packets = 0
  const counted = new WeakSet<object>()

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 })
    database.pool!.on('acquire', (client) => {
      if (counted.has(client)) return
      counted.add(client)
      const socket = (client as unknown as { connection: { stream: Record<string, unknown> } }).connection
        .stream as { _write: (...args: unknown[]) => unknown; _writev: (...args: unknown[]) => unknown }
      for (const method of ['_write', '_writev'] as const) {
        const original = socket[method].bind(socket)
        socket[method] = (...args: unknown[]) => {
          packets++
          return original(...args)
        }
      }
    })
    await database.db.execute(sql.raw(`create table ${table} (id int primary key)`))
  })
  afterAll(async () => {
    await database.db.execute(sql.raw(`drop table if exists ${table}`))
    await database.close()
  })

  const insert = (id: number) => sql.raw(`insert into ${table} (id) values (${id})`)
  const ids = async () =>
    rowsOf<{ id: number }>(await database.db.execute(sql.raw(`select id from ${table} order by id`))).map(
      (row) => row.id,
    )
  const truncate = () => database.db.execute(sql.raw(`truncate ${table}`))

  it('writes begin with the first statement and the last with the commit: two packets, not four', async () => {
    await truncate()
    await ids() // the pool's one connection is open and counted
    packets = 0
    await database.db.transaction(async (tx) => {
      await tx.execute(insert(1))
      holdUntilCommit(tx)
      await tx.execute(insert(2))
    })
    expect(packets).toBe(2)
    expect(await ids()).toEqual([1, 2])
  })

  it('fails the commit with the held statement’s own error and keeps nothing of the transaction', async () => {
    await truncate()
    await database.db.execute(insert(7))
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(insert(1))
      holdUntilCommit(tx)
      await tx.execute(insert(7)) // taken: fails when it reaches PostgreSQL, with the commit
    })
    const error = await failed.then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(isUniqueViolation(error)).toBe(true)
    expect(await ids()).toEqual([7])
    // The connection is back in the pool, out of any transaction.
    await database.db.transaction(async (tx) => {
      await tx.execute(insert(8))
    })
    expect(await ids()).toEqual([7, 8])
  })

  it('sends nothing for a transaction that ends before its first statement', async () => {
    await ids()
    packets = 0
    await expect(
      database.db.transaction(async () => {
        throw new Error('refused before writing')
      }),
    ).rejects.toThrow('refused before writing')
    await database.db.transaction(async () => {})
    expect(packets).toBe(0)
    expect(await ids()).toEqual(expect.any(Array))
  })

  it('drops a held statement when the transaction rolls back after it', async () => {
    await truncate()
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(insert(1))
        holdUntilCommit(tx)
        await tx.execute(insert(2))
        throw new Error('changed its mind')
      }),
    ).rejects.toThrow('changed its mind')
    expect(await ids()).toEqual([])
  })

  it('runs a one-statement transaction as begin, statement and commit in one packet', async () => {
    await truncate()
    await ids()
    packets = 0
    await database.db.transaction(async (tx) => {
      holdUntilCommit(tx)
      await tx.execute(insert(3))
    })
    expect(packets).toBe(1)
    expect(await ids()).toEqual([3])
  })
})
