import type { EntryKind, LedgerAccount, LedgerLine } from '@doanket/domain';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { funds, ledgerEntries, ledgerLines } from '../../db/schema/index';

export type FundRow = typeof funds.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;

export async function findFund(db: Db, id: string): Promise<FundRow | null> {
  const rows = await db.select().from(funds).where(eq(funds.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks the fund until the end of the transaction: postings to one fund are chained one at a time. */
export async function lockFund(db: Db, id: string): Promise<FundRow | null> {
  const rows = await db.select().from(funds).where(eq(funds.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findHead(db: Db, fundId: string): Promise<{ seq: number; hash: string } | null> {
  const rows = await db
    .select({ seq: ledgerEntries.seq, hash: ledgerEntries.hash })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.fundId, fundId))
    .orderBy(sql`${ledgerEntries.seq} DESC`)
    .limit(1);
  return rows[0] ?? null;
}

export type NewEntry = {
  fundId: string;
  seq: number;
  entryDate: string;
  kind: EntryKind;
  campaignId: string | null;
  memo: string;
  reversesId: string | null;
  reason: string | null;
  detailDigest: string | null;
  prevHash: string;
  hash: string;
  createdBy: string | null;
};

export async function insertEntry(db: Db, entry: NewEntry, lines: readonly LedgerLine[]): Promise<string> {
  const [row] = await db.insert(ledgerEntries).values(entry).returning({ id: ledgerEntries.id });
  if (!row) throw new Error('ledger entry not inserted');
  await db.insert(ledgerLines).values(
    lines.map((line, index) => ({
      entryId: row.id,
      lineNo: index + 1,
      fundId: entry.fundId,
      entryDate: entry.entryDate,
      campaignId: entry.campaignId,
      account: line.account,
      amount: line.amount,
    })),
  );
  return row.id;
}

export type EntryWithLines = EntryRow & {
  reversesSeq: number | null;
  reversedBySeq: number | null;
  lines: LedgerLine[];
};

async function withLines(
  db: Db,
  rows: Array<EntryRow & { reversesSeq: number | null; reversedBySeq: number | null }>,
) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const lines = await queryRows<{ entry_id: string; account: LedgerAccount; amount: string | number }>(
    db,
    sql`SELECT entry_id::text AS entry_id, account, amount FROM ledger_lines
        WHERE entry_id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY entry_id, line_no`,
  );
  const byEntry = new Map<string, LedgerLine[]>();
  for (const line of lines) {
    const list = byEntry.get(line.entry_id) ?? [];
    list.push({ account: line.account, amount: Number(line.amount) });
    byEntry.set(line.entry_id, list);
  }
  return rows.map((row) => ({ ...row, lines: byEntry.get(row.id) ?? [] }));
}

const reversesSeq = sql<
  number | null
>`(SELECT r.seq FROM ledger_entries r WHERE r.id = "ledger_entries"."reverses_id")`;
const reversedBySeq = sql<
  number | null
>`(SELECT r.seq FROM ledger_entries r WHERE r.reverses_id = "ledger_entries"."id")`;

export async function findEntry(db: Db, id: string): Promise<EntryWithLines | null> {
  const rows = await db
    .select({ entry: ledgerEntries, reversesSeq, reversedBySeq })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.id, id))
    .limit(1);
  const found = await withLines(
    db,
    rows.map((row) => ({ ...row.entry, reversesSeq: row.reversesSeq, reversedBySeq: row.reversedBySeq })),
  );
  return found[0] ?? null;
}

/** Entries of a fund from a sequence number on, in order, with their lines (for verify and the CSV). */
export async function listEntriesFrom(
  db: Db,
  fundId: string,
  fromSeq: number,
  limit: number,
): Promise<EntryWithLines[]> {
  const rows = await db
    .select({ entry: ledgerEntries, reversesSeq, reversedBySeq })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.fundId, fundId), sql`${ledgerEntries.seq} >= ${fromSeq}`))
    .orderBy(asc(ledgerEntries.seq))
    .limit(limit);
  return withLines(
    db,
    rows.map((row) => ({ ...row.entry, reversesSeq: row.reversesSeq, reversedBySeq: row.reversedBySeq })),
  );
}

