CREATE TABLE "umkm_sidt_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umkm_sidt_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"city_id" integer NOT NULL,
	"user_id" integer,
	"idempotency_key" text,
	"request_hash" text,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" jsonb,
	CONSTRAINT "umkm_sidt_jobs_public_id_key" UNIQUE("public_id")
);
--> statement-breakpoint
ALTER TABLE "umkm_sidt_jobs" ADD CONSTRAINT "umkm_sidt_jobs_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_sidt_jobs" ADD CONSTRAINT "umkm_sidt_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "umkm_sidt_jobs_one_running_key" ON "umkm_sidt_jobs" USING btree ("city_id") WHERE "umkm_sidt_jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "umkm_sidt_jobs_finished_idx" ON "umkm_sidt_jobs" USING btree ("finished_at");