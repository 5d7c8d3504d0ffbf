import type { FundKind } from '@doanket/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { campaigns, campaignTargets, fundBankAccounts, fundBoardMembers, funds } from '../../db/schema/index';
import { subtreeBranchesAt } from '../units/units.repository';

export type CampaignRow = typeof campaigns.$inferSelect;
export type BankAccountRow = typeof fundBankAccounts.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function insertFund(
  db: Db,
  fund: { unitId: string; kind: FundKind; name: string; searchName: string; openedOn: string },
): Promise<string> {
  const [row] = await db.insert(funds).values(fund).returning({ id: funds.id });
  if (!row) throw new Error('fund not inserted');
  return row.id;
}

export async function fundNameTaken(db: Db, unitId: string, searchName: string): Promise<boolean> {
  const rows = await db
    .select({ id: funds.id })
    .from(funds)
    .where(and(eq(funds.unitId, unitId), eq(funds.searchName, searchName)))
    .limit(1);
  return rows.length > 0;
}

export type FundListRow = {
  id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  kind: FundKind;
  name: string;
  opened_on: string;
  closed_on: string | null;
};

/** Funds of the units of a subtree on a date (each unit named as on that date). */
export async function listFundsInSubtree(
  db: Db,
  options: { unitId: string; at: string; kind?: FundKind },
): Promise<FundListRow[]> {
  return queryRows<FundListRow>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.at)}
      SELECT f.id::text AS id, f.unit_id::text AS unit_id, v.code AS unit_code, v.name AS unit_name, f.kind, f.name,
        to_char(f.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(f.closed_on, 'YYYY-MM-DD') AS closed_on
      FROM down d JOIN funds f ON f.unit_id = d.unit_id
      JOIN unit_versions v ON v.unit_id = f.unit_id AND v.valid_from <= ${options.at}::date
        AND (v.valid_to IS NULL OR v.valid_to > ${options.at}::date)
      WHERE f.opened_on <= ${options.at}::date
      ${options.kind ? sql`AND f.kind = ${options.kind}` : sql``}
      ORDER BY (f.unit_id = ${options.unitId}::uuid) DESC, v.code, f.name`,
  );
}

/** Sums per fund and account up to a date (inclusive), for many funds in one query. */
export async function accountTotalsByFund(
  db: Db,
  fundIds: readonly string[],
  at: string,
): Promise<Map<string, Array<{ account: string; amount: number }>>> {
  const totals = new Map<string, Array<{ account: string; amount: number }>>();
  if (fundIds.length === 0) return totals;
  const rows = await queryRows<{ fund_id: string; account: string; amount: string | number }>(
    db,
    sql`SELECT fund_id::text AS fund_id, account, sum(amount)::bigint AS amount FROM ledger_day_totals
        WHERE fund_id = ANY(${uuids(fundIds)}) AND day <= ${at}::date
        GROUP BY fund_id, account`,
  );
  for (const row of rows) {
    const list = totals.get(row.fund_id) ?? [];
    list.push({ account: row.account, amount: Number(row.amount) });
    totals.set(row.fund_id, list);
  }
  return totals;
}

export type TransferTargetRow = {
  id: string;
  unit_id: string;
  name: string;
  kind: FundKind;
  unit_code: string;
  unit_name: string;
};

/** Open funds of the given units, each unit named as on the date (or as last known). */
export async function fundsOfUnits(
  db: Db,
  unitIds: readonly string[],
  at: string,
): Promise<TransferTargetRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<TransferTargetRow>(
    db,
    sql`SELECT f.id::text AS id, f.unit_id::text AS unit_id, f.name, f.kind, v.code AS unit_code, v.name AS unit_name
        FROM funds f
        JOIN LATERAL (
          SELECT code, name FROM unit_versions v WHERE v.unit_id = f.unit_id
          ORDER BY (v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)) DESC, v.valid_from DESC
          LIMIT 1
        ) v ON TRUE
        WHERE f.unit_id = ANY(${uuids(unitIds)}) AND (f.closed_on IS NULL OR f.closed_on > ${at}::date)
        ORDER BY v.code, f.name`,
  );
}

export async function setLegalBasis(db: Db, campaignId: string, legalBasis: string | null): Promise<void> {
  await db.update(campaigns).set({ legalBasis }).where(eq(campaigns.id, campaignId));
}

export async function listBankAccounts(db: Db, fundId: string): Promise<BankAccountRow[]> {
  return db
    .select()
    .from(fundBankAccounts)
    .where(eq(fundBankAccounts.fundId, fundId))
    .orderBy(asc(fundBankAccounts.validFrom));
}

export async function insertBankAccount(
  db: Db,
  account: Omit<BankAccountRow, 'id' | 'validTo'>,
): Promise<string> {
  const [row] = await db.insert(fundBankAccounts).values(account).returning({ id: fundBankAccounts.id });
  if (!row) throw new Error('bank account not inserted');
  return row.id;
}

export async function bankAccountTaken(db: Db, bankBin: string, accountNumber: string): Promise<boolean> {
  const rows = await db
    .select({ id: fundBankAccounts.id })
    .from(fundBankAccounts)
    .where(and(eq(fundBankAccounts.bankBin, bankBin), eq(fundBankAccounts.accountNumber, accountNumber)))
    .limit(1);
  return rows.length > 0;
}

export async function listBoard(db: Db, fundId: string) {
  return db
    .select()
    .from(fundBoardMembers)
    .where(eq(fundBoardMembers.fundId, fundId))
    .orderBy(asc(fundBoardMembers.validFrom), asc(fundBoardMembers.name));
}

export async function insertBoardMember(
  db: Db,
  member: { fundId: string; name: string; position: string; validFrom: string },
): Promise<string> {
  const [row] = await db.insert(fundBoardMembers).values(member).returning({ id: fundBoardMembers.id });
  if (!row) throw new Error('board member not inserted');
  return row.id;
}

// Campaigns

export async function insertCampaign(db: Db, campaign: typeof campaigns.$inferInsert): Promise<string> {
  const [row] = await db.insert(campaigns).values(campaign).returning({ id: campaigns.id });
  if (!row) throw new Error('campaign not inserted');
  return row.id;
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | null> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findCampaignByCode(db: Db, code: string): Promise<CampaignRow | null> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.code, code)).limit(1);
  return rows[0] ?? null;
}

/** Campaigns run by the unit, by units below it, or by units above it (which it takes part in). */
export async function listCampaignsFor(
  db: Db,
  options: { unitId: string; at: string; ancestorIds: readonly string[] },
): Promise<Array<CampaignRow & { fundName: string; unitCode: string; unitName: string }>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.at)}
      SELECT c.id::text AS id FROM campaigns c
      WHERE c.unit_id IN (SELECT unit_id FROM down)
        ${options.ancestorIds.length > 0 ? sql`OR c.unit_id = ANY(${uuids(options.ancestorIds)})` : sql``}
      ORDER BY c.starts_on DESC, c.code`,
  );
  if (rows.length === 0) return [];
  const found = await queryRows<CampaignRow & { fundName: string; unitCode: string; unitName: string }>(
    db,
    sql`SELECT c.id::text AS "id", c.fund_id::text AS "fundId", c.unit_id::text AS "unitId", c.code, c.name,
          to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.receiving_ends_on, 'YYYY-MM-DD') AS "receivingEndsOn",
          to_char(c.distribution_ends_on, 'YYYY-MM-DD') AS "distributionEndsOn", c.legal_basis AS "legalBasis",
          c.target_amount AS "targetAmount", c.target_items AS "targetItems", c.created_at AS "createdAt",
          f.name AS "fundName",
          (SELECT v.code FROM unit_versions v WHERE v.unit_id = c.unit_id ORDER BY (v.valid_from <= c.starts_on AND (v.valid_to IS NULL OR v.valid_to > c.starts_on)) DESC, v.valid_from DESC LIMIT 1) AS "unitCode",
          (SELECT v.name FROM unit_versions v WHERE v.unit_id = c.unit_id ORDER BY (v.valid_from <= c.starts_on AND (v.valid_to IS NULL OR v.valid_to > c.starts_on)) DESC, v.valid_from DESC LIMIT 1) AS "unitName"
        FROM campaigns c JOIN funds f ON f.id = c.fund_id
        WHERE c.id = ANY(${uuids(rows.map((row) => row.id))})
        ORDER BY c.starts_on DESC, c.code`,
  );
  return found.map((row) => ({
    ...row,
    targetAmount: row.targetAmount === null ? null : Number(row.targetAmount),
  }));
}

