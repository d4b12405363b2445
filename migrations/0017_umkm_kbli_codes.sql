CREATE TABLE "umkm_kbli_codes" (
	"version" text NOT NULL,
	"code" varchar(5) NOT NULL,
	"category" char(1) NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "umkm_kbli_codes_version_code_pk" PRIMARY KEY("version","code")
);
