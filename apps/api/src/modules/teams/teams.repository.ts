import type { TeamActivityKind, TeamKind, TeamMemberRole, UnitKind } from '@doanket/domain';
import { foldDiacritics } from '@doanket/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  selfGoverningTeams,
  teamActivities,
  teamActivityHouseholds,
  teamHouseholds,
  teamMembers,
} from '../../db/schema/index';

export type TeamRow = typeof selfGoverningTeams.$inferSelect;
export type MemberRow = typeof teamMembers.$inferSelect;

/** A uuid[] parameter in one value, whatever the number of ids (both drivers pass text alike). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Rows in force on the date: [valid_from, valid_to). */
const activeOn = (alias: string, at: string) => {
  const table = sql.raw(alias);
  return sql`${table}.valid_from <= ${at}::date AND (${table}.valid_to IS NULL OR ${table}.valid_to > ${at}::date)`;
};

const likeWords = (column: string, query: string | undefined) =>
  foldDiacritics(query ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => sql`AND ${sql.raw(column)} LIKE ${`%${word.replace(/[%_\\]/g, '\\$&')}%`}`);

export async function findTeam(db: Db, id: string): Promise<TeamRow | null> {
  const rows = await db.select().from(selfGoverningTeams).where(eq(selfGoverningTeams.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * Locks the team for the rest of the transaction: 'update' to change the team or its members,
 * 'share' for changes that only need it to stay as it is (it is not closed meanwhile).
 */
export async function lockTeam(db: Db, id: string, mode: 'update' | 'share'): Promise<TeamRow | null> {
  const rows = await db
    .select()
    .from(selfGoverningTeams)
    .where(eq(selfGoverningTeams.id, id))
    .for(mode === 'update' ? 'update' : 'share');
  return rows[0] ?? null;
}

export async function insertTeam(
  db: Db,
  values: { kind: TeamKind; unitId: string; name: string; validFrom: string },
): Promise<TeamRow> {
  const [row] = await db
    .insert(selfGoverningTeams)
    .values({ ...values, searchName: foldDiacritics(values.name) })
    .returning();
  return row!;
}

export async function renameTeam(db: Db, id: string, name: string): Promise<TeamRow> {
  const [row] = await db
    .update(selfGoverningTeams)
    .set({ name, searchName: foldDiacritics(name) })
    .where(eq(selfGoverningTeams.id, id))
    .returning();
  return row!;
}

/**
 * Closes a team on a date: its members and households in care end that day; those that would
 * only have started on or after it are removed, as they never came to be.
 */
export async function closeTeam(
  db: Db,
  id: string,
  date: string,
): Promise<{ team: TeamRow; membersEnded: number; householdsEnded: number; removed: number }> {
  const [team] = await db
    .update(selfGoverningTeams)
    .set({ validTo: date })
    .where(eq(selfGoverningTeams.id, id))
    .returning();
  const removedMembers = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM team_members WHERE team_id = ${id} AND valid_from >= ${date} RETURNING id`,
  );
  const removedHouseholds = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM team_households WHERE team_id = ${id} AND valid_from >= ${date} RETURNING id`,
  );
  const members = await queryRows<{ id: string }>(
    db,
    sql`UPDATE team_members SET valid_to = ${date}
        WHERE team_id = ${id} AND (valid_to IS NULL OR valid_to > ${date}) RETURNING id`,
  );
  const households = await queryRows<{ id: string }>(
    db,
    sql`UPDATE team_households SET valid_to = ${date}
        WHERE team_id = ${id} AND (valid_to IS NULL OR valid_to > ${date}) RETURNING id`,
  );
  return {
    team: team!,
    membersEnded: members.length,
    householdsEnded: households.length,
    removed: removedMembers.length + removedHouseholds.length,
  };
}

export type TeamListRow = {
  id: string;
  kind: TeamKind;
  name: string;
  validFrom: string;
  validTo: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  wardCode: string | null;
  wardName: string | null;
  leaderName: string | null;
  leaderPhone: string | null;
  memberCount: number;
  householdCount: number;
};

/**
 * Teams of these units in force on the date (or these teams, for `teamIds`), with their unit and
 * ward as named on the date (or last named, for a unit gone since), leader and counts on the date.
 */
export async function listTeams(
  db: Db,
  filter: {
    unitIds?: readonly string[];
    teamIds?: readonly string[];
    at: string;
    kind?: TeamKind;
    q?: string;
  },
): Promise<TeamListRow[]> {
  const { at } = filter;
  const rows = await queryRows<{
    id: string;
    kind: TeamKind;
    name: string;
    valid_from: string;
    valid_to: string | null;
    unit_id: string;
    unit_code: string;
    unit_name: string;
    unit_kind: UnitKind;
    ward_code: string | null;
    ward_name: string | null;
    leader_name: string | null;
    leader_phone: string | null;
    member_count: number;
    household_count: number;
  }>(
    db,
    sql`
      SELECT t.id::text AS id, t.kind, t.name, t.valid_from::text AS valid_from, t.valid_to::text AS valid_to,
        t.unit_id::text AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind::text AS unit_kind,
        CASE WHEN u.kind = 'ward' THEN u.code ELSE w.code END AS ward_code,
        CASE WHEN u.kind = 'ward' THEN u.name ELSE w.name END AS ward_name,
        l.name AS leader_name, l.phone AS leader_phone,
        (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id AND ${activeOn('m', at)}) AS member_count,
        (SELECT count(*)::int FROM team_households h WHERE h.team_id = t.id AND ${activeOn('h', at)}) AS household_count
      FROM self_governing_teams t
      CROSS JOIN LATERAL (
        SELECT v.code, v.name, v.kind, v.parent_unit_id FROM unit_versions v WHERE v.unit_id = t.unit_id
        ORDER BY (${activeOn('v', at)}) DESC, v.valid_from DESC LIMIT 1
      ) u
      LEFT JOIN LATERAL (
        SELECT v.code, v.name FROM unit_versions v WHERE v.unit_id = u.parent_unit_id
        ORDER BY (${activeOn('v', at)}) DESC, v.valid_from DESC LIMIT 1
      ) w ON true
      LEFT JOIN LATERAL (
        SELECT m.name, m.phone FROM team_members m
        WHERE m.team_id = t.id AND m.role = 'leader' AND ${activeOn('m', at)}
        ORDER BY m.valid_from DESC LIMIT 1
      ) l ON true
      WHERE ${filter.unitIds ? sql`t.unit_id = ANY(${uuidArray(filter.unitIds)}) AND ${activeOn('t', at)}` : sql`true`}
        ${filter.teamIds ? sql`AND t.id = ANY(${uuidArray(filter.teamIds)})` : sql``}
        ${filter.kind ? sql`AND t.kind = ${filter.kind}` : sql``}
        ${sql.join(likeWords('t.search_name', filter.q), sql` `)}`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    unitKind: row.unit_kind,
    wardCode: row.ward_code,
    wardName: row.ward_name,
    leaderName: row.leader_name,
    leaderPhone: row.leader_phone,
    memberCount: Number(row.member_count),
    householdCount: Number(row.household_count),
  }));
}

