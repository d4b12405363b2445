CREATE TABLE "umkm_attendance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_attendance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"enrolment_id" integer NOT NULL,
	CONSTRAINT "umkm_attendance_key" UNIQUE("city_id","session_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_enrolment_outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_enrolment_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"enrolment_id" integer NOT NULL,
	"stage" text NOT NULL,
	"as_of" date NOT NULL,
	"annual_sales_rupiah" bigint,
	"workers" integer,
	"certificates" integer,
	"sells_online" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_enrolment_outcomes_stage_key" UNIQUE("city_id","enrolment_id","stage")
);
--> statement-breakpoint
CREATE TABLE "umkm_enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"business_id" integer NOT NULL,
	"enrolled_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_enrolments_public_id_key" UNIQUE("city_id","public_id"),
	CONSTRAINT "umkm_enrolments_business_key" UNIQUE("city_id","programme_id","business_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"agency" text NOT NULL,
	"budget_activity_code" text,
	"funding" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"quota" integer,
	"requires_nib" boolean DEFAULT false NOT NULL,
	"eligible_scales" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_programmes_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
CREATE TABLE "umkm_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_sessions_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
ALTER TABLE "umkm_attendance" ADD CONSTRAINT "umkm_attendance_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_attendance" ADD CONSTRAINT "umkm_attendance_session_id_umkm_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."umkm_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_attendance" ADD CONSTRAINT "umkm_attendance_enrolment_id_umkm_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."umkm_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_enrolment_outcomes" ADD CONSTRAINT "umkm_enrolment_outcomes_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_enrolment_outcomes" ADD CONSTRAINT "umkm_enrolment_outcomes_enrolment_id_umkm_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."umkm_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_enrolments" ADD CONSTRAINT "umkm_enrolments_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_enrolments" ADD CONSTRAINT "umkm_enrolments_programme_id_umkm_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."umkm_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_enrolments" ADD CONSTRAINT "umkm_enrolments_business_id_umkm_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."umkm_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_programmes" ADD CONSTRAINT "umkm_programmes_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_sessions" ADD CONSTRAINT "umkm_sessions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_sessions" ADD CONSTRAINT "umkm_sessions_programme_id_umkm_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."umkm_programmes"("id") ON DELETE no action ON UPDATE no action;