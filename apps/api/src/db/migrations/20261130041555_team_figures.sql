-- Figures of the self-governing teams as of any date, kept as dated changes per unit, so that the
-- roll-up of a whole city adds a few rows per residential group instead of counting millions of
-- assignments. A row says: from `day` on, `measure` of the teams of `kind` attached to `unit_id`
-- changes by `delta`. Measures: 'teams'; 'members'; 'households' in their care; 'shared', the
-- households in the care of both a team (kind 'team', on unit_id) and a group (on other_unit_id),
-- counted twice by 'households' — so households supervised = households - shared, as a household
-- has at most one team of each kind at a time. Written only by the triggers below, in the
-- transaction of the change; team_figure_deltas_rebuild() recomputes everything from the records.
CREATE TABLE "team_figure_deltas" (
  "unit_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "measure" text NOT NULL,
  "other_unit_id" uuid NOT NULL,
  "day" date NOT NULL,
  "delta" integer NOT NULL,
  CONSTRAINT "team_figure_deltas_pk" PRIMARY KEY ("unit_id", "kind", "measure", "other_unit_id", "day"),
  CONSTRAINT "team_figure_deltas_measure_check" CHECK ("measure" IN ('teams', 'members', 'households', 'shared'))
);
--> statement-breakpoint
-- Adds dated changes, merging them into the rows already there; `prelude` is a WITH clause they use.
CREATE FUNCTION team_figure_add_sql(changes text, prelude text DEFAULT '') RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$%s
    INSERT INTO team_figure_deltas AS d (unit_id, kind, measure, other_unit_id, day, delta)
    SELECT unit_id, kind, measure, other_unit_id, day, sum(delta)::integer FROM (%s) c
    GROUP BY unit_id, kind, measure, other_unit_id, day
    ORDER BY unit_id, kind, measure, other_unit_id, day
    ON CONFLICT (unit_id, kind, measure, other_unit_id, day) DO UPDATE SET delta = d.delta + excluded.delta
  $q$, prelude, changes)
$f$;
--> statement-breakpoint
-- What the team rows in `changed` give (direction 1) or take back (-1).
CREATE FUNCTION team_figure_teams_sql(changed text, direction integer) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT team_figure_add_sql(format($q$
    SELECT unit_id, kind, 'teams' AS measure, unit_id AS other_unit_id, valid_from AS day, %2$s AS delta FROM %1$s
    UNION ALL
    SELECT unit_id, kind, 'teams', unit_id, valid_to, -(%2$s) FROM %1$s WHERE valid_to IS NOT NULL
  $q$, changed, direction))
$f$;
--> statement-breakpoint
CREATE FUNCTION team_figure_members_sql(changed text, direction integer) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT team_figure_add_sql(format($q$
    SELECT t.unit_id, t.kind, 'members' AS measure, t.unit_id AS other_unit_id, m.valid_from AS day, %2$s AS delta
    FROM %1$s m JOIN self_governing_teams t ON t.id = m.team_id
    UNION ALL
    SELECT t.unit_id, t.kind, 'members', t.unit_id, m.valid_to, -(%2$s)
    FROM %1$s m JOIN self_governing_teams t ON t.id = m.team_id WHERE m.valid_to IS NOT NULL
  $q$, changed, direction))
