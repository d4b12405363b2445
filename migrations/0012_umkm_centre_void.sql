ALTER TABLE "umkm_centre_sale_lines" ADD COLUMN "is_voided" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD COLUMN "voided_by" integer;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD CONSTRAINT "umkm_centre_sales_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umkm_centre_sales" ADD CONSTRAINT "umkm_centre_sales_void_reason" CHECK (("umkm_centre_sales"."voided_at" is null) = ("umkm_centre_sales"."void_reason" is null));