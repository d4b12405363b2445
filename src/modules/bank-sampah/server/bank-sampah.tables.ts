import {
  type AnyPgColumn,
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { users } from '../../../platform/server/auth/auth.tables.ts'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities, villages } from '../../../platform/server/tenancy/cities.tables.ts'

/**
 * The bank itself is a facility of the waste module (a bank sampah unit or induk); these tables
 * refer to it by its internal id, which the service resolves through the waste module's index.
 */
export const nasabah = pgTable(
  'bank_sampah_nasabah',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    bankFacilityId: integer('bank_facility_id').notNull(),
    kind: text('kind', { enum: ['person', 'household', 'school', 'group'] }).notNull(),
    name: text('name').notNull(),
    /** Personal data (UU 27/2022): shown to tellers, masked for everyone else. */
    nik: varchar('nik', { length: 16 }),
    phone: text('phone'),
    villageCode: varchar('village_code', { length: 13 }).references(() => villages.code),
    rt: varchar('rt', { length: 3 }),
    rw: varchar('rw', { length: 3 }),
    /** argon2id of the 6-digit PIN for self-service; null until a teller sets one. */
    pinHash: text('pin_hash'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('bank_sampah_nasabah_public_id_key').on(table.cityId, table.publicId),
    index('bank_sampah_nasabah_bank_idx').on(table.cityId, table.bankFacilityId),
  ],
)

/** Effective-dated buying prices per bank and recyclable sub-type. */
export const prices = pgTable(
  'bank_sampah_prices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    bankFacilityId: integer('bank_facility_id').notNull(),
    subMaterial: text('sub_material').notNull(),
    pricePerKgRupiah: integer('price_per_kg_rupiah').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('bank_sampah_prices_key').on(
      table.cityId,
      table.bankFacilityId,
      table.subMaterial,
      table.effectiveFrom,
    ),
  ],
)

/** One account per nasabah, and the bank's own: cash, purchases (waste bought), sales. */
export const accounts = pgTable(
  'bank_sampah_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    bankFacilityId: integer('bank_facility_id').notNull(),
    kind: text('kind', { enum: ['nasabah', 'cash', 'purchases', 'sales'] }).notNull(),
    nasabahId: integer('nasabah_id').references(() => nasabah.id),
  },
  (table) => [
    unique('bank_sampah_accounts_key')
      .on(table.cityId, table.bankFacilityId, table.kind, table.nasabahId)
      .nullsNotDistinct(),
    // What a posting's composite key refers to: an account of the posting's own city.
    unique('bank_sampah_accounts_city_id_key').on(table.cityId, table.id),
  ],
)

export const JOURNAL_KINDS = ['deposit', 'withdrawal', 'sale', 'transfer', 'reversal'] as const

/** One business event; its postings sum to zero. Never changed: a correction is a reversal. */
export const journals = pgTable(
  'bank_sampah_journals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    bankFacilityId: integer('bank_facility_id').notNull(),
    kind: text('kind', { enum: JOURNAL_KINDS }).notNull(),
    nasabahId: integer('nasabah_id').references(() => nasabah.id),
    occurredOn: date('occurred_on').notNull(),
    method: text('method', { enum: ['cash', 'transfer'] }),
    note: text('note'),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => journals.id),
    /** A transfer: the induk that received it. */
    counterpartFacilityId: integer('counterpart_facility_id'),
    /** A sale: the pengepul (offtaker) who bought it. */
    buyerName: text('buyer_name'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('bank_sampah_journals_public_id_key').on(table.cityId, table.publicId),
    index('bank_sampah_journals_nasabah_idx').on(table.cityId, table.nasabahId, table.id),
    index('bank_sampah_journals_bank_idx').on(table.cityId, table.bankFacilityId, table.occurredOn),
    // A journal is reversed at most once.
    unique('bank_sampah_journals_reverses_key').on(table.cityId, table.reversesId),
    // What its postings' and lines' composite keys refer to: a journal of their own city.
    unique('bank_sampah_journals_city_id_key').on(table.cityId, table.id),
  ],
)

/**
 * A posting's journal and account are of its own city, and PostgreSQL checks it: the keys are
 * (city, journal) and (city, account), not the ids alone. The city itself needs no key of its own
 * here: the journal's row already refers to it.
 */
export const postings = pgTable(
  'bank_sampah_postings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id').notNull(),
    journalId: bigint('journal_id', { mode: 'number' }).notNull(),
    accountId: integer('account_id').notNull(),
    /** Signed whole rupiah: positive debit, negative credit. */
    amountRupiah: bigint('amount_rupiah', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('bank_sampah_postings_account_idx').on(table.accountId),
    index('bank_sampah_postings_journal_idx').on(table.journalId),
    foreignKey({
      name: 'bank_sampah_postings_journal_fk',
      columns: [table.cityId, table.journalId],
      foreignColumns: [journals.cityId, journals.id],
    }),
    foreignKey({
      name: 'bank_sampah_postings_account_fk',
      columns: [table.cityId, table.accountId],
      foreignColumns: [accounts.cityId, accounts.id],
    }),
  ],
)

/** What a deposit was made of, with the price it used copied onto the line. */
export const depositLines = pgTable(
  'bank_sampah_deposit_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id').notNull(),
    journalId: bigint('journal_id', { mode: 'number' }).notNull(),
    subMaterial: text('sub_material').notNull(),
    weightGrams: bigint('weight_grams', { mode: 'number' }).notNull(),
    pricePerKgRupiah: integer('price_per_kg_rupiah').notNull(),
    amountRupiah: bigint('amount_rupiah', { mode: 'number' }).notNull(),
    /** The waste flow ledger entry this line wrote (source → this bank). */
    flowPublicId: text('flow_public_id').notNull(),
  },
  (table) => [
    index('bank_sampah_deposit_lines_journal_idx').on(table.journalId),
    // A line's journal is of its own city (as a posting's).
    foreignKey({
      name: 'bank_sampah_deposit_lines_journal_fk',
      columns: [table.cityId, table.journalId],
      foreignColumns: [journals.cityId, journals.id],
    }),
  ],
)

/** What a sale to a pengepul or a transfer to the induk was made of, at the agreed price. */
export const saleLines = pgTable(
  'bank_sampah_sale_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id').notNull(),
    journalId: bigint('journal_id', { mode: 'number' }).notNull(),
    subMaterial: text('sub_material').notNull(),
    weightGrams: bigint('weight_grams', { mode: 'number' }).notNull(),
    pricePerKgRupiah: integer('price_per_kg_rupiah').notNull(),
    amountRupiah: bigint('amount_rupiah', { mode: 'number' }).notNull(),
    /** The waste flow ledger entry this line wrote (bank → pengepul, or unit → induk). */
    flowPublicId: text('flow_public_id').notNull(),
  },
  (table) => [
    index('bank_sampah_sale_lines_journal_idx').on(table.journalId),
    foreignKey({
      name: 'bank_sampah_sale_lines_journal_fk',
      columns: [table.cityId, table.journalId],
      foreignColumns: [journals.cityId, journals.id],
    }),
  ],
)
