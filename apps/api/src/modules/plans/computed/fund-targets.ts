import type { Db } from '../../../db/client';
import {
  campaignTargetsIn,
  type SubtreeUnit,
  subtreeWithParents,
  type TargetRow,
} from './computed.repository';
import { raisedByBranchAndCampaign } from './fund-targets.repository';
import { byChild, drillPath, notInForce, percentOf, unitCodeAt } from './scope';
import type { ComputedIndicator, ComputedValue, ComputeScope } from './types';

/**
 * The target each unit of the subtree holds for each campaign: the one a level above assigned it,
 * else the sum of its children's, else none.
 */
function targetResolver(tree: readonly SubtreeUnit[], targets: readonly TargetRow[]) {
  const children = new Map<string, string[]>();
  for (const unit of tree) {
    if (unit.parentUnitId === null) continue;
    children.set(unit.parentUnitId, [...(children.get(unit.parentUnitId) ?? []), unit.unitId]);
  }
  const own = new Map<string, number>();
  for (const row of targets) own.set(`${row.campaignId}:${row.unitId}`, row.amount);
  const memo = new Map<string, number | null>();
  const targetOf = (unitId: string, campaignId: string): number | null => {
    const key = `${campaignId}:${unitId}`;
    if (own.has(key)) return own.get(key)!;
    if (memo.has(key)) return memo.get(key)!;
    let sum: number | null = null;
    for (const child of children.get(unitId) ?? []) {
      const target = targetOf(child, campaignId);
      if (target !== null) sum = (sum ?? 0) + target;
    }
    memo.set(key, sum);
    return sum;
  };
  const campaignIds = [...new Set(targets.map((row) => row.campaignId))];
  /** The campaigns in which the unit holds a target, with that target. */
  return (unitId: string) =>
    campaignIds.flatMap((campaignId) => {
      const target = targetOf(unitId, campaignId);
      return target === null ? [] : [{ campaignId, target }];
    });
}

type Achievement = { raised: number; target: number; campaigns: number };

function toValue(achievement: Achievement, unitCode: string, scope: ComputeScope): ComputedValue {
  const hasTarget = achievement.campaigns > 0;
  return {
    value: hasTarget ? percentOf(achievement.raised, achievement.target) : null,
    numerator: achievement.raised,
    denominator: hasTarget ? achievement.target : null,
    drill: drillPath('/campaigns', unitCode, scope),
    detail: { campaigns: achievement.campaigns },
  };
}

/** Targets and money of the units asked (the root, or its children), from three set-based queries. */
async function achievements(db: Db, scope: ComputeScope, of: 'root' | 'children' | 'both') {
  const from = `${scope.year}-01-01`;
  const [tree, targets] = await Promise.all([
    subtreeWithParents(db, scope.unitId, scope.periodEnd),
    campaignTargetsIn(db, { unitId: scope.unitId, from, to: scope.periodEnd }),
  ]);
  const heldBy = targetResolver(tree, targets);
  const children = tree.filter((unit) => unit.parentUnitId === scope.unitId).map((unit) => unit.unitId);
  const units = of === 'root' ? [scope.unitId] : of === 'children' ? children : [scope.unitId, ...children];
  const held = new Map(units.map((unitId) => [unitId, heldBy(unitId)]));
  const campaignIds = [...new Set([...held.values()].flat().map((row) => row.campaignId))];
  const raised = await raisedByBranchAndCampaign(db, {
    units: tree.map((unit) => ({ unitId: unit.unitId, branch: unit.branch })),
    at: scope.periodEnd,
    campaignIds,
  });
  const result = new Map<string, Achievement>();
  for (const [unitId, campaigns] of held) {
    const counted = new Set(campaigns.map((row) => row.campaignId));
    const money = raised
      .filter((row) => (unitId === scope.unitId || row.branch === unitId) && counted.has(row.campaignId))
      .reduce((sum, row) => sum + row.raised, 0);
    result.set(unitId, {
      raised: money,
      target: campaigns.reduce((sum, row) => sum + row.target, 0),
      campaigns: campaigns.length,
    });
  }
  return result;
}

const nothing: Achievement = { raised: 0, target: 0, campaigns: 0 };

export const fundTargets: ComputedIndicator = {
  key: 'fund_targets',
  describe: {
    vi: 'Tỷ lệ hoàn thành chỉ tiêu vận động quỹ (%) = số tiền và hiện vật (quy ra tiền) các quỹ của đơn vị và cấp dưới tiếp nhận đến ngày cuối kỳ cho các cuộc vận động trong năm mà cấp trên giao chỉ tiêu cho đơn vị / tổng chỉ tiêu được giao; đơn vị không được giao chỉ tiêu riêng lấy tổng chỉ tiêu giao cho các đơn vị trực thuộc.',
    en: 'Fund targets achieved (%) = money and items (valued) received up to the last day of the period by the funds of the unit and the units below it for the year’s campaigns in which a level above assigned the unit a target / the targets assigned; a unit given no target of its own takes the sum of its children’s.',
  },
  async compute(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return notInForce();
    const root = (await achievements(db, scope, 'root')).get(scope.unitId) ?? nothing;
    return toValue(root, code, scope);
  },
  async computeByChild(db, scope) {
    const children = await achievements(db, scope, 'children');
    return byChild(db, scope, children, (row, child) => toValue(row ?? nothing, child.code, scope));
  },
  async computeWithChildren(db, scope) {
    const code = await unitCodeAt(db, scope);
    if (code === null) return { total: notInForce(), children: new Map() };
    const both = await achievements(db, scope, 'both');
    return {
      total: toValue(both.get(scope.unitId) ?? nothing, code, scope),
      children: await byChild(db, scope, both, (row, child) => toValue(row ?? nothing, child.code, scope)),
    };
  },
};
