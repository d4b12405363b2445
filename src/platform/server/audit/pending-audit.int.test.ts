import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts'
import type { ServiceContext } from '../context.ts'
import type { Tx } from '../db/client.ts'
import { runWrite } from '../idempotency/run-write.ts'
import { recordAudit, sendWithCommit } from './audit.service.ts'
import { auditLog } from './audit.tables.ts'

/*
 * sendWithCommit(): a write held until the transaction's last statement, where it travels with
 * the audit rows and the Idempotency-Key's stored result. It must commit with the write it belongs
 * to or not at all, whether it comes first, last or in the middle of that statement.
 */
describe('writes held until the commit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const entriesOf = async (entityId: string) =>
    (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).map(
      (row) => row.action,
    )
  const held = (tx: Tx, entityId: string, action = 'held.written') =>
    tx.insert(auditLog).values({ actorLabel: 'test', action, entityType: 'test', entityId }).getSQL()
  const work = (
    context: ServiceContext,
    entityId: string,
    statements: (tx: Tx) => ReturnType<typeof held>[],
  ) =>
    runWrite(context, async (tx) => {
      for (const statement of statements(tx)) await sendWithCommit(tx, statement)
      await recordAudit(tx, context, { cityId: null, action: 'write.recorded', entityType: 'test', entityId })
      return { entityId }
    })

  it('writes held statements with the audit rows, in one transaction', async () => {
    await work(t.system, 'two-held', (tx) => [held(tx, 'two-held'), held(tx, 'two-held', 'held.second')])
    expect((await entriesOf('two-held')).sort()).toEqual(['held.second', 'held.written', 'write.recorded'])
  })

  it('rolls the whole write back when a held statement fails', async () => {
    await expect(
      work(t.system, 'held-fails', (tx) => [
        held(tx, 'held-fails'),
        // action is NOT NULL: this one fails only when the commit's statement runs.
        sql`insert into audit_log (actor_label, action, entity_type) values ('test', null, 'test')`,
      ]),
    ).rejects.toThrow()
    expect(await entriesOf('held-fails')).toEqual([])
  })

  it("sends held statements with the Idempotency-Key's result, once for a retried key", async () => {
    const context: ServiceContext = {
      ...t.system,
      idempotency: { scope: 'test:held', key: 'held-once', requestHash: 'same-body' },
    }
    const first = await work(context, 'held-keyed', (tx) => [held(tx, 'held-keyed')])
    const again = await work(context, 'held-keyed', (tx) => [held(tx, 'held-keyed')])
    expect(again).toEqual(first)
    expect((await entriesOf('held-keyed')).sort()).toEqual(['held.written', 'write.recorded'])
  })

  it('runs a held statement at once outside runWrite', async () => {
    await t.database.db.transaction(async (tx) => {
      await sendWithCommit(tx, held(tx, 'not-held'))
      const [row] = await tx.select().from(auditLog).where(eq(auditLog.entityId, 'not-held'))
      expect(row?.action).toBe('held.written')
    })
  })
})
