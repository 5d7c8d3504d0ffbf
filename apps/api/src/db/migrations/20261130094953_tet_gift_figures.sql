-- Tết-gift coverage as of any date, kept in the transaction of every change like
-- household_figure_deltas. Three tables:
--   tet_gift_spans     per household, the spans of time it lived in a residential group holding a
--                      policy-family or near-poor category (both flags kept; categories merged);
--   tet_gift_supports  per household and year, the first day it was paid a standing (not reversed)
--                      distribution of a Tết-gift programme starting that year;
--   tet_gift_figure_deltas  what they add up to per group: from `day` on, the households of
--                      `measure` (eligible, policy, near_poor) placed in `unit_id` change by `delta`.
--                      year 0 rows count the households themselves; year Y rows count those of them
--                      supported by a programme of year Y, paid on `paid_on`.
-- A change to placements, categories, distributions, programmes, category kinds or a reversal
-- recomputes the spans and supports of the households it touches and moves their deltas.
CREATE TABLE "tet_gift_spans" (
  "household_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL,
  "valid_from" date NOT NULL,
  "valid_to" date,
  "policy" boolean NOT NULL,
  "near_poor" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tet_gift_spans_household_idx" ON "tet_gift_spans" ("household_id");
--> statement-breakpoint
CREATE TABLE "tet_gift_supports" (
  "household_id" uuid NOT NULL,
  "year" smallint NOT NULL,
  "paid_on" date NOT NULL,
  CONSTRAINT "tet_gift_supports_pk" PRIMARY KEY ("household_id", "year")
);
--> statement-breakpoint
CREATE TABLE "tet_gift_figure_deltas" (
  "unit_id" uuid NOT NULL,
  "year" smallint NOT NULL,
  "paid_on" date NOT NULL,
  "measure" text NOT NULL,
  "day" date NOT NULL,
  "delta" integer NOT NULL,
  CONSTRAINT "tet_gift_figure_deltas_pk" PRIMARY KEY ("unit_id", "year", "paid_on", "measure", "day")
);
--> statement-breakpoint
-- Whether a category code is a policy family: the built-in codes (packages/domain residents
-- categories, group policy_family; a test keeps the two lists equal) and a committee's own kinds
-- of that group.
CREATE FUNCTION tet_gift_policy_category(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT code IN ('policy_family', 'policy_war_invalid', 'policy_sick_soldier', 'policy_martyr',
      'policy_heroic_mother', 'policy_revolutionary_contributor')
    OR EXISTS (SELECT 1 FROM household_category_kinds k WHERE k.code = $1 AND k.group_code = 'policy_family')
$$;
--> statement-breakpoint
-- Adds (direction 1) or takes back (-1) what the kept spans and supports of the households give.
-- A support of year Y is asked about only for eligibility dates from 1 January of the year before
-- (the query takes earlier ones as that day) and for periods ending in year Y: earlier spans and
-- payments fold into those days, so a group keeps a few rows per year instead of one per household.
-- Custom plans: the number of households is known at each call (a generic plan would guess ten).
CREATE FUNCTION tet_gift_figures_move(households uuid[], direction integer) RETURNS void LANGUAGE sql
SET plan_cache_mode = force_custom_plan AS $$
  INSERT INTO tet_gift_figure_deltas AS d (unit_id, year, paid_on, measure, day, delta)
  SELECT unit_id, year, paid_on, measure, day, sum(delta)::integer FROM (
    SELECT s.unit_id, y.year, y.paid_on, m.measure, e.day, e.sign * direction AS delta
    FROM unnest(households) h(household_id)
    JOIN tet_gift_spans s ON s.household_id = h.household_id
    CROSS JOIN LATERAL (
      SELECT 0::smallint AS year, '-infinity'::date AS paid_on, '-infinity'::date AS since
      UNION ALL
      SELECT t.year, greatest(t.paid_on, make_date(t.year, 1, 1)), make_date(t.year - 1, 1, 1)
      FROM tet_gift_supports t WHERE t.household_id = s.household_id
    ) y
    CROSS JOIN LATERAL (VALUES ('eligible', true), ('policy', s.policy), ('near_poor', s.near_poor)) m(measure, holds)
    CROSS JOIN LATERAL (VALUES
      (greatest(s.valid_from, y.since), 1),
      (CASE WHEN s.valid_to IS NOT NULL THEN greatest(s.valid_to, y.since) END, -1)
    ) e(day, sign)
    WHERE m.holds AND e.day IS NOT NULL AND coalesce(s.valid_to, 'infinity') > y.since
  ) c
  GROUP BY unit_id, year, paid_on, measure, day
  ORDER BY unit_id, year, paid_on, measure, day
  ON CONFLICT (unit_id, year, paid_on, measure, day) DO UPDATE SET delta = d.delta + excluded.delta
$$;
--> statement-breakpoint
-- Recomputes the spans and supports of the households from the records and moves their figures.
CREATE FUNCTION tet_gift_figures_refresh(households uuid[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF households IS NULL OR cardinality(households) = 0 THEN
    RETURN;
  END IF;
  PERFORM tet_gift_figures_move(households, -1);
  DELETE FROM tet_gift_spans s USING unnest(households) h(household_id) WHERE s.household_id = h.household_id;
  DELETE FROM tet_gift_supports s USING unnest(households) h(household_id) WHERE s.household_id = h.household_id;
  INSERT INTO tet_gift_spans (household_id, unit_id, valid_from, valid_to, policy, near_poor)
  WITH cats AS (
    SELECT c.household_id, c.valid_from, coalesce(c.valid_to, 'infinity') AS valid_to,
      c.category <> 'near_poor' AS policy, c.category = 'near_poor' AS near_poor
    FROM unnest(households) h(household_id)
    JOIN household_categories c ON c.household_id = h.household_id
    WHERE c.category = 'near_poor' OR tet_gift_policy_category(c.category)
  ), pieces AS (
    SELECT p.household_id, p.group_unit_id AS unit_id, greatest(p.valid_from, c.valid_from) AS starts,
      least(coalesce(p.valid_to, 'infinity'), c.valid_to) AS ends, c.policy, c.near_poor
    FROM cats c JOIN household_placements p ON p.household_id = c.household_id
    WHERE p.valid_from < c.valid_to AND c.valid_from < coalesce(p.valid_to, 'infinity')
  ), bounds AS (
    SELECT household_id, unit_id, starts AS day FROM pieces
    UNION
    SELECT household_id, unit_id, ends FROM pieces
  ), spans AS (
    SELECT household_id, unit_id, day AS starts,
      lead(day) OVER (PARTITION BY household_id, unit_id ORDER BY day) AS ends
    FROM bounds
  )
  SELECT s.household_id, s.unit_id, s.starts, nullif(s.ends, 'infinity'), bool_or(p.policy), bool_or(p.near_poor)
  FROM spans s JOIN pieces p ON p.household_id = s.household_id AND p.unit_id = s.unit_id
    AND p.starts <= s.starts AND s.ends <= p.ends
  WHERE s.ends IS NOT NULL
  GROUP BY s.household_id, s.unit_id, s.starts, s.ends;
  INSERT INTO tet_gift_supports (household_id, year, paid_on)
  SELECT x.household_id, extract(year FROM g.period_from)::smallint, min(x.paid_on)
  FROM unnest(households) h(household_id)
  JOIN distributions x ON x.household_id = h.household_id
  JOIN support_programs g ON g.id = x.program_id
  WHERE g.kind = 'tet_gift'
    AND x.status IN ('paid', 'confirmed') AND x.entry_id IS NOT NULL AND x.paid_on IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = x.entry_id)
  GROUP BY x.household_id, extract(year FROM g.period_from);
  PERFORM tet_gift_figures_move(households, 1);
END;
$$;
--> statement-breakpoint
-- The households a statement on a table with a household_id column touched.
CREATE FUNCTION tet_gift_figures_households() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT household_id) INTO touched FROM new_rows WHERE household_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT household_id) INTO touched FROM old_rows WHERE household_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT household_id) INTO touched
    FROM (SELECT household_id FROM old_rows UNION SELECT household_id FROM new_rows) changed
    WHERE household_id IS NOT NULL;
  END IF;
  PERFORM tet_gift_figures_refresh(touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_placements_tet_gift_insert AFTER INSERT ON household_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER household_placements_tet_gift_update AFTER UPDATE ON household_placements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER household_placements_tet_gift_delete AFTER DELETE ON household_placements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER household_categories_tet_gift_insert AFTER INSERT ON household_categories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER household_categories_tet_gift_update AFTER UPDATE ON household_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER household_categories_tet_gift_delete AFTER DELETE ON household_categories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER distributions_tet_gift_insert AFTER INSERT ON distributions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER distributions_tet_gift_update AFTER UPDATE ON distributions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
CREATE TRIGGER distributions_tet_gift_delete AFTER DELETE ON distributions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_households();
--> statement-breakpoint
-- A reversal takes back the distributions its entry paid.
CREATE FUNCTION tet_gift_figures_reversals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  SELECT array_agg(DISTINCT x.household_id) INTO touched
  FROM new_rows e JOIN distributions x ON x.entry_id = e.reverses_id
  WHERE e.reverses_id IS NOT NULL AND x.household_id IS NOT NULL;
  PERFORM tet_gift_figures_refresh(touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_tet_gift_insert AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_reversals();
--> statement-breakpoint
-- A programme whose kind or start changes moves the households it supported.
CREATE FUNCTION tet_gift_figures_programs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  SELECT array_agg(DISTINCT x.household_id) INTO touched
  FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN distributions x ON x.program_id = n.id
  WHERE (o.kind IS DISTINCT FROM n.kind OR o.period_from IS DISTINCT FROM n.period_from)
    AND x.household_id IS NOT NULL;
  PERFORM tet_gift_figures_refresh(touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER support_programs_tet_gift_update AFTER UPDATE ON support_programs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_programs();
--> statement-breakpoint
-- A committee's own category kind put in or out of the policy-family group moves its households.
CREATE FUNCTION tet_gift_figures_category_kinds() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT c.household_id) INTO touched
    FROM household_categories c JOIN new_rows k ON k.code = c.category;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT c.household_id) INTO touched
    FROM household_categories c JOIN old_rows k ON k.code = c.category;
  ELSE
    SELECT array_agg(DISTINCT c.household_id) INTO touched
    FROM household_categories c
    JOIN (SELECT code, group_code FROM old_rows UNION SELECT code, group_code FROM new_rows) k ON k.code = c.category;
  END IF;
  PERFORM tet_gift_figures_refresh(touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_category_kinds_tet_gift_insert AFTER INSERT ON household_category_kinds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_category_kinds();
--> statement-breakpoint
CREATE TRIGGER household_category_kinds_tet_gift_update AFTER UPDATE ON household_category_kinds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_category_kinds();
--> statement-breakpoint
CREATE TRIGGER household_category_kinds_tet_gift_delete AFTER DELETE ON household_category_kinds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tet_gift_figures_category_kinds();
--> statement-breakpoint
CREATE FUNCTION tet_gift_figures_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tet_gift_figure_deltas;
  DELETE FROM tet_gift_spans;
  DELETE FROM tet_gift_supports;
  PERFORM tet_gift_figures_refresh(array_agg(id)) FROM households;
END;
$$;
--> statement-breakpoint
SELECT tet_gift_figures_rebuild();
