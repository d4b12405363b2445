import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../platform/server/db/client.ts'
import { rowsOf } from '../../../platform/server/db/client.ts'
import type { StockRow } from '../domain/stock.ts'
import { epochSeconds } from './bank-sampah.repository.ts'
import { accounts, depositLines, journals, postings, saleLines } from './bank-sampah.tables.ts'

/** Reads of the ledgers for sales, transfers, reversals and reports. Writes live in bank-sampah.repository.ts. */
interface Bank {
  cityId: number
  bankFacilityId: number
}

/**
 * Stock per sub-material at a bank: what its deposits brought in (unless reversed), less what it
 * sold or transferred, plus what its units transferred to it. Each of these lines wrote exactly one
 * waste flow ledger entry, so this is that ledger's in − out for the bank, per sub-material.
 */
export async function stockBySubMaterial(db: DbOrTx, bank: Bank): Promise<StockRow[]> {
  const { cityId, bankFacilityId } = bank
  const result = await db.execute(sql`
    select sub_material, sum(grams)::bigint as grams from (
      select l.sub_material, l.weight_grams as grams
        from bank_sampah_deposit_lines l join bank_sampah_journals j on j.id = l.journal_id
       where j.city_id = ${cityId} and j.bank_facility_id = ${bankFacilityId} and j.kind = 'deposit'
         and not exists (select 1 from bank_sampah_journals r
                          where r.city_id = ${cityId} and r.reverses_id = j.id)
      union all
      select s.sub_material, -s.weight_grams
        from bank_sampah_sale_lines s join bank_sampah_journals j on j.id = s.journal_id
       where j.city_id = ${cityId} and j.bank_facility_id = ${bankFacilityId}
         and j.kind in ('sale', 'transfer')
      union all
      select s.sub_material, s.weight_grams
        from bank_sampah_sale_lines s join bank_sampah_journals j on j.id = s.journal_id
       where j.city_id = ${cityId} and j.counterpart_facility_id = ${bankFacilityId} and j.kind = 'transfer'
    ) movements
    group by sub_material
    order by sub_material`)
  return rowsOf<{ sub_material: string; grams: string | number }>(result).map((row) => ({
    subMaterial: row.sub_material,
    grams: Number(row.grams),
  }))
}

export interface DepositReceiptRow {
  publicId: string
  occurredOn: string
  recordedAt: Date
  nasabahId: number
  nasabahPublicId: string
  nasabahName: string
  teller: string | null
  lines: { subMaterial: string; weightGrams: number; pricePerKgRupiah: number; amountRupiah: number }[]
  reversal: { id: string; date: string } | null
}

/**
 * A deposit of this bank as its receipt shows it, in one query: the lines with the prices copied on
 * them, the nasabah, who recorded it and when, and its reversal if there is one.
 */
export async function findDepositReceipt(
  db: DbOrTx,
  bank: Bank & { publicId: string },
): Promise<DepositReceiptRow | undefined> {
  const result = await db.execute(sql`
    select j.public_id, j.occurred_on::text as occurred_on, ${epochSeconds(sql`j.created_at`)} as recorded_at,
           n.id as nasabah_id, n.public_id as nasabah_public_id, n.name as nasabah_name,
           u.display_name as teller,
           (select coalesce(json_agg(json_build_object(
                     'subMaterial', l.sub_material, 'weightGrams', l.weight_grams,
                     'pricePerKgRupiah', l.price_per_kg_rupiah, 'amountRupiah', l.amount_rupiah)
                     order by l.id), '[]'::json)
              from bank_sampah_deposit_lines l
             where l.city_id = j.city_id and l.journal_id = j.id) as lines,
           (select json_build_object('id', r.public_id, 'date', r.occurred_on)
              from bank_sampah_journals r
             where r.city_id = j.city_id and r.reverses_id = j.id) as reversal
      from bank_sampah_journals j
      join bank_sampah_nasabah n on n.id = j.nasabah_id
      left join users u on u.id = j.recorded_by
     where j.city_id = ${bank.cityId} and j.bank_facility_id = ${bank.bankFacilityId}
       and j.public_id = ${bank.publicId} and j.kind = 'deposit'`)
  const row = rowsOf<{
    public_id: string
    occurred_on: string
    recorded_at: number | string
    nasabah_id: number
    nasabah_public_id: string
    nasabah_name: string
    teller: string | null
    lines: string | DepositReceiptRow['lines']
    reversal: string | DepositReceiptRow['reversal']
  }>(result)[0]
  if (!row) return undefined
  // PGlite may hand json back as text.
  const json = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value)
  return {
    publicId: row.public_id,
    occurredOn: row.occurred_on,
    recordedAt: new Date(Number(row.recorded_at) * 1000),
    nasabahId: Number(row.nasabah_id),
    nasabahPublicId: row.nasabah_public_id,
    nasabahName: row.nasabah_name,
    teller: row.teller,
    lines: json(row.lines).map((line) => ({
      subMaterial: line.subMaterial,
      weightGrams: Number(line.weightGrams),
      pricePerKgRupiah: Number(line.pricePerKgRupiah),
      amountRupiah: Number(line.amountRupiah),
    })),
    reversal: row.reversal === null ? null : json(row.reversal),
  }
}

