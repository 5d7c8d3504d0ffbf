import {
  type AddTeamMemberRequest,
  AssignTeamHouseholdsResponse,
  CloseTeamResponse,
  type CreateTeamActivityRequest,
  CreateTeamActivityResponse,
  type CreateTeamRequest,
  CreateTeamResponse,
  EndTeamHouseholdResponse,
  EndTeamMemberResponse,
  ListTeamsResponse,
  type TeamActivity,
  type TeamActivityKind,
  TeamDetail,
  type TeamKind,
  type TeamListItem,
  type TeamMemberRole,
  teamActivityKinds,
  UpdateTeamResponse,
} from '@doanket/domain';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, buildUrl } from '../../lib/api';

export type { TeamActivity, TeamDetail, TeamKind, TeamListItem };
export type ActivityKind = TeamActivityKind;
export type MemberRole = TeamMemberRole;
export type TeamMember = TeamDetail['members'][number];
export type TeamHousehold = TeamDetail['households'][number];
export const activityKinds = teamActivityKinds;
export const memberRoles: readonly MemberRole[] = ['leader', 'deputy', 'member'];

export type TeamFilter = { unit: string; at: string; kind?: TeamKind | null; q?: string | null };

export const teamsKey = ['teams'] as const;

/** After a change to a team: its lists and pages, and the households lists that name their teams. */
export function refreshTeams(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: teamsKey }),
    client.invalidateQueries({ queryKey: ['households'] }),
  ]);
}

export const teamsQuery = (filter: TeamFilter) =>
  queryOptions({
    queryKey: [...teamsKey, 'list', filter],
    queryFn: ({ signal }) =>
      api.get('/teams', ListTeamsResponse, { query: filter, signal }).then((data) => data.items),
  });

export const myTeamsQuery = (at: string) =>
  queryOptions({
    queryKey: [...teamsKey, 'mine', at],
    queryFn: ({ signal }) =>
      api.get('/teams/mine', ListTeamsResponse, { query: { at }, signal }).then((data) => data.items),
  });

export const teamQuery = (id: string, at: string) =>
  queryOptions({
    queryKey: [...teamsKey, 'detail', id, at],
    queryFn: ({ signal }) =>
      api.get(`/teams/${encodeURIComponent(id)}`, TeamDetail, { query: { at }, signal }),
  });

export function activityPhotoUrl(activityId: string): string {
  return buildUrl(`/team-activities/${encodeURIComponent(activityId)}/photo`);
}

const path = (id: string) => `/teams/${encodeURIComponent(id)}`;

export const teamsApi = {
  create: (input: CreateTeamRequest) => api.post('/teams', CreateTeamResponse, input),
  rename: (id: string, name: string) => api.patch(path(id), UpdateTeamResponse, { name }),
  close: (id: string, date: string) => api.post(`${path(id)}/close`, CloseTeamResponse, { date }),
  addMember: (id: string, input: AddTeamMemberRequest) =>
    api.post(`${path(id)}/members`, CreateTeamResponse, input),
  endMember: (memberId: string, date: string) =>
    api.post(`/team-members/${encodeURIComponent(memberId)}/end`, EndTeamMemberResponse, { date }),
  assignHouseholds: (id: string, householdIds: string[], validFrom: string) =>
    api.post(`${path(id)}/households`, AssignTeamHouseholdsResponse, { householdIds, validFrom }),
  endHousehold: (id: string, householdId: string, date: string) =>
    api.post(`${path(id)}/households/${encodeURIComponent(householdId)}/end`, EndTeamHouseholdResponse, {
      date,
    }),
  logActivity: (id: string, input: CreateTeamActivityRequest) =>
    api.post(`${path(id)}/activities`, CreateTeamActivityResponse, input),
};
