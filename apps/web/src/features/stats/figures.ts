import type { Figures } from './stats.api';

/** The five figures of the self-governance report, in the order the district reports them. */
export const figureKeys = ['teams', 'teamMembers', 'groups', 'groupMembers', 'householdsSupervised'] as const;
export type FigureKey = (typeof figureKeys)[number] | 'households';

/** Each value as a share of the largest, in whole percent, for bars drawn side by side. */
export function barShares(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  if (max === 0) return values.map(() => 0);
  return values.map((value) => Math.round((Math.max(0, value) / max) * 100));
}

/** Households by category, largest first, then by code so equal counts keep a stable order. */
export function categoryCounts(
  byCategory: Figures['byCategory'] | null | undefined,
): { code: string; count: number }[] {
  return Object.entries(byCategory ?? {})
    .map(([code, count]) => ({ code, count }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Share of the unit's households under a team's or group's supervision, whole percent; null without households. */
export function supervisedShare(
  figures: Pick<Figures, 'householdsSupervised' | 'households'>,
): number | null {
  if (!figures.households) return null;
  return Math.round((figures.householdsSupervised / figures.households) * 100);
}

/** Units with the largest value first; equal values keep the server's order (by name). */
export function sortByFigure<R extends { [key: string]: unknown }>(
  rows: readonly R[],
  figure: FigureKey,
): R[] {
  const value = (row: R) => (typeof row[figure] === 'number' ? (row[figure] as number) : 0);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => value(b.row) - value(a.row) || a.index - b.index)
    .map(({ row }) => row);
}
