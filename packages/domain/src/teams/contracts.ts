// Contracts of the self-governing teams, activities and figures endpoints.
import { z } from 'zod';
import { IsoDate, ItemsOf, NonBlankName, UnitCode, Uuid } from '../common/schemas';
import { normalizePhone } from '../residents/phone';
import { UnitKind } from '../units/contracts';
import { checkPhotoDataUrl } from './photo';

export * from './photo';

export const TeamKind = z
  .enum(['team', 'group'])
  .meta({ description: 'team: tổ tự quản; group: nhóm tự quản (smaller, usually within a team’s area)' });
export type TeamKind = z.infer<typeof TeamKind>;

export const TeamMemberRole = z.enum(['leader', 'deputy', 'member']).meta({
  description: 'leader: tổ trưởng / nhóm trưởng (one at a time); deputy: tổ phó; member: thành viên',
});
export type TeamMemberRole = z.infer<typeof TeamMemberRole>;

export const teamActivityKinds = [
  'visit',
  'propaganda',
  'epidemic_watch',
  'incident',
  'environment',
  'security',
] as const;
export const TeamActivityKind = z.enum(teamActivityKinds).meta({
  description:
    'visit: thăm hộ; propaganda: tuyên truyền; epidemic_watch: giám sát phòng dịch; incident: vụ việc; environment: vệ sinh môi trường; security: an ninh trật tự',
});
export type TeamActivityKind = z.infer<typeof TeamActivityKind>;

/** A Vietnamese phone number, stored as 0xxxxxxxxx; blank means none. */
export const TeamPhone = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const phone = normalizePhone(value);
    if (!phone.ok) {
      ctx.addIssue({ code: 'custom', message: 'teams.phone.invalid' });
      return z.NEVER;
    }
    return phone.value;
  });

export const PhotoDataUrl = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkPhotoDataUrl(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
  })
  .meta({ description: 'data:image/jpeg|png|webp;base64,… — at most 2 MB once decoded' });

export const TeamIdParams = z.object({ id: Uuid });
export const TeamHouseholdParams = z.object({ id: Uuid, householdId: Uuid });
export const DateBody = z.object({ date: IsoDate });
export const CreatedResponse = z.object({ id: z.string() });

export const ListTeamsQuery = z.object({
  unit: UnitCode.meta({ description: 'Teams attached to this unit or to any unit below it on the date' }),
  at: IsoDate.optional().meta({ description: 'As-of date; today in Việt Nam when absent' }),
  kind: TeamKind.optional(),
  q: z.string().trim().max(100).optional().meta({ description: 'Words of the name, diacritics optional' }),
});
export type ListTeamsQuery = z.input<typeof ListTeamsQuery>;

export const MyTeamsQuery = z.object({ at: IsoDate.optional() });

