CREATE TABLE "umkm_business_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_business_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"capital_rupiah" bigint,
	"annual_sales_rupiah" bigint,
	"assets_rupiah" bigint,
	"workers" integer,
	"source_note" text NOT NULL,
	"scale_pp7_capital" text,
	"scale_pp7_sales" text,
	"scale_uu20" text,
	"scale_rule_version" text NOT NULL,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_business_figures_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_businesses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_businesses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"kbli_code" varchar(5) NOT NULL,
	"kbli_version" text DEFAULT 'KBLI2020' NOT NULL,
	"nib" varchar(13),
	"owner_name" text NOT NULL,
	"owner_nik" varchar(16),
	"owner_phone" text,
	"owner_village_code" varchar(13),
	"village_code" varchar(13),
	"address" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"products" text,
	"workers_paid_male" integer DEFAULT 0 NOT NULL,
	"workers_paid_female" integer DEFAULT 0 NOT NULL,
	"workers_unpaid_male" integer DEFAULT 0 NOT NULL,
	"workers_unpaid_female" integer DEFAULT 0 NOT NULL,
	"workers_disabled_male" integer DEFAULT 0 NOT NULL,
	"workers_disabled_female" integer DEFAULT 0 NOT NULL,
	"self_reported_scale" text,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_businesses_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_businesses_nib_key" UNIQUE("city_id","nib")
);
--> statement-breakpoint
ALTER TABLE "umkm_business_figures" ADD CONSTRAINT "umkm_business_figures_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_business_figures" ADD CONSTRAINT "umkm_business_figures_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD CONSTRAINT "umkm_businesses_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD CONSTRAINT "umkm_businesses_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "umkm_business_figures_business_idx" ON "umkm_business_figures" USING btree ("city_id","business_id","as_of");--> statement-breakpoint
CREATE INDEX "umkm_businesses_city_name_idx" ON "umkm_businesses" USING btree ("city_id","name");--> statement-breakpoint
CREATE INDEX "umkm_businesses_city_kbli_idx" ON "umkm_businesses" USING btree ("city_id","kbli_code");--> statement-breakpoint
CREATE INDEX "umkm_businesses_city_village_idx" ON "umkm_businesses" USING btree ("city_id","village_code");