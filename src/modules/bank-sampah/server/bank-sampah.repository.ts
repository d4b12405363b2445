import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { followInduk } from '../domain/price-list.ts'
import { accounts, depositLines, journals, nasabah, postings, prices } from './bank-sampah.tables.ts'

export type NasabahRow = typeof nasabah.$inferSelect
export type JournalRow = typeof journals.$inferSelect
type AccountKind = (typeof accounts.$inferSelect)['kind']

interface Bank {
  cityId: number
  bankFacilityId: number
}

export async function insertNasabah(db: DbOrTx, values: typeof nasabah.$inferInsert): Promise<NasabahRow> {
  const [row] = await db.insert(nasabah).values(values).returning()
  return row!
}

export function listNasabah(db: DbOrTx, bank: Bank & { limit: number; offset: number }) {
  return db
    .select()
    .from(nasabah)
    .where(and(eq(nasabah.cityId, bank.cityId), eq(nasabah.bankFacilityId, bank.bankFacilityId)))
    .orderBy(asc(nasabah.id))
    .limit(bank.limit)
    .offset(bank.offset)
}

export async function findNasabah(db: DbOrTx, bank: Bank & { publicId: string }) {
  const [row] = await db
    .select()
    .from(nasabah)
    .where(
      and(
        eq(nasabah.cityId, bank.cityId),
        eq(nasabah.bankFacilityId, bank.bankFacilityId),
        eq(nasabah.publicId, bank.publicId),
      ),
    )
  return row
}

/** The account, created on first use; `lock` holds it until the transaction ends. */
export async function accountOf(
  tx: Tx,
  bank: Bank & { kind: AccountKind; nasabahId?: number; lock?: boolean },
): Promise<number> {
  const where = and(
    eq(accounts.cityId, bank.cityId),
    eq(accounts.bankFacilityId, bank.bankFacilityId),
    eq(accounts.kind, bank.kind),
    bank.nasabahId ? eq(accounts.nasabahId, bank.nasabahId) : sql`${accounts.nasabahId} is null`,
  )
  const find = async () => {
    const query = tx.select({ id: accounts.id }).from(accounts).where(where)
    const [row] = bank.lock ? await query.for('update') : await query
    return row?.id
  }
  // Accounts almost always exist: look first, and insert (race-safe) only when missing.
  const existing = await find()
  if (existing !== undefined) return existing
  await tx
    .insert(accounts)
    .values({
      cityId: bank.cityId,
      bankFacilityId: bank.bankFacilityId,
      kind: bank.kind,
      nasabahId: bank.nasabahId ?? null,
    })
    .onConflictDoNothing()
  return (await find())!
}

/** A balance is the sum of its postings, never a stored figure. */
export async function sumPostings(
  db: DbOrTx,
  options: { cityId: number; accountId: number },
): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${postings.amountRupiah}), 0)` })
    .from(postings)
    .where(and(eq(postings.cityId, options.cityId), eq(postings.accountId, options.accountId)))
  return Number(row?.total ?? 0)
}

export async function nasabahAccountId(db: DbOrTx, bank: Bank & { nasabahId: number }) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.cityId, bank.cityId),
        eq(accounts.bankFacilityId, bank.bankFacilityId),
        eq(accounts.kind, 'nasabah'),
        eq(accounts.nasabahId, bank.nasabahId),
      ),
    )
  return row?.id ?? null
}

export async function insertJournal(
  tx: Tx,
  options: { journal: typeof journals.$inferInsert; postings: { accountId: number; amountRupiah: number }[] },
): Promise<JournalRow> {
  const [journal] = await tx.insert(journals).values(options.journal).returning()
  await tx.insert(postings).values(
    options.postings.map((posting) => ({
      cityId: options.journal.cityId,
      journalId: journal!.id,
      ...posting,
    })),
  )
  return journal!
}

export async function insertDepositLines(tx: Tx, rows: (typeof depositLines.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(depositLines).values(rows)
}

export function listPrices(db: DbOrTx, bank: Bank) {
  return db
    .select()
    .from(prices)
    .where(and(eq(prices.cityId, bank.cityId), eq(prices.bankFacilityId, bank.bankFacilityId)))
    .orderBy(asc(prices.subMaterial), desc(prices.effectiveFrom))
}

/** The prices a bank deposits at: its own, and its induk's for whatever it does not price itself. */
export async function listEffectivePrices(db: DbOrTx, bank: Bank & { parentFacilityId: number | null }) {
  const own = await listPrices(db, bank)
  if (bank.parentFacilityId === null) return followInduk(own, [])
  const induk = await listPrices(db, { cityId: bank.cityId, bankFacilityId: bank.parentFacilityId })
  return followInduk(own, induk)
}

export async function upsertPrice(db: DbOrTx, values: typeof prices.$inferInsert) {
  const [row] = await db
    .insert(prices)
    .values(values)
    .onConflictDoUpdate({
      target: [prices.cityId, prices.bankFacilityId, prices.subMaterial, prices.effectiveFrom],
      set: { pricePerKgRupiah: values.pricePerKgRupiah, recordedBy: values.recordedBy },
    })
    .returning()
  return row!
}

/** The nasabah's journals with their signed effect on the savings, oldest first. */
export async function statementOf(db: DbOrTx, options: { cityId: number; accountId: number }) {
  return db
    .select({ journal: journals, amountRupiah: postings.amountRupiah })
    .from(postings)
    .innerJoin(journals, eq(journals.id, postings.journalId))
    .where(and(eq(postings.cityId, options.cityId), eq(postings.accountId, options.accountId)))
    .orderBy(asc(journals.id))
}

export function linesOf(db: DbOrTx, options: { cityId: number; journalId: number }) {
  return db
    .select()
    .from(depositLines)
    .where(and(eq(depositLines.cityId, options.cityId), eq(depositLines.journalId, options.journalId)))
    .orderBy(asc(depositLines.id))
}

/** Journals whose postings do not sum to zero: always empty, checked by a test over the whole table. */
export async function unbalancedJournals(db: DbOrTx): Promise<number[]> {
  const result = await db.execute(
    sql`select journal_id from bank_sampah_postings group by journal_id having sum(amount_rupiah) <> 0`,
  )
  return (result as unknown as { rows: { journal_id: number }[] }).rows.map((row) => Number(row.journal_id))
}
