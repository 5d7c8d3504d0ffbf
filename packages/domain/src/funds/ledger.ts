// The ledger's accounts and the canonical content each entry's hash is computed over.

/** What a fund holds. Debit (positive) adds to them. */
export const assetAccounts = ['cash', 'bank', 'goods'] as const;
/** Where money comes from. Credit (negative) adds to them. */
export const incomeAccounts = ['donations', 'donations_in_kind', 'transfers_in', 'carried_forward'] as const;
/** Where money goes. Debit (positive) adds to them. */
export const spendingAccounts = ['support', 'support_in_kind', 'transfers_out'] as const;
export const ledgerAccounts = [...assetAccounts, ...incomeAccounts, ...spendingAccounts] as const;
export type LedgerAccount = (typeof ledgerAccounts)[number];

export const entryKinds = ['donation', 'support', 'transfer', 'opening', 'reversal', 'adjustment'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** Amounts of đồng are integers below 10^15 (a thousand trillion). */
export const MAX_AMOUNT = 999_999_999_999_999;

export type LedgerLine = { account: LedgerAccount; amount: number };

const incomeSet = new Set<string>(incomeAccounts);
const spendingSet = new Set<string>(spendingAccounts);

export type FundTotals = { income: number; spending: number; balance: number };

/** Income, spending and balance of a set of lines (or of per-account sums). */
export function summarizeLines(lines: Iterable<{ account: string; amount: number }>): FundTotals {
  let income = 0;
  let spending = 0;
  for (const line of lines) {
    if (incomeSet.has(line.account)) income -= line.amount;
    else if (spendingSet.has(line.account)) spending += line.amount;
  }
  return { income, spending, balance: income - spending };
}

export const isBalanced = (lines: readonly LedgerLine[]) =>
  lines.length >= 2 && lines.reduce((sum, line) => sum + line.amount, 0) === 0;

/** The lines that undo an entry. */
export const reversedLines = (lines: readonly LedgerLine[]): LedgerLine[] =>
  lines.map((line) => ({ account: line.account, amount: -line.amount }));

/** The hash of the entry before the first one of a fund. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: only what the public CSV shows, so anyone can recompute it. */
export type HashedEntry = {
  fundId: string;
  seq: number;
  entryDate: string;
  kind: EntryKind;
  campaignId: string | null;
  memo: string;
  reversesSeq: number | null;
  reason: string | null;
  detailDigest: string | null;
  lines: readonly LedgerLine[];
};

/**
 * One line of text per entry, fields separated by "|" and lines as account:amount joined by ";".
 * hash = hex(SHA-256(UTF-8(prevHash + "\n" + canonicalEntry(entry)))).
 */
export function canonicalEntry(entry: HashedEntry): string {
  const clean = (text: string | null) =>
    (text ?? '').replace(/[|\n\r\\]/g, (c) => `\\${c === '\n' ? 'n' : c === '\r' ? 'r' : c}`);
  return [
    'v1',
    entry.fundId,
    String(entry.seq),
    entry.entryDate,
    entry.kind,
    entry.campaignId ?? '',
    clean(entry.memo),
    entry.reversesSeq === null ? '' : String(entry.reversesSeq),
    clean(entry.reason),
    entry.detailDigest ?? '',
    entry.lines.map((line) => `${line.account}:${line.amount}`).join(';'),
  ].join('|');
}

export const hashInput = (prevHash: string, entry: HashedEntry) => `${prevHash}\n${canonicalEntry(entry)}`;
