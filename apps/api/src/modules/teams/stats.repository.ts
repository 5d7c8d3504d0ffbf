import type { SelfGovernanceFigures } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/** Units of a subtree, each with the key its figures are added up under (a child unit, or 'total'). */
export type KeyedUnits = { unitIds: readonly string[]; keys: readonly string[] };

const textArray = (values: readonly string[]) =>
  `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const keyedUnits = ({ unitIds, keys }: KeyedUnits) =>
  sql`SELECT * FROM unnest(${textArray(unitIds)}::uuid[], ${textArray(keys)}::text[]) AS s(unit_id, key)`;

const emptyFigures = (): SelfGovernanceFigures => ({
  teams: 0,
  teamMembers: 0,
  groups: 0,
  groupMembers: 0,
  householdsSupervised: 0,
});

/**
 * Teams, groups, members and households supervised on the date, added up per key over the units.
 * Reads the dated changes the triggers of migration team_figures keep per unit: a household in
 * the care of both a team and a group of the same key counts once ('shared' takes it back).
 */
export async function sumFigures(
  db: Db,
  units: KeyedUnits,
  at: string,
): Promise<Map<string, SelfGovernanceFigures>> {
  const rows = await queryRows<{ key: string; kind: string; measure: string; total: number | string }>(
    db,
    sql`
      WITH s AS MATERIALIZED (${keyedUnits(units)})
      SELECT s.key, d.kind, d.measure, sum(d.delta)::int AS total
      FROM team_figure_deltas d JOIN s ON s.unit_id = d.unit_id
      WHERE d.day <= ${at}::date
        AND (d.measure <> 'shared' OR EXISTS (SELECT 1 FROM s o WHERE o.unit_id = d.other_unit_id AND o.key = s.key))
      GROUP BY s.key, d.kind, d.measure`,
  );
  const figures = new Map<string, SelfGovernanceFigures>();
  for (const key of new Set(units.keys)) figures.set(key, emptyFigures());
  for (const row of rows) {
    const entry = figures.get(row.key)!;
    const total = Number(row.total);
    if (row.measure === 'teams') entry[row.kind === 'team' ? 'teams' : 'groups'] += total;
    else if (row.measure === 'members') entry[row.kind === 'team' ? 'teamMembers' : 'groupMembers'] += total;
    else if (row.measure === 'households') entry.householdsSupervised += total;
    else if (row.measure === 'shared') entry.householdsSupervised -= total;
  }
  return figures;
}

/**
 * The unit and every unit below it on the date, each with the child of the unit it lies under
 * (the unit itself for its own row): the tree of that date, as findSubtreeAt walks it.
 */
export async function findSubtreeBranchesAt(
  db: Db,
  unitId: string,
  at: string,
): Promise<Array<{ unitId: string; branchId: string }>> {
  return queryRows<{ unitId: string; branchId: string }>(
    db,
    sql`
      WITH RECURSIVE down(unit_id, branch) AS (
        SELECT unit_id, unit_id FROM unit_versions
        WHERE unit_id = ${unitId} AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
        UNION
        SELECT v.unit_id, CASE WHEN down.unit_id = ${unitId}::uuid THEN v.unit_id ELSE down.branch END
        FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
        WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
      )
      SELECT unit_id::text AS "unitId", branch::text AS "branchId" FROM down`,
  );
}

export type HouseholdCounts = { households: number; byCategory: Record<string, number> };

/** Households placed on the date in the units of each key, and how many of them are of each category. */
export async function countHouseholds(
  db: Db,
  units: KeyedUnits,
  at: string,
): Promise<Map<string, HouseholdCounts>> {
  const placed = sql`
    SELECT s.key, p.household_id FROM household_placements p JOIN s ON s.unit_id = p.group_unit_id
    WHERE p.valid_from <= ${at}::date AND (p.valid_to IS NULL OR p.valid_to > ${at}::date)`;
  const totals = await queryRows<{ key: string; households: number | string }>(
    db,
    sql`WITH s AS MATERIALIZED (${keyedUnits(units)}), placed AS (${placed})
        SELECT key, count(DISTINCT household_id)::int AS households FROM placed GROUP BY key`,
  );
  const categories = await queryRows<{ key: string; category: string; households: number | string }>(
    db,
    sql`WITH s AS MATERIALIZED (${keyedUnits(units)}), placed AS (${placed})
        SELECT placed.key, c.category, count(DISTINCT c.household_id)::int AS households
        FROM placed JOIN household_categories c ON c.household_id = placed.household_id
        WHERE c.valid_from <= ${at}::date AND (c.valid_to IS NULL OR c.valid_to > ${at}::date)
        GROUP BY placed.key, c.category`,
  );
  const counts = new Map<string, HouseholdCounts>();
  for (const key of new Set(units.keys)) counts.set(key, { households: 0, byCategory: {} });
  for (const row of totals) counts.get(row.key)!.households = Number(row.households);
  for (const row of categories) counts.get(row.key)!.byCategory[row.category] = Number(row.households);
  return counts;
}
