import type { UnitKind } from '../units/contracts';
import { type Action, actions, type Role } from './roles';

export { actions, roles } from './roles';

export type Grant = { role: Role; unitId: string | null };

/** A unit seen with every unit above it at any date (a residential group may have moved). */
export type UnitInTree = {
  unitId: string;
  kind: UnitKind;
  /** Units that have been its parent at some date. */
  parentIds: readonly string[];
  /** Units above it at some date, parents included. */
  ancestorIds: readonly string[];
};

export type Actor = { userId: string; username: string; grants: readonly Grant[] };

/**
 * What each role may do, and how far down from the unit it is granted on:
 * `subtree` — the unit and everything below it; `own` — the unit and its residential groups.
 */
const permissions: Record<Role, Partial<Record<Action, 'subtree' | 'own'>>> = {
  system_admin: {
    read: 'subtree',
    'units.write': 'subtree',
    'units.import': 'subtree',
    'users.manage': 'subtree',
    'audit.read': 'subtree',
    'funds.write': 'subtree',
    'households.write': 'subtree',
    'teams.write': 'subtree',
    'persons.reveal': 'subtree',
    'plans.write': 'subtree',
  },
  standing_committee: {
    read: 'subtree',
    'plans.write': 'subtree',
    'units.write': 'subtree',
    'users.manage': 'subtree',
    'audit.read': 'subtree',
    'funds.write': 'subtree',
    'households.write': 'subtree',
    'teams.write': 'subtree',
    'persons.reveal': 'subtree',
  },
  officer: {
    read: 'subtree',
    'plans.write': 'own',
    'units.write': 'own',
    'audit.read': 'subtree',
    'households.write': 'own',
    'teams.write': 'own',
    'persons.reveal': 'own',
  },
  treasurer: { read: 'subtree', 'funds.write': 'subtree', 'ledger.post': 'subtree' },
  residential_group_head: {
    read: 'subtree',
    'households.write': 'subtree',
    'teams.write': 'subtree',
    'persons.reveal': 'subtree',
  },
  team_leader: { read: 'subtree', 'teams.write': 'subtree' },
  viewer: { read: 'subtree' },
};

function reaches(grant: Grant, reach: 'subtree' | 'own', target: UnitInTree): boolean {
  if (grant.unitId === null) return true;
  if (grant.unitId === target.unitId) return true;
  if (reach === 'subtree') return target.ancestorIds.includes(grant.unitId);
  return target.kind === 'residential_group' && target.parentIds.includes(grant.unitId);
}

/**
 * The one rule that decides every request: may this actor do this action on this unit?
 * A null unit means the whole country, which only a nationally granted role reaches.
 */
export function authorize(actor: Actor, action: Action, unit: UnitInTree | null): boolean {
  return actor.grants.some((grant) => {
    const reach = permissions[grant.role][action];
    if (!reach) return false;
    if (unit === null) return grant.unitId === null;
    return reaches(grant, reach, unit);
  });
}

/** Roles that need a unit; only the system administrator may be granted nationally. */
export function roleNeedsUnit(role: Role): boolean {
  return role !== 'system_admin';
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'system_admin' && grant.unitId === null);
}

/** Actions the actor holds on some unit, for showing or hiding parts of the interface. */
export function actionsOf(actor: Actor): Action[] {
  return actions.filter((action) => actor.grants.some((grant) => permissions[grant.role][action]));
}
