import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { distributions, supportPrograms } from '../../db/schema/index';
import { subtreeBranchesAt } from '../units/units.repository';

/** A paid or confirmed distribution whose payment entry stands (no entry reverses it). */
const counted = (alias: string): SQL =>
  sql`${sql.raw(alias)}.status IN ('paid', 'confirmed') AND ${sql.raw(alias)}.entry_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = ${sql.raw(alias)}.entry_id)`;

/** Value of a distribution's items (jsonb [{ value }]). */
const itemsValue = (alias: string): SQL =>
  sql`(SELECT coalesce(sum((x->>'value')::bigint), 0) FROM jsonb_array_elements(coalesce(${sql.raw(alias)}.items, '[]'::jsonb)) x)`;

export type WardDistributionTotal = {
  wardUnitId: string;
  wardCode: string;
  wardName: string;
  /** Distributions (households reached; a repeat counts again). */
  count: number;
  /** Money paid plus the value of the items given, in đồng. */
  amount: number;
};

/**
 * Paid or confirmed distributions whose payment stands, counted per ward with money and items'
 * value together, for public disclosure (no household in the answer). A ward is named as it was on
 * the day of payment. Filters combine; with none, every programme counts.
 */
export async function distributionsByWard(
  db: Db,
  filter: { campaignId?: string; fundId?: string; programId?: string },
): Promise<WardDistributionTotal[]> {
  const rows = await queryRows<{
    ward_unit_id: string;
    ward_code: string | null;
    ward_name: string | null;
    count: string | number;
    amount: string | number;
  }>(
    db,
    sql`SELECT d.ward_unit_id::text AS ward_unit_id, w.code AS ward_code, w.name AS ward_name,
          count(*)::int AS count, sum(d.amount + ${itemsValue('d')})::bigint AS amount
        FROM distributions d
        JOIN support_programs p ON p.id = d.program_id
        LEFT JOIN LATERAL (
          SELECT v.code, v.name FROM unit_versions v WHERE v.unit_id = d.ward_unit_id
          ORDER BY (v.valid_from <= d.paid_on AND (v.valid_to IS NULL OR v.valid_to > d.paid_on)) DESC, v.valid_from DESC
          LIMIT 1
        ) w ON true
        WHERE ${counted('d')}
          ${filter.campaignId ? sql`AND p.campaign_id = ${filter.campaignId}` : sql``}
          ${filter.fundId ? sql`AND p.fund_id = ${filter.fundId}` : sql``}
          ${filter.programId ? sql`AND d.program_id = ${filter.programId}` : sql``}
        GROUP BY d.ward_unit_id, w.code, w.name
        ORDER BY w.code COLLATE "C", w.name COLLATE "C", d.ward_unit_id`,
  );
  return rows.map((row) => ({
    wardUnitId: row.ward_unit_id,
    wardCode: row.ward_code ?? '',
    wardName: row.ward_name ?? '',
    count: Number(row.count),
    amount: Number(row.amount),
  }));
}

// --- Programmes ------------------------------------------------------------------------------

export type ProgramRow = typeof supportPrograms.$inferSelect;
export type GivenItemRow = {
  item: string;
  name: string;
  quantity: number;
  value: number;
  atPayment?: boolean;
};

const uuidArray = (ids: readonly string[]): SQL => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const textArray = (values: readonly string[]): SQL => sql`string_to_array(${values.join(',')}, ',')::text[]`;
const activeOn = (alias: string, at: string): SQL =>
  sql`${sql.raw(alias)}.valid_from <= ${at}::date AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to > ${at}::date)`;

export async function insertProgram(db: Db, program: typeof supportPrograms.$inferInsert): Promise<string> {
  const [row] = await db.insert(supportPrograms).values(program).returning({ id: supportPrograms.id });
  if (!row) throw new Error('programme not inserted');
  return row.id;
}

