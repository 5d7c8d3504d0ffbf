import { householdCategories as builtInCategories, isPolicyFamily, type UnitKind } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { subtreeBranchesAt } from '../../units/units.repository';

// Queries of the computed indicators that no module answers in the shape they need. Each is one
// set-based pass over the subtree of a date, grouped by the child each unit lies under (`branch`:
// the unit itself for its own rows), so a unit and all its children cost the same.

const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

export type SubtreeUnit = { unitId: string; parentUnitId: string | null; branch: string; kind: UnitKind };

/** The units of the subtree on the date with their parent then and the child of the root they lie under. */
export async function subtreeWithParents(db: Db, unitId: string, at: string): Promise<SubtreeUnit[]> {
  const rows = await queryRows<{
    unit_id: string;
    parent_unit_id: string | null;
    branch: string;
    kind: UnitKind;
  }>(
    db,
    sql`${subtreeBranchesAt(unitId, at)}
      SELECT d.unit_id::text AS unit_id, v.parent_unit_id::text AS parent_unit_id, d.branch::text AS branch,
        v.kind::text AS kind
      FROM down d JOIN unit_versions v ON v.unit_id = d.unit_id
        AND v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)`,
  );
  return rows.map((row) => ({
    unitId: row.unit_id,
    parentUnitId: row.parent_unit_id,
    branch: row.branch,
    kind: row.kind,
  }));
}

// --- Cultural families -----------------------------------------------------------------------

/**
 * Households placed on the date in the given units (the subtree) whose cultural-family record of the
 * year says registered, and of them recognised, per branch: the sums up to the date of the dated
 * changes the triggers of migration `cultural_family_figures` keep per residential group, so the
 * whole city adds up a few thousand rows instead of reading two million households. The households
 * themselves come from the kept figures too (stats.repository countHouseholds).
 */
export async function registeredCulturalFamilies(
  db: Db,
  options: { units: ReadonlyArray<{ unitId: string; branch: string }>; at: string; year: number },
): Promise<Map<string, { registered: number; recognized: number }>> {
  if (options.units.length === 0) return new Map();
  const rows = await queryRows<{ branch: string; registered: number | string; recognized: number | string }>(
    db,
    sql`SELECT s.branch::text AS branch,
        coalesce(sum(f.delta) FILTER (WHERE f.measure = 'registered'), 0)::int AS registered,
        coalesce(sum(f.delta) FILTER (WHERE f.measure = 'recognized'), 0)::int AS recognized
      FROM unnest(${uuids(options.units.map((unit) => unit.unitId))}, ${uuids(options.units.map((unit) => unit.branch))})
        AS s(unit_id, branch)
      JOIN cultural_family_figure_deltas f ON f.unit_id = s.unit_id
      WHERE f.year = ${options.year} AND f.day <= ${options.at}::date
      GROUP BY s.branch`,
  );
  return new Map(
    rows.map((row) => [
      row.branch,
      { registered: Number(row.registered), recognized: Number(row.recognized) },
    ]),
  );
}

// --- Fund targets ----------------------------------------------------------------------------

export type TargetRow = { campaignId: string; code: string; unitId: string; amount: number };

/**
 * Targets a level above assigned to units of the subtree on `to` (campaign_targets) for the campaigns
 * whose period meets [from, to]. A campaign's own target, which the unit running it sets itself, is
 * not an assigned one.
 */
