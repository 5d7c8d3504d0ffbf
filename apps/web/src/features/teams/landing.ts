import type { Role } from '@doanket/domain';

/** Team leaders without a broader role start on their phone page rather than the unit tree. */
export function isTeamLeaderOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'team_leader');
}