export async function findProgram(db: Db, id: string): Promise<ProgramRow | null> {
  const rows = await db.select().from(supportPrograms).where(eq(supportPrograms.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the programme until the end of the transaction: its list changes one request at a time. */
export async function lockProgram(db: Db, id: string): Promise<void> {
  await db
    .select({ id: supportPrograms.id })
    .from(supportPrograms)
    .where(eq(supportPrograms.id, id))
    .for('update');
}

export async function programCodeTaken(db: Db, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: supportPrograms.id })
    .from(supportPrograms)
    .where(eq(supportPrograms.code, code))
    .limit(1);
  return rows.length > 0;
}

export type ProgramListRow = ProgramRow & {
  unitCode: string;
  unitName: string;
  fundName: string;
  campaignCode: string | null;
  campaignName: string | null;
};

const programColumns = sql`p.id::text AS "id", p.unit_id::text AS "unitId", p.fund_id::text AS "fundId",
  p.campaign_id::text AS "campaignId", p.code, p.name, p.kind, to_char(p.period_from, 'YYYY-MM-DD') AS "periodFrom",
  to_char(p.period_to, 'YYYY-MM-DD') AS "periodTo", p.eligible_categories AS "eligibleCategories",
  to_char(p.eligible_on, 'YYYY-MM-DD') AS "eligibleOn", p.amount_per_household AS "amountPerHousehold",
  p.allow_repeat AS "allowRepeat", p.decision_no AS "decisionNo", to_char(p.decided_on, 'YYYY-MM-DD') AS "decidedOn",
  p.created_at AS "createdAt", f.name AS "fundName", c.code AS "campaignCode", c.name AS "campaignName",
  (SELECT v.code FROM unit_versions v WHERE v.unit_id = p.unit_id
    ORDER BY (v.valid_from <= p.eligible_on AND (v.valid_to IS NULL OR v.valid_to > p.eligible_on)) DESC, v.valid_from DESC LIMIT 1) AS "unitCode",
  (SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id
    ORDER BY (v.valid_from <= p.eligible_on AND (v.valid_to IS NULL OR v.valid_to > p.eligible_on)) DESC, v.valid_from DESC LIMIT 1) AS "unitName"`;

const toProgramListRow = (row: ProgramListRow): ProgramListRow => ({
  ...row,
  amountPerHousehold: row.amountPerHousehold === null ? null : Number(row.amountPerHousehold),
  eligibleCategories:
    typeof row.eligibleCategories === 'string' ? JSON.parse(row.eligibleCategories) : row.eligibleCategories,
});

export async function findProgramView(db: Db, id: string): Promise<ProgramListRow | null> {
  const rows = await queryRows<ProgramListRow>(
    db,
    sql`SELECT ${programColumns} FROM support_programs p JOIN funds f ON f.id = p.fund_id
        LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = ${id}`,
  );
  return rows[0] ? toProgramListRow(rows[0]) : null;
}

/** Programmes run by the unit, by units below it on the date, or by units above it (which it takes part in). */
export async function listProgramsFor(
  db: Db,
  options: { unitId: string; at: string; ancestorIds: readonly string[] },
): Promise<ProgramListRow[]> {
  const rows = await queryRows<ProgramListRow>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.at)}
      SELECT ${programColumns} FROM support_programs p JOIN funds f ON f.id = p.fund_id
      LEFT JOIN campaigns c ON c.id = p.campaign_id
      WHERE p.unit_id IN (SELECT unit_id FROM down)
        ${options.ancestorIds.length > 0 ? sql`OR p.unit_id = ANY(${uuidArray(options.ancestorIds)})` : sql``}
      ORDER BY p.period_from DESC, p.code`,
  );
  return rows.map(toProgramListRow);
}

// --- Eligibility -----------------------------------------------------------------------------

export type Scope = { programId: string; categories: readonly string[]; unitId: string; at: string };

/**
 * `down` (the scope's subtree on the date, with the branch each unit lies under) and `eligible`
 * (households placed in it on the date holding one of the categories then).
 */
const eligibleCte = (scope: Scope): SQL => sql`${subtreeBranchesAt(scope.unitId, scope.at)},
  eligible AS (
    SELECT hp.household_id, hp.group_unit_id, d.branch FROM household_placements hp
    JOIN down d ON d.unit_id = hp.group_unit_id
    WHERE ${activeOn('hp', scope.at)}
      AND EXISTS (SELECT 1 FROM household_categories hc WHERE hc.household_id = hp.household_id
        AND hc.category = ANY(${textArray(scope.categories)}) AND ${activeOn('hc', scope.at)})
  )`;

const supportedFilter = (programId: string, alias: string): SQL =>
  sql`EXISTS (SELECT 1 FROM distributions x WHERE x.program_id = ${programId}
    AND x.household_id = ${sql.raw(alias)}.household_id AND ${counted('x')})`;

/** Eligible and supported households of the scope, in all and per child unit of the scope unit. */
export async function coverageByBranch(
  db: Db,
  scope: Scope,
): Promise<Map<string, { eligible: number; supported: number }>> {
  const rows = await queryRows<{ branch: string; eligible: string | number; supported: string | number }>(
    db,
    sql`${eligibleCte(scope)}
      SELECT e.branch::text AS branch, count(*)::int AS eligible,
        count(*) FILTER (WHERE ${supportedFilter(scope.programId, 'e')})::int AS supported
      FROM eligible e GROUP BY e.branch`,
  );
  return new Map(
    rows.map((row) => [row.branch, { eligible: Number(row.eligible), supported: Number(row.supported) }]),
  );
}

export type EligibleRow = {
  householdId: string;
  code: string;
  address: string | null;
  groupCode: string;
  groupName: string;
  wardCode: string | null;
  wardName: string | null;
  hasDistribution: boolean;
};

/** A page of the eligible households of the scope, by residential group and household code. */
export async function listEligible(
  db: Db,
  scope: Scope,
  options: { missingOnly: boolean; limit: number; offset: number },
): Promise<{ rows: EligibleRow[]; total: number }> {
  const listed = sql`EXISTS (SELECT 1 FROM distributions x WHERE x.program_id = ${scope.programId} AND x.household_id = e.household_id)`;
  const where = options.missingOnly ? sql`NOT ${listed}` : sql`true`;
  const rows = await queryRows<{
    household_id: string;
    code: string;
    address: string | null;
    group_code: string;
    group_name: string;
    ward_code: string | null;
    ward_name: string | null;
    has_distribution: boolean;
  }>(
    db,
    sql`${eligibleCte(scope)}
      SELECT e.household_id::text AS household_id, h.code, h.address, g.code AS group_code, g.name AS group_name,
        w.code AS ward_code, w.name AS ward_name, ${listed} AS has_distribution
      FROM eligible e JOIN households h ON h.id = e.household_id
      JOIN unit_versions g ON g.unit_id = e.group_unit_id AND ${activeOn('g', scope.at)}
      LEFT JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND ${activeOn('w', scope.at)}
      WHERE ${where}
      ORDER BY g.code COLLATE "C", h.code COLLATE "C", h.id
      LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  const [count] = await queryRows<{ total: string | number }>(
    db,
    sql`${eligibleCte(scope)} SELECT count(*)::int AS total FROM eligible e WHERE ${where}`,
  );
  return {
    rows: rows.map((row) => ({
      householdId: row.household_id,
      code: row.code,
      address: row.address,
      groupCode: row.group_code,
      groupName: row.group_name,
      wardCode: row.ward_code,
      wardName: row.ward_name,
      hasDistribution: Boolean(row.has_distribution),
    })),
    total: Number(count?.total ?? 0),
  };
}