export async function insertSaleLines(tx: Tx, rows: (typeof saleLines.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(saleLines).values(rows)
}

export async function findJournal(db: DbOrTx, bank: Bank & { publicId: string }) {
  const [row] = await db
    .select()
    .from(journals)
    .where(
      and(
        eq(journals.cityId, bank.cityId),
        eq(journals.bankFacilityId, bank.bankFacilityId),
        eq(journals.publicId, bank.publicId),
      ),
    )
  return row
}

export async function findReversalOf(db: DbOrTx, options: { cityId: number; journalId: number }) {
  const [row] = await db
    .select({ publicId: journals.publicId })
    .from(journals)
    .where(and(eq(journals.cityId, options.cityId), eq(journals.reversesId, options.journalId)))
  return row
}

export function postingsOf(db: DbOrTx, options: { cityId: number; journalId: number }) {
  return db
    .select({ accountId: postings.accountId, amountRupiah: postings.amountRupiah, kind: accounts.kind })
    .from(postings)
    .innerJoin(accounts, eq(accounts.id, postings.accountId))
    .where(and(eq(postings.cityId, options.cityId), eq(postings.journalId, options.journalId)))
    .orderBy(asc(postings.id))
}

export function depositLinesOf(db: DbOrTx, options: { cityId: number; journalId: number }) {
  return db
    .select()
    .from(depositLines)
    .where(and(eq(depositLines.cityId, options.cityId), eq(depositLines.journalId, options.journalId)))
    .orderBy(asc(depositLines.id))
}

/** Deposits of a month by sub-material, reversed ones left out. */
export async function monthDepositsByMaterial(db: DbOrTx, bank: Bank & { from: string; to: string }) {
  const result = await db.execute(sql`
    select l.sub_material, sum(l.weight_grams)::bigint as grams, sum(l.amount_rupiah)::bigint as rupiah
      from bank_sampah_deposit_lines l join bank_sampah_journals j on j.id = l.journal_id
     where ${depositsOfMonth(bank)}
     group by l.sub_material order by l.sub_material`)
  return rowsOf<{ sub_material: string; grams: string; rupiah: string }>(result).map((row) => ({
    subMaterial: row.sub_material,
    weightGrams: Number(row.grams),
    amountRupiah: Number(row.rupiah),
  }))
}

/** Deposits of a month by the nasabah's RW and RT, with how many nasabah deposited there. */
export async function monthDepositsByRtRw(db: DbOrTx, bank: Bank & { from: string; to: string }) {
  const result = await db.execute(sql`
    select n.rw, n.rt, count(distinct n.id)::int as nasabah,
           sum(l.weight_grams)::bigint as grams, sum(l.amount_rupiah)::bigint as rupiah
      from bank_sampah_deposit_lines l join bank_sampah_journals j on j.id = l.journal_id
      join bank_sampah_nasabah n on n.id = j.nasabah_id
     where ${depositsOfMonth(bank)}
     group by n.rw, n.rt order by n.rw nulls last, n.rt nulls last`)
  return rowsOf<{ rw: string | null; rt: string | null; nasabah: number; grams: string; rupiah: string }>(
    result,
  ).map((row) => ({
    rw: row.rw,
    rt: row.rt,
    nasabah: Number(row.nasabah),
    weightGrams: Number(row.grams),
    amountRupiah: Number(row.rupiah),
  }))
}

export async function monthActiveNasabah(db: DbOrTx, bank: Bank & { from: string; to: string }) {
  const result = await db.execute(sql`
    select count(distinct j.nasabah_id)::int as active from bank_sampah_journals j
     where ${depositsOfMonth(bank)}`)
  return Number(rowsOf<{ active: number }>(result)[0]?.active ?? 0)
}

function depositsOfMonth(bank: Bank & { from: string; to: string }) {
  return sql`j.city_id = ${bank.cityId} and j.bank_facility_id = ${bank.bankFacilityId}
       and j.kind = 'deposit' and j.occurred_on between ${bank.from} and ${bank.to}
       and not exists (select 1 from bank_sampah_journals r
                        where r.city_id = ${bank.cityId} and r.reverses_id = j.id)`
}

/** The sum of the bank's cash account: what its sales brought in less what it paid out. */
export async function cashPosition(db: DbOrTx, bank: Bank): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${postings.amountRupiah}), 0)` })
    .from(postings)
    .innerJoin(accounts, eq(accounts.id, postings.accountId))
    .where(
      and(
        eq(accounts.cityId, bank.cityId),
        eq(accounts.bankFacilityId, bank.bankFacilityId),
        eq(accounts.kind, 'cash'),
      ),
    )
  return Number(row?.total ?? 0)
}
