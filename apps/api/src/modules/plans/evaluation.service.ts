import {
  achievementPercent,
  type ComputedSource,
  type EvaluationItem,
  evaluateStatus,
  type IndicatorKind,
  type Target,
  todayInVietnam,
  valueText,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { authorizeUnit } from '../../lib/access';
import { badRequest, notFound } from '../../lib/app-error';
import type { RequestContext } from '../../lib/context';
import { findAllTimeDescendants, findVersionOfUnit, listChildren } from '../units/units.repository';
import { computedIndicators } from './computed/index';
import * as repo from './plans.repository';
import { findPlanFor, findUnitOfYear, targetViewOf } from './plans.service';

export type Period = 'year' | 'q1' | 'q2' | 'q3' | 'q4';

const periodEnds: Record<Period, string> = {
  q1: '03-31',
  q2: '06-30',
  q3: '09-30',
  q4: '12-31',
  year: '12-31',
};
export const periodEndOf = (year: number, period: Period) => `${year}-${periodEnds[period]}`;

type ManualValue = Awaited<ReturnType<typeof repo.listValues>>[number];

/**
 * A manual value of a unit: its own entry, or else the roll-up of what the units below it entered
 * (sums for counts and amounts, the mean for percentages), so a district sees its wards' work.
 */
function rollUpManual(
  kind: IndicatorKind,
  own: ManualValue | undefined,
  children: Array<number | null>,
): number | null {
  if (own) return own.value;
  const known = children.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const sum = known.reduce((total, value) => total + value, 0);
  return kind === 'percentage' || kind === 'rating_share' ? sum / known.length : sum;
}

/**
 * Each indicator of a plan for a unit and a period: its value (computed from the modules, or
 * entered), the target handed to that unit, the status, and the contributing units below it —
 * over the administrative tree as it stood at the period's end.
 */
export async function evaluatePlan({
  db,
  ctx,
  id,
  unit,
  period,
}: {
  db: Db;
  ctx: RequestContext;
  id: string;
  unit?: string;
  period: Period;
}) {
  const plan = await findPlanFor(db, ctx, id, 'read');
  const periodEnd = periodEndOf(plan.year, period);
  const rootVersion = unit
    ? await findUnitOfYear(db, unit, plan.year)
    : ((await findVersionOfUnit(db, plan.unitId, periodEnd)) ??
      (await findVersionOfUnit(db, plan.unitId, `${plan.year}-01-01`)));
  if (!rootVersion) throw notFound('unit.not_found');
  if (rootVersion.unitId !== plan.unitId) {
    const below = new Set(await findAllTimeDescendants(db, [plan.unitId]));
    if (!below.has(rootVersion.unitId)) throw badRequest('plans.target.not_below', 'unit');
  }
  await authorizeUnit(db, ctx, 'read', rootVersion.unitId);
  const children = await listChildren(db, rootVersion.unitId, periodEnd);
  const indicators = await repo.listPlanIndicators(db, plan.id);
  const unitTargets = await repo.listUnitTargets(
    db,
    indicators.map((item) => item.id),
  );
  const unitIds = [rootVersion.unitId, ...children.map((child) => child.unitId)];
  const manual = await repo.listValues(
    db,
    indicators.map((item) => item.id),
    unitIds,
    period,
  );
  const enteredBy = await repo.userNames(
    db,
    manual.flatMap((value) => (value.enteredBy ? [value.enteredBy] : [])),
  );
  const isPeriodOver = todayInVietnam() > periodEnd;
  const scope = { unitId: rootVersion.unitId, year: plan.year, periodEnd, shared: new Map() };

  const targetOf = new Map(
    unitTargets.map((target) => [`${target.planIndicatorId}:${target.unitId}`, target]),
  );
  const manualOf = new Map(manual.map((row) => [`${row.planIndicatorId}:${row.unitId}`, row]));
  // The indicators are independent: on a server database their queries run side by side.
  const evaluate = async (item: (typeof indicators)[number]): Promise<EvaluationItem> => {
    const definition = item.definition;
    const kind = definition.kind as IndicatorKind;
    const targetFor = (unitId: string): Target => {
      const own = targetOf.get(`${item.id}:${unitId}`);
      const base = own ?? item;
      const quarter = period === 'year' ? null : (item.quarterTargets?.[Number(period.slice(1)) - 1] ?? null);
      return {
        comparison: base.comparison as Target['comparison'],
        value: own ? own.targetValue : (quarter ?? base.targetValue),
        max: base.targetMax,
      };
    };
    const target = targetFor(rootVersion.unitId);
    let value: number | null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    let drill: string | null = null;
    let evidence: EvaluationItem['evidence'] = null;
    let childValues: Map<string, number | null>;
    if (definition.sourceType === 'computed' && definition.computedKey) {
      const source = computedIndicators[definition.computedKey as ComputedSource];
      // One pass gives the unit's value and its children's.
      const { total: whole, children: byChild } = await source.computeWithChildren(db, scope);
      value = whole.value;
      numerator = whole.numerator;
      denominator = whole.denominator;
      drill = whole.drill;
      childValues = new Map(
        children.map((child) => [child.unitId, byChild.get(child.unitId)?.value ?? null]),
      );
    } else {
      const own = manualOf.get(`${item.id}:${rootVersion.unitId}`);
      childValues = new Map(
        children.map((child) => [child.unitId, manualOf.get(`${item.id}:${child.unitId}`)?.value ?? null]),
      );
      value = rollUpManual(kind, own, [...childValues.values()]);
      if (own) {
        evidence = {
          id: own.id,
          name: own.evidenceName,
          enteredBy: own.enteredBy ? (enteredBy.get(own.enteredBy) ?? null) : null,
          enteredAt: own.enteredAt.toISOString(),
        };
      }
    }
    return {
      key: definition.key,
      name: definition.name,
      kind,
      unitOfMeasure: definition.unitOfMeasure,
      target: targetViewOf(definition, target).text,
      targetValue: targetViewOf(definition, target),
      value,
      valueText: valueText(kind, definition.unitOfMeasure, value),
      percent: achievementPercent(target, value),
      status: evaluateStatus(kind, target, value, isPeriodOver),
      source: definition.sourceType as 'computed' | 'manual',
      numerator,
      denominator,
      drill,
      evidence,
      contributing: children.map((child) => {
        const childValue = childValues.get(child.unitId) ?? null;
        return {
          unitCode: child.code,
          unitName: child.name,
          value: childValue,
          status: evaluateStatus(kind, targetFor(child.unitId), childValue, isPeriodOver),
        };
      }),
    };
  };
  const items = await Promise.all(indicators.map(evaluate));
  return {
    unitCode: rootVersion.code,
    unitName: rootVersion.name,
    year: plan.year,
    period,
    periodEnd,
    items,
  };
}