/** Eligible households of the scope not yet on the programme's list, with the ward each lived in. */
export async function listEligibleMissing(
  db: Db,
  scope: Scope,
): Promise<Array<{ householdId: string; code: string; wardUnitId: string }>> {
  const rows = await queryRows<{ household_id: string; code: string; ward_unit_id: string }>(
    db,
    sql`${eligibleCte(scope)}
      SELECT e.household_id::text AS household_id, h.code,
        coalesce(g.parent_unit_id, h.ward_unit_id)::text AS ward_unit_id
      FROM eligible e JOIN households h ON h.id = e.household_id
      LEFT JOIN unit_versions g ON g.unit_id = e.group_unit_id AND ${activeOn('g', scope.at)}
      WHERE NOT EXISTS (SELECT 1 FROM distributions x WHERE x.program_id = ${scope.programId} AND x.household_id = e.household_id)
      ORDER BY g.code COLLATE "C", h.code COLLATE "C", h.id`,
  );
  return rows.map((row) => ({ householdId: row.household_id, code: row.code, wardUnitId: row.ward_unit_id }));
}

export type HouseholdCheck = {
  householdId: string;
  code: string;
  /** Placed on the date in a residential group of the scope. */
  inScope: boolean;
  isEligible: boolean;
  /** The ward of its residential group on the date (else the ward that registered it). */
  wardUnitId: string;
  groupUnitId: string | null;
};

