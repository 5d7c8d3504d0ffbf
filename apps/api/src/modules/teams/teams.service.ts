import {
  type Actor,
  type AddTeamMemberRequest,
  type AssignTeamHouseholdsRequest,
  authorize,
  type CreateTeamActivityRequest,
  type CreateTeamRequest,
  checkPhotoDataUrl,
  compareVietnamese,
  detectImageType,
  type FieldError,
  fullName,
  type Grant,
  messages,
  type TeamActivity,
  type TeamDetail,
  type TeamKind,
  type TeamListItem,
  type TeamMessageKey,
  type TeamSummary,
  teamKindNames,
  teamMessage,
  todayInVietnam,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { authorizeUnit, hiddenAs, requireActor } from '../../lib/access';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import {
  findAllTimeDescendants,
  findSubtreeAt,
  findUnitInTree,
  findVersionByCode,
} from '../units/units.repository';
import { presentActivity, presentTeamListItem, presentTeamSummary } from './teams.presenter';
import * as repo from './teams.repository';

type Options<T> = { db: Db; ctx: RequestContext } & T;

const entityType = {
  team: 'self_governing_team',
  member: 'team_member',
  households: 'team_households',
  activity: 'team_activity',
} as const;

/** An error whose message names things (a household, a team): filled in both languages. */
function namedError(
  code: 'bad_request' | 'conflict' | 'not_found',
  key: TeamMessageKey,
  params: Record<string, string>,
  fields?: FieldError[],
): AppError {
  const text = teamMessage(key, params);
  return Object.assign(new AppError(code, key, fields), { message: text.vi, messageEn: text.en });
}

const fieldError = (path: string, text: { vi: string; en: string }): FieldError => ({
  path,
  message: text.vi,
  messageEn: text.en,
});

const isActiveOn = (period: { validFrom: string; validTo: string | null }, date: string) =>
  period.validFrom <= date && (period.validTo === null || date < period.validTo);

function assertWithinTeam(team: repo.TeamRow, date: string, path: string) {
  if (!isActiveOn(team, date)) throw badRequest('teams.date_outside_team', path);
}

/** The team if the actor may read it; out of scope it is not shown to exist. */
async function findReadableTeam(db: Db, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const team = await repo.findTeam(db, id);
  const tree = team ? await findUnitInTree(db, team.unitId) : null;
  if (!team || !tree || !authorize(actor, 'read', tree)) throw notFound('teams.not_found');
  return { team, tree, actor };
}

/** Locks the team for a change and checks that the actor may write on its unit (403 if not). */
async function lockWritableTeam(tx: Db, ctx: RequestContext, id: string, mode: 'update' | 'share') {
  const team = await repo.lockTeam(tx, id, mode);
  if (!team) throw notFound('teams.not_found');
  await authorizeUnit(tx, ctx, 'teams.write', team.unitId);
  return team;
}

export async function createTeam({
  db,
  ctx,
  input,
}: Options<{ input: z.output<typeof CreateTeamRequest> }>): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const unit = await findVersionByCode(tx, input.unitCode, input.validFrom);
    if (!unit) {
      throw new AppError('not_found', 'unit.not_found', [fieldError('unitCode', messages['unit.not_found'])]);
    }
    if (unit.kind !== 'ward' && unit.kind !== 'residential_group') {
      throw badRequest('teams.unit_kind', 'unitCode');
    }
    await authorizeUnit(tx, ctx, 'teams.write', unit.unitId);
    const team = await repo.insertTeam(tx, {
      kind: input.kind,
      unitId: unit.unitId,
      name: input.name,
      validFrom: input.validFrom,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: entityType.team,
      entityId: team.id,
      unitId: unit.unitId,
      after: { ...presentTeamSummary(team), unitCode: unit.code },
    });
    return { id: team.id };
  });
}

const sortTeams = (rows: repo.TeamListRow[]) =>
  rows.sort((a, b) => compareVietnamese(a.name, b.name) || a.validFrom.localeCompare(b.validFrom));

/** Teams and groups in force on the date attached to the unit or to any unit below it then. */
export async function listTeams({
  db,
  ctx,
  unit,
  at,
  kind,
  q,
}: Options<{ unit: string; at?: string; kind?: TeamKind; q?: string }>): Promise<TeamListItem[]> {
  const date = at ?? todayInVietnam();
  const row = await findVersionByCode(db, unit, date);
  if (!row) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, 'read', row.unitId);
  const subtree = await findSubtreeAt(db, row.unitId, date);
  const rows = await repo.listTeams(db, {
    unitIds: subtree.map((entry) => entry.unitId),
    at: date,
    kind,
    q,
  });
  return sortTeams(rows).map(presentTeamListItem);
}

