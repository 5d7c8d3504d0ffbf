import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';

// Every query here serves pages anyone may open: donor names leave the database only when the
// donor agreed (publish_name), and nothing about beneficiaries is read at all.

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A donation stands while no entry reverses its own. */
const standing = (alias: string): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = ${sql.raw(alias)}.entry_id)`;

export type DonationScope = { fundId: string } | { campaignId: string };

const scopeWhere = (scope: DonationScope): SQL =>
  'fundId' in scope ? sql`d.fund_id = ${scope.fundId}` : sql`d.campaign_id = ${scope.campaignId}`;

/** Sums per account of a campaign's lines in every fund, from the kept day totals. */
export async function campaignAccountTotals(
  db: Db,
  campaignId: string,
): Promise<Array<{ account: string; amount: number }>> {
  const rows = await queryRows<{ account: string; amount: string | number }>(
    db,
    sql`SELECT account, sum(amount)::bigint AS amount FROM ledger_day_totals
        WHERE campaign_id = ${campaignId} GROUP BY account`,
  );
  return rows.map((row) => ({ account: row.account, amount: Number(row.amount) }));
}

export type CampaignFund = { id: string; name: string; unitId: string };

/** The funds that have posted under a campaign (a campaign spans the funds of several units). */
export async function campaignFunds(db: Db, campaignId: string): Promise<CampaignFund[]> {
  return queryRows<CampaignFund>(
    db,
    sql`SELECT f.id::text AS "id", f.name AS "name", f.unit_id::text AS "unitId" FROM funds f
        WHERE f.id IN (SELECT DISTINCT t.fund_id FROM ledger_day_totals t WHERE t.campaign_id = ${campaignId})`,
  );
}

export type PublicDonationRow = {
  id: string;
  fundId: string;
  receivedOn: string;
  receiptYear: number;
  receiptNo: number;
  /** Null unless the donor agreed to be named. */
  publicName: string | null;
  publishName: boolean;
  method: 'cash' | 'bank' | 'in_kind';
  amount: number;
  entrySeq: number;
  entryHash: string;
};

type RawDonation = Omit<PublicDonationRow, 'amount' | 'receiptYear' | 'receiptNo' | 'entrySeq'> & {
  amount: string | number;
  receiptYear: string | number;
  receiptNo: string | number;
  entrySeq: string | number;
};

const donationColumns = sql`d.id::text AS "id", d.fund_id::text AS "fundId",
  to_char(d.received_on, 'YYYY-MM-DD') AS "receivedOn", d.receipt_year AS "receiptYear", d.receipt_no AS "receiptNo",
  CASE WHEN d.publish_name THEN d.donor_name END AS "publicName", d.publish_name AS "publishName",
  d.method AS "method", d.amount AS "amount", e.seq AS "entrySeq", e.hash AS "entryHash"`;

const toDonation = (row: RawDonation): PublicDonationRow => ({
  ...row,
  amount: Number(row.amount),
  receiptYear: Number(row.receiptYear),
  receiptNo: Number(row.receiptNo),
  entrySeq: Number(row.entrySeq),
});

/** The latest donations that stand, newest first (by donations_fund_date_idx or donations_campaign_idx). */
export async function latestDonations(
  db: Db,
  scope: DonationScope,
  limit: number,
): Promise<PublicDonationRow[]> {
  const rows = await queryRows<RawDonation>(
    db,
    sql`SELECT ${donationColumns} FROM donations d JOIN ledger_entries e ON e.id = d.entry_id
        WHERE ${scopeWhere(scope)} AND ${standing('d')}
        ORDER BY d.received_on DESC, d.fund_id, d.receipt_year DESC, d.receipt_no DESC
        LIMIT ${limit}`,
  );
  return rows.map(toDonation);
}

export type DonationCursor = { receivedOn: string; fundId: string; receiptYear: number; receiptNo: number };

/** The next batch of standing donations in date order, after a cursor (for the CSV, which streams). */
export async function donationsAfter(
  db: Db,
  scope: DonationScope,
  after: DonationCursor | null,
  limit: number,
): Promise<PublicDonationRow[]> {
  const rows = await queryRows<RawDonation>(
    db,
    sql`SELECT ${donationColumns} FROM donations d JOIN ledger_entries e ON e.id = d.entry_id
        WHERE ${scopeWhere(scope)} AND ${standing('d')}
        ${
          after
            ? sql`AND (d.received_on, d.fund_id, d.receipt_year, d.receipt_no) >
                (${after.receivedOn}::date, ${after.fundId}::uuid, ${after.receiptYear}::smallint, ${after.receiptNo}::int)`
            : sql``
        }
        ORDER BY d.received_on, d.fund_id, d.receipt_year, d.receipt_no
        LIMIT ${limit}`,
  );
  return rows.map(toDonation);
}

export type DonationItemRow = {
  donationId: string;
  item: string;
  name: string;
  quantity: number;
  value: number;
};

export async function donationItemsOf(db: Db, donationIds: readonly string[]): Promise<DonationItemRow[]> {
  if (donationIds.length === 0) return [];
  const rows = await queryRows<
    Omit<DonationItemRow, 'quantity' | 'value'> & { quantity: number; value: string }
  >(
    db,
    sql`SELECT donation_id::text AS "donationId", item, name, quantity, value FROM donation_items
        WHERE donation_id = ANY(${uuids(donationIds)}) ORDER BY donation_id, line_no`,
  );
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity), value: Number(row.value) }));
}

/**
 * Donations of a fund that stand: receipt numbers are gap-free per fund and year, so the counters
 * give how many were recorded without reading them; cancelled ones are found from the reversals.
 */
export async function fundDonationCount(db: Db, fundId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT (SELECT coalesce(sum(last_no), 0) FROM receipt_counters WHERE fund_id = ${fundId})
          - (SELECT count(*) FROM ledger_entries r JOIN donations d ON d.entry_id = r.reverses_id
             WHERE r.reverses_id IS NOT NULL AND r.fund_id = ${fundId} AND d.fund_id = ${fundId}) AS n`,
  );
  return Number(row?.n ?? 0);
}

