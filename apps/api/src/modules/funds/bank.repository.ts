import type { BankLineStatus } from '@doanket/domain';
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { bankStatementLines, bankStatements, campaigns, fundBankAccounts } from '../../db/schema/index';
import type { BankAccountRow, CampaignRow } from './funds.repository';

export type BankLineRow = typeof bankStatementLines.$inferSelect;

/** The fund's account in use on a date (the latest opened one if several are). */
export async function findAccountInForce(db: Db, fundId: string, at: string): Promise<BankAccountRow | null> {
  const rows = await db
    .select()
    .from(fundBankAccounts)
    .where(
      and(
        eq(fundBankAccounts.fundId, fundId),
        lte(fundBankAccounts.validFrom, at),
        or(isNull(fundBankAccounts.validTo), sql`${fundBankAccounts.validTo} > ${at}`),
      ),
    )
    .orderBy(desc(fundBankAccounts.validFrom), asc(fundBankAccounts.accountNumber))
    .limit(1);
  return rows[0] ?? null;
}

export async function findBankAccount(db: Db, id: string): Promise<BankAccountRow | null> {
  const rows = await db.select().from(fundBankAccounts).where(eq(fundBankAccounts.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Campaigns run by any of these units. */
export async function campaignsOfUnits(db: Db, unitIds: readonly string[]): Promise<CampaignRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(campaigns)
    .where(inArray(campaigns.unitId, [...unitIds]));
}

export async function insertStatement(
  db: Db,
  statement: {
    bankAccountId: string;
    fileName: string;
    fileSha256: string;
    lines: number;
    importedBy: string | null;
  },
): Promise<string> {
  const [row] = await db.insert(bankStatements).values(statement).returning({ id: bankStatements.id });
  if (!row) throw new Error('bank statement not inserted');
  return row.id;
}

/** The line, unless the account already has a line with its fingerprint (then null). */
export async function insertLineOnce(
  db: Db,
  line: Omit<typeof bankStatementLines.$inferInsert, 'id'>,
): Promise<string | null> {
  const rows = await db
    .insert(bankStatementLines)
    .values(line)
    .onConflictDoNothing({ target: [bankStatementLines.bankAccountId, bankStatementLines.fingerprint] })
    .returning({ id: bankStatementLines.id });
  return rows[0]?.id ?? null;
}

export type OpenPledge = { id: string; donorName: string | null };

/** Pledges of a fund to a campaign for exactly this amount that no standing donation fulfils yet. */
export async function openPledges(
  db: Db,
  options: { fundId: string; campaignId: string; amount: number },
): Promise<OpenPledge[]> {
  return queryRows<OpenPledge>(
    db,
    sql`SELECT p.id::text AS "id", p.donor_name AS "donorName" FROM pledges p
        WHERE p.fund_id = ${options.fundId} AND p.campaign_id = ${options.campaignId} AND p.amount = ${options.amount}
          AND NOT EXISTS (
            SELECT 1 FROM donations d WHERE d.pledge_id = p.id
              AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id)
          )
        ORDER BY p.due_on NULLS LAST, p.pledged_on, p.created_at, p.id`,
  );
}

export async function findLine(db: Db, id: string): Promise<BankLineRow | null> {
  const rows = await db.select().from(bankStatementLines).where(eq(bankStatementLines.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The line, locked until the end of the transaction: two decisions on one line queue. */
export async function lockLine(db: Db, id: string): Promise<BankLineRow | null> {
  const rows = await db
    .select()
    .from(bankStatementLines)
    .where(eq(bankStatementLines.id, id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function decideLine(
  db: Db,
  id: string,
  decision: {
    status: BankLineStatus;
    campaignId: string | null;
    decidedBy: string | null;
    note: string | null;
  },
): Promise<void> {
  await db
    .update(bankStatementLines)
    .set({
      status: decision.status,
      campaignId: decision.campaignId,
      decidedBy: decision.decidedBy,
      decisionNote: decision.note,
    })
    .where(eq(bankStatementLines.id, id));
}

export type BankLineListRow = {
  id: string;
  statementId: string;
  bankAccountId: string;
  accountNumber: string;
  bookedOn: string;
  amount: string | number;
  reference: string | null;
  description: string;
  counterparty: string | null;
  status: BankLineStatus;
  campaignId: string | null;
  campaignCode: string | null;
  decisionNote: string | null;
  donationId: string | null;
  receiptYear: number | null;
  receiptNo: number | null;
};

/** A page of the lines of a fund's accounts, newest first. */
export async function listLines(
  db: Db,
  options: { fundId: string; status?: BankLineStatus; offset: number; limit: number },
): Promise<{ items: BankLineListRow[]; total: number }> {
  const where = sql`a.fund_id = ${options.fundId} ${options.status ? sql`AND l.status = ${options.status}` : sql``}`;
  const items = await queryRows<BankLineListRow>(
    db,
    sql`SELECT l.id::text AS "id", l.statement_id::text AS "statementId", l.bank_account_id::text AS "bankAccountId",
          a.account_number AS "accountNumber", to_char(l.booked_on, 'YYYY-MM-DD') AS "bookedOn", l.amount,
          l.reference, l.description, l.counterparty, l.status, l.campaign_id::text AS "campaignId",
          c.code AS "campaignCode", l.decision_note AS "decisionNote", d.id::text AS "donationId",
          d.receipt_year AS "receiptYear", d.receipt_no AS "receiptNo"
        FROM bank_statement_lines l
        JOIN fund_bank_accounts a ON a.id = l.bank_account_id
        LEFT JOIN campaigns c ON c.id = l.campaign_id
        LEFT JOIN donations d ON d.bank_line_id = l.id
        WHERE ${where}
        ORDER BY l.booked_on DESC, l.id
        OFFSET ${options.offset} LIMIT ${options.limit}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM bank_statement_lines l
        JOIN fund_bank_accounts a ON a.id = l.bank_account_id WHERE ${where}`,
  );
  return { items, total: Number(count?.n ?? 0) };
}

export type StatementListRow = {
  id: string;
  bankAccountId: string;
  accountNumber: string;
  fileName: string;
  lines: number;
  importedAt: string;
};

export async function listStatements(db: Db, fundId: string, limit = 50): Promise<StatementListRow[]> {
  return queryRows<StatementListRow>(
    db,
    sql`SELECT s.id::text AS "id", s.bank_account_id::text AS "bankAccountId", a.account_number AS "accountNumber",
          s.file_name AS "fileName", s.lines, to_char(s.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "importedAt"
        FROM bank_statements s JOIN fund_bank_accounts a ON a.id = s.bank_account_id
        WHERE a.fund_id = ${fundId}
        ORDER BY s.imported_at DESC, s.id LIMIT ${limit}`,
  );
}
