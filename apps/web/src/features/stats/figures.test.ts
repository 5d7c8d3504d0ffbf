import { describe, expect, it } from 'vitest';
import { barShares, categoryCounts, supervisedShare } from './figures';

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

  it('gives the supervised share of households', () => {
    expect(supervisedShare({ householdsSupervised: 82_337, households: 100_000 })).toBe(82);
    expect(supervisedShare({ householdsSupervised: 5, households: 0 })).toBeNull();
    expect(supervisedShare({ householdsSupervised: 5, households: null })).toBeNull();
  });
});
