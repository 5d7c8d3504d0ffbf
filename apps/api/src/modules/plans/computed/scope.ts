import type { Db } from '../../../db/client';
import { type ChildRow, findVersionOfUnit, listChildren } from '../../units/units.repository';
import type { ComputedValue, ComputeScope } from './types';

/** The answer of `ask` for the scope's unit and date, asked once per evaluation that shares answers. */
export function sharedAnswer<T>(scope: ComputeScope, question: string, ask: () => Promise<T>): Promise<T> {
  if (!scope.shared) return ask();
  const key = `${question}:${scope.unitId}:${scope.periodEnd}`;
  let answer = scope.shared.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = ask();
    scope.shared.set(key, answer);
  }
  return answer;
}

/** The unit's code on the period's end, or null when the unit was not in force that day. */
export async function unitCodeAt(db: Db, scope: ComputeScope): Promise<string | null> {
  const version = await sharedAnswer(scope, 'version', () =>
    findVersionOfUnit(db, scope.unitId, scope.periodEnd),
  );
  return version?.code ?? null;
}

/** The children of the unit in the tree of the period's end. */
export const childrenAt = (db: Db, scope: ComputeScope): Promise<ChildRow[]> =>
  sharedAnswer(scope, 'children', () => listChildren(db, scope.unitId, scope.periodEnd));

/** A share in percent, unrounded (the plan rounds it as it is shown), or null with nothing to divide by. */
export const percentOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? (numerator * 100) / denominator : null;

/** A web path with its query: the unit and the date first, as every page of the app reads them. */
export function drillPath(
  path: string,
  unitCode: string,
  scope: ComputeScope,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ unit: unitCode, at: scope.periodEnd, ...extra });
  return `${path}?${query.toString()}`;
}

/** The value of a unit that was not in force on the period's end. */
export const notInForce = (): ComputedValue => ({
  value: null,
  numerator: 0,
  denominator: null,
  drill: null,
});

/**
 * A value for each child of the unit on the period's end, from results kept per branch (child unit
 * id): children with no row get the value of zero records.
 */
export async function byChild<T>(
  db: Db,
  scope: ComputeScope,
  branches: ReadonlyMap<string, T>,
  toValue: (row: T | undefined, child: ChildRow) => ComputedValue,
): Promise<Map<string, ComputedValue>> {
  const children = await childrenAt(db, scope);
  return new Map(children.map((child) => [child.unitId, toValue(branches.get(child.unitId), child)]));
}
