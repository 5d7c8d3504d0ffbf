import { createHash, randomBytes } from 'node:crypto';
import {
  type EntryKind,
  GENESIS_HASH,
  type HashedEntry,
  hashInput,
  isBalanced,
  type LedgerLine,
  laterDate,
  reversedLines,
  summarizeLines,
  todayInVietnam,
  type VerifyResponse,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import * as repo from './ledger.repository';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const entryHash = (prevHash: string, entry: HashedEntry) => sha256Hex(hashInput(prevHash, entry));

/** A salted commitment to the private details of an entry (who gave): the salt stays private. */
export function detailDigest(details: unknown): { salt: string; digest: string } {
  const salt = randomBytes(16).toString('hex');
  return { salt, digest: sha256Hex(`${salt}\n${JSON.stringify(details)}`) };
}

export const checkDetailDigest = (salt: string, details: unknown, digest: string) =>
  sha256Hex(`${salt}\n${JSON.stringify(details)}`) === digest;

export type PostEntryInput = {
  fundId: string;
  entryDate: string;
  kind: EntryKind;
  campaignId?: string | null;
  memo: string;
  lines: readonly LedgerLine[];
  detailDigest?: string | null;
  reverses?: { id: string; seq: number; reason: string } | null;
};

export type PostedEntry = { id: string; seq: number; hash: string; fund: repo.FundRow };

/**
 * Posts one balanced entry at the head of the fund's chain. Call inside the transaction of the
 * change it records (a donation, a payment…); it locks the fund, so postings to one fund queue,
 * and writes its audit event. Authorization is the caller's.
 */
export async function postEntry(tx: Db, ctx: RequestContext, input: PostEntryInput): Promise<PostedEntry> {
  const fund = await repo.lockFund(tx, input.fundId);
  if (!fund) throw notFound('funds.not_found');
  if (input.entryDate < fund.openedOn) throw badRequest('funds.before_opening', 'entryDate');
  if (fund.closedOn && input.entryDate >= fund.closedOn) throw badRequest('funds.closed', 'entryDate');
  if (!isBalanced(input.lines) || input.lines.some((line) => line.amount === 0)) {
    throw badRequest('ledger.not_balanced', 'lines');
  }
  const head = await repo.findHead(tx, fund.id);
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hashed: HashedEntry = {
    fundId: fund.id,
    seq,
    entryDate: input.entryDate,
    kind: input.kind,
    campaignId: input.campaignId ?? null,
    memo: input.memo,
    reversesSeq: input.reverses?.seq ?? null,
    reason: input.reverses?.reason ?? null,
    detailDigest: input.detailDigest ?? null,
    lines: input.lines,
  };
  const hash = entryHash(prevHash, hashed);
  const id = await repo.insertEntry(
    tx,
    {
      fundId: fund.id,
      seq,
      entryDate: input.entryDate,
      kind: input.kind,
      campaignId: hashed.campaignId,
      memo: input.memo,
      reversesId: input.reverses?.id ?? null,
      reason: hashed.reason,
      detailDigest: hashed.detailDigest,
      prevHash,
      hash,
      createdBy: ctx.actor?.userId ?? null,
    },
    input.lines,
  );
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'ledger_entry',
    entityId: id,
    unitId: fund.unitId,
    after: { fundId: fund.id, seq, kind: input.kind, entryDate: input.entryDate, lines: input.lines, hash },
  });
  return { id, seq, hash, fund };
}

/** The reversal of an entry: its lines negated, with the reason. An entry is reversed at most once. */
export async function reverseEntry(
  tx: Db,
  ctx: RequestContext,
  input: { entryId: string; reason: string; entryDate?: string },
): Promise<PostedEntry> {
  const entry = await repo.findEntry(tx, input.entryId);
  if (!entry) throw notFound('ledger.entry_not_found');
  await repo.lockFund(tx, entry.fundId);
  const fresh = await repo.findEntry(tx, input.entryId);
  if (!fresh) throw notFound('ledger.entry_not_found');
  if (fresh.kind === 'reversal') throw conflict('ledger.cannot_reverse_reversal');
  if (fresh.reversedBySeq !== null) throw conflict('ledger.already_reversed');
  const entryDate = input.entryDate ?? todayInVietnam();
  return postEntry(tx, ctx, {
    fundId: fresh.fundId,
    entryDate: laterDate(entryDate, fresh.entryDate),
    kind: 'reversal',
    campaignId: fresh.campaignId,
    memo: `Đảo bút toán số ${fresh.seq}`,
    lines: reversedLines(fresh.lines),
    reverses: { id: fresh.id, seq: fresh.seq, reason: input.reason },
  });
}

/** Income, spending and balance of funds up to a date (inclusive). */
export async function totalsAt(db: Db, fundIds: readonly string[], at: string) {
  return summarizeLines(await repo.accountTotals(db, { fundIds, to: at }));
}

const VERIFY_BATCH = 2_000;

/**
 * Recomputes a fund's chain from its first entry: sequence, link to the previous hash, hash of
 * the content, double entry, and the kept day and month totals against the lines. Names the first
 * entry that does not match.
 */
export async function verifyFund(db: Db, fundId: string): Promise<VerifyResponse> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const batch = await repo.listEntriesFrom(db, fundId, expectedSeq, VERIFY_BATCH);
    for (const entry of batch) {
      const broken = (problem: string): VerifyResponse => ({
        ok: false,
        entries: entries + 1,
        headHash: prevHash,
        firstBrokenEntry: { id: entry.id, seq: entry.seq, problem },
      });
      if (entry.seq !== expectedSeq) return broken(`missing entry ${expectedSeq}`);
      if (entry.prevHash !== prevHash) return broken('link to the previous entry does not match');
      if (!isBalanced(entry.lines)) return broken('lines do not balance');
      const hash = entryHash(prevHash, {
        fundId: entry.fundId,
        seq: entry.seq,
        entryDate: entry.entryDate,
        kind: entry.kind as EntryKind,
        campaignId: entry.campaignId,
        memo: entry.memo,
        reversesSeq: entry.reversesSeq,
        reason: entry.reason,
        detailDigest: entry.detailDigest,
        lines: entry.lines,
      });
      if (hash !== entry.hash) return broken('content does not match its hash');
      prevHash = entry.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const [mismatch] = await repo.totalsMismatches(db, fundId);
  if (mismatch) {
    const entry = await repo.firstEntryOn(db, fundId, mismatch.day);
    return {
      ok: false,
      entries,
      headHash: prevHash,
      firstBrokenEntry: entry
        ? { id: entry.id, seq: entry.seq, problem: `kept totals of ${mismatch.day} do not match the lines` }
        : null,
    };
  }
  const [monthMismatch] = await repo.monthTotalsMismatches(db, fundId);
  if (monthMismatch) {
    const [year, month] = monthMismatch.month.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const entry = await repo.firstEntryBetween(db, fundId, `${monthMismatch.month}-01`, lastDay);
    return {
      ok: false,
      entries,
      headHash: prevHash,
      firstBrokenEntry: entry
        ? {
            id: entry.id,
            seq: entry.seq,
            problem: `kept totals of ${monthMismatch.month} do not match the lines`,
          }
        : null,
    };
  }
  return { ok: true, entries, headHash: prevHash, firstBrokenEntry: null };
}