/** A page of a fund's entries, newest first, between two dates. */
export async function listEntriesPage(
  db: Db,
  options: { fundId: string; from?: string; to?: string; offset: number; limit: number },
): Promise<{ items: EntryWithLines[]; total: number }> {
  const where = and(
    eq(ledgerEntries.fundId, options.fundId),
    options.from ? sql`${ledgerEntries.entryDate} >= ${options.from}` : undefined,
    options.to ? sql`${ledgerEntries.entryDate} <= ${options.to}` : undefined,
  );
  const rows = await db
    .select({ entry: ledgerEntries, reversesSeq, reversedBySeq })
    .from(ledgerEntries)
    .where(where)
    .orderBy(sql`${ledgerEntries.entryDate} DESC, ${ledgerEntries.seq} DESC`)
    .offset(options.offset)
    .limit(options.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(where);
  return {
    items: await withLines(
      db,
      rows.map((row) => ({ ...row.entry, reversesSeq: row.reversesSeq, reversedBySeq: row.reversedBySeq })),
    ),
    total: count?.n ?? 0,
  };
}

/** Sums per account of the funds' lines up to a date (inclusive), from the kept day totals. */
export async function accountTotals(
  db: Db,
  options: { fundIds: readonly string[]; campaignId?: string; from?: string; to?: string },
): Promise<Array<{ account: string; amount: number }>> {
  if (options.fundIds.length === 0) return [];
  const rows = await queryRows<{ account: string; amount: string | number }>(
    db,
    sql`SELECT account, sum(amount)::bigint AS amount FROM ledger_day_totals
        WHERE fund_id = ANY(${`{${options.fundIds.join(',')}}`}::uuid[])
        ${options.campaignId ? sql`AND campaign_id = ${options.campaignId}` : sql``}
        ${options.from ? sql`AND day >= ${options.from}::date` : sql``}
        ${options.to ? sql`AND day <= ${options.to}::date` : sql``}
        GROUP BY account`,
  );
  return rows.map((row) => ({ account: row.account, amount: Number(row.amount) }));
}

/** Sums per month and account, from the kept day totals. */
export async function monthlyAccountTotals(
  db: Db,
  options: { fundIds: readonly string[]; campaignId?: string; from?: string; to?: string },
): Promise<Array<{ month: string; account: string; amount: number }>> {
  if (options.fundIds.length === 0 && !options.campaignId) return [];
  const rows = await queryRows<{ month: string; account: string; amount: string | number }>(
    db,
    sql`SELECT to_char(day, 'YYYY-MM') AS month, account, sum(amount)::bigint AS amount FROM ledger_day_totals
        WHERE TRUE
        ${options.fundIds.length > 0 ? sql`AND fund_id = ANY(${`{${options.fundIds.join(',')}}`}::uuid[])` : sql``}
        ${options.campaignId ? sql`AND campaign_id = ${options.campaignId}` : sql``}
        ${options.from ? sql`AND day >= ${options.from}::date` : sql``}
        ${options.to ? sql`AND day <= ${options.to}::date` : sql``}
        GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return rows.map((row) => ({ month: row.month, account: row.account, amount: Number(row.amount) }));
}

/** The kept day totals of one fund, and the same recomputed from its lines, where they differ. */
export async function totalsMismatches(db: Db, fundId: string): Promise<Array<{ day: string }>> {
  return queryRows<{ day: string }>(
    db,
    sql`WITH kept AS (
          SELECT campaign_id, day, account, amount, lines FROM ledger_day_totals WHERE fund_id = ${fundId}
        ), recomputed AS (
          SELECT campaign_id, entry_date AS day, account, sum(amount)::bigint AS amount, count(*)::int AS lines
          FROM ledger_lines WHERE fund_id = ${fundId} GROUP BY 1, 2, 3
        )
        SELECT to_char(coalesce(k.day, r.day), 'YYYY-MM-DD') AS day FROM kept k
        FULL JOIN recomputed r ON r.campaign_id IS NOT DISTINCT FROM k.campaign_id AND r.day = k.day AND r.account = k.account
        WHERE k.amount IS DISTINCT FROM r.amount OR k.lines IS DISTINCT FROM r.lines
        ORDER BY 1 LIMIT 1`,
  );
}

/** The kept month totals of one fund, and the same recomputed from its lines, where they differ. */
export async function monthTotalsMismatches(db: Db, fundId: string): Promise<Array<{ month: string }>> {
  return queryRows<{ month: string }>(
    db,
    sql`WITH kept AS (
          SELECT campaign_id, month, account, amount, lines FROM ledger_month_totals WHERE fund_id = ${fundId}
        ), recomputed AS (
          SELECT campaign_id, date_trunc('month', entry_date)::date AS month, account, sum(amount)::bigint AS amount,
            count(*)::int AS lines
          FROM ledger_lines WHERE fund_id = ${fundId} GROUP BY 1, 2, 3
        )
        SELECT to_char(coalesce(k.month, r.month), 'YYYY-MM') AS month FROM kept k
        FULL JOIN recomputed r ON r.campaign_id IS NOT DISTINCT FROM k.campaign_id AND r.month = k.month AND r.account = k.account
        WHERE k.amount IS DISTINCT FROM r.amount OR k.lines IS DISTINCT FROM r.lines
        ORDER BY 1 LIMIT 1`,
  );
}

/** The first entry of a fund dated within [from, to]. */
export async function firstEntryBetween(
  db: Db,
  fundId: string,
  from: string,
  to: string,
): Promise<{ id: string; seq: number } | null> {
  const rows = await db
    .select({ id: ledgerEntries.id, seq: ledgerEntries.seq })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.fundId, fundId),
        gte(ledgerEntries.entryDate, from),
        lte(ledgerEntries.entryDate, to),
      ),
    )
    .orderBy(asc(ledgerEntries.seq))
    .limit(1);
  return rows[0] ?? null;
}

export async function firstEntryOn(
  db: Db,
  fundId: string,
  day: string,
): Promise<{ id: string; seq: number } | null> {
  const rows = await db
    .select({ id: ledgerEntries.id, seq: ledgerEntries.seq })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.fundId, fundId), eq(ledgerEntries.entryDate, day)))
    .orderBy(asc(ledgerEntries.seq))
    .limit(1);
  return rows[0] ?? null;
}

export async function countEntries(db: Db, fundId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.fundId, fundId));
  return row?.n ?? 0;
}

export async function listFundIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: funds.id }).from(funds).orderBy(asc(funds.createdAt));
  return rows.map((row) => row.id);
}
