import type { ComputedSource } from '@doanket/domain';
import type { Db } from '../../../db/client';

export type ComputeScope = {
  unitId: string;
  year: number;
  /** ISO date, e.g. 2021-12-31 or a quarter's end: the tree, the placements and the money are taken on it. */
  periodEnd: string;
  /**
   * Answers the indicators of one evaluation share (the tree, the self-governance figures): the
   * same question is asked once. Absent: nothing is shared.
   */
  shared?: Map<string, Promise<unknown>>;
};

export type ComputedValue = {
  /** null when there is nothing to measure (e.g. no household, no target). */
  value: number | null;
  /** What the value is made of (for percentages); for counts, the count and no denominator. */
  numerator: number;
  denominator: number | null;
  /** Where a person drills down to the records behind it: a web path with query. */
  drill: string | null;
  /** Optional parts (e.g. per category). */
  detail?: Record<string, number>;
};

export type ComputedIndicator = {
  key: ComputedSource;
  /** The formula in words. */
  describe: { vi: string; en: string };
  compute(db: Db, scope: ComputeScope): Promise<ComputedValue>;
  /** The same for each child of the unit (tree of periodEnd), in one pass. */
  computeByChild(db: Db, scope: ComputeScope): Promise<Map<string, ComputedValue>>;
  /** Both from the same queries: what an evaluation of a unit with its children needs. */
  computeWithChildren(db: Db, scope: ComputeScope): Promise<ComputedWithChildren>;
};

export type ComputedWithChildren = { total: ComputedValue; children: Map<string, ComputedValue> };
