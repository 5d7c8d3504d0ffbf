-- Households of each residential group whose cultural-family record of a year says registered (or
-- recognised), as of any date, kept as dated changes like household_figure_deltas: from `day` on,
-- the households placed in `unit_id` with a record of `year` in `measure` change by `delta`.
-- A household is placed in one group at a time and has one record per year, so sums count
-- households. Written only by the triggers below; cultural_family_figure_deltas_rebuild() recomputes.
CREATE TABLE "cultural_family_figure_deltas" (
  "unit_id" uuid NOT NULL,
  "year" smallint NOT NULL,
  "measure" text NOT NULL,
  "day" date NOT NULL,
  "delta" integer NOT NULL,
  CONSTRAINT "cultural_family_figure_deltas_pk" PRIMARY KEY ("unit_id", "year", "measure", "day")
);
--> statement-breakpoint
-- What placements `p` paired with records `r` give (direction 1) or take back (-1); %1$s and %2$s are
-- the two relations (transition tables or the tables themselves).
CREATE FUNCTION cultural_family_figure_sql(placements text, records text, direction integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH pairs AS (
      SELECT p.group_unit_id AS unit_id, r.year, m.measure, p.valid_from, p.valid_to
      FROM %1$s p JOIN %2$s r ON r.household_id = p.household_id
      CROSS JOIN LATERAL (VALUES ('registered', r.registered), ('recognized', coalesce(r.recognized, false))) m(measure, holds)
      WHERE m.holds
    )
    INSERT INTO cultural_family_figure_deltas AS d (unit_id, year, measure, day, delta)
    SELECT unit_id, year, measure, day, sum(delta)::integer FROM (
      SELECT unit_id, year, measure, valid_from AS day, %3$s AS delta FROM pairs
      UNION ALL
      SELECT unit_id, year, measure, valid_to, -(%3$s) FROM pairs WHERE valid_to IS NOT NULL
    ) c
    GROUP BY unit_id, year, measure, day
    ORDER BY unit_id, year, measure, day
    ON CONFLICT (unit_id, year, measure, day) DO UPDATE SET delta = d.delta + excluded.delta
  $q$, placements, records, direction)
$f$;
--> statement-breakpoint
CREATE FUNCTION cultural_family_records_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE cultural_family_figure_sql('household_placements', 'old_rows', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE cultural_family_figure_sql('household_placements', 'new_rows', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cultural_family_records_figures_insert AFTER INSERT ON cultural_family_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cultural_family_records_figures();
--> statement-breakpoint
CREATE TRIGGER cultural_family_records_figures_update AFTER UPDATE ON cultural_family_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cultural_family_records_figures();
--> statement-breakpoint
CREATE TRIGGER cultural_family_records_figures_delete AFTER DELETE ON cultural_family_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cultural_family_records_figures();
--> statement-breakpoint
CREATE FUNCTION household_placements_cultural_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE cultural_family_figure_sql('old_rows', 'cultural_family_records', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE cultural_family_figure_sql('new_rows', 'cultural_family_records', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_placements_cultural_figures_insert AFTER INSERT ON household_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_cultural_figures();
--> statement-breakpoint
CREATE TRIGGER household_placements_cultural_figures_update AFTER UPDATE ON household_placements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_cultural_figures();
--> statement-breakpoint
CREATE TRIGGER household_placements_cultural_figures_delete AFTER DELETE ON household_placements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_cultural_figures();
--> statement-breakpoint
-- A household deleted takes its records first, while its placements still tell where it lived.
CREATE FUNCTION households_delete_cultural_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cultural_family_records WHERE household_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_delete_cultural_records BEFORE DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION households_delete_cultural_records();
--> statement-breakpoint
CREATE FUNCTION cultural_family_figure_deltas_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cultural_family_figure_deltas;
  EXECUTE cultural_family_figure_sql('household_placements', 'cultural_family_records', 1);
END;
$$;
--> statement-breakpoint
SELECT cultural_family_figure_deltas_rebuild();