$f$;
--> statement-breakpoint
-- Assignments in `changed`; `state` lists every assignment of their households at that moment
-- (before or after the statement), `is_changed` marking those of `changed`, to find the households
-- also in the care of a group.
CREATE FUNCTION team_figure_assignments_sql(changed text, state text, direction integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT team_figure_add_sql(format($q$
    SELECT t.unit_id, a.team_kind AS kind, 'households' AS measure, t.unit_id AS other_unit_id,
      a.valid_from AS day, %2$s AS delta
    FROM %1$s a JOIN self_governing_teams t ON t.id = a.team_id
    UNION ALL
    SELECT t.unit_id, a.team_kind, 'households', t.unit_id, a.valid_to, -(%2$s)
    FROM %1$s a JOIN self_governing_teams t ON t.id = a.team_id WHERE a.valid_to IS NOT NULL
    UNION ALL
    SELECT team_unit_id, 'team', 'shared', group_unit_id, starts, %2$s FROM pairs
    UNION ALL
    SELECT team_unit_id, 'team', 'shared', group_unit_id, ends, -(%2$s) FROM pairs WHERE ends IS NOT NULL
  $q$, changed, direction), format($q$
    WITH state AS (%1$s),
    pairs AS (
      SELECT t.unit_id AS team_unit_id, g.unit_id AS group_unit_id,
        greatest(a.valid_from, b.valid_from) AS starts, least(a.valid_to, b.valid_to) AS ends
      FROM state a
      JOIN state b ON b.household_id = a.household_id
      JOIN self_governing_teams t ON t.id = a.team_id
      JOIN self_governing_teams g ON g.id = b.team_id
      WHERE a.team_kind = 'team' AND b.team_kind = 'group' AND (a.is_changed OR b.is_changed)
        AND a.valid_from < coalesce(b.valid_to, 'infinity') AND b.valid_from < coalesce(a.valid_to, 'infinity')
    )$q$, state))
$f$;
--> statement-breakpoint
CREATE FUNCTION self_governing_teams_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.unit_id <> o.unit_id OR n.kind <> o.kind) THEN
      RAISE EXCEPTION 'the unit and kind of a self-governing team do not change; close it and create another'
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE team_figure_teams_sql('old_rows', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE team_figure_teams_sql('new_rows', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER self_governing_teams_figures_insert AFTER INSERT ON self_governing_teams
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION self_governing_teams_figures();
--> statement-breakpoint
CREATE TRIGGER self_governing_teams_figures_update AFTER UPDATE ON self_governing_teams
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION self_governing_teams_figures();
--> statement-breakpoint
CREATE TRIGGER self_governing_teams_figures_delete AFTER DELETE ON self_governing_teams
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION self_governing_teams_figures();
--> statement-breakpoint
-- Members and households of a deleted team go first, while the team still tells their unit.
CREATE FUNCTION self_governing_teams_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM team_members WHERE team_id = OLD.id;
  DELETE FROM team_households WHERE team_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER self_governing_teams_delete_children BEFORE DELETE ON self_governing_teams
  FOR EACH ROW EXECUTE FUNCTION self_governing_teams_delete_children();
--> statement-breakpoint
CREATE FUNCTION team_members_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE team_figure_members_sql('old_rows', -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE team_figure_members_sql('new_rows', 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_members_figures_insert AFTER INSERT ON team_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_members_figures();
--> statement-breakpoint
CREATE TRIGGER team_members_figures_update AFTER UPDATE ON team_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_members_figures();
--> statement-breakpoint
CREATE TRIGGER team_members_figures_delete AFTER DELETE ON team_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION team_members_figures();
--> statement-breakpoint
CREATE FUNCTION team_households_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  columns constant text := 'h.id, h.team_id, h.team_kind, h.household_id, h.valid_from, h.valid_to';
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE team_figure_assignments_sql('old_rows', format(
      'SELECT %1$s, false AS is_changed FROM team_households h
       WHERE h.household_id IN (SELECT household_id FROM old_rows)
       UNION ALL SELECT %1$s, true FROM old_rows h', columns), -1);
  ELSIF TG_OP = 'UPDATE' THEN
    -- What the old rows gave, in the state before the update.
    EXECUTE team_figure_assignments_sql('old_rows', format(
      'SELECT %1$s, false AS is_changed FROM team_households h LEFT JOIN new_rows n ON n.id = h.id
       WHERE h.household_id IN (SELECT household_id FROM old_rows) AND n.id IS NULL
       UNION ALL SELECT %1$s, true FROM old_rows h', columns), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE team_figure_assignments_sql('new_rows', format(
      'SELECT %1$s, n.id IS NOT NULL AS is_changed FROM team_households h LEFT JOIN new_rows n ON n.id = h.id
       WHERE h.household_id IN (SELECT household_id FROM new_rows)', columns), 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_households_figures_insert AFTER INSERT ON team_households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_households_figures();
--> statement-breakpoint
CREATE TRIGGER team_households_figures_update AFTER UPDATE ON team_households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_households_figures();
--> statement-breakpoint
CREATE TRIGGER team_households_figures_delete AFTER DELETE ON team_households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION team_households_figures();
--> statement-breakpoint
CREATE FUNCTION team_figure_deltas_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM team_figure_deltas;
  EXECUTE team_figure_teams_sql('self_governing_teams', 1);
  EXECUTE team_figure_members_sql('team_members', 1);
  EXECUTE team_figure_assignments_sql('team_households',
    'SELECT id, team_id, team_kind, household_id, valid_from, valid_to, true AS is_changed FROM team_households', 1);
END;
$$;
--> statement-breakpoint
SELECT team_figure_deltas_rebuild();
