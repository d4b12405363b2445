CREATE TABLE "waste_balance_estimates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_balance_estimates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"population" integer NOT NULL,
	"population_source" text NOT NULL,
	"grams_per_capita_day" integer NOT NULL,
	"rate_source" text NOT NULL,
	"rate_confirmed" boolean DEFAULT false NOT NULL,
	"non_household_grams_per_day" bigint NOT NULL,
	"non_household_source" text,
	"tourist_visits" integer NOT NULL,
	"tourist_visits_source" text,
	"grams_per_visit" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_balance_estimates_year_key" UNIQUE("city_id","year"),
	CONSTRAINT "waste_balance_estimates_not_negative" CHECK ("waste_balance_estimates"."population" >= 0 and "waste_balance_estimates"."tourist_visits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "waste_balance_manual_flows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_balance_manual_flows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"month" date NOT NULL,
	"part" text NOT NULL,
	"material" text,
	"district_code" varchar(8),
	"weight_grams" bigint NOT NULL,
	"provenance" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_balance_manual_flows_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "waste_balance_manual_flows_weight_positive" CHECK ("waste_balance_manual_flows"."weight_grams" > 0)
);
--> statement-breakpoint
CREATE TABLE "waste_balance_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_balance_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"reduction_basis_points" integer NOT NULL,
	"handling_basis_points" integer NOT NULL,
	"decree" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_balance_targets_year_key" UNIQUE("city_id","year")
);
--> statement-breakpoint
ALTER TABLE "waste_balance_estimates" ADD CONSTRAINT "waste_balance_estimates_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_balance_estimates" ADD CONSTRAINT "waste_balance_estimates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_balance_manual_flows" ADD CONSTRAINT "waste_balance_manual_flows_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_balance_manual_flows" ADD CONSTRAINT "waste_balance_manual_flows_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_balance_targets" ADD CONSTRAINT "waste_balance_targets_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_balance_targets" ADD CONSTRAINT "waste_balance_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waste_balance_manual_flows_month_idx" ON "waste_balance_manual_flows" USING btree ("city_id","month");