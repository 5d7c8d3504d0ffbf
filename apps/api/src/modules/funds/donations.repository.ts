import { foldDiacritics } from '@doanket/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { donations, idempotencyKeys, pledges } from '../../db/schema/index';

export type PledgeRow = typeof pledges.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

// Folding in SQL the way foldDiacritics does in code, without the unaccent extension (absent in PGlite)
// and without relying on lower() for non-ASCII letters (the "C" collation leaves them alone).
const accented = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const foldFrom = accented + accented.toLocaleUpperCase('vi');
const foldTo = [...foldFrom].map((letter) => foldDiacritics(letter)).join('');
const folded = (column: SQL) => sql`lower(translate(${column}, ${foldFrom}, ${foldTo}))`;

/** Units that have ever been at or below the given ones (a subquery). */
const unitsBelow = (unitIds: readonly string[]) => sql`(
  WITH RECURSIVE below(unit_id) AS (
    SELECT id FROM units WHERE id = ANY(${uuids(unitIds)})
    UNION
    SELECT v.unit_id FROM unit_versions v JOIN below ON v.parent_unit_id = below.unit_id
  ) SELECT unit_id FROM below)`;

/** Whose donor names the reader sees: all, or those of funds under the units they manage funds of. */
export type NameVisibility = { all: boolean; managedUnitIds: readonly string[] };

const nameVisible = (visibility: NameVisibility, fundUnit: SQL) =>
  visibility.all
    ? sql`TRUE`
    : visibility.managedUnitIds.length === 0
      ? sql`FALSE`
      : sql`${fundUnit} IN ${unitsBelow(visibility.managedUnitIds)}`;

const isCancelled = sql`EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id)`;

export type DonationFilter = {
  fundId?: string;
  campaignId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  q?: string;
  status?: 'recorded' | 'cancelled';
};

export type DonationListRow = {
  id: string;
  receipt_year: number;
  receipt_no: number;
  received_on: string;
  fund_id: string;
  fund_name: string;
  fund_unit_id: string;
  campaign_id: string | null;
  campaign_code: string | null;
  donor_kind: string;
  donor_name: string | null;
  name_visible: boolean;
  publish_name: boolean;
  method: string;
  amount: string | number;
  entry_id: string;
  pledge_id: string | null;
  cancelled: boolean;
};

