CREATE TABLE "waste_flow_months" (
	"city_id" integer NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"outcome" text,
	"material" text NOT NULL,
	"from_sector" text,
	"from_district_code" varchar(8),
	"from_facility_id" integer,
	"to_facility_id" integer,
	"grams" bigint NOT NULL,
	CONSTRAINT "waste_flow_months_key" UNIQUE NULLS NOT DISTINCT("city_id","month","kind","outcome","material","from_sector","from_district_code","from_facility_id","to_facility_id")
);
--> statement-breakpoint
-- The roll-up is kept by the database in the transaction of every ledger write: one aggregated
-- upsert per statement, its rows in key order (two writers meet on rows in the same order, and every
-- flow write has already locked its facilities, lowest id first). Deleted or updated rows (the
-- ledger never does either; a sample-data removal might) are taken back the same way.
CREATE FUNCTION "waste_flow_months_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO "waste_flow_months" AS m
      ("city_id", "month", "kind", "outcome", "material", "from_sector", "from_district_code",
       "from_facility_id", "to_facility_id", "grams")
    SELECT "city_id", date_trunc('month', "flow_date")::date, "kind", "outcome", "material", "from_sector",
           left("from_village_code", 8), "from_facility_id", "to_facility_id",
           -sum(CASE WHEN "reverses_id" IS NULL THEN "weight_grams" ELSE -"weight_grams" END)
      FROM old_rows
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT "waste_flow_months_key" DO UPDATE SET "grams" = m."grams" + excluded."grams";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "waste_flow_months" AS m
      ("city_id", "month", "kind", "outcome", "material", "from_sector", "from_district_code",
       "from_facility_id", "to_facility_id", "grams")
    SELECT "city_id", date_trunc('month', "flow_date")::date, "kind", "outcome", "material", "from_sector",
           left("from_village_code", 8), "from_facility_id", "to_facility_id",
           sum(CASE WHEN "reverses_id" IS NULL THEN "weight_grams" ELSE -"weight_grams" END)
      FROM new_rows
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT "waste_flow_months_key" DO UPDATE SET "grams" = m."grams" + excluded."grams";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "waste_flow_months_insert" AFTER INSERT ON "waste_flows"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "waste_flow_months_apply"();
--> statement-breakpoint
CREATE TRIGGER "waste_flow_months_update" AFTER UPDATE ON "waste_flows"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "waste_flow_months_apply"();
--> statement-breakpoint
CREATE TRIGGER "waste_flow_months_delete" AFTER DELETE ON "waste_flows"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "waste_flow_months_apply"();
--> statement-breakpoint
CREATE FUNCTION "waste_flow_months_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "waste_flow_months";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "waste_flow_months_truncate" AFTER TRUNCATE ON "waste_flows"
  FOR EACH STATEMENT EXECUTE FUNCTION "waste_flow_months_clear"();
--> statement-breakpoint
-- The rebuild: the roll-up recomputed from every ledger row. Run by this migration (the backfill) and
-- by an operator at any time (`select waste_flow_months_rebuild()`); writers wait while it runs.
CREATE FUNCTION "waste_flow_months_rebuild"() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  written bigint;
BEGIN
  LOCK TABLE "waste_flows" IN SHARE MODE;
  DELETE FROM "waste_flow_months";
  INSERT INTO "waste_flow_months"
    ("city_id", "month", "kind", "outcome", "material", "from_sector", "from_district_code",
     "from_facility_id", "to_facility_id", "grams")
  SELECT "city_id", date_trunc('month', "flow_date")::date, "kind", "outcome", "material", "from_sector",
         left("from_village_code", 8), "from_facility_id", "to_facility_id",
         sum(CASE WHEN "reverses_id" IS NULL THEN "weight_grams" ELSE -"weight_grams" END)
    FROM "waste_flows"
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;
--> statement-breakpoint
SELECT "waste_flow_months_rebuild"();
