import { householdCategories as builtInCategories, isPolicyFamily, type UnitKind } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { subtreeBranchesAt } from '../../units/units.repository';

// Queries of the computed indicators that no module answers in the shape they need. Each is one
// set-based pass over the subtree of a date, grouped by the child each unit lies under (`branch`:
// the unit itself for its own rows), so a unit and all its children cost the same.

const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const texts = (values: readonly string[]) => sql`string_to_array(${values.join(',')}, ',')::text[]`;

export type SubtreeUnit = { unitId: string; parentUnitId: string | null; branch: string; kind: UnitKind };

/** The units of the subtree on the date with their parent then and the child of the root they lie under. */
export async function subtreeWithParents(db: Db, unitId: string, at: string): Promise<SubtreeUnit[]> {
  const rows = await queryRows<{
    unit_id: string;
    parent_unit_id: string | null;
    branch: string;
    kind: UnitKind;
  }>(
    db,
    sql`${subtreeBranchesAt(unitId, at)}
      SELECT d.unit_id::text AS unit_id, v.parent_unit_id::text AS parent_unit_id, d.branch::text AS branch,
        v.kind::text AS kind
      FROM down d JOIN unit_versions v ON v.unit_id = d.unit_id
        AND v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)`,
  );
  return rows.map((row) => ({
    unitId: row.unit_id,
    parentUnitId: row.parent_unit_id,
    branch: row.branch,
    kind: row.kind,
  }));
}

// --- Cultural families -----------------------------------------------------------------------

/**
 * Households placed on the date in the given units (the subtree, listed first so that the planner
 * knows how many) whose cultural-family record of the year says registered, and of them recognised,
 * per branch. The households themselves come from the kept figures (stats.repository countHouseholds).
 */
export async function registeredCulturalFamilies(
  db: Db,
  options: { units: ReadonlyArray<{ unitId: string; branch: string }>; at: string; year: number },
): Promise<Map<string, { registered: number; recognized: number }>> {
  if (options.units.length === 0) return new Map();
  const rows = await queryRows<{ branch: string; registered: number | string; recognized: number | string }>(
    db,
    sql`SELECT s.branch::text AS branch, count(*)::int AS registered,
        count(*) FILTER (WHERE r.recognized)::int AS recognized
      FROM unnest(${uuids(options.units.map((unit) => unit.unitId))}, ${uuids(options.units.map((unit) => unit.branch))})
        AS s(unit_id, branch)
      JOIN household_placements p ON p.group_unit_id = s.unit_id
        AND p.valid_from <= ${options.at}::date AND (p.valid_to IS NULL OR p.valid_to > ${options.at}::date)
      JOIN cultural_family_records r ON r.household_id = p.household_id AND r.year = ${options.year}
      WHERE r.registered
      GROUP BY s.branch`,
  );
  return new Map(
    rows.map((row) => [
      row.branch,
      { registered: Number(row.registered), recognized: Number(row.recognized) },
    ]),
  );
}

// --- Fund targets ----------------------------------------------------------------------------

export type TargetRow = { campaignId: string; code: string; unitId: string; amount: number };

/**
 * Targets a level above assigned to units of the subtree on `to` (campaign_targets) for the campaigns
 * whose period meets [from, to]. A campaign's own target, which the unit running it sets itself, is
 * not an assigned one.
 */
export async function campaignTargetsIn(
  db: Db,
  options: { unitId: string; from: string; to: string },
): Promise<TargetRow[]> {
  const rows = await queryRows<{
    campaign_id: string;
    code: string;
    unit_id: string;
    amount: number | string;
  }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.to)}
      SELECT c.id::text AS campaign_id, c.code, t.unit_id::text AS unit_id, t.amount
      FROM campaigns c JOIN campaign_targets t ON t.campaign_id = c.id JOIN down d ON d.unit_id = t.unit_id
      WHERE c.starts_on <= ${options.to}::date AND c.receiving_ends_on >= ${options.from}::date`,
  );
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    code: row.code,
    unitId: row.unit_id,
    amount: Number(row.amount),
  }));
}

/**
 * Money and items (valued) given to each campaign up to the date in the funds of the subtree on that
 * date, per branch, from the ledger's kept day totals: a reversed donation is taken back by its
 * reversal's lines. Money only, for many campaigns at once (funds.repository raisedByBranch also
 * counts the donations, one campaign at a time, which reads every donation of the city).
 */
export async function raisedByBranchAndCampaign(
  db: Db,
  options: { unitId: string; at: string; campaignIds: readonly string[] },
): Promise<Array<{ branch: string; campaignId: string; raised: number }>> {
  if (options.campaignIds.length === 0) return [];
  const rows = await queryRows<{ branch: string; campaign_id: string; raised: number | string }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.at)}
      SELECT d.branch::text AS branch, t.campaign_id::text AS campaign_id, sum(-t.amount)::bigint AS raised
      FROM ledger_day_totals t JOIN funds f ON f.id = t.fund_id JOIN down d ON d.unit_id = f.unit_id
      WHERE t.campaign_id = ANY(${uuids(options.campaignIds)})
        AND t.account IN ('donations', 'donations_in_kind') AND t.day <= ${options.at}::date
      GROUP BY d.branch, t.campaign_id`,
  );
  return rows.map((row) => ({ branch: row.branch, campaignId: row.campaign_id, raised: Number(row.raised) }));
}

