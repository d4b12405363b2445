ALTER TABLE "indicator_values" DROP CONSTRAINT "indicator_values_period_key";--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "district_code" varchar(8);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "closure_reason" text;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_period_key" UNIQUE NULLS NOT DISTINCT("city_id","indicator_code","period","provenance","district_code");