export async function campaignTargetsIn(
  db: Db,
  options: { unitId: string; from: string; to: string },
): Promise<TargetRow[]> {
  const rows = await queryRows<{
    campaign_id: string;
    code: string;
    unit_id: string;
    amount: number | string;
  }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.to)}
      SELECT c.id::text AS campaign_id, c.code, t.unit_id::text AS unit_id, t.amount
      FROM campaigns c JOIN campaign_targets t ON t.campaign_id = c.id JOIN down d ON d.unit_id = t.unit_id
      WHERE c.starts_on <= ${options.to}::date AND c.receiving_ends_on >= ${options.from}::date`,
  );
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    code: row.code,
    unitId: row.unit_id,
    amount: Number(row.amount),
  }));
}

// --- Tết gifts -------------------------------------------------------------------------------

/**
 * Built-in codes of policy families. The kept Tết-gift figures (migration `tet_gift_figures`, SQL
 * function tet_gift_policy_category) know the same list, and a committee's own kinds of that group.
 */
export const policyFamilyCodes = builtInCategories
  .filter((category) => isPolicyFamily(category.code))
  .map((category) => category.code);

/** Tết-gift programmes that start within [from, to]: the unit running each and its eligibility date. */
export async function tetProgramsStarting(
  db: Db,
  options: { from: string; to: string },
): Promise<Array<{ unitId: string; eligibleOn: string }>> {
  const rows = await queryRows<{ unit_id: string; eligible_on: string }>(
    db,
    sql`SELECT DISTINCT unit_id::text AS unit_id, to_char(eligible_on, 'YYYY-MM-DD') AS eligible_on
        FROM support_programs
        WHERE kind = 'tet_gift' AND period_from BETWEEN ${options.from}::date AND ${options.to}::date`,
  );
  return rows.map((row) => ({ unitId: row.unit_id, eligibleOn: row.eligible_on }));
}

export type TetCoverage = {
  eligible: number;
  supported: number;
  policy: number;
  policySupported: number;
  nearPoor: number;
  nearPoorSupported: number;
};

/**
 * For units each taken on its own date: the households placed in them that day holding a
 * policy-family or near-poor category then (a household holding several counts once), and of them
 * those paid, by `to`, a distribution that stands of a Tết-gift programme starting in `year`; per
 * branch. These are sums of the dated changes the triggers of migration `tet_gift_figures` keep per
 * residential group (year 0 rows: the households; year Y rows: those supported, by day paid). A
 * unit's date before 1 January of the year before is taken as that day for the supported ones.
 */
export async function tetCoverageByBranch(
  db: Db,
  options: {
    units: ReadonlyArray<{ unitId: string; branch: string; day: string }>;
    year: number;
    to: string;
  },
): Promise<Map<string, TetCoverage>> {
  if (options.units.length === 0) return new Map();
  const column = <K extends 'unitId' | 'branch' | 'day'>(key: K) => options.units.map((unit) => unit[key]);
  const rows = await queryRows<{
    branch: string;
    measure: string;
    supported: boolean;
    households: number | string;
  }>(
    db,
    sql`SELECT s.branch::text AS branch, f.measure, f.supported, sum(f.households)::int AS households
      FROM unnest(${uuids(column('unitId'))}, ${uuids(column('branch'))},
        string_to_array(${column('day').join(',')}, ',')::date[]) AS s(unit_id, branch, day)
      CROSS JOIN LATERAL (
        SELECT measure, false AS supported, sum(delta) AS households FROM tet_gift_figure_deltas
        WHERE unit_id = s.unit_id AND year = 0 AND paid_on = '-infinity' AND day <= s.day
        GROUP BY measure
        UNION ALL
        SELECT measure, true, sum(delta) FROM tet_gift_figure_deltas
        WHERE unit_id = s.unit_id AND year = ${options.year} AND paid_on <= ${options.to}::date
          AND day <= greatest(s.day, ${`${options.year - 1}-01-01`}::date)
        GROUP BY measure
      ) f
      GROUP BY s.branch, f.measure, f.supported`,
  );
  const fields: Record<string, [keyof TetCoverage, keyof TetCoverage]> = {
    eligible: ['eligible', 'supported'],
    policy: ['policy', 'policySupported'],
    near_poor: ['nearPoor', 'nearPoorSupported'],
  };
  const coverage = new Map<string, TetCoverage>();
  for (const row of rows) {
    const found = coverage.get(row.branch) ?? {
      eligible: 0,
      supported: 0,
      policy: 0,
      policySupported: 0,
      nearPoor: 0,
      nearPoorSupported: 0,
    };
    const pair = fields[row.measure];
    if (pair) found[pair[row.supported ? 1 : 0]] += Number(row.households);
    coverage.set(row.branch, found);
  }
  return coverage;
}
