import { describe, expect, it } from 'vitest';
import { canonicalEntry, isBalanced, reversedLines, summarizeLines } from './ledger';

describe('ledger lines', () => {
  const donation = [
    { account: 'bank', amount: 500_000 },
    { account: 'donations', amount: -500_000 },
  ] as const;
  const support = [
    { account: 'support', amount: 200_000 },
    { account: 'bank', amount: -200_000 },
  ] as const;
  it('sums income, spending and balance', () => {
    expect(summarizeLines([...donation, ...support])).toEqual({
      income: 500_000,
      spending: 200_000,
      balance: 300_000,
    });
  });
  it('undoes an entry with its reversal', () => {
    expect(summarizeLines([...donation, ...reversedLines(donation)])).toEqual({
      income: 0,
      spending: 0,
      balance: 0,
    });
  });
  it('checks double entry', () => {
    expect(isBalanced(donation)).toBe(true);
    expect(isBalanced([{ account: 'bank', amount: 1 }])).toBe(false);
    expect(isBalanced([...donation, { account: 'cash', amount: 1 }, { account: 'support', amount: 0 }])).toBe(
      false,
    );
  });
  it('escapes separators in the canonical content', () => {
    const text = canonicalEntry({
      fundId: 'f',
      seq: 1,
      entryDate: '2021-01-02',
      kind: 'donation',
      campaignId: null,
      memo: 'a|b\nc',
      reversesSeq: null,
      reason: null,
      detailDigest: null,
      lines: donation,
    });
    expect(text).toBe('v1|f|1|2021-01-02|donation||a\\|b\\nc||||bank:500000;donations:-500000');
  });
});
