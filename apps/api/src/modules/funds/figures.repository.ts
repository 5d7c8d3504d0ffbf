import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { subtreeBranchesAt } from '../units/units.repository';

// Every figure is read from the records of the units of a subtree as the tree stood on `to` (the
// last day of the year): the kept day totals of the ledger for money, the donations and
// distributions for counts. A donation or payment whose entry was reversed does not count.

type Period = { unitId: string; from: string; to: string };

const notReversed = (entryId: ReturnType<typeof sql.raw>) =>
  sql`NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = ${entryId})`;

/** Funds of the subtree open at the end of the period, per kind. */
export async function countFunds(db: Db, p: Period): Promise<Array<{ kind: string; count: number }>> {
  const rows = await queryRows<{ kind: string; count: number | string }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)}
      SELECT f.kind, count(*)::int AS count FROM down d JOIN funds f ON f.unit_id = d.unit_id
      WHERE f.opened_on <= ${p.to}::date AND (f.closed_on IS NULL OR f.closed_on > ${p.to}::date)
      GROUP BY f.kind`,
  );
  return rows.map((row) => ({ kind: row.kind, count: Number(row.count) }));
}

/** Per fund kind and account: the sum up to the end of the period, and the sum within it. */
export async function accountTotalsByKind(
  db: Db,
  p: Period,
): Promise<Array<{ kind: string; account: string; upTo: number; within: number }>> {
  const rows = await queryRows<{
    kind: string;
    account: string;
    up_to: string | number;
    within: string | number;
  }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)}
      SELECT f.kind, t.account, sum(t.amount)::bigint AS up_to,
        coalesce(sum(t.amount) FILTER (WHERE t.day >= ${p.from}::date), 0)::bigint AS within
      FROM down d JOIN funds f ON f.unit_id = d.unit_id JOIN ledger_day_totals t ON t.fund_id = f.id
      WHERE t.day <= ${p.to}::date
      GROUP BY f.kind, t.account`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    account: row.account,
    upTo: Number(row.up_to),
    within: Number(row.within),
  }));
}

/** Donations received in the period per fund kind (counted, not summed: sums come from the ledger). */
export async function countDonationsByKind(
  db: Db,
  p: Period,
): Promise<Array<{ kind: string; donations: number }>> {
  const rows = await queryRows<{ kind: string; donations: string | number }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)}
      SELECT f.kind, count(*)::int AS donations
      FROM down d JOIN funds f ON f.unit_id = d.unit_id JOIN donations x ON x.fund_id = f.id
      WHERE x.received_on BETWEEN ${p.from}::date AND ${p.to}::date AND ${notReversed(sql.raw('x.entry_id'))}
      GROUP BY f.kind`,
  );
  return rows.map((row) => ({ kind: row.kind, donations: Number(row.donations) }));
}

/**
 * Targets on Funds for the Poor for campaigns whose period meets the year: the one a level above
 * assigned to the unit, or the campaign's own target when the unit runs it.
 */
export async function poorFundTarget(db: Db, p: Period): Promise<{ target: number; campaigns: number }> {
  const [row] = await queryRows<{ target: string | number | null; campaigns: string | number }>(
    db,
    sql`WITH RECURSIVE up(unit_id) AS (
          SELECT parent_unit_id FROM unit_versions
          WHERE unit_id = ${p.unitId} AND parent_unit_id IS NOT NULL
            AND valid_from <= ${p.to}::date AND (valid_to IS NULL OR valid_to > ${p.to}::date)
          UNION
          SELECT v.parent_unit_id FROM unit_versions v JOIN up ON v.unit_id = up.unit_id
          WHERE v.parent_unit_id IS NOT NULL
            AND v.valid_from <= ${p.to}::date AND (v.valid_to IS NULL OR v.valid_to > ${p.to}::date)
        ), targets AS (
          SELECT CASE WHEN c.unit_id = ${p.unitId}::uuid THEN c.target_amount ELSE t.amount END AS amount
          FROM campaigns c JOIN funds f ON f.id = c.fund_id AND f.kind = 'poor'
          LEFT JOIN campaign_targets t ON t.campaign_id = c.id AND t.unit_id = ${p.unitId}
          WHERE c.starts_on <= ${p.to}::date AND c.receiving_ends_on >= ${p.from}::date
            AND (c.unit_id = ${p.unitId}::uuid OR c.unit_id IN (SELECT unit_id FROM up))
        )
        SELECT sum(amount)::bigint AS target, count(amount)::int AS campaigns FROM targets`,
  );
  return { target: Number(row?.target ?? 0), campaigns: Number(row?.campaigns ?? 0) };
}

export type ProgramKindRow = {
  kind: string;
  programs: number;
  distributions: number;
  households: number;
  amount: number;
};

/**
 * Distributions paid (or confirmed) in the period by programmes paid from the subtree's funds of a
 * kind, per programme kind; the last row, kind null, counts distinct households over all kinds.
 */
export async function distributionsByProgramKind(
  db: Db,
  p: Period & { fundKind: string },
): Promise<{ byKind: ProgramKindRow[]; households: number }> {
  const rows = await queryRows<{
    kind: string | null;
    programs: string | number;
    distributions: string | number;
    households: string | number;
    amount: string | number;
  }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)},
      paid AS (
        SELECT g.kind, g.id AS program_id, x.household_id,
          x.amount + coalesce((SELECT sum((i->>'value')::bigint) FROM jsonb_array_elements(x.items) i), 0) AS amount
        FROM down d JOIN funds f ON f.unit_id = d.unit_id AND f.kind = ${p.fundKind}
        JOIN support_programs g ON g.fund_id = f.id
        JOIN distributions x ON x.program_id = g.id
        WHERE x.status IN ('paid', 'confirmed') AND x.paid_on BETWEEN ${p.from}::date AND ${p.to}::date
          AND (x.entry_id IS NULL OR ${notReversed(sql.raw('x.entry_id'))})
      )
      SELECT kind, count(DISTINCT program_id)::int AS programs, count(*)::int AS distributions,
        count(DISTINCT household_id)::int AS households, coalesce(sum(amount), 0)::bigint AS amount
      FROM paid GROUP BY GROUPING SETS ((kind), ())`,
  );
  const all = rows.find((row) => row.kind === null);
  return {
    byKind: rows
      .filter((row) => row.kind !== null)
      .map((row) => ({
        kind: row.kind!,
        programs: Number(row.programs),
        distributions: Number(row.distributions),
        households: Number(row.households),
        amount: Number(row.amount),
      }))
      .sort((a, b) => b.amount - a.amount),
    households: Number(all?.households ?? 0),
  };
}