/** Where each household lived on the date and whether it held an eligible category then. */
export async function checkHouseholds(
  db: Db,
  scope: Scope,
  householdIds: readonly string[],
): Promise<Map<string, HouseholdCheck>> {
  if (householdIds.length === 0) return new Map();
  const rows = await queryRows<{
    household_id: string;
    code: string;
    in_scope: boolean;
    is_eligible: boolean;
    ward_unit_id: string;
    group_unit_id: string | null;
  }>(
    db,
    sql`${subtreeBranchesAt(scope.unitId, scope.at)}
      SELECT h.id::text AS household_id, h.code, pl.group_unit_id::text AS group_unit_id,
        coalesce(pl.group_unit_id IN (SELECT unit_id FROM down), false) AS in_scope,
        EXISTS (SELECT 1 FROM household_categories hc WHERE hc.household_id = h.id
          AND hc.category = ANY(${textArray(scope.categories)}) AND ${activeOn('hc', scope.at)}) AS is_eligible,
        coalesce(g.parent_unit_id, h.ward_unit_id)::text AS ward_unit_id
      FROM households h
      LEFT JOIN LATERAL (
        SELECT hp.group_unit_id FROM household_placements hp WHERE hp.household_id = h.id AND ${activeOn('hp', scope.at)}
        ORDER BY hp.valid_from DESC LIMIT 1
      ) pl ON true
      LEFT JOIN unit_versions g ON g.unit_id = pl.group_unit_id AND ${activeOn('g', scope.at)}
      WHERE h.id = ANY(${uuidArray(householdIds)})`,
  );
  return new Map(
    rows.map((row) => [
      row.household_id,
      {
        householdId: row.household_id,
        code: row.code,
        inScope: Boolean(row.in_scope),
        isEligible: Boolean(row.is_eligible),
        wardUnitId: row.ward_unit_id,
        groupUnitId: row.group_unit_id,
      },
    ]),
  );
}

