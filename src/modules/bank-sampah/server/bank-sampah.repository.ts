import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm'
import { type DbOrTx, rowsOf, type Tx } from '../../../platform/server/db/client.ts'
import { newPublicId } from '../../../platform/server/db/columns.ts'
import { Compiled, insertPiece, runPieces, ShapeCache } from '../../../platform/server/db/compiled.ts'
import { facilityRowSql } from '../../waste/index.ts'
import type { PriceRow } from '../domain/money.ts'
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

type AccountRef = { bankFacilityId: number; kind: AccountKind; nasabahId?: number | null }

/** The ids of several accounts in one query, in the order asked, each created on first use. */
export async function accountIdsOf(
  tx: Tx,
  options: { cityId: number; accounts: AccountRef[] },
): Promise<number[]> {
  const keyOf = (ref: AccountRef) => `${ref.bankFacilityId}:${ref.kind}:${ref.nasabahId ?? ''}`
  const find = async () => {
    const query = tx
      .select({
        id: accounts.id,
        bankFacilityId: accounts.bankFacilityId,
        kind: accounts.kind,
        nasabahId: accounts.nasabahId,
      })
      .from(accounts)
      .where(
        and(
          eq(accounts.cityId, options.cityId),
          or(
            ...options.accounts.map((ref) =>
              and(
                eq(accounts.bankFacilityId, ref.bankFacilityId),
                eq(accounts.kind, ref.kind),
                ref.nasabahId ? eq(accounts.nasabahId, ref.nasabahId) : sql`${accounts.nasabahId} is null`,
              ),
            ),
          ),
        ),
      )
    return new Map((await query).map((row) => [keyOf(row), row.id]))
  }
  // Accounts almost always exist: look first, and insert (race-safe) only the missing ones.
  let found = await find()
  const missing = options.accounts.filter((ref) => !found.has(keyOf(ref)))
  if (missing.length > 0) {
    await tx
      .insert(accounts)
      .values(
        missing.map((ref) => ({
          cityId: options.cityId,
          bankFacilityId: ref.bankFacilityId,
          kind: ref.kind,
          nasabahId: ref.nasabahId ?? null,
        })),
      )
      .onConflictDoNothing()
    found = await find()
  }
  return options.accounts.map((ref) => found.get(keyOf(ref))!)
}

/**
 * Whole seconds since the epoch: both drivers hand timestamps back as text in their own format, and
 * a receipt shows minutes, so the POST's answer and a later read of it agree to the second.
 */
export function epochSeconds(column: SQL) {
  return sql`floor(extract(epoch from ${column}))::bigint`
}

/** Journal statements, compiled once per shape: how many postings and lines, which columns set. */
const journalStatements = new ShapeCache()

/**
 * A journal with its postings (and a deposit's lines) in one statement. The caller has checked
 * that the postings balance. Returns the journal's ids.
 */
export async function insertJournal(
  tx: Tx,
  options: {
    journal: typeof journals.$inferInsert
    postings: { accountId: number; amountRupiah: number }[]
    depositLines?: Omit<typeof depositLines.$inferInsert, 'cityId' | 'journalId'>[]
  },
): Promise<{ id: number; publicId: string; recordedAt: Date }> {
  const { cityId } = options.journal
  const publicId = options.journal.publicId ?? newPublicId()
  const journalId = sql`(select id from new_journal)`
  const lines = options.depositLines ?? []
  const pieces = [
    insertPiece(tx, {
      tag: 'journal',
      table: journals,
      rows: [{ ...options.journal, publicId }],
      finish: (insert) => insert.returning({ id: journals.id, createdAt: journals.createdAt } as never),
    }),
    insertPiece(tx, {
      tag: 'postings',
      table: postings,
      rows: options.postings.map((posting) => ({ cityId, ...posting })),
      extra: { journalId },
    }),
    ...(lines.length > 0
      ? [
          insertPiece(tx, {
            tag: 'lines',
            table: depositLines,
            rows: lines.map((line) => ({ cityId, ...line })),
            extra: { journalId },
          }),
        ]
      : []),
  ]
  const result = await runPieces(
    tx,
    journalStatements,
    pieces,
    ([newJournal, newPostings, newLines]) => sql`
    with new_journal as (${newJournal}),
    new_postings as (${newPostings})
    ${newLines ? sql`, new_lines as (${newLines})` : sql``}
    select id, ${epochSeconds(sql`created_at`)} as recorded_at from new_journal`,
  )
  const row = rowsOf<{ id: number | string; recorded_at: number | string }>(result)[0]!
  return { id: Number(row.id), publicId, recordedAt: new Date(Number(row.recorded_at) * 1000) }
}

