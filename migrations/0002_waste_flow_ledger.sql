CREATE TABLE "waste_flows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waste_flows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"flow_date" date NOT NULL,
	"kind" text NOT NULL,
	"material" text NOT NULL,
	"sub_material" text,
	"sorted_from" text,
	"weight_grams" bigint NOT NULL,
	"from_facility_id" integer,
	"from_village_code" varchar(13),
	"from_sector" text,
	"to_facility_id" integer,
	"outcome" text,
	"price_per_kg_rupiah" integer,
	"revenue_rupiah" bigint,
	"buyer_name" text,
	"note" text,
	"reverses_id" bigint,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_flows_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "waste_flows_reverses_key" UNIQUE("city_id","reverses_id"),
	CONSTRAINT "waste_flows_weight_positive" CHECK ("waste_flows"."weight_grams" > 0)
);
--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_from_facility_id_facilities_id_fk" FOREIGN KEY ("from_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_from_village_code_villages_code_fk" FOREIGN KEY ("from_village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_to_facility_id_facilities_id_fk" FOREIGN KEY ("to_facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_reverses_id_waste_flows_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."waste_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_flows" ADD CONSTRAINT "waste_flows_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waste_flows_to_idx" ON "waste_flows" USING btree ("city_id","to_facility_id","material");--> statement-breakpoint
CREATE INDEX "waste_flows_from_idx" ON "waste_flows" USING btree ("city_id","from_facility_id","material");--> statement-breakpoint
CREATE INDEX "waste_flows_date_idx" ON "waste_flows" USING btree ("city_id","flow_date");