import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { fundBankAccounts } from '../../db/schema/index';
import type { BankAccountRow } from './funds.repository';

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
