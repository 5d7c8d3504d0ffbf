import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { subtreeBranchesAt } from '../../units/units.repository';

const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * How a sum up to `at` (inclusive) reads the kept totals: whole months before `monthsBefore` from
 * the month totals, and the days of a last, partial month (from `daysFrom` to `at`) from the day
 * totals; `daysFrom` is null when `at` is a month's last day.
 */
export function splitAtMonths(at: string): { monthsBefore: string; daysFrom: string | null } {
  const [year, month, day] = at.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  if (next.getUTCDate() === 1) return { monthsBefore: isoDay(next), daysFrom: null };
  const monthStart = isoDay(new Date(Date.UTC(year, month - 1, 1)));
  return { monthsBefore: monthStart, daysFrom: monthStart };
}

/**
 * Money and items (valued) given to each campaign up to the date in the funds of the subtree on that
 * date, per branch (the child of the root a fund's unit lies under; the root itself for its own), from
 * the ledger's kept totals: a reversed donation is taken back by its reversal's lines. Each fund of
 * the subtree and each campaign looks up its own month totals (and day totals of a partial last
 * month), so a ward reads only its funds' rows and the city a few rows per fund, not every day of
 * the campaigns.
 */
export async function raisedByBranchAndCampaign(
  db: Db,
  options: { unitId: string; at: string; campaignIds: readonly string[] },
): Promise<Array<{ branch: string; campaignId: string; raised: number }>> {
  if (options.campaignIds.length === 0) return [];
  const { monthsBefore, daysFrom } = splitAtMonths(options.at);
  const days =
    daysFrom === null
      ? sql``
      : sql`UNION ALL
        SELECT t.amount FROM ledger_day_totals t
        WHERE t.fund_id = s.fund_id AND t.day >= ${daysFrom}::date AND t.day <= ${options.at}::date
          AND t.campaign_id = c.campaign_id AND t.account IN ('donations', 'donations_in_kind')`;
  const rows = await queryRows<{ branch: string; campaign_id: string; raised: number | string }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.at)},
      subtree_funds AS (SELECT f.id AS fund_id, d.branch FROM down d JOIN funds f ON f.unit_id = d.unit_id)
      SELECT s.branch::text AS branch, c.campaign_id::text AS campaign_id, sum(-k.amount)::bigint AS raised
      FROM subtree_funds s
      CROSS JOIN unnest(${uuids(options.campaignIds)}) AS c(campaign_id)
      CROSS JOIN LATERAL (
        SELECT m.amount FROM ledger_month_totals m
        WHERE m.campaign_id = c.campaign_id AND m.fund_id = s.fund_id AND m.month < ${monthsBefore}::date
          AND m.account IN ('donations', 'donations_in_kind')
        ${days}
      ) k
      GROUP BY s.branch, c.campaign_id`,
  );
  return rows.map((row) => ({ branch: row.branch, campaignId: row.campaign_id, raised: Number(row.raised) }));
}
