import type { ListEntriesQuery } from '@doanket/domain';
import {
  type Action,
  authorize,
  type CreateFundRequest,
  type FundDetail,
  type FundKind,
  type FundWithTotals,
  foldDiacritics,
  GENESIS_HASH,
  type LedgerEntry,
  summarizeLines,
  todayInVietnam,
} from '@doanket/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { authorizeUnit, hiddenAs, requireActor } from '../../lib/access';
import { badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import {
  findAllTimeAncestors,
  findAllTimeDescendants,
  findUnitInTree,
  findVersionByCode,
  findVersionOfUnit,
} from '../units/units.repository';
import * as fundsRepo from './funds.repository';
import * as repo from './ledger.repository';
import { postEntry, reverseEntry, totalsAt, verifyFund } from './ledger.service';

type Options<T> = { db: Db; ctx: RequestContext } & T;

const fundUnitKinds = new Set(['province', 'district', 'ward']);

/**
 * The fund if the actor may do `action` on its unit. Out of the actor's reading scope it is not
 * shown to exist (404); readable but not writable is 403.
 */
export async function findFundFor(db: Db, ctx: RequestContext, fundId: string, action: Action) {
  const fund = await repo.findFund(db, fundId);
  if (!fund) throw notFound('funds.not_found');
  await hiddenAs('funds.not_found', authorizeUnit(db, ctx, action, fund.unitId));
  return fund;
}

/** What the actor may do on a unit, without throwing. */
export async function permissionsOn(db: Db, ctx: RequestContext, unitId: string) {
  const actor = requireActor(ctx);
  const tree = await findUnitInTree(db, unitId);
  return {
    canPost: Boolean(tree && authorize(actor, 'ledger.post', tree)),
    canManage: Boolean(tree && authorize(actor, 'funds.write', tree)),
  };
}

export async function resolveUnit(db: Db, ctx: RequestContext, code: string, at: string, action: Action) {
  const version = await findVersionByCode(db, code, at);
  if (!version) throw notFound('unit.not_found');
  await authorizeUnit(db, ctx, action, version.unitId);
  return version;
}

export async function createFund({ db, ctx, body }: Options<{ body: CreateFundRequest }>): Promise<string> {
  const openedOn = body.openedOn ?? todayInVietnam();
  const unit = await resolveUnit(db, ctx, body.unitCode, openedOn, 'funds.write');
  if (!fundUnitKinds.has(unit.kind)) throw badRequest('funds.unit_kind', 'unitCode');
  const searchName = foldDiacritics(body.name);
  return db.transaction(async (tx) => {
    if (await fundsRepo.fundNameTaken(tx, unit.unitId, searchName)) throw conflict('funds.name_taken');
    const id = await fundsRepo.insertFund(tx, {
      unitId: unit.unitId,
      kind: body.kind,
      name: body.name,
      searchName,
      openedOn,
    });
    for (const account of body.bankAccounts ?? []) {
      if (await fundsRepo.bankAccountTaken(tx, account.bankBin, account.accountNumber)) {
        throw conflict('funds.bank_account_taken');
      }
      await fundsRepo.insertBankAccount(tx, { fundId: id, ...account, validFrom: openedOn });
    }
    for (const member of body.board ?? []) {
      await fundsRepo.insertBoardMember(tx, { fundId: id, ...member, validFrom: openedOn });
    }
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'fund',
      entityId: id,
      unitId: unit.unitId,
      after: { kind: body.kind, name: body.name, openedOn, bankAccounts: body.bankAccounts ?? [] },
    });
    return id;
  });
}

export async function listFunds({
  db,
  ctx,
  unit,
  at,
  kind,
}: Options<{ unit: string; at?: string; kind?: FundKind }>): Promise<FundWithTotals[]> {
  const date = at ?? todayInVietnam();
  const version = await resolveUnit(db, ctx, unit, date, 'read');
  const rows = await fundsRepo.listFundsInSubtree(db, { unitId: version.unitId, at: date, kind });
  const totals = await fundsRepo.accountTotalsByFund(
    db,
    rows.map((row) => row.id),
    date,
  );
  return rows.map((row) => ({
    ...summarizeLines(totals.get(row.id) ?? []),
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    kind: row.kind,
    name: row.name,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  }));
}