function donationWhere(filter: DonationFilter, visibility: NameVisibility): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filter.fundId) conditions.push(sql`d.fund_id = ${filter.fundId}`);
  if (filter.campaignId) conditions.push(sql`d.campaign_id = ${filter.campaignId}`);
  if (filter.unitId) conditions.push(sql`f.unit_id IN ${unitsBelow([filter.unitId])}`);
  if (filter.from) conditions.push(sql`d.received_on >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`d.received_on <= ${filter.to}::date`);
  if (filter.status === 'cancelled') conditions.push(isCancelled);
  if (filter.status === 'recorded') conditions.push(sql`NOT ${isCancelled}`);
  const q = filter.q?.trim();
  if (q) {
    const receipt = /^0*(\d{1,9})(?:\/(\d{4}))?$/.exec(q);
    const words = foldDiacritics(q).split(' ').filter(Boolean);
    // A name the reader may not see is not searched either: a match would tell who gave.
    const byName = sql.join(
      words.map((word) => sql`${folded(sql`d.donor_name`)} LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`),
      sql` AND `,
    );
    const nameSearch = sql`(d.donor_name IS NOT NULL AND (d.publish_name OR ${nameVisible(visibility, sql`f.unit_id`)}) AND ${byName})`;
    conditions.push(
      receipt
        ? sql`((d.receipt_no = ${Number(receipt[1])} ${receipt[2] ? sql`AND d.receipt_year = ${Number(receipt[2])}` : sql``}) OR ${nameSearch})`
        : nameSearch,
    );
  }
  return sql.join(conditions, sql` AND `);
}

export async function listDonations(
  db: Db,
  filter: DonationFilter,
  visibility: NameVisibility,
  page: { offset: number; limit: number },
): Promise<{ rows: DonationListRow[]; total: number; amount: number }> {
  const where = donationWhere(filter, visibility);
  const rows = await queryRows<DonationListRow>(
    db,
    sql`SELECT d.id::text AS id, d.receipt_year, d.receipt_no, to_char(d.received_on, 'YYYY-MM-DD') AS received_on,
          d.fund_id::text AS fund_id, f.name AS fund_name, f.unit_id::text AS fund_unit_id,
          d.campaign_id::text AS campaign_id, c.code AS campaign_code, d.donor_kind, d.donor_name,
          ${nameVisible(visibility, sql`f.unit_id`)} AS name_visible, d.publish_name, d.method, d.amount,
          d.entry_id::text AS entry_id, d.pledge_id::text AS pledge_id, ${isCancelled} AS cancelled
        FROM donations d JOIN funds f ON f.id = d.fund_id LEFT JOIN campaigns c ON c.id = d.campaign_id
        WHERE ${where}
        ORDER BY d.received_on DESC, d.created_at DESC, d.receipt_no DESC
        OFFSET ${page.offset} LIMIT ${page.limit}`,
  );
  const [summary] = await queryRows<{ total: number; amount: string | number | null }>(
    db,
    sql`SELECT count(*)::int AS total, sum(d.amount) FILTER (WHERE NOT ${isCancelled})::bigint AS amount
        FROM donations d JOIN funds f ON f.id = d.fund_id WHERE ${where}`,
  );
  return { rows, total: summary?.total ?? 0, amount: Number(summary?.amount ?? 0) };
}

export type DonationRow = typeof donations.$inferSelect & {
  fundName: string;
  fundUnitId: string;
  campaignCode: string | null;
  campaignName: string | null;
  entrySeq: number;
  entryHash: string;
  cancelReason: string | null;
  cancelledOn: string | null;
};

export async function findDonation(db: Db, id: string): Promise<DonationRow | null> {
  const [found] = await db.select().from(donations).where(eq(donations.id, id)).limit(1);
  if (!found) return null;
  const [extra] = await queryRows<{
    fund_name: string;
    fund_unit_id: string;
    campaign_code: string | null;
    campaign_name: string | null;
    entry_seq: number;
    entry_hash: string;
    cancel_reason: string | null;
    cancelled_on: string | null;
  }>(
    db,
    sql`SELECT f.name AS fund_name, f.unit_id::text AS fund_unit_id, c.code AS campaign_code, c.name AS campaign_name,
          e.seq AS entry_seq, e.hash AS entry_hash, r.reason AS cancel_reason,
          to_char(r.entry_date, 'YYYY-MM-DD') AS cancelled_on
        FROM donations d JOIN funds f ON f.id = d.fund_id JOIN ledger_entries e ON e.id = d.entry_id
        LEFT JOIN campaigns c ON c.id = d.campaign_id
        LEFT JOIN ledger_entries r ON r.reverses_id = d.entry_id
        WHERE d.id = ${id}`,
  );
  if (!extra) return null;
  return {
    ...found,
    fundName: extra.fund_name,
    fundUnitId: extra.fund_unit_id,
    campaignCode: extra.campaign_code,
    campaignName: extra.campaign_name,
    entrySeq: Number(extra.entry_seq),
    entryHash: extra.entry_hash,
    cancelReason: extra.cancel_reason,
    cancelledOn: extra.cancelled_on,
  };
}

export type ItemRow = { item: string; name: string; quantity: number; value: number };

export async function listItems(db: Db, donationIds: readonly string[]): Promise<Map<string, ItemRow[]>> {
  const byDonation = new Map<string, ItemRow[]>();
  if (donationIds.length === 0) return byDonation;
  const rows = await queryRows<{
    donation_id: string;
    item: string;
    name: string;
    quantity: number;
    value: string | number;
  }>(
    db,
    sql`SELECT donation_id::text AS donation_id, item, name, quantity, value FROM donation_items
        WHERE donation_id = ANY(${uuids(donationIds)}) ORDER BY donation_id, line_no`,
  );
  for (const row of rows) {
    const list = byDonation.get(row.donation_id) ?? [];
    list.push({ item: row.item, name: row.name, quantity: Number(row.quantity), value: Number(row.value) });
    byDonation.set(row.donation_id, list);
  }
  return byDonation;
}

export async function setNote(db: Db, donationId: string, note: string): Promise<void> {
  await db.update(donations).set({ note }).where(eq(donations.id, donationId));
}

/** The head's name parts of a household, if it has a head. */
export async function findHeadName(
  db: Db,
  householdId: string,
): Promise<{ ho: string; tenDem: string; ten: string } | null> {
  const rows = await queryRows<{ ho: string; ten_dem: string; ten: string }>(
    db,
    sql`SELECT ho, ten_dem, ten FROM persons WHERE household_id = ${householdId} AND is_head LIMIT 1`,
  );
  const row = rows[0];
  return row ? { ho: row.ho, tenDem: row.ten_dem, ten: row.ten } : null;
}

// Idempotency keys

export type StoredAnswer = { route: string; requestHash: string; statusCode: number; response: unknown };

export async function findIdempotencyKey(db: Db, userId: string, key: string): Promise<StoredAnswer | null> {
  const rows = await db
    .select({
      route: idempotencyKeys.route,
      requestHash: idempotencyKeys.requestHash,
      statusCode: idempotencyKeys.statusCode,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Claims a key for this transaction. A concurrent claim of the same key waits here until the first
 * transaction ends; false when the key is (by then) taken.
 */
export async function claimIdempotencyKey(
  db: Db,
  claim: { userId: string; key: string; route: string; requestHash: string },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...claim, statusCode: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function storeIdempotentAnswer(
  db: Db,
  userId: string,
  key: string,
  answer: { statusCode: number; response: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: answer.statusCode, response: answer.response })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

// Pledges

export async function findPledge(db: Db, id: string): Promise<PledgeRow | null> {
  const rows = await db.select().from(pledges).where(eq(pledges.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertPledge(db: Db, pledge: typeof pledges.$inferInsert): Promise<string> {
  const [row] = await db.insert(pledges).values(pledge).returning({ id: pledges.id });
  if (!row) throw new Error('pledge not inserted');
  return row.id;
}

export type PledgeListRow = {
  id: string;
  fund_id: string;
  fund_name: string;
  campaign_id: string | null;
  campaign_code: string | null;
  donor_kind: string;
  donor_name: string | null;
  name_visible: boolean;
  household_id: string | null;
  amount: string | number;
  pledged_on: string;
  due_on: string | null;
  fulfilled: string | number;
  donations: number;
};

/** Pledges with what the donations naming them (not cancelled) have brought so far. */
export async function listPledges(
  db: Db,
  filter: { fundId?: string; campaignId?: string },
  visibility: NameVisibility,
): Promise<PledgeListRow[]> {
  return queryRows<PledgeListRow>(
    db,
    sql`SELECT p.id::text AS id, p.fund_id::text AS fund_id, f.name AS fund_name, p.campaign_id::text AS campaign_id,
          c.code AS campaign_code, p.donor_kind, p.donor_name, ${nameVisible(visibility, sql`f.unit_id`)} AS name_visible,
          p.household_id::text AS household_id, p.amount, to_char(p.pledged_on, 'YYYY-MM-DD') AS pledged_on,
          to_char(p.due_on, 'YYYY-MM-DD') AS due_on,
          coalesce(sum(d.amount), 0)::bigint AS fulfilled, count(d.id)::int AS donations
        FROM pledges p JOIN funds f ON f.id = p.fund_id LEFT JOIN campaigns c ON c.id = p.campaign_id
        LEFT JOIN donations d ON d.pledge_id = p.id AND NOT ${isCancelled}
        WHERE TRUE
          ${filter.fundId ? sql`AND p.fund_id = ${filter.fundId}` : sql``}
          ${filter.campaignId ? sql`AND p.campaign_id = ${filter.campaignId}` : sql``}
        GROUP BY p.id, f.name, f.unit_id, c.code
        ORDER BY p.pledged_on DESC, p.created_at DESC`,
  );
}
