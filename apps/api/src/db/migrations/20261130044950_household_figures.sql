-- Households placed in each residential group, and those of each category, as of any date, kept
-- as dated changes like team_figure_deltas: from `day` on, the households placed in `unit_id`
-- (category '') or those of them with `category` change by `delta`. A household is placed in one
-- group at a time and holds a category once at a time (the households service refuses overlaps),
-- so sums count households. Written only by the triggers below, in the transaction of the change;
-- household_figure_deltas_rebuild() recomputes everything from the records.
CREATE TABLE "household_figure_deltas" (
  "unit_id" uuid NOT NULL,
  "category" text NOT NULL,
  "day" date NOT NULL,
  "delta" integer NOT NULL,
  CONSTRAINT "household_figure_deltas_pk" PRIMARY KEY ("unit_id", "category", "day")
);
--> statement-breakpoint
-- Adds dated changes, merging them into the rows already there; `prelude` is a WITH clause they use.
CREATE FUNCTION household_figure_add_sql(changes text, prelude text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$%s
    INSERT INTO household_figure_deltas AS d (unit_id, category, day, delta)
    SELECT unit_id, category, day, sum(delta)::integer FROM (%s) c
    GROUP BY unit_id, category, day
    ORDER BY unit_id, category, day
    ON CONFLICT (unit_id, category, day) DO UPDATE SET delta = d.delta + excluded.delta
  $q$, prelude, changes)
$f$;
--> statement-breakpoint
-- What the placements in `changed` give (direction 1) or take back (-1): the household in its group,
-- and each category it holds while it lives there.
CREATE FUNCTION household_figure_placements_sql(changed text, direction integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT household_figure_add_sql(format($q$
    SELECT group_unit_id AS unit_id, '' AS category, valid_from AS day, %2$s AS delta FROM %1$s
    UNION ALL
    SELECT group_unit_id, '', valid_to, -(%2$s) FROM %1$s WHERE valid_to IS NOT NULL
    UNION ALL
    SELECT unit_id, category, starts, %2$s FROM pairs
    UNION ALL
    SELECT unit_id, category, ends, -(%2$s) FROM pairs WHERE ends IS NOT NULL
  $q$, changed, direction), format($q$
    WITH pairs AS (
      SELECT p.group_unit_id AS unit_id, c.category, greatest(p.valid_from, c.valid_from) AS starts,
        least(p.valid_to, c.valid_to) AS ends
      FROM %1$s p JOIN household_categories c ON c.household_id = p.household_id
      WHERE p.valid_from < coalesce(c.valid_to, 'infinity') AND c.valid_from < coalesce(p.valid_to, 'infinity')
    )$q$, changed))
$f$;
--> statement-breakpoint
-- What the category records in `changed` give or take back, in the groups the household lived in.
CREATE FUNCTION household_figure_categories_sql(changed text, direction integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT household_figure_add_sql(format($q$
    SELECT unit_id, category, starts AS day, %2$s AS delta FROM pairs
    UNION ALL
    SELECT unit_id, category, ends, -(%2$s) FROM pairs WHERE ends IS NOT NULL
  $q$, changed, direction), format($q$
    WITH pairs AS (
      SELECT p.group_unit_id AS unit_id, c.category, greatest(p.valid_from, c.valid_from) AS starts,
        least(p.valid_to, c.valid_to) AS ends
      FROM household_placements p JOIN %1$s c ON c.household_id = p.household_id
      WHERE p.valid_from < coalesce(c.valid_to, 'infinity') AND c.valid_from < coalesce(p.valid_to, 'infinity')
    )$q$, changed))
$f$;
--> statement-breakpoint
CREATE FUNCTION household_placements_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE household_figure_placements_sql('old_rows', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE household_figure_placements_sql('new_rows', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_placements_figures_insert AFTER INSERT ON household_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_figures();
--> statement-breakpoint
CREATE TRIGGER household_placements_figures_update AFTER UPDATE ON household_placements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_figures();
--> statement-breakpoint
CREATE TRIGGER household_placements_figures_delete AFTER DELETE ON household_placements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_placements_figures();
--> statement-breakpoint
CREATE FUNCTION household_categories_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE household_figure_categories_sql('old_rows', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE household_figure_categories_sql('new_rows', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_categories_figures_insert AFTER INSERT ON household_categories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_categories_figures();
--> statement-breakpoint
CREATE TRIGGER household_categories_figures_update AFTER UPDATE ON household_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_categories_figures();
--> statement-breakpoint
CREATE TRIGGER household_categories_figures_delete AFTER DELETE ON household_categories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_categories_figures();
--> statement-breakpoint
-- A household deleted takes its categories first, while its placements still tell where it lived
-- (the cascade would remove both before either trigger could pair them).
CREATE FUNCTION households_delete_categories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM household_categories WHERE household_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_delete_categories BEFORE DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION households_delete_categories();
--> statement-breakpoint
CREATE FUNCTION household_figure_deltas_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM household_figure_deltas;
  EXECUTE household_figure_placements_sql('household_placements', 1);
END;
$$;
--> statement-breakpoint
SELECT household_figure_deltas_rebuild();