/** Donations of a campaign that stand: an index-only count, less the (few) reversed ones. */
export async function campaignDonationCount(db: Db, campaignId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT (SELECT count(*) FROM donations WHERE campaign_id = ${campaignId})
          - (SELECT count(*) FROM ledger_entries r JOIN donations d ON d.entry_id = r.reverses_id
             WHERE r.reverses_id IS NOT NULL AND d.campaign_id = ${campaignId}) AS n`,
  );
  return Number(row?.n ?? 0);
}

export type DisclosureRow = {
  title: string;
  decisionNo: string | null;
  decidedOn: string;
  dueOn: string;
  publishedOn: string | null;
};

const disclosureColumns = sql`d.title AS "title", d.decision_no AS "decisionNo",
  to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn",
  to_char(d.published_on, 'YYYY-MM-DD') AS "publishedOn"`;

/** Disclosures of a campaign and of the programmes it pays for. */
export async function campaignDisclosures(db: Db, campaignId: string): Promise<DisclosureRow[]> {
  return queryRows<DisclosureRow>(
    db,
    sql`SELECT ${disclosureColumns} FROM disclosures d
        WHERE d.campaign_id = ${campaignId}
          OR d.program_id IN (SELECT p.id FROM support_programs p WHERE p.campaign_id = ${campaignId})
        ORDER BY d.decided_on DESC, d.created_at DESC`,
  );
}

/** Disclosures of a fund, of its campaigns and of the programmes it pays for. */
export async function fundDisclosures(db: Db, fundId: string): Promise<DisclosureRow[]> {
  return queryRows<DisclosureRow>(
    db,
    sql`SELECT ${disclosureColumns} FROM disclosures d
        WHERE d.fund_id = ${fundId}
          OR d.campaign_id IN (SELECT c.id FROM campaigns c WHERE c.fund_id = ${fundId})
          OR d.program_id IN (SELECT p.id FROM support_programs p WHERE p.fund_id = ${fundId})
        ORDER BY d.decided_on DESC, d.created_at DESC`,
  );
}

export async function fundCampaigns(
  db: Db,
  fundId: string,
): Promise<Array<{ code: string; name: string; startsOn: string; receivingEndsOn: string }>> {
  return queryRows(
    db,
    sql`SELECT c.code, c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn",
          to_char(c.receiving_ends_on, 'YYYY-MM-DD') AS "receivingEndsOn"
        FROM campaigns c WHERE c.fund_id = ${fundId} ORDER BY c.starts_on DESC, c.code`,
  );
}

/** The unit that had this code last (codes were reused after the 2025 reform). */
export async function unitIdByLatestCode(db: Db, code: string): Promise<string | null> {
  const [row] = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT unit_id::text AS unit_id FROM unit_versions WHERE code = ${code} ORDER BY valid_from DESC LIMIT 1`,
  );
  return row?.unit_id ?? null;
}

