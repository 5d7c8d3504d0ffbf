import { useQuery } from '@tanstack/react-query';
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

/** Where to land after login: the first assigned unit still in force today, else the tree. */
export function landingPath(me: MeData, today: string): string {
  const grant = me.grants.find(
    (candidate) => candidate.unitCode && (candidate.unitValidTo === null || candidate.unitValidTo > today),
  );
  const path = grant?.unitCode ? `/units/${encodeURIComponent(grant.unitCode)}` : '/units';
  return `${path}?at=${today}`;
}