// --- Tết gifts -------------------------------------------------------------------------------

/** Built-in codes of policy families (a committee's own codes are read from household_category_kinds). */
export const policyFamilyCodes = builtInCategories
  .filter((category) => isPolicyFamily(category.code))
  .map((category) => category.code);

/** Tết-gift programmes that start within [from, to]: the unit running each and its eligibility date. */
export async function tetProgramsStarting(
  db: Db,
  options: { from: string; to: string },
): Promise<Array<{ unitId: string; eligibleOn: string }>> {
  const rows = await queryRows<{ unit_id: string; eligible_on: string }>(
    db,
    sql`SELECT DISTINCT unit_id::text AS unit_id, to_char(eligible_on, 'YYYY-MM-DD') AS eligible_on
        FROM support_programs
        WHERE kind = 'tet_gift' AND period_from BETWEEN ${options.from}::date AND ${options.to}::date`,
  );
  return rows.map((row) => ({ unitId: row.unit_id, eligibleOn: row.eligible_on }));
}

export type TetCoverage = {
  eligible: number;
  supported: number;
  policy: number;
  policySupported: number;
  nearPoor: number;
  nearPoorSupported: number;
};

/**
 * For units each taken on its own date: the households placed in them that day holding a
 * policy-family or near-poor category then, and of them those who received a paid or confirmed
 * distribution, whose payment stands, of a Tết-gift programme starting within [from, to], paid by `to`.
 * Counted per branch; a household holding several such categories counts once.
 */
export async function tetCoverageByBranch(
  db: Db,
  options: {
    units: ReadonlyArray<{ unitId: string; branch: string; day: string }>;
    from: string;
    to: string;
  },
): Promise<Map<string, TetCoverage>> {
  if (options.units.length === 0) return new Map();
  const column = <K extends 'unitId' | 'branch' | 'day'>(key: K) => options.units.map((unit) => unit[key]);
  const rows = await queryRows<Record<keyof TetCoverage, number | string> & { branch: string }>(
    db,
    sql`WITH placed AS (
        SELECT s.branch, s.day, p.household_id
        FROM unnest(${uuids(column('unitId'))}, ${uuids(column('branch'))},
          string_to_array(${column('day').join(',')}, ',')::date[]) AS s(unit_id, branch, day)
        JOIN household_placements p ON p.group_unit_id = s.unit_id
          AND p.valid_from <= s.day AND (p.valid_to IS NULL OR p.valid_to > s.day)
      ), eligible AS (
        SELECT d.branch, d.household_id, bool_or(c.category <> 'near_poor') AS is_policy,
          bool_or(c.category = 'near_poor') AS is_near_poor
        FROM placed d JOIN household_categories c ON c.household_id = d.household_id
        WHERE (c.category = ANY(${texts(['near_poor', ...policyFamilyCodes])})
            OR c.category IN (SELECT code FROM household_category_kinds WHERE group_code = 'policy_family'))
          AND c.valid_from <= d.day AND (c.valid_to IS NULL OR c.valid_to > d.day)
        GROUP BY d.branch, d.household_id
      ), supported AS (
        SELECT DISTINCT x.household_id FROM support_programs g JOIN distributions x ON x.program_id = g.id
        WHERE g.kind = 'tet_gift' AND g.period_from BETWEEN ${options.from}::date AND ${options.to}::date
          AND x.household_id IN (SELECT household_id FROM eligible)
          AND x.status IN ('paid', 'confirmed') AND x.entry_id IS NOT NULL AND x.paid_on <= ${options.to}::date
          AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = x.entry_id)
      )
      SELECT e.branch::text AS branch, count(*)::int AS eligible, count(s.household_id)::int AS supported,
        count(*) FILTER (WHERE e.is_policy)::int AS policy,
        count(s.household_id) FILTER (WHERE e.is_policy)::int AS "policySupported",
        count(*) FILTER (WHERE e.is_near_poor)::int AS "nearPoor",
        count(s.household_id) FILTER (WHERE e.is_near_poor)::int AS "nearPoorSupported"
      FROM eligible e LEFT JOIN supported s ON s.household_id = e.household_id
      GROUP BY e.branch`,
  );
  return new Map(
    rows.map((row) => [
      row.branch,
      {
        eligible: Number(row.eligible),
        supported: Number(row.supported),
        policy: Number(row.policy),
        policySupported: Number(row.policySupported),
        nearPoor: Number(row.nearPoor),
        nearPoorSupported: Number(row.nearPoorSupported),
      },
    ]),
  );
}