export async function getFund({ db, ctx, id }: Options<{ id: string }>): Promise<FundDetail> {
  const fund = await findFundFor(db, ctx, id, 'read');
  const unit =
    (await findVersionOfUnit(db, fund.unitId, fund.closedOn ?? todayInVietnam())) ??
    (await findVersionOfUnit(db, fund.unitId, fund.openedOn));
  const [bankAccounts, board, totals, head, entries, permissions] = await Promise.all([
    fundsRepo.listBankAccounts(db, fund.id),
    fundsRepo.listBoard(db, fund.id),
    totalsAt(db, [fund.id], '9999-12-31'),
    repo.findHead(db, fund.id),
    repo.countEntries(db, fund.id),
    permissionsOn(db, ctx, fund.unitId),
  ]);
  return {
    id: fund.id,
    unitId: fund.unitId,
    unitCode: unit?.code ?? '',
    unitName: unit?.name ?? '',
    kind: fund.kind as FundKind,
    name: fund.name,
    openedOn: fund.openedOn,
    closedOn: fund.closedOn,
    bankAccounts: bankAccounts.map((account) => ({
      id: account.id,
      bankBin: account.bankBin,
      bankName: account.bankName,
      accountNumber: account.accountNumber,
      accountName: account.accountName,
      validFrom: account.validFrom,
      validTo: account.validTo,
    })),
    board: board.map((member) => ({
      id: member.id,
      name: member.name,
      position: member.position,
      validFrom: member.validFrom,
      validTo: member.validTo,
    })),
    totals,
    headHash: head?.hash ?? GENESIS_HASH,
    entries,
    ...permissions,
  };
}

export async function addBankAccount({
  db,
  ctx,
  fundId,
  body,
}: Options<{
  fundId: string;
  body: { bankBin: string; bankName: string; accountNumber: string; accountName: string; validFrom?: string };
}>): Promise<string> {
  const fund = await findFundFor(db, ctx, fundId, 'funds.write');
  return db.transaction(async (tx) => {
    if (await fundsRepo.bankAccountTaken(tx, body.bankBin, body.accountNumber)) {
      throw conflict('funds.bank_account_taken');
    }
    const validFrom = body.validFrom ?? todayInVietnam();
    const id = await fundsRepo.insertBankAccount(tx, {
      fundId,
      bankBin: body.bankBin,
      bankName: body.bankName,
      accountNumber: body.accountNumber,
      accountName: body.accountName,
      validFrom,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'fund_bank_account',
      entityId: id,
      unitId: fund.unitId,
      after: { fundId, bankBin: body.bankBin, accountNumber: body.accountNumber, validFrom },
    });
    return id;
  });
}

export async function addBoardMember({
  db,
  ctx,
  fundId,
  body,
}: Options<{
  fundId: string;
  body: { name: string; position: string; validFrom?: string };
}>): Promise<string> {
  const fund = await findFundFor(db, ctx, fundId, 'funds.write');
  return db.transaction(async (tx) => {
    const validFrom = body.validFrom ?? todayInVietnam();
    const id = await fundsRepo.insertBoardMember(tx, {
      fundId,
      name: body.name,
      position: body.position,
      validFrom,
    });
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'fund_board_member',
      entityId: id,
      unitId: fund.unitId,
      after: { fundId, position: body.position, validFrom },
    });
    return id;
  });
}

export async function getBalance({ db, ctx, id, at }: Options<{ id: string; at?: string }>) {
  const fund = await findFundFor(db, ctx, id, 'read');
  return totalsAt(db, [fund.id], at ?? todayInVietnam());
}

export async function verify({ db, ctx, fundId }: Options<{ fundId: string }>) {
  const fund = await findFundFor(db, ctx, fundId, 'read');
  return verifyFund(db, fund.id);
}

const campaignCodes = async (db: Db, ids: Array<string | null>) => {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const map = new Map<string, string>();
  for (const id of unique) {
    const campaign = await fundsRepo.findCampaign(db, id);
    if (campaign) map.set(id, campaign.code);
  }
  return map;
};

export function presentEntry(
  entry: repo.EntryWithLines,
  codes: Map<string, string>,
  createdBy: string | null,
): LedgerEntry {
  const totals = summarizeLines(entry.lines);
  return {
    id: entry.id,
    seq: entry.seq,
    entryDate: entry.entryDate,
    kind: entry.kind as LedgerEntry['kind'],
    campaignCode: entry.campaignId ? (codes.get(entry.campaignId) ?? null) : null,
    memo: entry.memo,
    reversesSeq: entry.reversesSeq,
    reversedBySeq: entry.reversedBySeq,
    reason: entry.reason,
    lines: entry.lines,
    income: totals.income,
    spending: totals.spending,
    hash: entry.hash,
    prevHash: entry.prevHash,
    createdAt: entry.createdAt.toISOString(),
    createdBy,
  };
}

