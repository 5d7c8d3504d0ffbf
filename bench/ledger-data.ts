/**
 * A synthetic ledger written with generate_series (PostgreSQL): `perFund` entries in each of the funds
 * numbered 1…`funds` (ids from fundUuid, already in the funds table), spread evenly over `days` days
 * from `firstDay`, two lines per entry (a donation in cash or by bank, or support paid), a donation row
 * for each donation entry. The hashes are synthetic (bench/ledger-post.bench.ts measures the chain).
 * Triggers are off while loading (session_replication_role = replica) and the secondary indexes are
 * built after; the kept day and month totals are filled from the lines by `ledger_day_totals_rebuild()`
 * and `ledger_month_totals_rebuild()`, the functions the totals are checked against.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../apps/api/src/db/client';

export type LedgerShape = {
  funds: number;
  perFund: number;
  firstDay: string;
  days: number;
  /**
   * The campaign of an entry: SQL over the fund's number, the entry's number in its fund and its date
   * (given as SQL expressions), a uuid or NULL. Donation entries are those whose number is not a
   * multiple of 5.
   */
  campaign: (fund: string, seq: string, day: string) => string;
};

export type Phase = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** The id of fund number n. */
export const fundUuid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
/** The same as SQL over an integer expression. */
export const fundUuidSql = (n: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** Runs work in a transaction with the triggers off (the pool has several connections: SET LOCAL). */
export const loadWithoutTriggers = (db: Db, work: (tx: Db) => Promise<unknown>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL session_replication_role = replica`));
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '1GB'`));
    await work(tx);
  });

/** Secondary indexes and unique constraints of the tables, set aside while loading. */
async function setAside(db: Db, tables: readonly string[]) {
  const list = sql.join(
    tables.map((table) => sql`${table}`),
    sql`, `,
  );
  const constraints = await queryRows<{ table: string; name: string; definition: string }>(
    db,
    sql`SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relname IN (${list}) AND c.contype = 'u'`,
  );
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname IN (${list}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const c of constraints) await db.execute(sql.raw(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`));
  for (const i of indexes) await db.execute(sql.raw(`DROP INDEX ${i.name}`));
  return async (tx: Db) => {
    for (const c of constraints) {
      await tx.execute(sql.raw(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.definition}`));
    }
    for (const i of indexes) await tx.execute(sql.raw(i.definition));
  };
}

