-- Substring search on business names (ILIKE) uses a trigram index; pg_trgm is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "umkm_centre_products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_centre_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT 'pcs' NOT NULL,
	"description" text,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_centre_products_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_centre_products_name_key" UNIQUE("city_id","business_id","name")
);
--> statement-breakpoint
CREATE TABLE "umkm_centre_sale_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_centre_sale_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"sale_id" integer NOT NULL,
	"consignment_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"sold_on" date NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_rupiah" bigint NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"commission_rupiah" bigint NOT NULL,
	CONSTRAINT "umkm_centre_sale_lines_quantity_positive" CHECK ("umkm_centre_sale_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "umkm_centre_sales" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_centre_sales_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"outlet_id" integer NOT NULL,
	"sold_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sold_on" date NOT NULL,
	"payment_method" text NOT NULL,
	"payment_reference" text,
	"total_rupiah" bigint NOT NULL,
	"recorded_by" integer,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_centre_sales_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_consignment_removals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_consignment_removals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"consignment_id" integer NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"removed_on" date NOT NULL,
	"note" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_consignment_removals_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_consignment_removals_quantity_positive" CHECK ("umkm_consignment_removals"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "umkm_consignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_consignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"outlet_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_rupiah" bigint NOT NULL,
	"commission_bps" integer NOT NULL,
	"received_on" date NOT NULL,
	"expires_on" date,
	"note" text,
	"recorded_by" integer,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_consignments_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_consignments_quantity_positive" CHECK ("umkm_consignments"."quantity" > 0),
	CONSTRAINT "umkm_consignments_price_positive" CHECK ("umkm_consignments"."unit_price_rupiah" > 0),
	CONSTRAINT "umkm_consignments_commission_range" CHECK ("umkm_consignments"."commission_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "umkm_curations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_curations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"rubric_version" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"grade" text NOT NULL,
	"assessed_on" date NOT NULL,
	"note" text,
	"assessed_by" integer,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_curations_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_outlets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_outlets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_sample_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_outlets_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_settlements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_settlements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"month" varchar(7) NOT NULL,
	"quantity" integer NOT NULL,
	"gross_rupiah" bigint NOT NULL,
	"commission_rupiah" bigint NOT NULL,
	"payable_rupiah" bigint NOT NULL,
	"settled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_settlements_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_settlements_month_key" UNIQUE("city_id","business_id","month")
);
--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "sidt_id" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_sex" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_has_disability" boolean;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_birth_date" date;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_education" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_address" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_rt" varchar(3);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "owner_rw" varchar(3);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "main_activity" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "started_year" integer;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "started_month" integer;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "rt" varchar(3);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "rw" varchar(3);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "photo_url" text;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "sidt_pulled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "sidt_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD COLUMN "sidt_source_page" text;--> statement-breakpoint
ALTER TABLE "umkm_centre_products" ADD CONSTRAINT "umkm_centre_products_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_products" ADD CONSTRAINT "umkm_centre_products_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sale_lines" ADD CONSTRAINT "umkm_centre_sale_lines_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sale_lines" ADD CONSTRAINT "umkm_centre_sale_lines_sale_id_umkm_centre_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."umkm_centre_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sale_lines" ADD CONSTRAINT "umkm_centre_sale_lines_consignment_id_umkm_consignments_id_fk" FOREIGN KEY ("consignment_id") REFERENCES "public"."umkm_consignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sale_lines" ADD CONSTRAINT "umkm_centre_sale_lines_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD CONSTRAINT "umkm_centre_sales_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD CONSTRAINT "umkm_centre_sales_outlet_id_umkm_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."umkm_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD CONSTRAINT "umkm_centre_sales_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignment_removals" ADD CONSTRAINT "umkm_consignment_removals_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignment_removals" ADD CONSTRAINT "umkm_consignment_removals_consignment_id_umkm_consignments_id_fk" FOREIGN KEY ("consignment_id") REFERENCES "public"."umkm_consignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignment_removals" ADD CONSTRAINT "umkm_consignment_removals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignments" ADD CONSTRAINT "umkm_consignments_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignments" ADD CONSTRAINT "umkm_consignments_outlet_id_umkm_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."umkm_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignments" ADD CONSTRAINT "umkm_consignments_product_id_umkm_centre_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."umkm_centre_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignments" ADD CONSTRAINT "umkm_consignments_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_consignments" ADD CONSTRAINT "umkm_consignments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_curations" ADD CONSTRAINT "umkm_curations_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_curations" ADD CONSTRAINT "umkm_curations_product_id_umkm_centre_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."umkm_centre_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_curations" ADD CONSTRAINT "umkm_curations_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_outlets" ADD CONSTRAINT "umkm_outlets_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_settlements" ADD CONSTRAINT "umkm_settlements_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_settlements" ADD CONSTRAINT "umkm_settlements_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_settlements" ADD CONSTRAINT "umkm_settlements_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "umkm_centre_sale_lines_batch_idx" ON "umkm_centre_sale_lines" USING btree ("city_id","consignment_id");--> statement-breakpoint
CREATE INDEX "umkm_centre_sale_lines_business_idx" ON "umkm_centre_sale_lines" USING btree ("city_id","business_id","sold_on");--> statement-breakpoint
CREATE INDEX "umkm_centre_sales_day_idx" ON "umkm_centre_sales" USING btree ("city_id","sold_on");--> statement-breakpoint
CREATE INDEX "umkm_consignment_removals_batch_idx" ON "umkm_consignment_removals" USING btree ("city_id","consignment_id");--> statement-breakpoint
CREATE INDEX "umkm_consignments_outlet_idx" ON "umkm_consignments" USING btree ("city_id","outlet_id","product_id");--> statement-breakpoint
CREATE INDEX "umkm_consignments_business_idx" ON "umkm_consignments" USING btree ("city_id","business_id");--> statement-breakpoint
CREATE INDEX "umkm_curations_product_idx" ON "umkm_curations" USING btree ("city_id","product_id","id");--> statement-breakpoint
CREATE INDEX "umkm_businesses_name_trgm_idx" ON "umkm_businesses" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "umkm_businesses" ADD CONSTRAINT "umkm_businesses_sidt_id_key" UNIQUE("city_id","sidt_id");