/** Whether a role carries the action at all, wherever it is granted. */
const roleHas = (actor: Actor, grant: Grant, action: 'teams.write') =>
  authorize({ ...actor, grants: [{ role: grant.role, unitId: null }] }, action, null);

/** Teams in force on the date that the actor may write: a team leader's own teams. */
export async function listMyTeams({ db, ctx, at }: Options<{ at?: string }>): Promise<TeamListItem[]> {
  const actor = requireActor(ctx);
  const date = at ?? todayInVietnam();
  const grants = actor.grants.filter((grant) => roleHas(actor, grant, 'teams.write'));
  if (grants.length === 0) return [];
  const national = grants.some((grant) => grant.unitId === null);
  const candidates = national
    ? null
    : await findAllTimeDescendants(
        db,
        grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])),
      );
  const teams = await repo.listActiveTeamUnits(db, candidates, date);
  const allowed = new Map<string, boolean>();
  for (const unitId of new Set(teams.map((team) => team.unitId))) {
    const tree = await findUnitInTree(db, unitId);
    allowed.set(unitId, tree !== null && authorize(actor, 'teams.write', tree));
  }
  const teamIds = teams.filter((team) => allowed.get(team.unitId)).map((team) => team.id);
  if (teamIds.length === 0) return [];
  return sortTeams(await repo.listTeams(db, { teamIds, at: date })).map(presentTeamListItem);
}

export async function getTeam({
  db,
  ctx,
  id,
  at,
}: Options<{ id: string; at?: string }>): Promise<TeamDetail> {
  const { team, tree, actor } = await findReadableTeam(db, ctx, id);
  const date = at ?? todayInVietnam();
  const [listed] = await repo.listTeams(db, { teamIds: [team.id], at: date });
  const members = await repo.listMembers(db, team.id, date);
  const households = await repo.listTeamHouseholds(db, team.id, date);
  const activities = await repo.listActivities(db, team.id, { limit: 50 });
  return {
    ...presentTeamSummary(team),
    unitCode: listed!.unitCode,
    unitName: listed!.unitName,
    wardCode: listed!.wardCode,
    wardName: listed!.wardName,
    canWrite: authorize(actor, 'teams.write', tree),
    members: members.map((member) => ({
      id: member.id,
      personId: member.personId,
      name: member.name,
      phone: member.phone,
      role: member.role as 'leader' | 'deputy' | 'member',
      validFrom: member.validFrom,
      validTo: member.validTo,
    })),
    households,
    activities: activities.map(presentActivity),
  };
}

export async function renameTeam({
  db,
  ctx,
  id,
  name,
}: Options<{ id: string; name: string }>): Promise<TeamSummary> {
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, id, 'update');
    const renamed = await repo.renameTeam(tx, team.id, name);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: entityType.team,
      entityId: team.id,
      unitId: team.unitId,
      before: { name: team.name },
      after: { name: renamed.name },
    });
    return presentTeamSummary(renamed);
  });
}

/** Closes the team from a date on: its members and the households in its care end that day. */
export async function closeTeam({
  db,
  ctx,
  id,
  date,
}: Options<{ id: string; date: string }>): Promise<TeamSummary> {
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, id, 'update');
    if (team.validTo !== null) throw conflict('teams.already_closed');
    if (date <= team.validFrom) throw badRequest('teams.end_before_start', 'date');
    const closed = await repo.closeTeam(tx, team.id, date);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: entityType.team,
      entityId: team.id,
      unitId: team.unitId,
      before: { validTo: null },
      after: {
        validTo: date,
        membersEnded: closed.membersEnded,
        householdsEnded: closed.householdsEnded,
        removed: closed.removed,
      },
    });
    return presentTeamSummary(closed.team);
  });
}

