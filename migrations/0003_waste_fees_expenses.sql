CREATE TABLE "waste_expenses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_expenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"facility_id" integer NOT NULL,
	"spent_on" date NOT NULL,
	"category" text NOT NULL,
	"amount_rupiah" integer NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_expenses_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "waste_fee_charges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_fee_charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"period" varchar(7) NOT NULL,
	"amount_rupiah" integer NOT NULL,
	"paid_on" date,
	"recorded_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_fee_charges_period_key" UNIQUE("city_id","household_id","period")
);
--> statement-breakpoint
CREATE TABLE "waste_households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"facility_id" integer NOT NULL,
	"label" text NOT NULL,
	"head_name" text,
	"monthly_fee_rupiah" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_households_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "waste_households_label_key" UNIQUE("city_id","facility_id","label")
);
--> statement-breakpoint
ALTER TABLE "waste_expenses" ADD CONSTRAINT "waste_expenses_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_expenses" ADD CONSTRAINT "waste_expenses_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_expenses" ADD CONSTRAINT "waste_expenses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_fee_charges" ADD CONSTRAINT "waste_fee_charges_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_fee_charges" ADD CONSTRAINT "waste_fee_charges_household_id_waste_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."waste_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_fee_charges" ADD CONSTRAINT "waste_fee_charges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_households" ADD CONSTRAINT "waste_households_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_households" ADD CONSTRAINT "waste_households_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waste_expenses_facility_idx" ON "waste_expenses" USING btree ("city_id","facility_id","spent_on");