CREATE TABLE "bank_sampah_sale_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_sampah_sale_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"journal_id" bigint NOT NULL,
	"sub_material" text NOT NULL,
	"weight_grams" bigint NOT NULL,
	"price_per_kg_rupiah" integer NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"flow_public_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_nasabah_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"nasabah_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_sampah_pin_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD COLUMN "counterpart_facility_id" integer;--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD COLUMN "buyer_name" text;--> statement-breakpoint
ALTER TABLE "bank_sampah_nasabah" ADD COLUMN "pin_hash" text;--> statement-breakpoint
ALTER TABLE "bank_sampah_sale_lines" ADD CONSTRAINT "bank_sampah_sale_lines_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_sale_lines" ADD CONSTRAINT "bank_sampah_sale_lines_journal_id_bank_sampah_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."bank_sampah_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_nasabah_sessions" ADD CONSTRAINT "bank_sampah_nasabah_sessions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_sampah_nasabah_sessions" ADD CONSTRAINT "bank_sampah_nasabah_sessions_nasabah_id_bank_sampah_nasabah_id_fk" FOREIGN KEY ("nasabah_id") REFERENCES "public"."bank_sampah_nasabah"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_sampah_sale_lines_journal_idx" ON "bank_sampah_sale_lines" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "bank_sampah_nasabah_sessions_nasabah_idx" ON "bank_sampah_nasabah_sessions" USING btree ("nasabah_id");--> statement-breakpoint
CREATE INDEX "bank_sampah_deposit_lines_journal_idx" ON "bank_sampah_deposit_lines" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "bank_sampah_journals_bank_idx" ON "bank_sampah_journals" USING btree ("city_id","bank_facility_id","occurred_on");--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_reverses_key" UNIQUE("city_id","reverses_id");