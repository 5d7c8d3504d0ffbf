import { describe, expect, it } from 'vitest';
import { barShares, categoryCounts, sortByFigure, supervisedShare } from './figures';

describe('figures', () => {
  it('scales bars to the largest value', () => {
    expect(barShares([82_337, 41_000, 0])).toEqual([100, 50, 0]);
    expect(barShares([0, 0])).toEqual([0, 0]);
    expect(barShares([])).toEqual([]);
    expect(barShares([3, 1])).toEqual([100, 33]);
  });

  it('lists categories largest first and leaves out empty ones', () => {
    expect(categoryCounts({ poor: 12, near_poor: 30, disability: 12, lone_elderly: 0 })).toEqual([
      { code: 'near_poor', count: 30 },
      { code: 'disability', count: 12 },
      { code: 'poor', count: 12 },
    ]);
    expect(categoryCounts(null)).toEqual([]);
  });

  it('orders units by the chosen figure, keeping the given order between equals', () => {
    const rows = [
      { unitCode: 'a', teams: 1, households: 9 },
      { unitCode: 'b', teams: 3, households: 2 },
      { unitCode: 'c', teams: 1, households: 5 },
    ];
    expect(sortByFigure(rows, 'teams').map((row) => row.unitCode)).toEqual(['b', 'a', 'c']);
    expect(sortByFigure(rows, 'households').map((row) => row.unitCode)).toEqual(['a', 'c', 'b']);
    expect(rows.map((row) => row.unitCode)).toEqual(['a', 'b', 'c']);
  });

  it('gives the supervised share of households', () => {
    expect(supervisedShare({ householdsSupervised: 82_337, households: 100_000 })).toBe(82);
    expect(supervisedShare({ householdsSupervised: 5, households: 0 })).toBeNull();
  });
});
