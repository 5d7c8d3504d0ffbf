import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';

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
 * Money and items (valued) given to each campaign up to the date in the funds of the units given (the
 * subtree on that date, each unit with its branch: the child of the root it lies under, the root
 * itself for its own), per branch, from the ledger's kept totals: a reversed donation is taken back
 * by its reversal's lines. The funds of the units are found first, then each fund and campaign looks
 * up its own month totals (and day totals of a partial last month), so a ward reads only its funds'
 * rows and a city a few rows per fund, not every day of the campaigns.
 */
export async function raisedByBranchAndCampaign(
  db: Db,
  options: {
    units: ReadonlyArray<{ unitId: string; branch: string }>;
    at: string;
    campaignIds: readonly string[];
  },
): Promise<Array<{ branch: string; campaignId: string; raised: number }>> {
  if (options.campaignIds.length === 0 || options.units.length === 0) return [];
  const { monthsBefore, daysFrom } = splitAtMonths(options.at);
  const days =
    daysFrom === null
      ? sql``
      : sql`UNION ALL
        SELECT t.amount FROM ledger_day_totals t
        WHERE t.fund_id = s.fund_id AND t.day >= ${daysFrom}::date AND t.day <= ${options.at}::date
          AND t.campaign_id = c.campaign_id AND t.account IN ('donations', 'donations_in_kind')`;
  // The funds of the units come first (MATERIALIZED), so that the look-ups are made for them only,
  // not for every fund. The planner, over-counting those funds, would spend longer compiling the
  // plan (JIT) than running its few thousand index look-ups.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return queryRows<{ branch: string; campaign_id: string; raised: number | string }>(
      tx,
      sql`WITH subtree_funds AS MATERIALIZED (
        SELECT f.id AS fund_id, u.branch
        FROM unnest(${uuids(options.units.map((unit) => unit.unitId))}, ${uuids(options.units.map((unit) => unit.branch))})
          AS u(unit_id, branch)
        JOIN funds f ON f.unit_id = u.unit_id
      )
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
  });
  return rows.map((row) => ({ branch: row.branch, campaignId: row.campaign_id, raised: Number(row.raised) }));
}
