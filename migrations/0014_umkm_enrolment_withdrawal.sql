ALTER TABLE "umkm_enrolments" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "umkm_enrolments" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "umkm_programmes" ADD COLUMN "is_sample_data" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "umkm_enrolments" ADD CONSTRAINT "umkm_enrolments_withdrawal" CHECK (("umkm_enrolments"."withdrawn_on" is null) = ("umkm_enrolments"."withdrawal_reason" is null));--> statement-breakpoint
-- A database seeded before this migration has the demo programme, named "(contoh)", unflagged.
UPDATE "umkm_programmes" SET "is_sample_data" = true WHERE "name" LIKE '%(contoh)';
