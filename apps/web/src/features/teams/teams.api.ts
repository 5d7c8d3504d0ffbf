import { IsoDate, ItemsOf } from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, buildUrl } from '../../lib/api';

// Answers of the teams endpoints as agreed in the API notes; the API may add fields.
export const TeamKind = z.enum(['team', 'group']);
export type TeamKind = z.infer<typeof TeamKind>;

export const activityKinds = [
  'visit',
  'propaganda',
  'epidemic_watch',
  'incident',
  'environment',
  'security',
] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const memberRoles = ['leader', 'deputy', 'member'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const TeamListItem = z.object({
  id: z.string(),
  kind: TeamKind,
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullish(),
  wardName: z.string().nullish(),
  leaderName: z.string().nullish(),
  leaderPhone: z.string().nullish(),
  memberCount: z.number(),
  householdCount: z.number(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type TeamListItem = z.infer<typeof TeamListItem>;

export const TeamActivity = z.object({
  id: z.string(),
  occurredOn: IsoDate,
  kind: z.string(),
  notes: z.string().nullish(),
  householdCount: z.number(),
  hasPhoto: z.boolean(),
  createdBy: z.string().nullish(),
});
export type TeamActivity = z.infer<typeof TeamActivity>;

export const TeamDetail = z.object({
  id: z.string(),
  kind: TeamKind,
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullish(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  canWrite: z.boolean(),
  members: z.array(
    z.object({
      id: z.string(),
      personId: z.string().nullish(),
      name: z.string(),
      phone: z.string().nullish(),
      role: z.enum(memberRoles),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    }),
  ),
  households: z.array(
    z.object({
      householdId: z.string(),
      code: z.string(),
      headName: z.string().nullish(),
      address: z.string().nullish(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    }),
  ),
  activities: z.array(TeamActivity),
});
export type TeamDetail = z.infer<typeof TeamDetail>;
export type TeamMember = TeamDetail['members'][number];
export type TeamHousehold = TeamDetail['households'][number];

const Created = z.object({ id: z.string() });
const Anything = z.unknown();

export type TeamFilter = { unit: string; at: string; kind?: TeamKind | null; q?: string | null };

export const teamsKey = ['teams'] as const;

export const teamsQuery = (filter: TeamFilter) =>
  queryOptions({
    queryKey: [...teamsKey, 'list', filter],
    queryFn: ({ signal }) =>
      api.get('/teams', ItemsOf(TeamListItem), { query: filter, signal }).then((data) => data.items),
  });

export const myTeamsQuery = (at: string) =>
  queryOptions({
    queryKey: [...teamsKey, 'mine', at],
    queryFn: ({ signal }) =>
      api.get('/teams/mine', ItemsOf(TeamListItem), { query: { at }, signal }).then((data) => data.items),
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

export type CreateTeamInput = { kind: TeamKind; unitCode: string; name: string; validFrom: string };
export type AddMemberInput = {
  personId?: string;
  name?: string;
  phone?: string | null;
  role: MemberRole;
  validFrom: string;
};
export type LogActivityInput = {
  occurredOn: string;
  kind: ActivityKind;
  householdIds: string[];
  notes?: string | null;
  photo?: string | null;
};

export const teamsApi = {
  create: (input: CreateTeamInput) => api.post('/teams', Created, input),
  rename: (id: string, name: string) => api.patch(path(id), Anything, { name }),
  close: (id: string, date: string) => api.post(`${path(id)}/close`, Anything, { date }),
  addMember: (id: string, input: AddMemberInput) => api.post(`${path(id)}/members`, Created, input),
  endMember: (memberId: string, date: string) =>
    api.post(`/team-members/${encodeURIComponent(memberId)}/end`, Anything, { date }),
  assignHouseholds: (id: string, householdIds: string[], validFrom: string) =>
    api.post(`${path(id)}/households`, Anything, { householdIds, validFrom }),
  endHousehold: (id: string, householdId: string, date: string) =>
    api.post(`${path(id)}/households/${encodeURIComponent(householdId)}/end`, Anything, { date }),
  logActivity: (id: string, input: LogActivityInput) => api.post(`${path(id)}/activities`, Created, input),
};