export async function listEntries({
  db,
  ctx,
  fundId,
  query,
}: Options<{ fundId: string; query: z.infer<typeof ListEntriesQuery> }>) {
  const fund = await findFundFor(db, ctx, fundId, 'read');
  const page = await repo.listEntriesPage(db, {
    fundId: fund.id,
    from: query.from,
    to: query.to,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const codes = await campaignCodes(
    db,
    page.items.map((entry) => entry.campaignId),
  );
  return { items: page.items.map((entry) => presentEntry(entry, codes, null)), total: page.total };
}

export async function monthly({
  db,
  ctx,
  fundId,
  from,
  to,
}: Options<{ fundId: string; from?: string; to?: string }>) {
  const fund = await findFundFor(db, ctx, fundId, 'read');
  return monthlyTotals(db, { fundIds: [fund.id], from, to });
}

/** Income and spending per month from per-account sums. */
export async function monthlyTotals(
  db: Db,
  options: { fundIds: readonly string[]; campaignId?: string; from?: string; to?: string },
) {
  const rows = await repo.monthlyAccountTotals(db, options);
  const months = new Map<string, Array<{ account: string; amount: number }>>();
  for (const row of rows) {
    const list = months.get(row.month) ?? [];
    list.push(row);
    months.set(row.month, list);
  }
  return [...months.entries()].map(([month, lines]) => {
    const { income, spending } = summarizeLines(lines);
    return { month, income, spending };
  });
}

export async function reverse({
  db,
  ctx,
  entryId,
  reason,
  entryDate,
}: Options<{ entryId: string; reason: string; entryDate?: string }>) {
  const entry = await repo.findEntry(db, entryId);
  if (!entry) throw notFound('ledger.entry_not_found');
  await findFundFor(db, ctx, entry.fundId, 'ledger.post');
  try {
    return await db.transaction(async (tx) => {
      const posted = await reverseEntry(tx, ctx, { entryId, reason, entryDate });
      return { id: posted.id, seq: posted.seq, hash: posted.hash };
    });
  } catch (error) {
    // Two reversals of one entry at once: the database keeps the first.
    if (isUniqueViolation(error)) throw conflict('ledger.already_reversed');
    throw error;
  }
}

/** Funds a fund may transfer to: those of the units above it, and those of its unit and below. */
export async function transferTargets({ db, ctx, fundId }: Options<{ fundId: string }>) {
  const fund = await findFundFor(db, ctx, fundId, 'read');
  const today = todayInVietnam();
  const above = await findAllTimeAncestors(db, [fund.unitId]);
  const below = await findAllTimeDescendants(db, [fund.unitId]);
  const rows = await fundsRepo.fundsOfUnits(db, [...above, ...below], today);
  return rows
    .filter((row) => row.id !== fund.id)
    .map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      isAbove: above.has(row.unit_id),
    }))
    .sort((a, b) => Number(b.isAbove) - Number(a.isAbove));
}

/**
 * Moves money from one fund to another (a ward remits to the district): both sides are posted in
 * one transaction. The sender posts; the receiving fund may be above it or within the actor's scope.
 */
export async function transfer({
  db,
  ctx,
  body,
}: Options<{
  body: { fromFundId: string; toFundId: string; amount: number; entryDate: string; memo: string };
}>) {
  if (body.fromFundId === body.toFundId) throw badRequest('funds.transfer.same_fund', 'toFundId');
  const from = await findFundFor(db, ctx, body.fromFundId, 'ledger.post');
  const to = await repo.findFund(db, body.toFundId);
  if (!to) throw notFound('funds.not_found');
  const above = await findAllTimeAncestors(db, [from.unitId]);
  if (!above.has(to.unitId)) await findFundFor(db, ctx, to.id, 'read');
  return db.transaction(async (tx) => {
    // Lock in a fixed order so two opposite transfers cannot deadlock.
    for (const id of [from.id, to.id].sort()) await repo.lockFund(tx, id);
    const held = await totalsAt(tx, [from.id], '9999-12-31');
    if (held.balance < body.amount) throw conflict('funds.insufficient');
    const out = await postEntry(tx, ctx, {
      fundId: from.id,
      entryDate: body.entryDate,
      kind: 'transfer',
      memo: body.memo,
      lines: [
        { account: 'transfers_out', amount: body.amount },
        { account: 'bank', amount: -body.amount },
      ],
    });
    const into = await postEntry(tx, ctx, {
      fundId: to.id,
      entryDate: body.entryDate,
      kind: 'transfer',
      memo: body.memo,
      lines: [
        { account: 'bank', amount: body.amount },
        { account: 'transfers_in', amount: -body.amount },
      ],
    });
    return { fromEntryId: out.id, toEntryId: into.id };
  });
}