/** Teams in force on the date attached to any of these units, for the teams a user may write. */
export async function listActiveTeamUnits(
  db: Db,
  unitIds: readonly string[] | null,
  at: string,
): Promise<Array<{ id: string; unitId: string }>> {
  return queryRows<{ id: string; unitId: string }>(
    db,
    sql`SELECT t.id::text AS "id", t.unit_id::text AS "unitId" FROM self_governing_teams t
        WHERE ${activeOn('t', at)} ${unitIds ? sql`AND t.unit_id = ANY(${uuidArray(unitIds)})` : sql``}`,
  );
}

/** Members not ended by the date (in office then, or starting later). */
export async function listMembers(db: Db, teamId: string, at: string): Promise<MemberRow[]> {
  return queryRows<MemberRow>(
    db,
    sql`SELECT id::text AS "id", team_id::text AS "teamId", person_id::text AS "personId", name, phone, role,
          valid_from::text AS "validFrom", valid_to::text AS "validTo"
        FROM team_members WHERE team_id = ${teamId} AND (valid_to IS NULL OR valid_to > ${at})
        ORDER BY CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, valid_from, name`,
  );
}

export async function findMember(db: Db, id: string): Promise<MemberRow | null> {
  const rows = await db.select().from(teamMembers).where(eq(teamMembers.id, id)).limit(1);
  return rows[0] ?? null;
}

/** A leader of the team whose period meets [from, to). */
export async function findOverlappingLeader(
  db: Db,
  teamId: string,
  from: string,
  to: string | null,
): Promise<MemberRow | null> {
  const rows = await queryRows<MemberRow>(
    db,
    sql`SELECT id::text AS "id", name FROM team_members
        WHERE team_id = ${teamId} AND role = 'leader'
          AND (valid_to IS NULL OR valid_to > ${from})
          ${to ? sql`AND valid_from < ${to}` : sql``}
        ORDER BY valid_from LIMIT 1`,
  );
  return rows[0] ?? null;
}

