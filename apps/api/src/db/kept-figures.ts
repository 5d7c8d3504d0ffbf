import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client';

/**
 * Figures kept by triggers as dated changes per unit (from `day` on, this figure of this unit changes
 * by `delta`), each with the SQL function of its migration that recomputes it from the records.
 */
export const keptFigures = {
  teams: {
    table: 'team_figure_deltas',
    columns: ['unit_id', 'kind', 'measure', 'other_unit_id', 'day', 'delta'],
    rebuild: 'team_figure_deltas_rebuild',
  },
  households: {
    table: 'household_figure_deltas',
    columns: ['unit_id', 'category', 'day', 'delta'],
    rebuild: 'household_figure_deltas_rebuild',
  },
  culturalFamilies: {
    table: 'cultural_family_figure_deltas',
    columns: ['unit_id', 'year', 'measure', 'day', 'delta'],
    rebuild: 'cultural_family_figure_deltas_rebuild',
  },
  tetGifts: {
    table: 'tet_gift_figure_deltas',
    columns: ['unit_id', 'year', 'paid_on', 'measure', 'day', 'delta'],
    rebuild: 'tet_gift_figures_rebuild',
  },
} as const;

export type KeptFigureSet = keyof typeof keptFigures;

/**
 * Recomputes every kept figure from the records and tells, per set, how many non-zero rows differ
 * from what was kept before (0 everywhere: the triggers kept them right). The caller's transaction
 * decides whether the recomputation stays.
 */
export async function rebuildKeptFigures(db: Db): Promise<Record<KeptFigureSet, number>> {
  const result = {} as Record<KeptFigureSet, number>;
  for (const [name, set] of Object.entries(keptFigures) as Array<
    [KeptFigureSet, (typeof keptFigures)[KeptFigureSet]]
  >) {
    const columns = sql.raw(set.columns.join(', '));
    const table = sql.raw(set.table);
    const before = sql.raw(`before_${set.table}`);
    await db.execute(sql`CREATE TEMP TABLE ${before} ON COMMIT DROP AS
      SELECT ${columns} FROM ${table} WHERE delta <> 0`);
    await db.execute(sql`SELECT ${sql.raw(set.rebuild)}()`);
    const [row] = await queryRows<{ rows: number }>(
      db,
      sql`SELECT count(*)::int AS rows FROM (
        (SELECT * FROM ${before} EXCEPT SELECT ${columns} FROM ${table} WHERE delta <> 0)
        UNION ALL
        (SELECT ${columns} FROM ${table} WHERE delta <> 0 EXCEPT SELECT * FROM ${before})) x`,
    );
    await db.execute(sql`DROP TABLE ${before}`);
    result[name] = row!.rows;
  }
  return result;
}