export function listPrices(db: DbOrTx, bank: Bank) {
  return db
    .select()
    .from(prices)
    .where(and(eq(prices.cityId, bank.cityId), eq(prices.bankFacilityId, bank.bankFacilityId)))
    .orderBy(asc(prices.subMaterial), desc(prices.effectiveFrom))
}

/**
 * What a deposit needs to know, in one round trip: the bank (waste's facility row, by the route's
 * public id: its id, kind, induk and desa); the nasabah of this bank; the price rows of the
 * deposited sub-materials, the bank's own and its induk's (followInduk decides between them); and
 * the ids of the two accounts a deposit posts to (null until first used). Compiled once
 * (db/compiled.ts): it runs on every deposit.
 */
const depositContextStatement = (() => {
  const cityId = sql.placeholder('cityId')
  return Compiled.fromSql(sql`
    with bank as (${facilityRowSql({ cityId, publicId: sql.placeholder('bankPublicId') })})
    select bank.id as bank_id, bank.kind as bank_kind, bank.parent_id as bank_parent_id,
           bank.village_code as bank_village_code,
           n.id as nasabah_id, n.public_id as nasabah_public_id, n.name as nasabah_name,
           n.kind as nasabah_kind, n.village_code as nasabah_village_code,
           (select a.id from ${accounts} a
             where a.city_id = ${cityId} and a.bank_facility_id = bank.id
               and a.kind = 'nasabah' and a.nasabah_id = n.id) as nasabah_account_id,
           (select a.id from ${accounts} a
             where a.city_id = ${cityId} and a.bank_facility_id = bank.id
               and a.kind = 'purchases' and a.nasabah_id is null) as purchases_account_id,
           -- One text whatever the request: a unit follows its induk, the materials are one array.
           (select coalesce(json_agg(json_build_object(
                     'bankFacilityId', p.bank_facility_id, 'subMaterial', p.sub_material,
                     'pricePerKgRupiah', p.price_per_kg_rupiah, 'effectiveFrom', p.effective_from)), '[]'::json)
              from ${prices} p
             where p.city_id = ${cityId}
               and p.bank_facility_id in (bank.id, case when bank.kind = 'bank_sampah_unit' then bank.parent_id end)
               and p.sub_material = any(${sql.placeholder('subMaterials')}::text[])) as prices
      from bank
      left join ${nasabah} n
        on n.city_id = ${cityId} and n.bank_facility_id = bank.id and n.public_id = ${sql.placeholder('publicId')}`)
})()

interface DepositContextRow {
  bank_id: number
  bank_kind: string
  bank_parent_id: number | null
  bank_village_code: string | null
  nasabah_id: number | null
  nasabah_public_id: string | null
  nasabah_name: string | null
  nasabah_kind: NasabahRow['kind'] | null
  nasabah_village_code: string | null
  nasabah_account_id: number | null
  purchases_account_id: number | null
  /** json: both drivers parse it, with the integer columns as numbers. */
  prices: (PriceRow & { bankFacilityId: number })[]
}

/**
 * The deposit's context (see depositContextStatement): undefined when the city has no facility of
 * that id; `nasabah` null when the bank has no such nasabah. The caller checks the facility is a
 * bank sampah.
 */
export async function findDepositContext(
  db: DbOrTx,
  options: { cityId: number; bankPublicId: string; publicId: string; subMaterials: string[] },
) {
  const result = await depositContextStatement.run(db, {
    cityId: options.cityId,
    bankPublicId: options.bankPublicId,
    publicId: options.publicId,
    subMaterials: [...new Set(options.subMaterials)],
  })
  const row = rowsOf<DepositContextRow>(result)[0]
  if (!row) return undefined
  const bank = {
    id: Number(row.bank_id),
    kind: row.bank_kind,
    parentId: row.bank_parent_id === null ? null : Number(row.bank_parent_id),
    villageCode: row.bank_village_code,
  }
  const own = row.prices.filter((price) => price.bankFacilityId === bank.id)
  const induk = row.prices.filter((price) => price.bankFacilityId !== bank.id)
  return {
    bank,
    nasabah:
      row.nasabah_id === null
        ? null
        : {
            id: Number(row.nasabah_id),
            publicId: row.nasabah_public_id!,
            name: row.nasabah_name!,
            kind: row.nasabah_kind!,
            villageCode: row.nasabah_village_code,
          },
    prices: followInduk(own, induk),
    accountIds: {
      nasabah: row.nasabah_account_id === null ? null : Number(row.nasabah_account_id),
      purchases: row.purchases_account_id === null ? null : Number(row.purchases_account_id),
    },
  }
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