export async function insertMember(
  db: Db,
  values: {
    teamId: string;
    personId: string | null;
    name: string;
    phone: string | null;
    role: TeamMemberRole;
    validFrom: string;
    validTo: string | null;
  },
): Promise<MemberRow> {
  const [row] = await db.insert(teamMembers).values(values).returning();
  return row!;
}

export async function endMember(db: Db, id: string, date: string): Promise<void> {
  await db.update(teamMembers).set({ validTo: date }).where(eq(teamMembers.id, id));
}

export type PersonRow = {
  id: string;
  ho: string;
  tenDem: string;
  ten: string;
  phone: string | null;
  householdId: string;
  /** The residential group the household lives in on the date, else the ward that registered it. */
  placeUnitId: string;
};

export async function findPerson(db: Db, id: string, at: string): Promise<PersonRow | null> {
  const rows = await queryRows<PersonRow>(
    db,
    sql`SELECT p.id::text AS "id", p.ho, p.ten_dem AS "tenDem", p.ten, p.phone,
          p.household_id::text AS "householdId",
          coalesce((SELECT pl.group_unit_id FROM household_placements pl
            WHERE pl.household_id = h.id AND ${activeOn('pl', at)} LIMIT 1), h.ward_unit_id)::text AS "placeUnitId"
        FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ${id}`,
  );
  return rows[0] ?? null;
}

export type HouseholdPlace = { id: string; code: string; groupUnitId: string | null };

/**
 * Locks the households until the transaction ends, in one order so that two requests never wait
 * on each other, and tells where each one lives on the date.
 */
export async function lockHouseholds(db: Db, ids: readonly string[], at: string): Promise<HouseholdPlace[]> {
  return queryRows<HouseholdPlace>(
    db,
    sql`SELECT h.id::text AS "id", h.code,
          (SELECT p.group_unit_id::text FROM household_placements p
            WHERE p.household_id = h.id AND ${activeOn('p', at)} LIMIT 1) AS "groupUnitId"
        FROM households h WHERE h.id = ANY(${uuidArray(ids)})
        ORDER BY h.id FOR UPDATE OF h`,
  );
}

export type AssignmentConflict = { householdId: string; teamId: string; teamName: string; sameTeam: boolean };

/** Assignments of these households to a team of the kind that meet [from, to). */
export async function findOverlappingAssignments(
  db: Db,
  householdIds: readonly string[],
  kind: TeamKind,
  teamId: string,
  from: string,
  to: string | null,
): Promise<AssignmentConflict[]> {
  return queryRows<AssignmentConflict>(
    db,
    sql`SELECT a.household_id::text AS "householdId", a.team_id::text AS "teamId", t.name AS "teamName",
          a.team_id = ${teamId} AS "sameTeam"
        FROM team_households a JOIN self_governing_teams t ON t.id = a.team_id
        WHERE a.household_id = ANY(${uuidArray(householdIds)}) AND a.team_kind = ${kind}
          AND (a.valid_to IS NULL OR a.valid_to > ${from})
          ${to ? sql`AND a.valid_from < ${to}` : sql``}
        ORDER BY a.valid_from`,
  );
}

export async function insertAssignments(
  db: Db,
  rows: Array<{
    teamId: string;
    teamKind: TeamKind;
    householdId: string;
    validFrom: string;
    validTo: string | null;
  }>,
): Promise<void> {
  if (rows.length > 0) await db.insert(teamHouseholds).values(rows);
}

/** The assignment of the household to the team that is in force the day before `date` and after it. */
export async function findAssignmentSpanning(
  db: Db,
  teamId: string,
  householdId: string,
  date: string,
): Promise<{ id: string; validFrom: string; validTo: string | null } | null> {
  const rows = await queryRows<{ id: string; validFrom: string; validTo: string | null }>(
    db,
    sql`SELECT id::text AS "id", valid_from::text AS "validFrom", valid_to::text AS "validTo"
        FROM team_households
        WHERE team_id = ${teamId} AND household_id = ${householdId}
          AND valid_from < ${date} AND (valid_to IS NULL OR valid_to > ${date})
        LIMIT 1`,
  );
  return rows[0] ?? null;
}