export const TeamListItem = z
  .object({
    id: z.string(),
    kind: TeamKind,
    name: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    wardCode: z.string().nullable(),
    wardName: z.string().nullable(),
    leaderName: z.string().nullable(),
    leaderPhone: z.string().nullable(),
    memberCount: z.number().int(),
    householdCount: z.number().int(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
  })
  .meta({ id: 'TeamListItem' });
export type TeamListItem = z.infer<typeof TeamListItem>;
export const ListTeamsResponse = ItemsOf(TeamListItem);
export type ListTeamsResponse = z.infer<typeof ListTeamsResponse>;

export const CreateTeamRequest = z
  .object({
    kind: TeamKind,
    unitCode: UnitCode.meta({ description: 'A ward or a residential group, as it is on validFrom' }),
    name: NonBlankName,
    validFrom: IsoDate,
  })
  .meta({ id: 'CreateTeamRequest' });
export type CreateTeamRequest = z.input<typeof CreateTeamRequest>;
export const CreateTeamResponse = CreatedResponse;

export const TeamDetailQuery = z.object({
  at: IsoDate.optional().meta({
    description: 'Members and households shown are those not ended by this date; today when absent',
  }),
});

export const TeamMember = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  role: TeamMemberRole,
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamHousehold = z.object({
  householdId: z.string(),
  code: z.string(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type TeamHousehold = z.infer<typeof TeamHousehold>;

export const TeamActivity = z
  .object({
    id: z.string(),
    occurredOn: IsoDate,
    kind: TeamActivityKind,
    notes: z.string().nullable(),
    householdCount: z.number().int(),
    householdIds: z.array(z.string()),
    hasPhoto: z.boolean(),
    createdBy: z.string().nullable().meta({ description: 'Display name of the user who logged it' }),
  })
  .meta({ id: 'TeamActivity' });
export type TeamActivity = z.infer<typeof TeamActivity>;

export const TeamDetail = z
  .object({
    id: z.string(),
    kind: TeamKind,
    name: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    wardCode: z.string().nullable(),
    wardName: z.string().nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    canWrite: z.boolean(),
    members: z.array(TeamMember),
    households: z.array(TeamHousehold),
    activities: z.array(TeamActivity).meta({ description: 'The latest 50' }),
  })
  .meta({ id: 'TeamDetail' });
export type TeamDetail = z.infer<typeof TeamDetail>;

export const TeamSummary = z.object({
  id: z.string(),
  kind: TeamKind,
  name: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const UpdateTeamRequest = z.object({ name: NonBlankName });
export type UpdateTeamRequest = z.input<typeof UpdateTeamRequest>;
export const UpdateTeamResponse = TeamSummary;

export const CloseTeamRequest = DateBody.meta({
  description: 'First day the team no longer exists; its members and households end that day',
});
export const CloseTeamResponse = TeamSummary;

export const AddTeamMemberRequest = z
  .object({
    personId: Uuid.optional().meta({ description: 'A resident of the register; the name is taken from it' }),
    name: NonBlankName.optional(),
    phone: TeamPhone,
    role: TeamMemberRole.default('member'),
    validFrom: IsoDate,
  })
  .refine((member) => member.personId !== undefined || member.name !== undefined, {
    error: 'teams.member.person_or_name',
    path: ['name'],
  })
  .meta({ id: 'AddTeamMemberRequest' });
export type AddTeamMemberRequest = z.input<typeof AddTeamMemberRequest>;
export const AddTeamMemberResponse = CreatedResponse;

export const EndTeamMemberRequest = DateBody;
export const EndTeamMemberResponse = z.object({ id: z.string(), validTo: IsoDate });

export const AssignTeamHouseholdsRequest = z
  .object({
    householdIds: z.array(Uuid).min(1).max(2000),
    validFrom: IsoDate,
  })
  .meta({ id: 'AssignTeamHouseholdsRequest' });
export type AssignTeamHouseholdsRequest = z.input<typeof AssignTeamHouseholdsRequest>;
export const AssignTeamHouseholdsResponse = z.object({
  assigned: z.number().int().meta({ description: 'Households newly put in the care of the team' }),
});

export const EndTeamHouseholdRequest = DateBody;
export const EndTeamHouseholdResponse = z.object({ householdId: z.string(), validTo: IsoDate });

export const ListTeamActivitiesQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'teams.date_range',
    path: ['to'],
  });
export const ListTeamActivitiesResponse = ItemsOf(TeamActivity);
export type ListTeamActivitiesResponse = z.infer<typeof ListTeamActivitiesResponse>;

export const CreateTeamActivityRequest = z
  .object({
    occurredOn: IsoDate,
    kind: TeamActivityKind,
    householdIds: z.array(Uuid).max(2000).default([]),
    notes: z.string().trim().max(4000).nullish(),
    photo: PhotoDataUrl.nullish(),
  })
  .meta({ id: 'CreateTeamActivityRequest' });
export type CreateTeamActivityRequest = z.input<typeof CreateTeamActivityRequest>;
export const CreateTeamActivityResponse = CreatedResponse;

export const SelfGovernanceQuery = z.object({
  unit: UnitCode,
  at: IsoDate.optional().meta({ description: 'As-of date; today in Việt Nam when absent' }),
});
export type SelfGovernanceQuery = z.input<typeof SelfGovernanceQuery>;

/** Teams, groups and their members active on the date, and the distinct households they look after. */
export const SelfGovernanceFigures = z
  .object({
    teams: z.number().int(),
    teamMembers: z.number().int(),
    groups: z.number().int(),
    groupMembers: z.number().int(),
    householdsSupervised: z.number().int(),
  })
  .meta({ id: 'SelfGovernanceFigures' });
export type SelfGovernanceFigures = z.infer<typeof SelfGovernanceFigures>;

export const SelfGovernanceBreakdownFigures = SelfGovernanceFigures.extend({
  households: z
    .number()
    .int()
    .meta({ description: 'Households placed in the residential groups on the date' }),
  byCategory: z
    .record(z.string(), z.number().int())
    .meta({ description: 'Households of each category on the date (code → count)' }),
});
export type SelfGovernanceBreakdownFigures = z.infer<typeof SelfGovernanceBreakdownFigures>;

export const SelfGovernanceBreakdown = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    at: IsoDate,
    total: SelfGovernanceBreakdownFigures,
    children: z.array(
      SelfGovernanceBreakdownFigures.extend({ unitCode: z.string(), unitName: z.string(), kind: UnitKind }),
    ),
  })
  .meta({ id: 'SelfGovernanceBreakdown' });
export type SelfGovernanceBreakdown = z.infer<typeof SelfGovernanceBreakdown>;
