import type { Db } from '../../../db/client';
import { countHouseholds } from '../../teams/stats.repository';
import { registeredCulturalFamilies, subtreeWithParents } from './computed.repository';
import { byChild, drillPath, notInForce, percentOf, sharedAnswer, unitCodeAt } from './scope';
import type { ComputedIndicator, ComputedValue, ComputeScope } from './types';

type Counts = { households: number; registered: number; recognized: number };

function toValue(counts: Counts, unitCode: string, scope: ComputeScope): ComputedValue {
  return {
    value: percentOf(counts.registered, counts.households),
    numerator: counts.registered,
    denominator: counts.households,
    drill: drillPath('/households', unitCode, scope, { culturalYear: String(scope.year) }),
    detail: { recognized: counts.recognized },
  };
}

const sum = (rows: Iterable<Counts>): Counts => {
  const total: Counts = { households: 0, registered: 0, recognized: 0 };
  for (const row of rows) {
    total.households += row.households;
    total.registered += row.registered;
    total.recognized += row.recognized;
  }
  return total;
};

/** Households and registered cultural families of the period's end, per branch of the unit's subtree. */
async function countsByBranch(db: Db, scope: ComputeScope) {
  const [households, units] = await Promise.all([
    countHouseholds(db, scope.unitId, scope.periodEnd),
    sharedAnswer(scope, 'subtree', () => subtreeWithParents(db, scope.unitId, scope.periodEnd)),
  ]);
  const registered = await registeredCulturalFamilies(db, { units, at: scope.periodEnd, year: scope.year });
  const counts = new Map<string, Counts>();
  const entry = (branch: string) => {
    const found = counts.get(branch) ?? { households: 0, registered: 0, recognized: 0 };
    counts.set(branch, found);
    return found;
  };
  for (const [branch, row] of households) entry(branch).households += row.households;
  for (const [branch, row] of registered) {
    entry(branch).registered += row.registered;
    entry(branch).recognized += row.recognized;
  }
  return counts;
}

export const culturalFamilies: ComputedIndicator = {
  key: 'cultural_families',
  describe: {
    vi: 'Tỷ lệ hộ đăng ký gia đình văn hóa (%) = số hộ có đăng ký gia đình văn hóa của năm / tổng số hộ; tính trên các hộ cư trú tại các tổ dân phố thuộc đơn vị vào ngày cuối kỳ.',
    en: 'Cultural-family registration (%) = households registered as cultural families for the year / all households; over the households placed in the residential groups of the unit on the last day of the period.',
  },
  async compute(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return notInForce();
    return toValue(sum((await countsByBranch(db, scope)).values()), code, scope);
  },
  async computeByChild(db, scope) {
    const counts = await countsByBranch(db, scope);
    return byChild(db, scope, counts, (row, child) => toValue(row ?? sum([]), child.code, scope));
  },
  async computeWithChildren(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return { total: notInForce(), children: new Map() };
    const counts = await countsByBranch(db, scope);
    return {
      total: toValue(sum(counts.values()), code, scope),
      children: await byChild(db, scope, counts, (row, child) => toValue(row ?? sum([]), child.code, scope)),
    };
  },
};
