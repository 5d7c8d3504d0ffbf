import { useQuery } from '@tanstack/react-query';
import { isTeamLeaderOnly } from '../teams/landing';
import { type MeData, meQuery } from './auth.api';

/** The signed-in account; only for pages under RequireAuth, where it is always loaded. */
export function useMe(): MeData {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe outside RequireAuth');
  return data;
}

export function canDo(me: MeData, action: MeData['actions'][number]): boolean {
  return me.actions.includes(action);
}

/**
 * Where to land after login: a team leader on the phone page of their team; others on the first
 * assigned unit still in force today, else the tree.
 */
export function landingPath(me: MeData, today: string): string {
  if (isTeamLeaderOnly(me.grants.map((grant) => grant.role))) return `/my-team?at=${today}`;
  const grant = me.grants.find(
    (candidate) => candidate.unitCode && (candidate.unitValidTo === null || candidate.unitValidTo > today),
  );
  const path = grant?.unitCode ? `/units/${encodeURIComponent(grant.unitCode)}` : '/units';
  return `${path}?at=${today}`;
}