export type CampaignRowOfYear = {
  id: string;
  code: string;
  name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  fund_kind: string;
  starts_on: string;
  receiving_ends_on: string;
  target_amount: string | number | null;
  assigned: string | number | null;
  in_subtree: boolean;
};

/**
 * Campaigns whose period meets the year, run by a unit of the subtree or by a unit above it (which
 * the unit takes part in), with the target assigned to the unit by the level above.
 */
export async function listCampaignsOfYear(db: Db, p: Period): Promise<CampaignRowOfYear[]> {
  return queryRows<CampaignRowOfYear>(
    db,
    sql`WITH RECURSIVE up(unit_id) AS (
          SELECT parent_unit_id FROM unit_versions
          WHERE unit_id = ${p.unitId} AND parent_unit_id IS NOT NULL
            AND valid_from <= ${p.to}::date AND (valid_to IS NULL OR valid_to > ${p.to}::date)
          UNION
          SELECT v.parent_unit_id FROM unit_versions v JOIN up ON v.unit_id = up.unit_id
          WHERE v.parent_unit_id IS NOT NULL
            AND v.valid_from <= ${p.to}::date AND (v.valid_to IS NULL OR v.valid_to > ${p.to}::date)
        ), down(unit_id) AS (
          SELECT unit_id FROM unit_versions
          WHERE unit_id = ${p.unitId} AND valid_from <= ${p.to}::date AND (valid_to IS NULL OR valid_to > ${p.to}::date)
          UNION
          SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
          WHERE v.valid_from <= ${p.to}::date AND (v.valid_to IS NULL OR v.valid_to > ${p.to}::date)
        )
        SELECT c.id::text AS id, c.code, c.name, c.unit_id::text AS unit_id, f.kind AS fund_kind,
          to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.receiving_ends_on, 'YYYY-MM-DD') AS receiving_ends_on,
          c.target_amount, t.amount AS assigned, c.unit_id IN (SELECT unit_id FROM down) AS in_subtree,
          v.code AS unit_code, v.name AS unit_name
        FROM campaigns c JOIN funds f ON f.id = c.fund_id
        LEFT JOIN campaign_targets t ON t.campaign_id = c.id AND t.unit_id = ${p.unitId}
        LEFT JOIN LATERAL (
          SELECT code, name FROM unit_versions uv WHERE uv.unit_id = c.unit_id
          ORDER BY (uv.valid_from <= c.starts_on AND (uv.valid_to IS NULL OR uv.valid_to > c.starts_on)) DESC, uv.valid_from DESC
          LIMIT 1
        ) v ON TRUE
        WHERE c.starts_on <= ${p.to}::date AND c.receiving_ends_on >= ${p.from}::date
          AND (c.unit_id IN (SELECT unit_id FROM down) OR c.unit_id IN (SELECT unit_id FROM up))
        ORDER BY c.starts_on, c.code`,
  );
}

