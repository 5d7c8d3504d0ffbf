import type { TeamActivity, TeamKind, TeamListItem, TeamSummary } from '@doanket/domain';
import type { ActivityRow, TeamListRow, TeamRow } from './teams.repository';

export const presentTeamSummary = (team: TeamRow): TeamSummary => ({
  id: team.id,
  kind: team.kind as TeamKind,
  name: team.name,
  validFrom: team.validFrom,
  validTo: team.validTo,
});

export const presentTeamListItem = (row: TeamListRow): TeamListItem => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  unitCode: row.unitCode,
  unitName: row.unitName,
  wardCode: row.wardCode,
  wardName: row.wardName,
  leaderName: row.leaderName,
  leaderPhone: row.leaderPhone,
  memberCount: row.memberCount,
  householdCount: row.householdCount,
  validFrom: row.validFrom,
  validTo: row.validTo,
});

export const presentActivity = (row: ActivityRow): TeamActivity => ({
  id: row.id,
  occurredOn: row.occurredOn,
  kind: row.kind,
  notes: row.notes,
  householdCount: row.householdIds.length,
  householdIds: row.householdIds,
  hasPhoto: row.hasPhoto,
  createdBy: row.createdBy,
});