export async function addMember({
  db,
  ctx,
  teamId,
  input,
}: Options<{ teamId: string; input: z.output<typeof AddTeamMemberRequest> }>): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, teamId, 'update');
    assertWithinTeam(team, input.validFrom, 'validFrom');
    let name = input.name ?? '';
    let phone = input.phone;
    if (input.personId) {
      const person = await repo.findPerson(tx, input.personId, input.validFrom);
      const tree = person ? await findUnitInTree(tx, person.placeUnitId) : null;
      if (!person || !tree || !authorize(requireActor(ctx), 'read', tree)) {
        throw badRequest('teams.member.person_not_found', 'personId');
      }
      name = fullName(person);
      phone = phone ?? person.phone;
    }
    if (input.role === 'leader') {
      const leader = await repo.findOverlappingLeader(tx, team.id, input.validFrom, team.validTo);
      if (leader) {
        throw namedError('conflict', 'teams.member.leader_taken', { name: leader.name }, [
          fieldError('role', teamMessage('teams.member.leader_taken', { name: leader.name })),
        ]);
      }
    }
    const member = await repo.insertMember(tx, {
      teamId: team.id,
      personId: input.personId ?? null,
      name,
      phone,
      role: input.role,
      validFrom: input.validFrom,
      validTo: team.validTo,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: entityType.member,
      entityId: member.id,
      unitId: team.unitId,
      after: {
        teamId: team.id,
        personId: member.personId,
        // A resident is named by id only, so that erasing them on request leaves no name behind.
        ...(member.personId ? {} : { name }),
        role: member.role,
        validFrom: member.validFrom,
        validTo: member.validTo,
      },
    });
    return { id: member.id };
  });
}

export async function endMember({
  db,
  ctx,
  memberId,
  date,
}: Options<{ memberId: string; date: string }>): Promise<{ id: string; validTo: string }> {
  return db.transaction(async (tx) => {
    const member = await repo.findMember(tx, memberId);
    if (!member) throw notFound('teams.member.not_found');
    const team = await lockWritableTeam(tx, ctx, member.teamId, 'update');
    if (date <= member.validFrom) throw badRequest('teams.end_before_start', 'date');
    if (member.validTo !== null && member.validTo <= date) throw conflict('teams.already_ended');
    await repo.endMember(tx, member.id, date);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: entityType.member,
      entityId: member.id,
      unitId: team.unitId,
      before: { validTo: member.validTo },
      after: {
        teamId: team.id,
        personId: member.personId,
        ...(member.personId ? {} : { name: member.name }),
        role: member.role,
        validTo: date,
      },
    });
    return { id: member.id, validTo: date };
  });
}

/**
 * Puts households in the team's care from a date. A household has at most one team of each kind
 * at a time: the households are locked first, so that two requests cannot both give one a team.
 */
export async function assignHouseholds({
  db,
  ctx,
  teamId,
  input,
}: Options<{ teamId: string; input: z.output<typeof AssignTeamHouseholdsRequest> }>): Promise<{
  assigned: number;
}> {
  const ids = [...new Set(input.householdIds)];
  const pathOf = (id: string) => `householdIds.${input.householdIds.indexOf(id)}`;
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, teamId, 'share');
    assertWithinTeam(team, input.validFrom, 'validFrom');
    const households = await repo.lockHouseholds(tx, ids, input.validFrom);
    const found = new Map(households.map((household) => [household.id, household]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError(
        'bad_request',
        'teams.household.not_found',
        missing.map((id) => fieldError(pathOf(id), messages['teams.household.not_found'])),
      );
    }
    const area = new Set((await findSubtreeAt(tx, team.unitId, input.validFrom)).map((unit) => unit.unitId));
    const outside = households.filter(
      (household) => !household.groupUnitId || !area.has(household.groupUnitId),
    );
    if (outside.length > 0) {
      const texts = outside.map((household) =>
        teamMessage('teams.household.outside_unit', { household: household.code }),
      );
      throw namedError(
        'bad_request',
        'teams.household.outside_unit',
        { household: outside[0]!.code },
        outside.map((household, i) => fieldError(pathOf(household.id), texts[i]!)),
      );
    }
    const overlapping = await repo.findOverlappingAssignments(
      tx,
      ids,
      team.kind as TeamKind,
      team.id,
      input.validFrom,
      team.validTo,
    );
    const taken = overlapping.filter((assignment) => !assignment.sameTeam);
    if (taken.length > 0) {
      const kindName = teamKindNames[team.kind as TeamKind];
      const params = (assignment: repo.AssignmentConflict) => ({
        household: found.get(assignment.householdId)!.code,
        team: assignment.teamName,
        kind: kindName.vi,
        kindEn: kindName.en,
      });
      throw namedError(
        'conflict',
        'teams.household.taken',
        params(taken[0]!),
        taken.map((assignment) =>
          fieldError(
            pathOf(assignment.householdId),
            teamMessage('teams.household.taken', params(assignment)),
          ),
        ),
      );
    }
    const already = new Set(overlapping.map((assignment) => assignment.householdId));
    const fresh = ids.filter((id) => !already.has(id));
    await repo.insertAssignments(
      tx,
      fresh.map((householdId) => ({
        teamId: team.id,
        teamKind: team.kind as TeamKind,
        householdId,
        validFrom: input.validFrom,
        validTo: team.validTo,
      })),
    );
    if (fresh.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: entityType.households,
        entityId: team.id,
        unitId: team.unitId,
        after: {
          householdIds: fresh,
          codes: fresh.map((id) => found.get(id)!.code),
          validFrom: input.validFrom,
          validTo: team.validTo,
        },
      });
    }
    return { assigned: fresh.length };
  });
}

