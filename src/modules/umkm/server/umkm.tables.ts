import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core'
import { createdAtColumn, publicIdColumn } from '../../../platform/server/db/columns.ts'
import { cities, villages } from '../../../platform/server/tenancy/cities.tables.ts'
import { LICENCE_KINDS } from '../domain/licences.ts'
import { SCALES } from '../domain/scale.ts'

/** Whole rupiah; read as a JS number, exact up to Number.MAX_SAFE_INTEGER (the schemas cap it there). */
const rupiah = (name: string) => bigint(name, { mode: 'number' })

/**
 * The business (*usaha*) is the unit the registry counts: not the owner, not the NIB. The owner's
 * domicile and the business's location are kept apart (SIDT `*_pengusaha` vs `*_usaha`).
 */
export const umkmBusinesses = pgTable(
  'umkm_businesses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
    /** A 5-digit KBLI kelompok, read under `kbli_version`. */
    kbliCode: varchar('kbli_code', { length: 5 }).notNull(),
    kbliVersion: text('kbli_version').notNull().default('KBLI2020'),
    /** Nomor Induk Berusaha (OSS-RBA), 13 digits; most micro businesses have none yet. */
    nib: varchar('nib', { length: 13 }),
    ownerName: text('owner_name').notNull(),
    /** Personal data (UU 27/2022): masked for roles that do not need it. */
    ownerNik: varchar('owner_nik', { length: 16 }),
    /** Personal data (UU 27/2022): masked for roles that do not need it. */
    ownerPhone: text('owner_phone'),
    /** Where the owner lives: may be outside the city, so a Kemendagri code without a reference. */
    ownerVillageCode: varchar('owner_village_code', { length: 13 }),
    /** Where the business is: a desa/kelurahan of this city. */
    villageCode: varchar('village_code', { length: 13 }).references(() => villages.code),
    address: text('address'),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    products: text('products'),
    // Headcounts as in the SIDT layout; the disability counts may overlap the others (do not sum).
    workersPaidMale: integer('workers_paid_male').notNull().default(0),
    workersPaidFemale: integer('workers_paid_female').notNull().default(0),
    workersUnpaidMale: integer('workers_unpaid_male').notNull().default(0),
    workersUnpaidFemale: integer('workers_unpaid_female').notNull().default(0),
    workersDisabledMale: integer('workers_disabled_male').notNull().default(0),
    workersDisabledFemale: integer('workers_disabled_female').notNull().default(0),
    /** What the business or OSS/SIDT says; kept apart and never overwritten by the derived scale. */
    selfReportedScale: text('self_reported_scale', { enum: SCALES }),
    // --- SIDT fields (the 49-column national layout); all optional, as SIDT leaves many blank. ---
    /** `id_data_badan_usaha`: the record's id in SIDT, so a re-import updates instead of duplicating. */
    sidtId: text('sidt_id'),
    /** `jenis_kelamin` of the owner: L or P. */
    ownerSex: text('owner_sex', { enum: ['L', 'P'] }),
    ownerHasDisability: boolean('owner_has_disability'),
    /** Personal data (UU 27/2022): masked like the NIK. */
    ownerBirthDate: date('owner_birth_date'),
    ownerEducation: text('owner_education'),
    ownerAddress: text('owner_address'),
    ownerRt: varchar('owner_rt', { length: 3 }),
    ownerRw: varchar('owner_rw', { length: 3 }),
    /** `kegiatan_utama`: what the business does, in its own words. */
    mainActivity: text('main_activity'),
    /** `status_badan_usaha`: perorangan, CV, PT, koperasi … as SIDT writes it. */
    legalForm: text('legal_form'),
    startedYear: integer('started_year'),
    startedMonth: integer('started_month'),
    /**
     * The day the business stopped operating (tutup usaha), in the city's calendar; null while it
     * operates. A closed business stays in the registry (its history, licences, coaching) but no
     * longer counts from that day on; reopening clears it.
     */
    closedOn: date('closed_on'),
    closureReason: text('closure_reason'),
    rt: varchar('rt', { length: 3 }),
    rw: varchar('rw', { length: 3 }),
    photoUrl: text('photo_url'),
    /** When SIDT's copy was pulled and last changed, and the page it came from (`source_page`). */
    sidtPulledAt: timestamp('sidt_pulled_at', { withTimezone: true }),
    sidtUpdatedAt: timestamp('sidt_updated_at', { withTimezone: true }),
    sidtSourcePage: text('sidt_source_page'),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('umkm_businesses_public_id_key').on(table.cityId, table.publicId),
    unique('umkm_businesses_sidt_id_key').on(table.cityId, table.sidtId),
    // Name search is a substring search (ILIKE '%…%'): a trigram index serves it at 25,000 rows.
    index('umkm_businesses_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    // Unique when present: Postgres lets any number of rows have no NIB.
    unique('umkm_businesses_nib_key').on(table.cityId, table.nib),
    index('umkm_businesses_city_name_idx').on(table.cityId, table.name),
    index('umkm_businesses_city_kbli_idx').on(table.cityId, table.kbliCode),
    index('umkm_businesses_city_village_idx').on(table.cityId, table.villageCode),
  ],
)

/**
 * Dated raw figures of a business, append-only: a correction is a new record. The scale each rule
 * derives is stored next to the inputs it came from, with the rule version, so the list can filter
 * on it; the detail page derives it again from the same inputs.
 */
export const umkmBusinessFigures = pgTable(
  'umkm_business_figures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    asOf: date('as_of').notNull(),
    /** Modal usaha, not counting land and buildings (PP 7/2021 Pasal 35 ayat (3)). */
    capitalRupiah: rupiah('capital_rupiah'),
    annualSalesRupiah: rupiah('annual_sales_rupiah'),
    /** Kekayaan bersih, not counting land and buildings (UU 20/2008 Pasal 6). */
    assetsRupiah: rupiah('assets_rupiah'),
    workers: integer('workers'),
    /** Where the figures come from: a survey, the owner's statement, a coaching programme's record. */
    sourceNote: text('source_note').notNull(),
    scalePp7Capital: text('scale_pp7_capital', { enum: SCALES }),
    scalePp7Sales: text('scale_pp7_sales', { enum: SCALES }),
    scaleUu20: text('scale_uu20', { enum: SCALES }),
    scaleRuleVersion: text('scale_rule_version').notNull(),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (table) => [
    unique('umkm_business_figures_public_id_key').on(table.cityId, table.publicId),
    index('umkm_business_figures_business_idx').on(table.cityId, table.businessId, table.asOf),
  ],
)

/**
 * Licences and certificates of a business (NIB, P-IRT, halal, BPOM MD/ML, SNI, merek), each with
 * its number, issuer and dates as printed. No expiry date means it does not lapse (an NIB).
 */
export const umkmLicences = pgTable(
  'umkm_licences',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    publicId: publicIdColumn(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    businessId: integer('business_id')
      .notNull()
      .references(() => umkmBusinesses.id),
    kind: text('kind', { enum: LICENCE_KINDS }).notNull(),
    number: text('number').notNull(),
    issuer: text('issuer'),
    issuedOn: date('issued_on'),
    expiresOn: date('expires_on'),
    isSampleData: boolean('is_sample_data').notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('umkm_licences_public_id_key').on(table.cityId, table.publicId),
    // The same certificate entered twice for one business is a mistake; two businesses may share a
    // halal certificate number only if the issuer says so, so the key is per business.
    unique('umkm_licences_number_key').on(table.cityId, table.businessId, table.kind, table.number),
    index('umkm_licences_city_expiry_idx').on(table.cityId, table.expiresOn),
  ],
)
