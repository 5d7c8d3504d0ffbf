import { and, asc, eq, max, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  culturalFamilyRecords,
  duplicateFlags,
  householdCategories,
  householdCategoryKinds,
  householdConsents,
  householdPlacements,
  households,
  persons,
} from '../../db/schema/index';

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;
export type PlacementRow = typeof householdPlacements.$inferSelect;
export type CategoryRecordRow = typeof householdCategories.$inferSelect;
export type ConsentRow = typeof householdConsents.$inferSelect;

/** A list of uuids as one parameter, whatever its length. */
const uuidArray = (ids: readonly string[]): SQL => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

const activeOn = (alias: string, at: string): SQL =>
  sql`${sql.raw(alias)}.valid_from <= ${at} AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to > ${at})`;

export { isUniqueViolation } from '../../db/errors';

// --- Households ------------------------------------------------------------------------------

export async function findHousehold(db: Db, id: string): Promise<HouseholdRow | null> {
  const rows = await db.select().from(households).where(eq(households.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function isCodeTaken(
  db: Db,
  wardUnitId: string,
  code: string,
  exceptId?: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id::text AS id FROM households WHERE ward_unit_id = ${wardUnitId} AND code = ${code}
        ${exceptId ? sql`AND id <> ${exceptId}` : sql``} LIMIT 1`,
  );
  return rows.length > 0;
}

export async function insertHousehold(
  db: Db,
  row: { id: string; wardUnitId: string; code: string; address: string | null; phone: string | null },
): Promise<void> {
  await db.insert(households).values(row);
}

export async function updateHousehold(
  db: Db,
  id: string,
  changes: Partial<Pick<HouseholdRow, 'code' | 'address' | 'phone'>>,
): Promise<void> {
  await db
    .update(households)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(households.id, id));
}

/** What a team's member list keeps of someone erased on request: the seat, not the person. */
const ERASED_MEMBER_NAME = '(đã xóa theo yêu cầu)';

export async function deleteHousehold(db: Db, id: string): Promise<void> {
  await db.execute(
    sql`UPDATE team_members SET name = ${ERASED_MEMBER_NAME}, phone = NULL
        WHERE person_id IN (SELECT id FROM persons WHERE household_id = ${id})`,
  );
  await db.delete(households).where(eq(households.id, id));
}

/**
 * Rebuilds the search text from the folded code and address (given) and the members' folded
 * names (persons.search_name), so a search finds a household by any member.
 */
export async function refreshSearchText(
  db: Db,
  householdId: string,
  foldedCodeAndAddress: string,
): Promise<void> {
  await db.execute(sql`
    UPDATE households SET search_text = concat_ws(' ', ${foldedCodeAndAddress}::text,
      (SELECT string_agg(search_name, ' ' ORDER BY position) FROM persons WHERE household_id = ${householdId}))
    WHERE id = ${householdId}`);
}

// --- Placements ------------------------------------------------------------------------------

/**
 * The unit a household answers to: the residential group of the placement in force on the date,
 * else of its latest placement, else the ward that registered it.
 */
export async function findHouseholdUnit(db: Db, household: HouseholdRow, at: string): Promise<string> {
  const rows = await queryRows<{ group_unit_id: string }>(
    db,
    sql`SELECT group_unit_id::text AS group_unit_id FROM household_placements hp
        WHERE household_id = ${household.id}
        ORDER BY (${activeOn('hp', at)}) DESC, valid_from DESC LIMIT 1`,
  );
  return rows[0]?.group_unit_id ?? household.wardUnitId;
}

/** Every residential group the household has been placed in, for reading its history. */
export async function listPlacementGroupIds(db: Db, householdId: string): Promise<string[]> {
  const rows = await queryRows<{ group_unit_id: string }>(
    db,
    sql`SELECT DISTINCT group_unit_id::text AS group_unit_id FROM household_placements WHERE household_id = ${householdId}`,
  );
  return rows.map((row) => row.group_unit_id);
}

export type PlacementView = {
  id: string;
  groupUnitId: string;
  groupCode: string;
  groupName: string;
  wardCode: string | null;
  wardName: string | null;
  validFrom: string;
  validTo: string | null;
};

/**
 * The placements in date order, each group and its ward named as they stood on the placement's
 * reference day: today while it lasts, else its last day (or its first, if it has not begun).
 */
export async function listPlacements(db: Db, householdId: string, today: string): Promise<PlacementView[]> {
  const rows = await queryRows<{
    id: string;
    group_unit_id: string;
    group_code: string | null;
    group_name: string | null;
    ward_code: string | null;
    ward_name: string | null;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`
      WITH placed AS (
        SELECT hp.*, GREATEST(hp.valid_from, LEAST(${today}::date, COALESCE(hp.valid_to - 1, ${today}::date))) AS ref
        FROM household_placements hp WHERE hp.household_id = ${householdId}
      )
      SELECT p.id::text AS id, p.group_unit_id::text AS group_unit_id, p.valid_from::text AS valid_from,
        p.valid_to::text AS valid_to, g.code AS group_code, g.name AS group_name,
        w.code AS ward_code, w.name AS ward_name
      FROM placed p
      LEFT JOIN LATERAL (
        SELECT code, name, parent_unit_id FROM unit_versions v WHERE v.unit_id = p.group_unit_id
        ORDER BY (v.valid_from <= p.ref AND (v.valid_to IS NULL OR v.valid_to > p.ref)) DESC, v.valid_from DESC
        LIMIT 1
      ) g ON true
      LEFT JOIN unit_versions w ON w.unit_id = g.parent_unit_id
        AND w.valid_from <= p.ref AND (w.valid_to IS NULL OR w.valid_to > p.ref)
      ORDER BY p.valid_from`,
  );
  return rows.map((row) => ({
    id: row.id,
    groupUnitId: row.group_unit_id,
    groupCode: row.group_code ?? '',
    groupName: row.group_name ?? '',
    wardCode: row.ward_code,
    wardName: row.ward_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

export async function insertPlacement(
  db: Db,
  row: { householdId: string; groupUnitId: string; validFrom: string; validTo: string | null },
): Promise<void> {
  await db.insert(householdPlacements).values(row);
}

export async function updatePlacement(
  db: Db,
  id: string,
  changes: Partial<Pick<PlacementRow, 'groupUnitId' | 'validTo'>>,
): Promise<void> {
  await db.update(householdPlacements).set(changes).where(eq(householdPlacements.id, id));
}

export async function deletePlacement(db: Db, id: string): Promise<void> {
  await db.delete(householdPlacements).where(eq(householdPlacements.id, id));
}

export async function listPlacementRows(db: Db, householdId: string): Promise<PlacementRow[]> {
  return db
    .select()
    .from(householdPlacements)
    .where(eq(householdPlacements.householdId, householdId))
    .orderBy(asc(householdPlacements.validFrom));
}

// --- Persons ---------------------------------------------------------------------------------

export async function insertPersons(db: Db, rows: NewPerson[]): Promise<void> {
  if (rows.length > 0) await db.insert(persons).values(rows);
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | null> {
  const rows = await db.select().from(persons).where(eq(persons.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function updatePerson(db: Db, id: string, changes: Partial<NewPerson>): Promise<void> {
  await db
    .update(persons)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(persons.id, id));
}

export async function deletePerson(db: Db, id: string): Promise<void> {
  await db.execute(
    sql`UPDATE team_members SET name = ${ERASED_MEMBER_NAME}, phone = NULL WHERE person_id = ${id}`,
  );
  await db.delete(persons).where(eq(persons.id, id));
}

/** Members in register order: the head first, then by position. */
export async function listMembers(db: Db, householdId: string): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(sql`${persons.isHead} DESC`, asc(persons.position), asc(persons.createdAt));
}

export async function findHeadId(db: Db, householdId: string): Promise<string | null> {
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.householdId, householdId), eq(persons.isHead, true)))
    .limit(1);
  return rows[0]?.id ?? null;
}

export async function nextPosition(db: Db, householdId: string): Promise<number> {
  const rows = await db
    .select({ position: max(persons.position) })
    .from(persons)
    .where(eq(persons.householdId, householdId));
  const current = rows[0]?.position;
  return current === null || current === undefined ? 0 : Number(current) + 1;
}

export type TeamMembershipRow = {
  teamId: string;
  teamName: string;
  role: string;
  validFrom: string;
  validTo: string | null;
};

export async function listTeamMemberships(db: Db, personId: string): Promise<TeamMembershipRow[]> {
  const rows = await queryRows<{
    team_id: string;
    team_name: string;
    role: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT m.team_id::text AS team_id, t.name AS team_name, m.role, m.valid_from::text AS valid_from,
          m.valid_to::text AS valid_to
        FROM team_members m JOIN self_governing_teams t ON t.id = m.team_id
        WHERE m.person_id = ${personId} ORDER BY m.valid_from`,
  );
  return rows.map((row) => ({
    teamId: row.team_id,
    teamName: row.team_name,
    role: row.role,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

// --- Categories ------------------------------------------------------------------------------

export type CategoryKindRow = typeof householdCategoryKinds.$inferSelect;

export async function listCategoryKinds(db: Db): Promise<CategoryKindRow[]> {
  return db.select().from(householdCategoryKinds).orderBy(asc(householdCategoryKinds.code));
}

export async function findCategoryKind(db: Db, code: string): Promise<CategoryKindRow | null> {
  const rows = await db.select().from(householdCategoryKinds).where(eq(householdCategoryKinds.code, code));
  return rows[0] ?? null;
}

export async function insertCategoryKind(
  db: Db,
  row: { code: string; nameVi: string; nameEn: string; groupCode: string | null },
): Promise<void> {
  await db.insert(householdCategoryKinds).values(row);
}

export async function listCategoryRecords(db: Db, householdId: string): Promise<CategoryRecordRow[]> {
  return db
    .select()
    .from(householdCategories)
    .where(eq(householdCategories.householdId, householdId))
    .orderBy(asc(householdCategories.validFrom), asc(householdCategories.category));
}

export async function findCategoryRecord(db: Db, id: string): Promise<CategoryRecordRow | null> {
  const rows = await db.select().from(householdCategories).where(eq(householdCategories.id, id));
  return rows[0] ?? null;
}

/** True when the household already holds the category at some day of [from, to). */
export async function hasOverlappingCategory(
  db: Db,
  householdId: string,
  category: string,
  from: string,
  to: string | null,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id::text AS id FROM household_categories
        WHERE household_id = ${householdId} AND category = ${category}
          AND (valid_to IS NULL OR valid_to > ${from})
          ${to ? sql`AND valid_from < ${to}` : sql``}
        LIMIT 1`,
  );
  return rows.length > 0;
}

export async function insertCategoryRecord(
  db: Db,
  row: typeof householdCategories.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(householdCategories).values(row);
}

export async function endCategoryRecord(db: Db, id: string, validTo: string): Promise<void> {
  await db.update(householdCategories).set({ validTo }).where(eq(householdCategories.id, id));
}

// --- Cultural family, consents, teams --------------------------------------------------------

export type CulturalFamilyRow = typeof culturalFamilyRecords.$inferSelect;

export async function listCulturalFamily(db: Db, householdId: string): Promise<CulturalFamilyRow[]> {
  return db
    .select()
    .from(culturalFamilyRecords)
    .where(eq(culturalFamilyRecords.householdId, householdId))
    .orderBy(asc(culturalFamilyRecords.year));
}

export async function findCulturalFamily(
  db: Db,
  householdId: string,
  year: number,
): Promise<CulturalFamilyRow | null> {
  const rows = await db
    .select()
    .from(culturalFamilyRecords)
    .where(and(eq(culturalFamilyRecords.householdId, householdId), eq(culturalFamilyRecords.year, year)));
  return rows[0] ?? null;
}

export async function upsertCulturalFamily(
  db: Db,
  row: {
    householdId: string;
    year: number;
    registered: boolean;
    recognized: boolean | null;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insert(culturalFamilyRecords)
    .values(row)
    .onConflictDoUpdate({
      target: [culturalFamilyRecords.householdId, culturalFamilyRecords.year],
      set: {
        registered: row.registered,
        recognized: row.recognized,
        reason: row.reason,
        updatedAt: sql`now()`,
      },
    });
}

export async function listConsents(db: Db, householdId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(householdConsents)
    .where(eq(householdConsents.householdId, householdId))
    .orderBy(asc(householdConsents.givenOn), asc(householdConsents.createdAt));
}

export async function findConsent(db: Db, id: string): Promise<ConsentRow | null> {
  const rows = await db.select().from(householdConsents).where(eq(householdConsents.id, id));
  return rows[0] ?? null;
}

export async function insertConsent(db: Db, row: typeof householdConsents.$inferInsert): Promise<string> {
  const rows = await db.insert(householdConsents).values(row).returning({ id: householdConsents.id });
  return rows[0]!.id;
}

export async function withdrawConsent(db: Db, id: string, date: string): Promise<void> {
  await db.update(householdConsents).set({ withdrawnOn: date }).where(eq(householdConsents.id, id));
}

export type HouseholdTeamRow = {
  teamId: string;
  kind: 'team' | 'group';
  name: string;
  validFrom: string;
  validTo: string | null;
};

export async function listHouseholdTeams(db: Db, householdId: string): Promise<HouseholdTeamRow[]> {
  const rows = await queryRows<{
    team_id: string;
    kind: 'team' | 'group';
    name: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT th.team_id::text AS team_id, t.kind, t.name, th.valid_from::text AS valid_from,
          th.valid_to::text AS valid_to
        FROM team_households th JOIN self_governing_teams t ON t.id = th.team_id
        WHERE th.household_id = ${householdId} ORDER BY th.valid_from, t.kind`,
  );
  return rows.map((row) => ({
    teamId: row.team_id,
    kind: row.kind,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

// --- The list --------------------------------------------------------------------------------

export type HouseholdFilter = {
  /** Residential groups of the unit's subtree on the date. */
  groupIds: readonly string[];
  at: string;
  category?: string;
  teamId?: string;
  /** Only households registered as cultural families for this year. */
  culturalYear?: number;
  /** Folded words that must each occur in the search text. */
  words: readonly string[];
};

export type HouseholdListRow = {
  id: string;
  code: string;
  address: string | null;
  phone: string | null;
  groupCode: string;
  groupName: string;
  wardCode: string | null;
  wardName: string | null;
};

const likePattern = (word: string) => `%${word.replace(/[%_\\]/g, '\\$&')}%`;

function listConditions(filter: HouseholdFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.category) {
    conditions.push(sql`EXISTS (SELECT 1 FROM household_categories hc WHERE hc.household_id = h.id
      AND hc.category = ${filter.category} AND ${activeOn('hc', filter.at)})`);
  }
  if (filter.teamId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM team_households th WHERE th.household_id = h.id
      AND th.team_id = ${filter.teamId} AND ${activeOn('th', filter.at)})`);
  }
  if (filter.culturalYear !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM cultural_family_records cf WHERE cf.household_id = h.id
      AND cf.year = ${filter.culturalYear} AND cf.registered)`);
  }
  for (const word of filter.words) conditions.push(sql`h.search_text LIKE ${likePattern(word)}`);
  return sql.join(conditions, sql` AND `);
}

/**
 * One page of the households placed on the date in the given groups, ordered by group code then
 * household code, with the total. Set-based: one query whatever the size of the ward.
 */
export async function listHouseholds(
  db: Db,
  filter: HouseholdFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: HouseholdListRow[]; total: number }> {
  if (filter.groupIds.length === 0) return { rows: [], total: 0 };
  const rows = await queryRows<{
    id: string;
    code: string;
    address: string | null;
    phone: string | null;
    group_code: string;
    group_name: string;
    ward_code: string | null;
    ward_name: string | null;
  }>(
    db,
    sql`
      SELECT h.id::text AS id, h.code, h.address, h.phone, g.code AS group_code, g.name AS group_name,
        w.code AS ward_code, w.name AS ward_name
      FROM household_placements hp
      JOIN households h ON h.id = hp.household_id
      JOIN unit_versions g ON g.unit_id = hp.group_unit_id AND ${activeOn('g', filter.at)}
      LEFT JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND ${activeOn('w', filter.at)}
      WHERE hp.group_unit_id = ANY(${uuidArray(filter.groupIds)}) AND ${activeOn('hp', filter.at)}
        AND ${listConditions(filter)}
      ORDER BY g.code COLLATE "C", h.code COLLATE "C", h.id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  // Counted apart: a window count would make the page query read and sort every row in full.
  const total =
    page.offset === 0 && rows.length < page.limit ? rows.length : await countHouseholds(db, filter);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      code: row.code,
      address: row.address,
      phone: row.phone,
      groupCode: row.group_code,
      groupName: row.group_name,
      wardCode: row.ward_code,
      wardName: row.ward_name,
    })),
    total,
  };
}

export async function countHouseholds(db: Db, filter: HouseholdFilter): Promise<number> {
  if (filter.groupIds.length === 0) return 0;
  const needsHousehold =
    filter.words.length > 0 || filter.category || filter.teamId || filter.culturalYear !== undefined;
  const rows = await queryRows<{ total: number | string }>(
    db,
    needsHousehold
      ? sql`SELECT count(*) AS total FROM household_placements hp JOIN households h ON h.id = hp.household_id
          WHERE hp.group_unit_id = ANY(${uuidArray(filter.groupIds)}) AND ${activeOn('hp', filter.at)}
            AND ${listConditions(filter)}`
      : sql`SELECT count(*) AS total FROM household_placements hp
          WHERE hp.group_unit_id = ANY(${uuidArray(filter.groupIds)}) AND ${activeOn('hp', filter.at)}`,
  );
  return Number(rows[0]?.total ?? 0);
}

export type HouseholdExportRow = HouseholdListRow & {
  memberCount: number;
  headName: string | null;
  categories: string[];
  teamNames: string[];
};

/**
 * Every household of the filter with its summary, for the workbook: one query with the members,
 * categories and teams aggregated per household, instead of page after page.
 */
export async function listHouseholdsForExport(
  db: Db,
  filter: HouseholdFilter,
): Promise<HouseholdExportRow[]> {
  if (filter.groupIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    code: string;
    address: string | null;
    phone: string | null;
    group_code: string;
    group_name: string;
    ward_code: string | null;
    ward_name: string | null;
    member_count: number | string | null;
    head_name: string | null;
    categories: string | null;
    team_names: string | null;
  }>(
    db,
    sql`
      WITH placed AS (
        SELECT h.id, h.code, h.address, h.phone, g.code AS group_code, g.name AS group_name,
          w.code AS ward_code, w.name AS ward_name
        FROM household_placements hp
        JOIN households h ON h.id = hp.household_id
        JOIN unit_versions g ON g.unit_id = hp.group_unit_id AND ${activeOn('g', filter.at)}
        LEFT JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND ${activeOn('w', filter.at)}
        WHERE hp.group_unit_id = ANY(${uuidArray(filter.groupIds)}) AND ${activeOn('hp', filter.at)}
          AND ${listConditions(filter)}
      ),
      members AS (
        SELECT p.household_id, count(*) AS member_count,
          max(CASE WHEN p.is_head THEN concat_ws(' ', NULLIF(p.ho, ''), NULLIF(p.ten_dem, ''), p.ten) END) AS head_name
        FROM persons p JOIN placed ON placed.id = p.household_id GROUP BY p.household_id
      ),
      categories AS (
        SELECT hc.household_id, string_agg(DISTINCT hc.category, ';' ORDER BY hc.category) AS categories
        FROM household_categories hc JOIN placed ON placed.id = hc.household_id
        WHERE ${activeOn('hc', filter.at)} GROUP BY hc.household_id
      ),
      teams AS (
        SELECT th.household_id, string_agg(t.name, chr(31) ORDER BY t.kind DESC, t.name) AS team_names
        FROM team_households th JOIN placed ON placed.id = th.household_id
        JOIN self_governing_teams t ON t.id = th.team_id
        WHERE ${activeOn('th', filter.at)} GROUP BY th.household_id
      )
      SELECT placed.id::text AS id, placed.code, placed.address, placed.phone, placed.group_code, placed.group_name,
        placed.ward_code, placed.ward_name, members.member_count, members.head_name, categories.categories,
        teams.team_names
      FROM placed
      LEFT JOIN members ON members.household_id = placed.id
      LEFT JOIN categories ON categories.household_id = placed.id
      LEFT JOIN teams ON teams.household_id = placed.id
      ORDER BY placed.group_code COLLATE "C", placed.code COLLATE "C", placed.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    address: row.address,
    phone: row.phone,
    groupCode: row.group_code,
    groupName: row.group_name,
    wardCode: row.ward_code,
    wardName: row.ward_name,
    memberCount: Number(row.member_count ?? 0),
    headName: row.head_name,
    categories: row.categories ? row.categories.split(';') : [],
    teamNames: row.team_names ? row.team_names.split('\u001f') : [],
  }));
}

export type PageSummary = {
  memberCount: number;
  headName: string | null;
  categories: string[];
  teamNames: string[];
};

/** Members, categories and teams of a page of households: one query each, never one per row. */
export async function summarizeHouseholds(
  db: Db,
  householdIds: readonly string[],
  at: string,
): Promise<Map<string, PageSummary>> {
  const summaries = new Map<string, PageSummary>(
    householdIds.map((id) => [id, { memberCount: 0, headName: null, categories: [], teamNames: [] }]),
  );
  if (householdIds.length === 0) return summaries;
  const ids = uuidArray(householdIds);
  const members = await queryRows<{
    household_id: string;
    member_count: number | string;
    head_name: string | null;
  }>(
    db,
    sql`SELECT household_id::text AS household_id, count(*) AS member_count,
          max(CASE WHEN is_head THEN concat_ws(' ', NULLIF(ho, ''), NULLIF(ten_dem, ''), ten) END) AS head_name
        FROM persons WHERE household_id = ANY(${ids}) GROUP BY household_id`,
  );
  for (const row of members) {
    const summary = summaries.get(row.household_id);
    if (!summary) continue;
    summary.memberCount = Number(row.member_count);
    summary.headName = row.head_name;
  }
  const categories = await queryRows<{ household_id: string; category: string }>(
    db,
    sql`SELECT DISTINCT household_id::text AS household_id, category FROM household_categories hc
        WHERE household_id = ANY(${ids}) AND ${activeOn('hc', at)} ORDER BY 1, 2`,
  );
  for (const row of categories) summaries.get(row.household_id)?.categories.push(row.category);
  const teams = await queryRows<{ household_id: string; name: string }>(
    db,
    sql`SELECT th.household_id::text AS household_id, t.name FROM team_households th
        JOIN self_governing_teams t ON t.id = th.team_id
        WHERE th.household_id = ANY(${ids}) AND ${activeOn('th', at)} ORDER BY 1, t.kind DESC, t.name`,
  );
  for (const row of teams) summaries.get(row.household_id)?.teamNames.push(row.name);
  return summaries;
}

// --- Possible duplicates ---------------------------------------------------------------------

export type DuplicateRow = {
  id: string;
  reason: 'citizen_id' | 'name_birth';
  status: 'open' | 'not_duplicate' | 'duplicate';
  createdAt: string;
  sides: [DuplicateSide, DuplicateSide];
};

export type DuplicateSide = {
  personId: string;
  name: string;
  householdId: string;
  householdCode: string;
  /** The unit the side's household answers to today (see findHouseholdUnit). */
  unitId: string;
  /** The side's household is in the listed scope (list of a unit only). */
  inScope: boolean;
  wardCode: string | null;
};

type DuplicateSqlRow = {
  id: string;
  reason: 'citizen_id' | 'name_birth';
  status: 'open' | 'not_duplicate' | 'duplicate';
  created_at: string;
  p_id: string;
  p_name: string;
  p_household: string;
  p_code: string;
  p_unit: string;
  p_scope: boolean | null;
  p_ward: string | null;
  o_id: string;
  o_name: string;
  o_household: string;
  o_code: string;
  o_unit: string;
  o_scope: boolean | null;
  o_ward: string | null;
};

const sideUnit = (household: string, at: string) => sql`COALESCE((
  SELECT x.group_unit_id FROM household_placements x WHERE x.household_id = ${sql.raw(household)}.id
  ORDER BY (${activeOn('x', at)}) DESC, x.valid_from DESC LIMIT 1), ${sql.raw(household)}.ward_unit_id)::text`;

const personName = (alias: string) =>
  sql`concat_ws(' ', NULLIF(${sql.raw(alias)}.ho, ''), NULLIF(${sql.raw(alias)}.ten_dem, ''), ${sql.raw(alias)}.ten)`;

function toDuplicateRow(row: DuplicateSqlRow): DuplicateRow {
  const side = (prefix: 'p' | 'o'): DuplicateSide => ({
    personId: row[`${prefix}_id`],
    name: row[`${prefix}_name`],
    householdId: row[`${prefix}_household`],
    householdCode: row[`${prefix}_code`],
    unitId: row[`${prefix}_unit`],
    inScope: Boolean(row[`${prefix}_scope`]),
    wardCode: row[`${prefix}_ward`],
  });
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at,
    sides: [side('p'), side('o')],
  };
}

/** Flags touching any of these persons, with both sides named. */
export async function listDuplicatesOfPersons(
  db: Db,
  personIds: readonly string[],
  today: string,
): Promise<DuplicateRow[]> {
  if (personIds.length === 0) return [];
  const ids = uuidArray(personIds);
  const rows = await queryRows<DuplicateSqlRow>(
    db,
    sql`
      SELECT f.id::text AS id, f.reason, f.status, f.created_at::text AS created_at,
        p.id::text AS p_id, ${personName('p')} AS p_name, ph.id::text AS p_household, ph.code AS p_code,
        ${sideUnit('ph', today)} AS p_unit, NULL AS p_scope, NULL AS p_ward,
        o.id::text AS o_id, ${personName('o')} AS o_name, oh.id::text AS o_household, oh.code AS o_code,
        ${sideUnit('oh', today)} AS o_unit, NULL AS o_scope, NULL AS o_ward
      FROM duplicate_flags f
      JOIN persons p ON p.id = f.person_id JOIN households ph ON ph.id = p.household_id
      JOIN persons o ON o.id = f.other_person_id JOIN households oh ON oh.id = o.household_id
      WHERE f.person_id = ANY(${ids}) OR f.other_person_id = ANY(${ids})
      ORDER BY f.created_at, f.id`,
  );
  return rows.map(toDuplicateRow);
}

/**
 * Flags of a status where either person's household is placed on the date in one of the groups;
 * the newest first, at most `limit`.
 */
export async function listDuplicatesInGroups(
  db: Db,
  groupIds: readonly string[],
  at: string,
  status: string,
  limit: number,
): Promise<DuplicateRow[]> {
  if (groupIds.length === 0) return [];
  const rows = await queryRows<DuplicateSqlRow>(
    db,
    sql`
      WITH scoped AS (
        SELECT hp.household_id, hp.group_unit_id FROM household_placements hp
        WHERE hp.group_unit_id = ANY(${uuidArray(groupIds)}) AND ${activeOn('hp', at)}
      ),
      flags AS (
        SELECT f.*, p.household_id AS p_household, o.household_id AS o_household
        FROM duplicate_flags f
        JOIN persons p ON p.id = f.person_id
        JOIN persons o ON o.id = f.other_person_id
        WHERE f.status = ${status}
          AND (p.household_id IN (SELECT household_id FROM scoped) OR o.household_id IN (SELECT household_id FROM scoped))
        ORDER BY f.created_at DESC, f.id
        LIMIT ${limit}
      )
      SELECT f.id::text AS id, f.reason, f.status, f.created_at::text AS created_at,
        p.id::text AS p_id, ${personName('p')} AS p_name, ph.id::text AS p_household, ph.code AS p_code,
        ${sideUnit('ph', at)} AS p_unit, sp.household_id IS NOT NULL AS p_scope,
        (SELECT w.code FROM unit_versions g JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND ${activeOn('w', at)}
          WHERE g.unit_id = sp.group_unit_id AND ${activeOn('g', at)} LIMIT 1) AS p_ward,
        o.id::text AS o_id, ${personName('o')} AS o_name, oh.id::text AS o_household, oh.code AS o_code,
        ${sideUnit('oh', at)} AS o_unit, so.household_id IS NOT NULL AS o_scope,
        (SELECT w.code FROM unit_versions g JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND ${activeOn('w', at)}
          WHERE g.unit_id = so.group_unit_id AND ${activeOn('g', at)} LIMIT 1) AS o_ward
      FROM flags f
      JOIN persons p ON p.id = f.person_id JOIN households ph ON ph.id = p.household_id
      JOIN persons o ON o.id = f.other_person_id JOIN households oh ON oh.id = o.household_id
      LEFT JOIN scoped sp ON sp.household_id = ph.id
      LEFT JOIN scoped so ON so.household_id = oh.id
      ORDER BY f.created_at DESC, f.id`,
  );
  return rows.map(toDuplicateRow);
}

export async function findDuplicate(db: Db, id: string, today: string): Promise<DuplicateRow | null> {
  const rows = await queryRows<DuplicateSqlRow>(
    db,
    sql`
      SELECT f.id::text AS id, f.reason, f.status, f.created_at::text AS created_at,
        p.id::text AS p_id, ${personName('p')} AS p_name, ph.id::text AS p_household, ph.code AS p_code,
        ${sideUnit('ph', today)} AS p_unit, NULL AS p_scope, NULL AS p_ward,
        o.id::text AS o_id, ${personName('o')} AS o_name, oh.id::text AS o_household, oh.code AS o_code,
        ${sideUnit('oh', today)} AS o_unit, NULL AS o_scope, NULL AS o_ward
      FROM duplicate_flags f
      JOIN persons p ON p.id = f.person_id JOIN households ph ON ph.id = p.household_id
      JOIN persons o ON o.id = f.other_person_id JOIN households oh ON oh.id = o.household_id
      WHERE f.id = ${id}`,
  );
  return rows[0] ? toDuplicateRow(rows[0]) : null;
}

export async function resolveDuplicate(
  db: Db,
  id: string,
  status: 'not_duplicate' | 'duplicate',
  userId: string | null,
): Promise<void> {
  await db
    .update(duplicateFlags)
    .set({ status, resolvedBy: userId, resolvedAt: sql`now()` })
    .where(eq(duplicateFlags.id, id));
}

// --- Residents list --------------------------------------------------------------------------

export type PersonListRow = {
  id: string;
  ho: string;
  tenDem: string;
  ten: string;
  sex: string | null;
  birthDate: string | null;
  birthYear: number | null;
  relation: string;
  isHead: boolean;
  phone: string | null;
  citizenIdMask: string | null;
  householdId: string;
  householdCode: string;
  groupCode: string;
  groupName: string;
};

/**
 * Residents of the households placed on the date in the groups, in Vietnamese name order
 * (tên, tên đệm, họ) through the stored sort key compared byte by byte.
 */
export async function listPersons(
  db: Db,
  filter: Pick<HouseholdFilter, 'groupIds' | 'at' | 'words'>,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonListRow[]; total: number }> {
  if (filter.groupIds.length === 0) return { rows: [], total: 0 };
  const words = filter.words.map((word) => sql`p.search_name LIKE ${likePattern(word)}`);
  const where = sql`hp.group_unit_id = ANY(${uuidArray(filter.groupIds)}) AND ${activeOn('hp', filter.at)}
    ${words.length > 0 ? sql`AND ${sql.join(words, sql` AND `)}` : sql``}`;
  const rows = await queryRows<{
    id: string;
    ho: string;
    ten_dem: string;
    ten: string;
    sex: string | null;
    birth_date: string | null;
    birth_year: number | null;
    relation: string;
    is_head: boolean;
    phone: string | null;
    citizen_id_mask: string | null;
    household_id: string;
    household_code: string;
    group_code: string;
    group_name: string;
  }>(
    db,
    sql`
      SELECT p.id::text AS id, p.ho, p.ten_dem, p.ten, p.sex, p.birth_date::text AS birth_date, p.birth_year,
        p.relation, p.is_head, p.phone, p.citizen_id_mask, h.id::text AS household_id, h.code AS household_code,
        g.code AS group_code, g.name AS group_name
      FROM household_placements hp
      JOIN households h ON h.id = hp.household_id
      JOIN persons p ON p.household_id = h.id
      JOIN unit_versions g ON g.unit_id = hp.group_unit_id AND ${activeOn('g', filter.at)}
      WHERE ${where}
      ORDER BY p.sort_key COLLATE "C", p.id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  let total = rows.length;
  if (page.offset > 0 || rows.length === page.limit) {
    const counted = await queryRows<{ total: number | string }>(
      db,
      sql`SELECT count(*) AS total FROM household_placements hp JOIN persons p ON p.household_id = hp.household_id
          WHERE ${where}`,
    );
    total = Number(counted[0]?.total ?? 0);
  }
  return {
    rows: rows.map((row) => ({
      id: row.id,
      ho: row.ho,
      tenDem: row.ten_dem,
      ten: row.ten,
      sex: row.sex,
      birthDate: row.birth_date,
      birthYear: row.birth_year === null ? null : Number(row.birth_year),
      relation: row.relation,
      isHead: row.is_head,
      phone: row.phone,
      citizenIdMask: row.citizen_id_mask,
      householdId: row.household_id,
      householdCode: row.household_code,
      groupCode: row.group_code,
      groupName: row.group_name,
    })),
    total,
  };
}
