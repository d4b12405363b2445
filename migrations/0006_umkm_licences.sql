CREATE TABLE "umkm_licences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_licences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text,
	"issued_on" date,
	"expires_on" date,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_licences_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_licences_number_key" UNIQUE("city_id","business_id","kind","number")
);
--> statement-breakpoint
ALTER TABLE "umkm_licences" ADD CONSTRAINT "umkm_licences_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_licences" ADD CONSTRAINT "umkm_licences_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "umkm_licences_city_expiry_idx" ON "umkm_licences" USING btree ("city_id","expires_on");