export async function upsertTargets(
  db: Db,
  campaignId: string,
  targets: ReadonlyArray<{ unitId: string; amount: number }>,
): Promise<void> {
  if (targets.length === 0) return;
  await db
    .insert(campaignTargets)
    .values(targets.map((target) => ({ campaignId, unitId: target.unitId, amount: target.amount })))
    .onConflictDoUpdate({
      target: [campaignTargets.campaignId, campaignTargets.unitId],
      set: { amount: sql`excluded.amount`, assignedAt: sql`now()` },
    });
}

export async function targetsOf(db: Db, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ unitId: campaignTargets.unitId, amount: campaignTargets.amount })
    .from(campaignTargets)
    .where(eq(campaignTargets.campaignId, campaignId));
  return new Map(rows.map((row) => [row.unitId, Number(row.amount)]));
}

/**
 * Donations to a campaign (money and items, valued) up to a date, in the funds of the unit's
 * subtree as the tree stood on `treeAt`, per child of the unit (the unit's own funds under itself).
 */
export async function raisedByBranch(
  db: Db,
  options: { campaignId: string; unitId: string; treeAt: string; to: string },
): Promise<Map<string, { raised: number; donations: number }>> {
  const rows = await queryRows<{ branch: string; raised: string | number; donations: string | number }>(
    db,
    sql`${subtreeBranchesAt(options.unitId, options.treeAt)},
      money AS (
        SELECT d.branch, sum(-t.amount) AS raised FROM ledger_day_totals t
        JOIN funds f ON f.id = t.fund_id JOIN down d ON d.unit_id = f.unit_id
        WHERE t.campaign_id = ${options.campaignId} AND t.account IN ('donations', 'donations_in_kind')
          AND t.day <= ${options.to}::date
        GROUP BY d.branch
      ), counted AS (
        SELECT d.branch, count(*) AS donations FROM donations x
        JOIN funds f ON f.id = x.fund_id JOIN down d ON d.unit_id = f.unit_id
        WHERE x.campaign_id = ${options.campaignId} AND x.received_on <= ${options.to}::date
          AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = x.entry_id)
        GROUP BY d.branch
      )
      SELECT coalesce(m.branch, c.branch)::text AS branch, coalesce(m.raised, 0)::bigint AS raised,
        coalesce(c.donations, 0)::int AS donations
      FROM money m FULL JOIN counted c ON c.branch = m.branch`,
  );
  return new Map(
    rows.map((row) => [row.branch, { raised: Number(row.raised), donations: Number(row.donations) }]),
  );
}
