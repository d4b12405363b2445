CREATE TABLE "bank_sampah_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"bank_facility_id" integer NOT NULL,
	"kind" text NOT NULL,
	"nasabah_id" integer,
	CONSTRAINT "bank_sampah_accounts_key" UNIQUE NULLS NOT DISTINCT("city_id","bank_facility_id","kind","nasabah_id")
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_deposit_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_deposit_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"journal_id" bigint NOT NULL,
	"sub_material" text NOT NULL,
	"weight_grams" bigint NOT NULL,
	"price_per_kg_rupiah" integer NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"flow_public_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_journals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_journals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"bank_facility_id" integer NOT NULL,
	"kind" text NOT NULL,
	"nasabah_id" integer,
	"occurred_on" date NOT NULL,
	"method" text,
	"note" text,
	"reverses_id" bigint,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_sampah_journals_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_nasabah" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_nasabah_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"bank_facility_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"nik" varchar(16),
	"phone" text,
	"village_code" varchar(13),
	"rt" varchar(3),
	"rw" varchar(3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_sampah_nasabah_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"journal_id" bigint NOT NULL,
	"account_id" integer NOT NULL,
	"amount_rupiah" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_prices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_prices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"bank_facility_id" integer NOT NULL,
	"sub_material" text NOT NULL,
	"price_per_kg_rupiah" integer NOT NULL,
	"effective_from" date NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_sampah_prices_key" UNIQUE("city_id","bank_facility_id","sub_material","effective_from")
);
--> statement-breakpoint
ALTER TABLE "bank_sampah_accounts" ADD CONSTRAINT "bank_sampah_accounts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_accounts" ADD CONSTRAINT "bank_sampah_accounts_nasabah_id_bank_sampah_nasabah_id_fk" FOREIGN KEY ("nasabah_id") REFERENCES "public"."bank_sampah_nasabah"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_deposit_lines" ADD CONSTRAINT "bank_sampah_deposit_lines_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_deposit_lines" ADD CONSTRAINT "bank_sampah_deposit_lines_journal_id_bank_sampah_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."bank_sampah_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_nasabah_id_bank_sampah_nasabah_id_fk" FOREIGN KEY ("nasabah_id") REFERENCES "public"."bank_sampah_nasabah"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_reverses_id_bank_sampah_journals_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."bank_sampah_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_nasabah" ADD CONSTRAINT "bank_sampah_nasabah_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_nasabah" ADD CONSTRAINT "bank_sampah_nasabah_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" ADD CONSTRAINT "bank_sampah_postings_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" ADD CONSTRAINT "bank_sampah_postings_journal_id_bank_sampah_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."bank_sampah_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" ADD CONSTRAINT "bank_sampah_postings_account_id_bank_sampah_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."bank_sampah_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_prices" ADD CONSTRAINT "bank_sampah_prices_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_prices" ADD CONSTRAINT "bank_sampah_prices_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_sampah_journals_nasabah_idx" ON "bank_sampah_journals" USING btree ("city_id","nasabah_id","id");--> statement-breakpoint
CREATE INDEX "bank_sampah_nasabah_bank_idx" ON "bank_sampah_nasabah" USING btree ("city_id","bank_facility_id");--> statement-breakpoint
CREATE INDEX "bank_sampah_postings_account_idx" ON "bank_sampah_postings" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "bank_sampah_postings_journal_idx" ON "bank_sampah_postings" USING btree ("journal_id");