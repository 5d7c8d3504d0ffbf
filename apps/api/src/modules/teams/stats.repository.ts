import type { SelfGovernanceFigures } from '@doanket/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

/**
 * `down(unit_id, branch)`: the unit and every unit below it on the date, as findSubtreeAt walks the
 * tree of that date, each with the child of the unit it lies under (the unit itself for its own row).
 */
const subtreeAt = (unitId: string, at: string): SQL => sql`
  WITH RECURSIVE down(unit_id, branch) AS (
    SELECT unit_id, unit_id FROM unit_versions
    WHERE unit_id = ${unitId} AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
    UNION
    SELECT v.unit_id, CASE WHEN down.unit_id = ${unitId}::uuid THEN v.unit_id ELSE down.branch END
    FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
    WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
  )`;

const emptyFigures = (): SelfGovernanceFigures => ({
  teams: 0,
  teamMembers: 0,
  groups: 0,
  groupMembers: 0,
  householdsSupervised: 0,
});

/**
 * Teams, groups, members and households supervised on the date, for the whole subtree of the unit
 * ('total') or for each child of it (by child unit id). Reads the dated changes that the triggers
 * of migration team_figures keep per unit: a household in the care of both a team and a group of
 * the same part counts once ('shared' takes the second count back).
 */
export async function sumFigures(
  db: Db,
  unitId: string,
  at: string,
  by: 'total' | 'child',
): Promise<Map<string, SelfGovernanceFigures>> {
  const key = by === 'total' ? sql`'total'` : sql`s.branch::text`;
  const rows = await queryRows<{ key: string; kind: string; measure: string; total: number | string }>(
    db,
    sql`${subtreeAt(unitId, at)}
      SELECT ${key} AS key, d.kind, d.measure, sum(d.delta)::int AS total
      FROM team_figure_deltas d
      JOIN down s ON s.unit_id = d.unit_id
      LEFT JOIN down other ON other.unit_id = d.other_unit_id
      WHERE d.day <= ${at}::date
        AND (d.measure <> 'shared' OR ${by === 'total' ? sql`other.unit_id IS NOT NULL` : sql`other.branch = s.branch`})
        ${by === 'child' ? sql`AND s.unit_id <> ${unitId}::uuid` : sql``}
      GROUP BY 1, d.kind, d.measure`,
  );
  const figures = new Map<string, SelfGovernanceFigures>();
  if (by === 'total') figures.set('total', emptyFigures());
  for (const row of rows) {
    const entry = figures.get(row.key) ?? emptyFigures();
    figures.set(row.key, entry);
    const total = Number(row.total);
    if (row.measure === 'teams') entry[row.kind === 'team' ? 'teams' : 'groups'] += total;
    else if (row.measure === 'members') entry[row.kind === 'team' ? 'teamMembers' : 'groupMembers'] += total;
    else if (row.measure === 'households') entry.householdsSupervised += total;
    else if (row.measure === 'shared') entry.householdsSupervised -= total;
  }
  return figures;
}

export type HouseholdCounts = { households: number; byCategory: Record<string, number> };

/**
 * Households placed on the date in the residential groups below the unit, and how many of them
 * are of each category, by child unit (the unit's own id for a residential group asked itself).
 * Reads the dated changes that the triggers of migration household_figures keep per group.
 */
export async function countHouseholds(
  db: Db,
  unitId: string,
  at: string,
): Promise<Map<string, HouseholdCounts>> {
  const rows = await queryRows<{ key: string; category: string; total: number | string }>(
    db,
    sql`${subtreeAt(unitId, at)}
      SELECT s.branch::text AS key, d.category, sum(d.delta)::int AS total
      FROM household_figure_deltas d JOIN down s ON s.unit_id = d.unit_id
      WHERE d.day <= ${at}::date
      GROUP BY s.branch, d.category`,
  );
  const counts = new Map<string, HouseholdCounts>();
  for (const row of rows) {
    const entry = counts.get(row.key) ?? { households: 0, byCategory: {} };
    counts.set(row.key, entry);
    const total = Number(row.total);
    if (row.category === '') entry.households = total;
    else if (total !== 0) entry.byCategory[row.category] = total;
  }
  return counts;
}