export type CampaignMoney = { cash: number; inKind: number; donations: number };

/** Money and items received by the subtree's funds for each campaign up to the end of the period. */
export async function campaignMoney(
  db: Db,
  p: Period & { campaignIds: readonly string[] },
): Promise<Map<string, CampaignMoney>> {
  if (p.campaignIds.length === 0) return new Map();
  const ids = sql`${`{${p.campaignIds.join(',')}}`}::uuid[]`;
  const rows = await queryRows<{
    id: string;
    cash: string | number;
    in_kind: string | number;
    donations: string | number;
  }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)},
      funds_in AS (SELECT f.id FROM down d JOIN funds f ON f.unit_id = d.unit_id),
      money AS (
        SELECT t.campaign_id,
          -sum(t.amount) FILTER (WHERE t.account = 'donations') AS cash,
          -sum(t.amount) FILTER (WHERE t.account = 'donations_in_kind') AS in_kind
        FROM ledger_day_totals t
        WHERE t.campaign_id = ANY(${ids}) AND t.fund_id IN (SELECT id FROM funds_in) AND t.day <= ${p.to}::date
          AND t.account IN ('donations', 'donations_in_kind')
        GROUP BY t.campaign_id
      ), counted AS (
        SELECT x.campaign_id, count(*) AS donations FROM donations x
        WHERE x.campaign_id = ANY(${ids}) AND x.fund_id IN (SELECT id FROM funds_in) AND x.received_on <= ${p.to}::date
          AND ${notReversed(sql.raw('x.entry_id'))}
        GROUP BY x.campaign_id
      )
      SELECT coalesce(m.campaign_id, c.campaign_id)::text AS id, coalesce(m.cash, 0)::bigint AS cash,
        coalesce(m.in_kind, 0)::bigint AS in_kind, coalesce(c.donations, 0)::int AS donations
      FROM money m FULL JOIN counted c ON c.campaign_id = m.campaign_id`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { cash: Number(row.cash), inKind: Number(row.in_kind), donations: Number(row.donations) },
    ]),
  );
}

export type ItemRow = {
  campaignId: string;
  direction: 'in' | 'out';
  item: string;
  name: string;
  quantity: number;
  value: number;
};

/** Items into and out of each campaign's stock through the subtree's funds, up to the end of the period. */
export async function campaignItems(
  db: Db,
  p: Period & { campaignIds: readonly string[] },
): Promise<ItemRow[]> {
  if (p.campaignIds.length === 0) return [];
  const rows = await queryRows<{
    campaign_id: string;
    direction: 'in' | 'out';
    item: string;
    name: string;
    quantity: string | number;
    value: string | number;
  }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)}
      SELECT s.campaign_id::text AS campaign_id, CASE WHEN s.quantity > 0 THEN 'in' ELSE 'out' END AS direction,
        s.item, min(s.name) AS name, abs(sum(s.quantity))::int AS quantity, abs(sum(s.value))::bigint AS value
      FROM stock_movements s
      JOIN ledger_entries e ON e.id = s.entry_id
      JOIN funds f ON f.id = e.fund_id JOIN down d ON d.unit_id = f.unit_id
      WHERE s.campaign_id = ANY(${`{${p.campaignIds.join(',')}}`}::uuid[]) AND s.moved_on <= ${p.to}::date
        AND ${notReversed(sql.raw('s.entry_id'))}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    direction: row.direction,
    item: row.item,
    name: row.name,
    quantity: Number(row.quantity),
    value: Number(row.value),
  }));
}

/** Households and students supported by the programmes of each campaign (paid from the subtree's funds). */
export async function campaignBeneficiaries(
  db: Db,
  p: Period & { campaignIds: readonly string[] },
): Promise<Map<string, { households: number; students: number }>> {
  if (p.campaignIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; households: string | number; students: string | number }>(
    db,
    sql`${subtreeBranchesAt(p.unitId, p.to)}
      SELECT g.campaign_id::text AS id, count(DISTINCT x.household_id)::int AS households,
        count(DISTINCT x.person_id) FILTER (WHERE g.kind = 'student_device')::int AS students
      FROM down d JOIN funds f ON f.unit_id = d.unit_id
      JOIN support_programs g ON g.fund_id = f.id JOIN distributions x ON x.program_id = g.id
      WHERE g.campaign_id = ANY(${`{${p.campaignIds.join(',')}}`}::uuid[])
        AND x.status IN ('paid', 'confirmed') AND x.paid_on <= ${p.to}::date
        AND (x.entry_id IS NULL OR ${notReversed(sql.raw('x.entry_id'))})
      GROUP BY g.campaign_id`,
  );
  return new Map(
    rows.map((row) => [row.id, { households: Number(row.households), students: Number(row.students) }]),
  );
}