/** Writes the ledger, fills the receipt counters and the kept day totals, builds the indexes back. VACUUM is the caller's. */
export async function loadLedger(db: Db, shape: LedgerShape, options: { phase: Phase }): Promise<void> {
  const { funds: FUNDS, perFund: PER_FUND, firstDay: FIRST_DAY, days: DAYS } = shape;
  const { phase } = options;
  const restore = await setAside(db, ['ledger_entries', 'ledger_lines', 'donations', 'ledger_day_totals']);
  // Entry n of fund f: id from (f, n) in increasing order, so the primary keys grow at their right edge.
  const entryId = (fund: string, seq: string) =>
    `('00000000-' || lpad(to_hex(${fund}), 4, '0') || '-4000-b000-' || lpad(to_hex(${seq}), 12, '0'))::uuid`;
  const day = `DATE '${FIRST_DAY}' + ((s - 1)::bigint * ${DAYS} / ${PER_FUND})::int`;
  const CHUNK = Math.max(1, Math.floor(1_000_000 / PER_FUND));
  await phase(`ledger entries (${(FUNDS * PER_FUND).toLocaleString('en')})`, async () => {
    for (let from = 1; from <= FUNDS; from += CHUNK) {
      const to = Math.min(FUNDS, from + CHUNK - 1);
      await loadWithoutTriggers(db, (tx) =>
        tx.execute(
          sql.raw(`
        INSERT INTO ledger_entries (id, fund_id, seq, entry_date, kind, campaign_id, memo, detail_digest, prev_hash, hash, created_at)
        SELECT ${entryId('f', 's')}, ${fundUuidSql('f')}, s, ${day},
          CASE WHEN s % 5 = 0 THEN 'support' ELSE 'donation' END,
          CASE WHEN s % 5 = 0 THEN NULL ELSE ${shape.campaign('f', 's', day)} END,
          CASE WHEN s % 5 = 0 THEN 'Chi hỗ trợ theo chương trình' ELSE 'Tiếp nhận ủng hộ' END,
          CASE WHEN s % 5 = 0 THEN NULL ELSE md5('d' || f || '-' || s) || md5('e' || f || '-' || s) END,
          md5('h' || f || '-' || (s - 1)) || md5('k' || f || '-' || (s - 1)),
          md5('h' || f || '-' || s) || md5('k' || f || '-' || s), now()
        FROM generate_series(${from}, ${to}) f, generate_series(1, ${PER_FUND}) s`),
        ),
      );
      process.stderr.write(`  entries of funds ${from}–${to}\r`);
    }
  });
  await phase(`ledger lines (${(2 * FUNDS * PER_FUND).toLocaleString('en')})`, async () => {
    for (let from = 1; from <= FUNDS; from += CHUNK) {
      const to = Math.min(FUNDS, from + CHUNK - 1);
      await loadWithoutTriggers(db, (tx) =>
        tx.execute(
          sql.raw(`
        INSERT INTO ledger_lines (entry_id, line_no, fund_id, entry_date, campaign_id, account, amount)
        SELECT e.id, l.line_no, e.fund_id, e.entry_date, e.campaign_id,
          CASE WHEN e.kind = 'support' THEN (ARRAY['support', 'bank'])[l.line_no]
            WHEN e.seq % 3 = 0 THEN (ARRAY['cash', 'donations'])[l.line_no]
            ELSE (ARRAY['bank', 'donations'])[l.line_no] END,
          -- Support is a little under what came in, so the balance grows.
          (CASE WHEN l.line_no = 1 THEN 1 ELSE -1 END) *
            (CASE WHEN e.kind = 'support' THEN 2 ELSE 1 END) * (50 + (e.seq * 7919 + 13) % 4950) * 1000
        FROM ledger_entries e CROSS JOIN (VALUES (1), (2)) l(line_no)
        WHERE e.fund_id BETWEEN ${fundUuidSql(String(from))} AND ${fundUuidSql(String(to))}
        ORDER BY e.id, l.line_no`),
        ),
      );
      process.stderr.write(`  lines of funds ${from}–${to}\r`);
    }
  });
  await phase('donations (one per donation entry)', async () => {
    for (let from = 1; from <= FUNDS; from += CHUNK) {
      const to = Math.min(FUNDS, from + CHUNK - 1);
      await loadWithoutTriggers(db, (tx) =>
        tx.execute(
          sql.raw(`
        INSERT INTO donations (id, fund_id, campaign_id, entry_id, receipt_year, receipt_no, donor_kind, donor_name,
          publish_name, method, amount, received_on, detail_salt, created_at)
        SELECT e.id, e.fund_id, e.campaign_id, e.id, extract(year FROM e.entry_date)::int,
          row_number() OVER (PARTITION BY e.fund_id, extract(year FROM e.entry_date) ORDER BY e.seq),
          (ARRAY['person', 'household', 'organisation', 'company', 'anonymous'])[1 + e.seq % 5],
          CASE WHEN e.seq % 5 = 4 THEN NULL ELSE 'Nhà hảo tâm ' || e.seq END, e.seq % 2 = 0,
          CASE WHEN e.seq % 3 = 0 THEN 'cash' ELSE 'bank' END,
          (50 + (e.seq * 7919 + 13) % 4950) * 1000, e.entry_date, md5('s' || e.seq), now()
        FROM ledger_entries e
        WHERE e.kind = 'donation'
          AND e.fund_id BETWEEN ${fundUuidSql(String(from))} AND ${fundUuidSql(String(to))}
        ORDER BY e.id`),
        ),
      );
    }
  });
  await phase('receipt counters', () =>
    db.execute(sql`INSERT INTO receipt_counters (fund_id, year, last_no)
      SELECT fund_id, receipt_year, max(receipt_no) FROM donations GROUP BY fund_id, receipt_year`),
  );
  await phase('kept day and month totals (ledger_day_totals_rebuild, ledger_month_totals_rebuild)', () =>
    db.execute(sql`SELECT ledger_day_totals_rebuild(), ledger_month_totals_rebuild()`),
  );
  await phase('secondary indexes and unique constraints', () => loadWithoutTriggers(db, restore));
}