export async function endAssignment(db: Db, id: string, date: string): Promise<void> {
  await db.update(teamHouseholds).set({ validTo: date }).where(eq(teamHouseholds.id, id));
}

export type TeamHouseholdRow = {
  householdId: string;
  code: string;
  headName: string | null;
  address: string | null;
  validFrom: string;
  validTo: string | null;
};

/** Households in the team's care not ended by the date, by household code. */
export async function listTeamHouseholds(db: Db, teamId: string, at: string): Promise<TeamHouseholdRow[]> {
  const rows = await queryRows<
    TeamHouseholdRow & { ho: string | null; tenDem: string | null; ten: string | null }
  >(
    db,
    sql`SELECT a.household_id::text AS "householdId", h.code, h.address,
          a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo",
          p.ho, p.ten_dem AS "tenDem", p.ten
        FROM team_households a
        JOIN households h ON h.id = a.household_id
        LEFT JOIN persons p ON p.household_id = h.id AND p.is_head
        WHERE a.team_id = ${teamId} AND (a.valid_to IS NULL OR a.valid_to > ${at})
        ORDER BY h.code, a.valid_from`,
  );
  return rows.map(({ ho, tenDem, ten, ...row }) => ({
    ...row,
    headName: ten ? [ho, tenDem, ten].filter(Boolean).join(' ') : null,
  }));
}

/** Which of these households are in the team's care on the date. */
export async function findHouseholdsInCare(
  db: Db,
  teamId: string,
  householdIds: readonly string[],
  at: string,
): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT household_id::text AS "id" FROM team_households a
        WHERE a.team_id = ${teamId} AND a.household_id = ANY(${uuidArray(householdIds)}) AND ${activeOn('a', at)}`,
  );
  return new Set(rows.map((row) => row.id));
}

export async function findHouseholdCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; code: string }>(
    db,
    sql`SELECT id::text AS "id", code FROM households WHERE id = ANY(${uuidArray(ids)})`,
  );
  return new Map(rows.map((row) => [row.id, row.code]));
}

export type ActivityRow = {
  id: string;
  teamId: string;
  occurredOn: string;
  kind: TeamActivityKind;
  notes: string | null;
  householdIds: string[];
  hasPhoto: boolean;
  createdBy: string | null;
};

/** The team's activities, latest first. */
export async function listActivities(
  db: Db,
  teamId: string,
  filter: { from?: string; to?: string; limit?: number },
): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(
    db,
    sql`SELECT a.id::text AS "id", a.team_id::text AS "teamId", a.occurred_on::text AS "occurredOn", a.kind,
          a.notes, a.photo IS NOT NULL AS "hasPhoto", u.display_name AS "createdBy",
          coalesce((SELECT array_agg(x.household_id::text ORDER BY x.household_id)
            FROM team_activity_households x WHERE x.activity_id = a.id), '{}'::text[]) AS "householdIds"
        FROM team_activities a LEFT JOIN users u ON u.id = a.created_by
        WHERE a.team_id = ${teamId}
          ${filter.from ? sql`AND a.occurred_on >= ${filter.from}` : sql``}
          ${filter.to ? sql`AND a.occurred_on <= ${filter.to}` : sql``}
        ORDER BY a.occurred_on DESC, a.created_at DESC
        ${filter.limit ? sql`LIMIT ${filter.limit}` : sql``}`,
  );
}

export async function insertActivity(
  db: Db,
  values: {
    teamId: string;
    occurredOn: string;
    kind: TeamActivityKind;
    notes: string | null;
    photo: Buffer | null;
    photoType: string | null;
    createdBy: string | null;
    householdIds: readonly string[];
  },
): Promise<string> {
  const { householdIds, ...activity } = values;
  const [row] = await db.insert(teamActivities).values(activity).returning({ id: teamActivities.id });
  if (householdIds.length > 0) {
    await db
      .insert(teamActivityHouseholds)
      .values(householdIds.map((householdId) => ({ activityId: row!.id, householdId })));
  }
  return row!.id;
}

export async function findActivityPhoto(
  db: Db,
  id: string,
): Promise<{ teamId: string; photo: Buffer | null; photoType: string | null } | null> {
  const rows = await db
    .select({
      teamId: teamActivities.teamId,
      photo: teamActivities.photo,
      photoType: teamActivities.photoType,
    })
    .from(teamActivities)
    .where(and(eq(teamActivities.id, id)))
    .limit(1);
  return rows[0] ?? null;
}
