-- The unique keys first: the composite foreign keys refer to them.
ALTER TABLE "bank_sampah_accounts" ADD CONSTRAINT "bank_sampah_accounts_city_id_key" UNIQUE("city_id","id");
--> statement-breakpoint
ALTER TABLE "bank_sampah_journals" ADD CONSTRAINT "bank_sampah_journals_city_id_key" UNIQUE("city_id","id");
--> statement-breakpoint
ALTER TABLE "bank_sampah_deposit_lines" DROP CONSTRAINT "bank_sampah_deposit_lines_city_id_cities_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_deposit_lines" DROP CONSTRAINT "bank_sampah_deposit_lines_journal_id_bank_sampah_journals_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" DROP CONSTRAINT "bank_sampah_postings_city_id_cities_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" DROP CONSTRAINT "bank_sampah_postings_journal_id_bank_sampah_journals_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" DROP CONSTRAINT "bank_sampah_postings_account_id_bank_sampah_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_sale_lines" DROP CONSTRAINT "bank_sampah_sale_lines_city_id_cities_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_sale_lines" DROP CONSTRAINT "bank_sampah_sale_lines_journal_id_bank_sampah_journals_id_fk";
--> statement-breakpoint
ALTER TABLE "bank_sampah_deposit_lines" ADD CONSTRAINT "bank_sampah_deposit_lines_journal_fk" FOREIGN KEY ("city_id","journal_id") REFERENCES "public"."bank_sampah_journals"("city_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" ADD CONSTRAINT "bank_sampah_postings_journal_fk" FOREIGN KEY ("city_id","journal_id") REFERENCES "public"."bank_sampah_journals"("city_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "bank_sampah_postings" ADD CONSTRAINT "bank_sampah_postings_account_fk" FOREIGN KEY ("city_id","account_id") REFERENCES "public"."bank_sampah_accounts"("city_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "bank_sampah_sale_lines" ADD CONSTRAINT "bank_sampah_sale_lines_journal_fk" FOREIGN KEY ("city_id","journal_id") REFERENCES "public"."bank_sampah_journals"("city_id","id") ON DELETE no action ON UPDATE no action;