export type PublicCampaignRow = {
  code: string;
  name: string;
  unitCode: string | null;
  unitName: string | null;
  startsOn: string;
  receivingEndsOn: string;
  distributionEndsOn: string;
  raised: number;
  target: number | null;
};

/** Campaigns of these units (all when null), newest first, with what each raised from the day totals. */
export async function listPublicCampaigns(
  db: Db,
  unitIds: readonly string[] | null,
  limit: number,
): Promise<PublicCampaignRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  const rows = await queryRows<
    Omit<PublicCampaignRow, 'raised' | 'target'> & { raised: string | number; target: string | number | null }
  >(
    db,
    sql`SELECT c.code, c.name, w.code AS "unitCode", w.name AS "unitName",
          to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn",
          to_char(c.receiving_ends_on, 'YYYY-MM-DD') AS "receivingEndsOn",
          to_char(c.distribution_ends_on, 'YYYY-MM-DD') AS "distributionEndsOn",
          c.target_amount AS "target",
          (SELECT coalesce(-sum(t.amount), 0) FROM ledger_day_totals t
           WHERE t.campaign_id = c.id AND t.account IN ('donations', 'donations_in_kind'))::bigint AS "raised"
        FROM campaigns c
        LEFT JOIN LATERAL (
          SELECT v.code, v.name FROM unit_versions v WHERE v.unit_id = c.unit_id
          ORDER BY (v.valid_from <= c.starts_on AND (v.valid_to IS NULL OR v.valid_to > c.starts_on)) DESC,
            v.valid_from DESC
          LIMIT 1
        ) w ON true
        ${unitIds ? sql`WHERE c.unit_id = ANY(${uuids(unitIds)})` : sql``}
        ORDER BY c.starts_on DESC, c.code
        LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    ...row,
    raised: Number(row.raised),
    target: row.target === null ? null : Number(row.target),
  }));
}

/** Hash and link of the entries just before and after one, by the unique (fund_id, seq) index. */
export async function neighbours(
  db: Db,
  fundId: string,
  seq: number,
): Promise<{ previous: { hash: string } | null; next: { prevHash: string } | null }> {
  const rows = await queryRows<{ seq: number; hash: string; prev_hash: string }>(
    db,
    sql`SELECT seq, hash, prev_hash FROM ledger_entries
        WHERE fund_id = ${fundId} AND seq IN (${seq - 1}, ${seq + 1})`,
  );
  const previous = rows.find((row) => Number(row.seq) === seq - 1);
  const next = rows.find((row) => Number(row.seq) === seq + 1);
  return {
    previous: previous ? { hash: previous.hash } : null,
    next: next ? { prevHash: next.prev_hash } : null,
  };
}

export type EntryDonationRow = {
  id: string;
  receiptYear: number;
  receiptNo: number;
  donorKind: string;
  /** The recorded name: only to check the entry's digest, never to be shown without consent. */
  donorName: string | null;
  householdId: string | null;
  publishName: boolean;
  method: 'cash' | 'bank' | 'in_kind';
  amount: number;
  receivedOn: string;
  detailSalt: string;
};

export async function donationOfEntry(db: Db, entryId: string): Promise<EntryDonationRow | null> {
  const [row] = await queryRows<EntryDonationRow & { amount: string | number }>(
    db,
    sql`SELECT d.id::text AS "id", d.receipt_year AS "receiptYear", d.receipt_no AS "receiptNo",
          d.donor_kind AS "donorKind", d.donor_name AS "donorName", d.household_id::text AS "householdId",
          d.publish_name AS "publishName", d.method AS "method", d.amount AS "amount",
          to_char(d.received_on, 'YYYY-MM-DD') AS "receivedOn", d.detail_salt AS "detailSalt"
        FROM donations d WHERE d.entry_id = ${entryId}`,
  );
  return row
    ? {
        ...row,
        amount: Number(row.amount),
        receiptYear: Number(row.receiptYear),
        receiptNo: Number(row.receiptNo),
      }
    : null;
}
