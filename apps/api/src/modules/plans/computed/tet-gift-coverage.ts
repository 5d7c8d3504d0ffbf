import type { Db } from '../../../db/client';
import { findPathAt } from '../../units/units.repository';
import {
  subtreeWithParents,
  type TetCoverage,
  tetCoverageByBranch,
  tetProgramsStarting,
} from './computed.repository';
import { byChild, drillPath, notInForce, percentOf, sharedAnswer, unitCodeAt } from './scope';
import type { ComputedIndicator, ComputedValue, ComputeScope } from './types';

const none: TetCoverage = {
  eligible: 0,
  supported: 0,
  policy: 0,
  policySupported: 0,
  nearPoor: 0,
  nearPoorSupported: 0,
};

const sum = (rows: Iterable<TetCoverage>): TetCoverage => {
  const total = { ...none };
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof TetCoverage>) total[key] += row[key];
  }
  return total;
};

function toValue(coverage: TetCoverage, unitCode: string, scope: ComputeScope): ComputedValue {
  const { eligible, supported, ...detail } = coverage;
  return {
    value: percentOf(supported, eligible),
    numerator: supported,
    denominator: eligible,
    drill: drillPath('/programs', unitCode, scope, { kind: 'tet_gift', year: String(scope.year) }),
    detail,
  };
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Coverage per branch of the unit's subtree. Each residential group is taken on the eligibility date
 * of the year's Tết programmes run by it or by a unit above it in the tree of the period's end (the
 * earliest if several), or on the period's end when no programme reaches it.
 */
async function coverageByBranch(db: Db, scope: ComputeScope): Promise<Map<string, TetCoverage>> {
  const from = `${scope.year}-01-01`;
  const [tree, path, programs] = await Promise.all([
    sharedAnswer(scope, 'subtree', () => subtreeWithParents(db, scope.unitId, scope.periodEnd)),
    findPathAt(db, scope.unitId, scope.periodEnd),
    tetProgramsStarting(db, { from, to: scope.periodEnd }),
  ]);
  const dateOf = new Map<string, string>();
  for (const program of programs)
    dateOf.set(program.unitId, earlier(dateOf.get(program.unitId) ?? null, program.eligibleOn)!);
  const above = path
    .filter((unit) => unit.unitId !== scope.unitId)
    .reduce<string | null>((date, unit) => earlier(date, dateOf.get(unit.unitId) ?? null), null);
  const parentOf = new Map(tree.map((unit) => [unit.unitId, unit.parentUnitId]));
  const days = new Map<string, string | null>();
  const dayOf = (unitId: string): string | null => {
    if (days.has(unitId)) return days.get(unitId)!;
    const parent = unitId === scope.unitId ? null : (parentOf.get(unitId) ?? null);
    const day = earlier(parent === null ? above : dayOf(parent), dateOf.get(unitId) ?? null);
    days.set(unitId, day);
    return day;
  };
  const units = tree.map((unit) => ({
    unitId: unit.unitId,
    branch: unit.branch,
    day: dayOf(unit.unitId) ?? scope.periodEnd,
  }));
  return tetCoverageByBranch(db, { units, year: scope.year, to: scope.periodEnd });
}

export const tetGiftCoverage: ComputedIndicator = {
  key: 'tet_gift_coverage',
  describe: {
    vi: 'Tỷ lệ gia đình chính sách, hộ cận nghèo được tặng quà Tết (%) = số hộ đã nhận quà (đã chi hoặc đã ký nhận, không bị hủy bút toán) của các chương trình quà Tết bắt đầu trong năm / tổng số hộ gia đình chính sách và hộ cận nghèo cư trú trên địa bàn vào ngày xét diện của chương trình (ngày cuối kỳ nếu không có chương trình).',
    en: 'Tết-gift coverage (%) = policy-family and near-poor households that received a paid or confirmed, non-reversed distribution of a Tết-gift programme starting in the year / all policy-family and near-poor households living in the area on the programme’s eligibility date (the last day of the period where no programme reaches them).',
  },
  async compute(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return notInForce();
    return toValue(sum((await coverageByBranch(db, scope)).values()), code, scope);
  },
  async computeByChild(db, scope) {
    const coverage = await coverageByBranch(db, scope);
    return byChild(db, scope, coverage, (row, child) => toValue(row ?? none, child.code, scope));
  },
  async computeWithChildren(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return { total: notInForce(), children: new Map() };
    const coverage = await coverageByBranch(db, scope);
    return {
      total: toValue(sum(coverage.values()), code, scope),
      children: await byChild(db, scope, coverage, (row, child) => toValue(row ?? none, child.code, scope)),
    };
  },
};
