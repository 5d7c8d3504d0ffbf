import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

export type StockLine = {
  item: string;
  name: string;
  received: number;
  given: number;
  remaining: number;
  valueReceived: number;
  valueGiven: number;
  valueRemaining: number;
};

/** A movement counts while its ledger entry stands: a reversed donation or payment leaves the stock. */
const standing = sql`NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = m.entry_id)`;

/**
 * The in-kind stock of a campaign per item: received, given out and remaining, in quantity and value,
 * from the movements up to a date (inclusive; all of them without one) whose entry is not reversed.
 */
export async function campaignStock(
  db: Db,
  campaignId: string,
  options: { to?: string } = {},
): Promise<StockLine[]> {
  const rows = await queryRows<{
    item: string;
    name: string;
    received: string | number;
    given: string | number;
    value_received: string | number;
    value_given: string | number;
  }>(
    db,
    sql`SELECT m.item, (array_agg(m.name ORDER BY m.moved_on, m.name))[1] AS name,
          coalesce(sum(m.quantity) FILTER (WHERE m.quantity > 0), 0)::bigint AS received,
          coalesce(-sum(m.quantity) FILTER (WHERE m.quantity < 0), 0)::bigint AS given,
          coalesce(sum(m.value) FILTER (WHERE m.quantity > 0), 0)::bigint AS value_received,
          coalesce(-sum(m.value) FILTER (WHERE m.quantity < 0), 0)::bigint AS value_given
        FROM stock_movements m
        WHERE m.campaign_id = ${campaignId} AND ${standing}
          ${options.to ? sql`AND m.moved_on <= ${options.to}::date` : sql``}
        GROUP BY m.item ORDER BY m.item`,
  );
  return rows.map((row) => {
    const received = Number(row.received);
    const given = Number(row.given);
    const valueReceived = Number(row.value_received);
    const valueGiven = Number(row.value_given);
    return {
      item: row.item,
      name: row.name,
      received,
      given,
      remaining: received - given,
      valueReceived,
      valueGiven,
      valueRemaining: valueReceived - valueGiven,
    };
  });
}

/** Stock movements that give a distribution's items out of the campaign's stock (negative quantity and value). */
export async function insertIssues(
  db: Db,
  rows: ReadonlyArray<{
    campaignId: string;
    item: string;
    name: string;
    quantity: number;
    value: number;
    movedOn: string;
    distributionId: string;
    entryId: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`INSERT INTO stock_movements (campaign_id, item, name, quantity, value, moved_on, distribution_id, entry_id)
        SELECT x.campaign_id, x.item, x.name, -x.quantity, -x.value, x.moved_on, x.distribution_id, x.entry_id
        FROM json_to_recordset(${JSON.stringify(
          rows.map((row) => ({
            campaign_id: row.campaignId,
            item: row.item,
            name: row.name,
            quantity: row.quantity,
            value: row.value,
            moved_on: row.movedOn,
            distribution_id: row.distributionId,
            entry_id: row.entryId,
          })),
        )}::json) AS x(campaign_id uuid, item text, name text, quantity int, value bigint, moved_on date,
          distribution_id uuid, entry_id uuid)`,
  );
}
