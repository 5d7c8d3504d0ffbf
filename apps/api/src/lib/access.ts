import {
  type Action,
  type Actor,
  authorize,
  isSystemAdmin,
  type MessageKey,
  type UnitInTree,
} from '@doanket/domain';
import type { Db } from '../db/client';
import { findAllTimeAncestors, findUnitInTree } from '../modules/units/units.repository';
import { AppError, forbidden, notFound } from './app-error';
import type { RequestContext } from './context';

const readActions = new Set<Action>(['read', 'audit.read']);

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthorized', 'auth.required');
  return ctx.actor;
}

/**
 * Decides one request on one unit through the single `authorize` rule.
 * Out of scope, a read answers 404 (the unit is not shown to exist) and a write 403.
 */
export async function authorizeUnit(
  db: Db,
  ctx: RequestContext,
  action: Action,
  unitId: string,
): Promise<UnitInTree> {
  const actor = requireActor(ctx);
  const unit = await findUnitInTree(db, unitId);
  if (!unit) throw notFound('unit.not_found');
  if (authorize(actor, action, unit)) return unit;
  // What one may not even read is not shown to exist; a write out of scope is refused.
  if (readActions.has(action) && !authorize(actor, 'read', unit)) throw notFound('unit.not_found');
  throw forbidden();
}

/**
 * Awaits a check and, when it answers 404 (out of reading scope), answers the resource's own 404
 * instead, so a hidden fund, campaign or donation reads as missing in its own words.
 */
export async function hiddenAs<T>(key: MessageKey, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound(key);
    throw error;
  }
}

/** The whole country: only a nationally granted role may act without a unit. */
export function authorizeNational(ctx: RequestContext, action: Action): Actor {
  const actor = requireActor(ctx);
  if (!authorize(actor, action, null)) throw forbidden();
  return actor;
}

export type Scope = {
  isNational: boolean;
  /** Units a role is granted on. */
  grantUnitIds: Set<string>;
  /** Units above the granted ones: shown for navigation, with only the way down to the scope. */
  contextUnitIds: Set<string>;
};

export async function scopeOf(db: Db, actor: Actor): Promise<Scope> {
  const grantUnitIds = new Set(actor.grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])));
  return {
    isNational: isSystemAdmin(actor),
    grantUnitIds,
    contextUnitIds: await findAllTimeAncestors(db, [...grantUnitIds]),
  };
}