export async function isMemberOf(db: Db, personId: string, householdId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id::text AS id FROM persons WHERE id = ${personId} AND household_id = ${householdId}`,
  );
  return rows.length > 0;
}

// --- Distributions ---------------------------------------------------------------------------

/** The highest repeat number of each household already on the programme's list. */
export async function listedRepeats(
  db: Db,
  programId: string,
  householdIds: readonly string[],
): Promise<Map<string, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await queryRows<{ household_id: string; repeat_no: number }>(
    db,
    sql`SELECT household_id::text AS household_id, max(repeat_no)::int AS repeat_no FROM distributions
        WHERE program_id = ${programId} AND household_id = ANY(${uuidArray(householdIds)}) GROUP BY household_id`,
  );
  return new Map(rows.map((row) => [row.household_id, Number(row.repeat_no)]));
}

export type NewDistribution = {
  householdId: string;
  personId: string | null;
  wardUnitId: string;
  repeatNo: number;
  amount: number;
  items: GivenItemRow[] | null;
};

/** Planned rows, sent as one JSON parameter whatever their number; ids in the order given. */
export async function insertDistributions(
  db: Db,
  programId: string,
  rows: readonly NewDistribution[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await queryRows<{ id: string; ord: number }>(
    db,
    sql`WITH input AS (
          SELECT x.* FROM json_to_recordset(${JSON.stringify(
            rows.map((row, index) => ({
              ord: index,
              household_id: row.householdId,
              person_id: row.personId,
              ward_unit_id: row.wardUnitId,
              repeat_no: row.repeatNo,
              amount: row.amount,
              items: row.items,
            })),
          )}::json) AS x(ord int, household_id uuid, person_id uuid, ward_unit_id uuid,
            repeat_no int, amount bigint, items jsonb)
        ), added AS (
          INSERT INTO distributions (program_id, household_id, person_id, ward_unit_id, repeat_no, amount, items, status)
          SELECT ${programId}::uuid, household_id, person_id, ward_unit_id, repeat_no, amount, items, 'planned'
          FROM input ORDER BY ord
          RETURNING id, household_id, repeat_no
        )
        SELECT a.id::text AS id, i.ord::int AS ord FROM added a
        JOIN input i ON i.household_id = a.household_id AND i.repeat_no = a.repeat_no ORDER BY i.ord`,
  );
  return inserted.map((row) => row.id);
}

export type DistributionState = {
  id: string;
  programId: string;
  householdId: string | null;
  householdCode: string | null;
  wardUnitId: string;
  amount: number;
  items: GivenItemRow[];
  status: 'planned' | 'paid' | 'confirmed';
  entryId: string | null;
  reversed: boolean;
  paidOn: string | null;
  confirmedOn: string | null;
};

/** Distributions by id, in id order; locked until the end of the transaction when asked. */
export async function findDistributions(
  db: Db,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<DistributionState[]> {
  if (ids.length === 0) return [];
  if (options.lock) {
    await queryRows(
      db,
      sql`SELECT id FROM distributions WHERE id = ANY(${uuidArray(ids)}) ORDER BY id FOR UPDATE`,
    );
  }
  const rows = await queryRows<{
    id: string;
    program_id: string;
    household_id: string | null;
    household_code: string | null;
    ward_unit_id: string;
    amount: string | number;
    items: GivenItemRow[] | string | null;
    status: 'planned' | 'paid' | 'confirmed';
    entry_id: string | null;
    reversed: boolean;
    paid_on: string | null;
    confirmed_on: string | null;
  }>(
    db,
    sql`SELECT d.id::text AS id, d.program_id::text AS program_id, d.household_id::text AS household_id,
          h.code AS household_code, d.ward_unit_id::text AS ward_unit_id, d.amount, d.items, d.status,
          d.entry_id::text AS entry_id,
          (d.entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id)) AS reversed,
          to_char(d.paid_on, 'YYYY-MM-DD') AS paid_on, to_char(d.confirmed_on, 'YYYY-MM-DD') AS confirmed_on
        FROM distributions d LEFT JOIN households h ON h.id = d.household_id
        WHERE d.id = ANY(${uuidArray(ids)}) ORDER BY d.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    programId: row.program_id,
    householdId: row.household_id,
    householdCode: row.household_code,
    wardUnitId: row.ward_unit_id,
    amount: Number(row.amount),
    items: parseItems(row.items),
    status: row.status,
    entryId: row.entry_id,
    reversed: Boolean(row.reversed),
    paidOn: row.paid_on,
    confirmedOn: row.confirmed_on,
  }));
}

const parseItems = (items: GivenItemRow[] | string | null): GivenItemRow[] => {
  const list = typeof items === 'string' ? (JSON.parse(items) as GivenItemRow[]) : (items ?? []);
  return list.map((item) => ({ ...item, quantity: Number(item.quantity), value: Number(item.value) }));
};

export async function markPaid(
  db: Db,
  id: string,
  payment: { entryId: string; paidOn: string; items: GivenItemRow[] | null },
): Promise<void> {
  await db
    .update(distributions)
    .set({
      status: 'paid',
      entryId: payment.entryId,
      paidOn: payment.paidOn,
      items: payment.items,
      confirmedOn: null,
      confirmedBy: null,
    })
    .where(eq(distributions.id, id));
}