/** Ends the household's time in the team's care on a date (the first day it is no longer). */
export async function endHousehold({
  db,
  ctx,
  teamId,
  householdId,
  date,
}: Options<{ teamId: string; householdId: string; date: string }>): Promise<{
  householdId: string;
  validTo: string;
}> {
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, teamId, 'share');
    const assignment = await repo.findAssignmentSpanning(tx, team.id, householdId, date);
    if (!assignment) throw notFound('teams.household.not_assigned');
    await repo.endAssignment(tx, assignment.id, date);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: entityType.households,
      entityId: team.id,
      unitId: team.unitId,
      before: { householdId, validFrom: assignment.validFrom, validTo: assignment.validTo },
      after: { householdId, validFrom: assignment.validFrom, validTo: date },
    });
    return { householdId, validTo: date };
  });
}

export async function listActivities({
  db,
  ctx,
  teamId,
  from,
  to,
}: Options<{ teamId: string; from?: string; to?: string }>): Promise<TeamActivity[]> {
  const { team } = await findReadableTeam(db, ctx, teamId);
  return (await repo.listActivities(db, team.id, { from, to })).map(presentActivity);
}

/** Logs what the team did on a day, for households then in its care, with an optional photo. */
export async function createActivity({
  db,
  ctx,
  teamId,
  input,
}: Options<{ teamId: string; input: z.output<typeof CreateTeamActivityRequest> }>): Promise<{
  id: string;
}> {
  const actor = requireActor(ctx);
  const ids = [...new Set(input.householdIds)];
  let photo: { bytes: Buffer; type: string } | null = null;
  if (input.photo) {
    const check = checkPhotoDataUrl(input.photo);
    const bytes = check.ok ? Buffer.from(check.base64, 'base64') : null;
    if (!check.ok || !bytes || detectImageType(bytes) !== check.type)
      throw badRequest('teams.photo.type', 'photo');
    photo = { bytes, type: check.type };
  }
  return db.transaction(async (tx) => {
    const team = await lockWritableTeam(tx, ctx, teamId, 'share');
    assertWithinTeam(team, input.occurredOn, 'occurredOn');
    if (input.occurredOn > todayInVietnam()) throw badRequest('teams.activity.future', 'occurredOn');
    if (ids.length > 0) {
      const inCare = await repo.findHouseholdsInCare(tx, team.id, ids, input.occurredOn);
      const outside = ids.filter((id) => !inCare.has(id));
      if (outside.length > 0) {
        const codes = await repo.findHouseholdCodes(tx, outside);
        const text = (id: string) =>
          teamMessage('teams.activity.household_not_in_care', { household: codes.get(id) ?? id });
        throw namedError(
          'bad_request',
          'teams.activity.household_not_in_care',
          { household: codes.get(outside[0]!) ?? outside[0]! },
          outside.map((id) => fieldError(`householdIds.${input.householdIds.indexOf(id)}`, text(id))),
        );
      }
    }
    const id = await repo.insertActivity(tx, {
      teamId: team.id,
      occurredOn: input.occurredOn,
      kind: input.kind,
      notes: input.notes ?? null,
      photo: photo?.bytes ?? null,
      photoType: photo?.type ?? null,
      createdBy: actor.userId,
      householdIds: ids,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: entityType.activity,
      entityId: id,
      unitId: team.unitId,
      // The photo itself stays out of the audit trail.
      after: {
        teamId: team.id,
        occurredOn: input.occurredOn,
        kind: input.kind,
        householdIds: ids,
        notes: input.notes ?? null,
        photo: photo ? { type: photo.type, bytes: photo.bytes.length } : null,
      },
    });
    return { id };
  });
}

/** The photo of an activity, for those who may read its team. */
export async function getActivityPhoto({
  db,
  ctx,
  id,
}: Options<{ id: string }>): Promise<{ bytes: Buffer; type: string }> {
  const activity = await repo.findActivityPhoto(db, id);
  if (!activity) throw notFound('teams.activity.not_found');
  await hiddenAs('teams.activity.not_found', findReadableTeam(db, ctx, activity.teamId));
  if (!activity.photo || !activity.photoType) throw notFound('teams.photo.not_found');
  return { bytes: activity.photo, type: activity.photoType };
}
