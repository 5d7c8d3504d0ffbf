import {
  type SelfGovernanceBreakdown,
  type SelfGovernanceBreakdownFigures,
  type SelfGovernanceFigures,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { type KeptFigureSet, rebuildKeptFigures } from '../../db/kept-figures';
import { authorizeUnit } from '../../lib/access';
import { notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { findVersionByCode, listChildren } from '../units/units.repository';
import * as repo from './stats.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

async function findReadableUnit(db: Db, ctx: RequestContext, code: string, at: string) {
  const unit = await findVersionByCode(db, code, at);
  if (!unit) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', unit.unitId);
  return unit;
}

/**
 * Self-governance figures of a unit on a date, rolled up over the tree as it stood that day: teams
 * and groups in force attached to the unit or below it, their members then, and the distinct
 * households in the care of any of them.
 */
export async function getSelfGovernanceFigures({
  db,
  ctx,
  unit,
  at,
}: Options<{ unit: string; at?: string }>): Promise<SelfGovernanceFigures> {
  const date = at ?? todayInVietnam();
  const root = await findReadableUnit(db, ctx, unit, date);
  return repo.sumFigures(db, root.unitId, date);
}

/** The same figures with the households and their categories, for the unit and each unit below it. */
export async function getSelfGovernanceBreakdown({
  db,
  ctx,
  unit,
  at,
}: Options<{ unit: string; at?: string }>): Promise<SelfGovernanceBreakdown> {
  const date = at ?? todayInVietnam();
  const root = await findReadableUnit(db, ctx, unit, date);
  const figures = await repo.sumFiguresByChild(db, root.unitId, date);
  const households = await repo.countHouseholds(db, root.unitId, date);
  const householdsOf = (key: string) => households.get(key) ?? { households: 0, byCategory: {} };
  // Households live in residential groups, which are each under exactly one child on the date.
  const all: repo.HouseholdCounts = { households: 0, byCategory: {} };
  for (const counts of households.values()) {
    all.households += counts.households;
    for (const [code, count] of Object.entries(counts.byCategory)) {
      all.byCategory[code] = (all.byCategory[code] ?? 0) + count;
    }
  }
  const children = await listChildren(db, root.unitId, date);
  const figuresOf = (key: string): SelfGovernanceBreakdownFigures => ({
    ...(figures.children.get(key) ?? {
      teams: 0,
      teamMembers: 0,
      groups: 0,
      groupMembers: 0,
      householdsSupervised: 0,
    }),
    ...householdsOf(key),
  });
  return {
    unitCode: root.code,
    unitName: root.name,
    at: date,
    total: { ...figures.total, ...all },
    children: children.map((child) => ({
      unitCode: child.code,
      unitName: child.name,
      kind: child.kind,
      ...figuresOf(child.unitId),
    })),
  };
}

class CheckOnly extends Error {}

/**
 * Recomputes the figures kept per unit from the records (db/kept-figures.ts: self-governance,
 * households, cultural families, Tết gifts), or (apply false) only tells how many rows differ per
 * set; a recomputation that changed something is audited.
 */
export async function rebuildFigures({
  db,
  ctx,
  apply,
}: Options<{ apply: boolean }>): Promise<Record<KeptFigureSet, number>> {
  let result = {} as Record<KeptFigureSet, number>;
  try {
    await db.transaction(async (tx) => {
      result = await rebuildKeptFigures(tx);
      if (!apply) throw new CheckOnly();
      if (Object.values(result).some((rows) => rows > 0)) {
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'self_governance_figures',
          entityId: null,
          unitId: null,
          after: result,
        });
      }
    });
  } catch (error) {
    if (!(error instanceof CheckOnly)) throw error;
  }
  return result;
}