export async function markConfirmed(
  db: Db,
  id: string,
  confirmation: { confirmedOn: string; confirmedBy: string | null },
): Promise<void> {
  await db
    .update(distributions)
    .set({
      status: 'confirmed',
      confirmedOn: confirmation.confirmedOn,
      confirmedBy: confirmation.confirmedBy,
    })
    .where(eq(distributions.id, id));
}

export async function deleteDistribution(db: Db, id: string): Promise<void> {
  await db.delete(distributions).where(eq(distributions.id, id));
}

/** Households (by code) of the request already on the list: named in a conflict. */
export async function listedCodes(
  db: Db,
  programId: string,
  householdIds: readonly string[],
): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT DISTINCT h.code FROM distributions d JOIN households h ON h.id = d.household_id
        WHERE d.program_id = ${programId} AND d.household_id = ANY(${uuidArray(householdIds)}) ORDER BY h.code`,
  );
  return rows.map((row) => row.code);
}

export type DistributionListRow = {
  id: string;
  householdId: string | null;
  householdCode: string | null;
  personId: string | null;
  personName: string | null;
  address: string | null;
  groupCode: string | null;
  groupName: string | null;
  wardCode: string | null;
  wardName: string | null;
  repeatNo: number;
  amount: number;
  items: GivenItemRow[];
  itemsValue: number;
  status: 'planned' | 'paid' | 'confirmed';
  reversed: boolean;
  entryId: string | null;
  paidOn: string | null;
  confirmedOn: string | null;
};

/**
 * Distributions of households placed, on the date, in the scope's subtree (a household erased on
 * request counts under its ward), by residential group and household code.
 */
export async function listDistributions(
  db: Db,
  scope: Omit<Scope, 'categories'>,
  options: { status?: string; limit: number; offset: number },
): Promise<{ rows: DistributionListRow[]; total: number; amount: number; itemsValue: number }> {
  const base = sql`${subtreeBranchesAt(scope.unitId, scope.at)},
    scoped AS (
      SELECT d.*, pl.group_unit_id, ${itemsValue('d')} AS items_value,
        (d.entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id)) AS reversed
      FROM distributions d
      LEFT JOIN LATERAL (
        SELECT hp.group_unit_id FROM household_placements hp WHERE hp.household_id = d.household_id
          AND ${activeOn('hp', scope.at)} ORDER BY hp.valid_from DESC LIMIT 1
      ) pl ON true
      WHERE d.program_id = ${scope.programId}
        AND (pl.group_unit_id IN (SELECT unit_id FROM down)
          OR (pl.group_unit_id IS NULL AND d.ward_unit_id IN (SELECT unit_id FROM down)))
        ${options.status ? sql`AND d.status = ${options.status}` : sql``}
    )`;
  const rows = await queryRows<{
    id: string;
    household_id: string | null;
    household_code: string | null;
    person_id: string | null;
    person_name: string | null;
    address: string | null;
    group_code: string | null;
    group_name: string | null;
    ward_code: string | null;
    ward_name: string | null;
    repeat_no: number;
    amount: string | number;
    items: GivenItemRow[] | string | null;
    items_value: string | number;
    status: 'planned' | 'paid' | 'confirmed';
    reversed: boolean;
    entry_id: string | null;
    paid_on: string | null;
    confirmed_on: string | null;
  }>(
    db,
    sql`${base}
      SELECT s.id::text AS id, s.household_id::text AS household_id, h.code AS household_code,
        s.person_id::text AS person_id,
        (SELECT concat_ws(' ', NULLIF(p.ho, ''), NULLIF(p.ten_dem, ''), p.ten) FROM persons p WHERE p.id = s.person_id) AS person_name,
        h.address, g.code AS group_code, g.name AS group_name, w.code AS ward_code, w.name AS ward_name,
        s.repeat_no, s.amount, s.items, s.items_value, s.status, s.reversed, s.entry_id::text AS entry_id,
        to_char(s.paid_on, 'YYYY-MM-DD') AS paid_on, to_char(s.confirmed_on, 'YYYY-MM-DD') AS confirmed_on
      FROM scoped s
      LEFT JOIN households h ON h.id = s.household_id
      LEFT JOIN unit_versions g ON g.unit_id = s.group_unit_id AND ${activeOn('g', scope.at)}
      LEFT JOIN unit_versions w ON w.unit_id = s.ward_unit_id AND ${activeOn('w', scope.at)}
      ORDER BY g.code COLLATE "C" NULLS LAST, h.code COLLATE "C" NULLS LAST, s.repeat_no, s.id
      LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  const [sums] = await queryRows<{
    total: number | string;
    amount: number | string;
    items_value: number | string;
  }>(
    db,
    sql`${base} SELECT count(*)::int AS total, coalesce(sum(amount), 0)::bigint AS amount,
          coalesce(sum(items_value), 0)::bigint AS items_value FROM scoped`,
  );
  return {
    rows: rows.map((row) => ({
      id: row.id,
      householdId: row.household_id,
      householdCode: row.household_code,
      personId: row.person_id,
      personName: row.person_name,
      address: row.address,
      groupCode: row.group_code,
      groupName: row.group_name,
      wardCode: row.ward_code,
      wardName: row.ward_name,
      repeatNo: Number(row.repeat_no),
      amount: Number(row.amount),
      items: parseItems(row.items),
      itemsValue: Number(row.items_value),
      status: row.status,
      reversed: Boolean(row.reversed),
      entryId: row.entry_id,
      paidOn: row.paid_on,
      confirmedOn: row.confirmed_on,
    })),
    total: Number(sums?.total ?? 0),
    amount: Number(sums?.amount ?? 0),
    itemsValue: Number(sums?.items_value ?? 0),
  };
}

