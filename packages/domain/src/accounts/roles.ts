export const roles = [
  'system_admin',
  'standing_committee',
  'officer',
  'treasurer',
  'residential_group_head',
  'team_leader',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'read',
  'units.write',
  'units.import',
  'users.manage',
  'audit.read',
  'funds.write',
  'ledger.post',
  'plans.write',
  'households.write',
  'teams.write',
  'persons.reveal',
] as const;
export type Action = (typeof actions)[number];
