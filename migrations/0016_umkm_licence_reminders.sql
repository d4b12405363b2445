CREATE TABLE "umkm_licence_reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_licence_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"licence_id" integer NOT NULL,
	"expires_on" date NOT NULL,
	"channel" text NOT NULL,
	"note" text,
	"sent_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_licence_reminders_public_id_key" UNIQUE("city_id","public_id")
);
--> statement-breakpoint
ALTER TABLE "umkm_licence_reminders" ADD CONSTRAINT "umkm_licence_reminders_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_licence_reminders" ADD CONSTRAINT "umkm_licence_reminders_licence_id_umkm_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."umkm_licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_licence_reminders" ADD CONSTRAINT "umkm_licence_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "umkm_licence_reminders_licence_idx" ON "umkm_licence_reminders" USING btree ("city_id","licence_id","expires_on");