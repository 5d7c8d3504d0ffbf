import type { SelfGovernanceFigures } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { subtreeBranchesAt as subtreeAt } from '../units/units.repository';

const emptyFigures = (): SelfGovernanceFigures => ({
  teams: 0,
  teamMembers: 0,
  groups: 0,
  groupMembers: 0,
  householdsSupervised: 0,
});

type FigureRow = { kind: string; measure: string; total: number | string };

function addRow(entry: SelfGovernanceFigures, row: FigureRow) {
  const total = Number(row.total);
  if (row.measure === 'teams') entry[row.kind === 'team' ? 'teams' : 'groups'] += total;
  else if (row.measure === 'members') entry[row.kind === 'team' ? 'teamMembers' : 'groupMembers'] += total;
  else if (row.measure === 'households') entry.householdsSupervised += total;
  else if (row.measure === 'shared') entry.householdsSupervised -= total;
}

/**
 * Teams, groups, members and households supervised on the date over the subtree of the unit.
 * Reads the dated changes that the triggers of migration team_figures keep per unit: a household
 * in the care of both a team and a group of the subtree counts once ('shared' takes the second
 * count back).
 */
export async function sumFigures(db: Db, unitId: string, at: string): Promise<SelfGovernanceFigures> {
  const rows = await queryRows<FigureRow>(
    db,
    sql`${subtreeAt(unitId, at)}
      SELECT d.kind, d.measure, sum(d.delta)::int AS total
      FROM down s JOIN team_figure_deltas d ON d.unit_id = s.unit_id
      WHERE d.day <= ${at}::date AND (d.measure <> 'shared' OR d.other_unit_id IN (SELECT unit_id FROM down))
      GROUP BY d.kind, d.measure`,
  );
  const figures = emptyFigures();
  for (const row of rows) addRow(figures, row);
  return figures;
}

/**
 * The same figures for the subtree and for each child of the unit (by child unit id), in one
 * pass: a household shared by a team and a group counts once in a child if both are under it.
 */
export async function sumFiguresByChild(
  db: Db,
  unitId: string,
  at: string,
): Promise<{ total: SelfGovernanceFigures; children: Map<string, SelfGovernanceFigures> }> {
  const rows = await queryRows<FigureRow & { branch: string; scope: 'own' | 'same' | 'other' | 'outside' }>(
    db,
    sql`${subtreeAt(unitId, at)}
      SELECT s.branch::text AS branch, d.kind, d.measure,
        CASE WHEN d.measure <> 'shared' THEN 'own' WHEN o.branch IS NULL THEN 'outside'
          WHEN o.branch = s.branch THEN 'same' ELSE 'other' END AS scope,
        sum(d.delta)::int AS total
      FROM down s JOIN team_figure_deltas d ON d.unit_id = s.unit_id
      LEFT JOIN down o ON d.measure = 'shared' AND o.unit_id = d.other_unit_id
      WHERE d.day <= ${at}::date
      GROUP BY 1, 2, 3, 4`,
  );
  const total = emptyFigures();
  const children = new Map<string, SelfGovernanceFigures>();
  for (const row of rows) {
    if (row.scope !== 'outside') addRow(total, row);
    if (row.branch === unitId || row.scope === 'other' || row.scope === 'outside') continue;
    const entry = children.get(row.branch) ?? emptyFigures();
    children.set(row.branch, entry);
    addRow(entry, row);
  }
  return { total, children };
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
