import type { ComputedSource, SelfGovernanceFigures } from '@doanket/domain';
import { sumFigures, sumFiguresByChild } from '../../teams/stats.repository';
import { byChild, drillPath, notInForce, sharedAnswer, unitCodeAt } from './scope';
import type { ComputedIndicator, ComputedValue, ComputeScope } from './types';

const none: SelfGovernanceFigures = {
  teams: 0,
  teamMembers: 0,
  groups: 0,
  groupMembers: 0,
  householdsSupervised: 0,
};

/**
 * A count of the self-governance figures on the period's end, rolled up over the tree of that day
 * from the figures the teams' triggers keep (stats.repository).
 */
export function selfGovernanceIndicator(options: {
  key: ComputedSource;
  describe: { vi: string; en: string };
  count: (figures: SelfGovernanceFigures) => number;
  detail?: (figures: SelfGovernanceFigures) => Record<string, number>;
  drill: { path: string; query?: Record<string, string> };
}): ComputedIndicator {
  const toValue = (figures: SelfGovernanceFigures, unitCode: string, scope: ComputeScope): ComputedValue => {
    const count = options.count(figures);
    return {
      value: count,
      numerator: count,
      denominator: null,
      drill: drillPath(options.drill.path, unitCode, scope, options.drill.query),
      ...(options.detail ? { detail: options.detail(figures) } : {}),
    };
  };
  return {
    key: options.key,
    describe: options.describe,
    async compute(db, scope) {
      const code = await unitCodeAt(db, scope);
      if (code === null) return notInForce();
      return toValue(await sumFigures(db, scope.unitId, scope.periodEnd), code, scope);
    },
    async computeByChild(db, scope) {
      const { children } = await sumFiguresByChild(db, scope.unitId, scope.periodEnd);
      return byChild(db, scope, children, (figures, child) => toValue(figures ?? none, child.code, scope));
    },
    async computeWithChildren(db, scope) {
      const code = await unitCodeAt(db, scope);
      if (code === null) return { total: notInForce(), children: new Map() };
      // Teams, groups and households supervised come from the same figures: one query for all three.
      const { total, children } = await sharedAnswer(scope, 'self-governance', () =>
        sumFiguresByChild(db, scope.unitId, scope.periodEnd),
      );
      return {
        total: toValue(total, code, scope),
        children: await byChild(db, scope, children, (figures, child) =>
          toValue(figures ?? none, child.code, scope),
        ),
      };
    },
  };
}