export type StatusTotals = Record<
  'planned' | 'paid' | 'confirmed' | 'reversed',
  { count: number; amount: number; itemsValue: number }
>;

/** Counts and amounts of a programme's list by status; a paid row whose entry was reversed counts apart. */
export async function programTotals(db: Db, programId: string): Promise<StatusTotals> {
  const rows = await queryRows<{
    bucket: keyof StatusTotals;
    count: number | string;
    amount: number | string;
    items_value: number | string;
  }>(
    db,
    sql`SELECT CASE WHEN d.status <> 'planned' AND d.entry_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id) THEN 'reversed'
          ELSE d.status END AS bucket,
          count(*)::int AS count, coalesce(sum(d.amount), 0)::bigint AS amount,
          coalesce(sum(${itemsValue('d')}), 0)::bigint AS items_value
        FROM distributions d WHERE d.program_id = ${programId} GROUP BY 1`,
  );
  const empty = () => ({ count: 0, amount: 0, itemsValue: 0 });
  const totals: StatusTotals = { planned: empty(), paid: empty(), confirmed: empty(), reversed: empty() };
  for (const row of rows) {
    totals[row.bucket] = {
      count: Number(row.count),
      amount: Number(row.amount),
      itemsValue: Number(row.items_value),
    };
  }
  return totals;
}

// --- Payment checks --------------------------------------------------------------------------

/**
 * The lowest balance the fund holds on these accounts from a date on: on that day and after each
 * later day with entries. A payment dated that day must not take it below zero.
 */
export async function lowestBalanceFrom(
  db: Db,
  fundId: string,
  accounts: readonly string[],
  from: string,
): Promise<number> {
  const [row] = await queryRows<{ low: string | number | null }>(
    db,
    sql`WITH days AS (
          SELECT day, sum(amount) AS amount FROM ledger_day_totals
          WHERE fund_id = ${fundId} AND account = ANY(${textArray(accounts)}) GROUP BY day
        ), running AS (
          SELECT day, sum(amount) OVER (ORDER BY day) AS balance FROM days
        )
        SELECT least(
          (SELECT coalesce(sum(amount), 0) FROM days WHERE day <= ${from}::date),
          (SELECT min(balance) FROM running WHERE day > ${from}::date)
        )::bigint AS low`,
  );
  return Number(row?.low ?? 0);
}

export async function lockCampaigns(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await queryRows(db, sql`SELECT id FROM campaigns WHERE id = ANY(${uuidArray(ids)}) ORDER BY id FOR UPDATE`);
}
