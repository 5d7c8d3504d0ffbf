import { createHash } from 'node:crypto';
import {
  type BankLine,
  type BankLineStatus,
  type CampaignVietQrResponse,
  type DecideBankLineRequest,
  foldDiacritics,
  formatDate,
  formatReceiptNumber,
  type ImportBankStatementResponse,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { hiddenAs } from '../../lib/access';
import { badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { findAllTimeAncestors } from '../units/units.repository';
import * as bankRepo from './bank.repository';
import { donorOfCounterparty, matchCampaign } from './bank-matching';
import {
  BankStatementError,
  creditFingerprints,
  readBankStatement,
  type StatementCredit,
  statementMessages,
} from './bank-statement-file';
import { assertFundInCampaign, findCampaignFor } from './campaigns.service';
import { type DonorKind, recordDonation } from './donations.posting';
import type { CampaignRow } from './funds.repository';
import * as fundsRepo from './funds.repository';
import { findFundFor } from './funds.service';
import { type FundRow, lockFund } from './ledger.repository';
import { transferMessage, vietQrFor } from './vietqr';

type Options<T> = { db: Db; ctx: RequestContext } & T;

/**
 * The VietQR code of a campaign: the account its fund uses today, with the campaign code as the
 * transfer message. No authorization: the public pages show it too.
 */
export async function campaignVietQr(
  db: Db,
  campaign: Pick<CampaignRow, 'fundId' | 'code'>,
  at = todayInVietnam(),
): Promise<CampaignVietQrResponse> {
  const account = await bankRepo.findAccountInForce(db, campaign.fundId, at);
  if (!account) throw notFound('bank.no_account');
  return vietQrFor(account, transferMessage(campaign.code));
}

export async function getCampaignVietQr({ db, ctx, id }: Options<{ id: string }>) {
  const campaign = await findCampaignFor(db, ctx, id, 'read');
  return campaignVietQr(db, campaign);
}

/** The account a statement is of: the one named, which must be the fund's, or the fund's only one. */
async function statementAccount(db: Db, fund: FundRow, accountId: string | undefined) {
  if (accountId) {
    const account = await bankRepo.findBankAccount(db, accountId);
    if (!account || account.fundId !== fund.id) throw badRequest('bank.account_not_of_fund', 'account');
    return account;
  }
  const accounts = await fundsRepo.listBankAccounts(db, fund.id);
  if (accounts.length !== 1) throw badRequest('bank.account_required', 'account');
  return accounts[0]!;
}

/** Campaigns a donation to this fund may go to: those of its unit and of the units above it. */
async function campaignsAccepting(db: Db, fund: FundRow) {
  const above = await findAllTimeAncestors(db, [fund.unitId]);
  return bankRepo.campaignsOfUnits(db, [fund.unitId, ...above]);
}

/** Of several open pledges of the amount, the one whose donor is the sender, else the earliest. */
function choosePledge(pledges: readonly bankRepo.OpenPledge[], counterparty: string | null) {
  if (pledges.length === 0) return null;
  const sender = counterparty ? foldDiacritics(counterparty) : null;
  return (
    pledges.find((pledge) => sender && pledge.donorName && foldDiacritics(pledge.donorName) === sender) ??
    pledges[0]!
  );
}

async function pledgeFor(
  tx: Db,
  fund: FundRow,
  campaign: CampaignRow | null,
  line: { amount: number; counterparty: string | null },
) {
  if (!campaign) return null;
  const pledges = await bankRepo.openPledges(tx, {
    fundId: fund.id,
    campaignId: campaign.id,
    amount: line.amount,
  });
  return choosePledge(pledges, line.counterparty)?.id ?? null;
}

function checkFundOpen(fund: FundRow, credits: readonly StatementCredit[]) {
  for (const credit of credits) {
    if (credit.bookedOn < fund.openedOn || (fund.closedOn && credit.bookedOn >= fund.closedOn)) {
      throw new BankStatementError(
        'statement.fund_not_open',
        statementMessages.beforeOpening(credit.row, formatDate(credit.bookedOn)),
        credit.row,
      );
    }
  }
}

/**
 * Imports a bank statement of one of the fund's accounts, in one transaction: every credit not
 * seen before is kept; one whose message names a campaign open on its date becomes a donation
 * (fulfilling an open pledge of exactly its amount), the others wait for a treasurer's decision.
 */
export async function importStatement({
  db,
  ctx,
  fundId,
  accountId,
  receive,
}: Options<{
  fundId: string;
  accountId?: string;
  receive: () => Promise<{ bytes: Buffer; fileName: string | null }>;
}>): Promise<ImportBankStatementResponse> {
  const found = await findFundFor(db, ctx, fundId, 'ledger.post');
  const account = await statementAccount(db, found, accountId);
  const file = await receive();
  const statement = await readBankStatement(file.bytes, file.fileName ?? undefined);
  const fingerprints = creditFingerprints(account, statement.credits);
  const campaigns = await campaignsAccepting(db, found);
  return db.transaction(async (tx) => {
    // Imports of one fund queue, so two uploads of one statement cannot both record a line.
    const fund = (await lockFund(tx, found.id)) ?? found;
    checkFundOpen(fund, statement.credits);
    const lines = statement.credits.length + statement.debits;
    const statementId = await bankRepo.insertStatement(tx, {
      bankAccountId: account.id,
      fileName: file.fileName ?? 'sao-ke',
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      lines,
      importedBy: ctx.actor?.userId ?? null,
    });
    const summary = { matched: 0, unmatched: 0, duplicates: 0 };
    for (const [index, credit] of statement.credits.entries()) {
      const campaign = matchCampaign(campaigns, credit);
      const lineId = await bankRepo.insertLineOnce(tx, {
        statementId,
        bankAccountId: account.id,
        fingerprint: fingerprints[index]!,
        bookedOn: credit.bookedOn,
        amount: credit.amount,
        reference: credit.reference,
        description: credit.description,
        counterparty: credit.counterparty,
        status: campaign ? 'matched' : 'unmatched',
        campaignId: campaign?.id ?? null,
      });
      if (!lineId) {
        summary.duplicates += 1;
        continue;
      }
      if (!campaign) {
        summary.unmatched += 1;
        continue;
      }
      await recordDonation(tx, ctx, {
        fund,
        campaign,
        donor: donorOfCounterparty(credit.counterparty),
        method: 'bank',
        amount: credit.amount,
        receivedOn: credit.bookedOn,
        pledgeId: await pledgeFor(tx, fund, campaign, credit),
        bankLineId: lineId,
      });
      summary.matched += 1;
    }
    const result = {
      statementId,
      lines,
      credits: statement.credits.length,
      ...summary,
      ignoredDebits: statement.debits,
    };
    await recordAudit(tx, ctx, {
      action: 'import',
      entityType: 'bank_statement',
      entityId: statementId,
      unitId: fund.unitId,
      after: { fundId: fund.id, bankAccountId: account.id, fileName: file.fileName, ...result },
    });
    return result;
  });
}

const presentLine = (row: bankRepo.BankLineListRow): BankLine => ({
  id: row.id,
  statementId: row.statementId,
  bankAccountId: row.bankAccountId,
  accountNumber: row.accountNumber,
  bookedOn: row.bookedOn,
  amount: Number(row.amount),
  reference: row.reference,
  description: row.description,
  counterparty: row.counterparty,
  status: row.status,
  campaignId: row.campaignId,
  campaignCode: row.campaignCode,
  decisionNote: row.decisionNote,
  donationId: row.donationId,
  receiptNumber:
    row.receiptYear !== null && row.receiptNo !== null
      ? formatReceiptNumber(Number(row.receiptYear), Number(row.receiptNo))
      : null,
});

export async function listLines({
  db,
  ctx,
  fundId,
  status,
  page,
  pageSize,
}: Options<{ fundId: string; status?: BankLineStatus; page: number; pageSize: number }>) {
  // Statement lines carry senders' names: those who keep the fund see them, not every reader.
  await findFundFor(db, ctx, fundId, 'read');
  const fund = await findFundFor(db, ctx, fundId, 'funds.write');
  const found = await bankRepo.listLines(db, {
    fundId: fund.id,
    status,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: found.items.map(presentLine), total: found.total };
}

export async function listStatements({ db, ctx, fundId }: Options<{ fundId: string }>) {
  const fund = await findFundFor(db, ctx, fundId, 'read');
  return { items: await bankRepo.listStatements(db, fund.id) };
}

/** The line and its fund, if the actor may post to the fund (out of reading scope: 404). */
async function lineFor(db: Db, ctx: RequestContext, lineId: string) {
  const line = await bankRepo.findLine(db, lineId);
  const account = line ? await bankRepo.findBankAccount(db, line.bankAccountId) : null;
  if (!line || !account) throw notFound('bank.line_not_found');
  return {
    line,
    fund: await hiddenAs('bank.line_not_found', findFundFor(db, ctx, account.fundId, 'ledger.post')),
  };
}

/**
 * A treasurer's decision on a waiting line: record it as a donation (to a campaign or to the fund
 * alone), or ignore it with a note. A line is decided once.
 */
export async function decideLine({
  db,
  ctx,
  lineId,
  body,
}: Options<{ lineId: string; body: DecideBankLineRequest }>) {
  const { line, fund } = await lineFor(db, ctx, lineId);
  let campaign: CampaignRow | null = null;
  if (body.action === 'assign' && body.campaignId) {
    campaign = await fundsRepo.findCampaign(db, body.campaignId);
    if (!campaign) throw badRequest('campaigns.not_found', 'campaignId');
    await assertFundInCampaign(db, campaign, fund);
    if (line.bookedOn < campaign.startsOn || line.bookedOn > campaign.receivingEndsOn) {
      throw badRequest('campaigns.outside_period', 'campaignId');
    }
  }
  return db.transaction(async (tx) => {
    const locked = (await lockFund(tx, fund.id)) ?? fund;
    const current = await bankRepo.lockLine(tx, line.id);
    if (current?.status !== 'unmatched') throw conflict('bank.line_decided');
    const decidedBy = ctx.actor?.userId ?? null;
    let donation: { id: string; receiptNumber: string } | null = null;
    if (body.action === 'assign') {
      const amount = Number(current.amount);
      donation = await recordDonation(tx, ctx, {
        fund: locked,
        campaign,
        donor: {
          kind: body.donor.kind as DonorKind,
          name: body.donor.kind === 'anonymous' ? null : (body.donor.name ?? null),
          publishName: body.donor.publishName,
        },
        method: 'bank',
        amount,
        receivedOn: current.bookedOn,
        pledgeId: await pledgeFor(tx, locked, campaign, { amount, counterparty: current.counterparty }),
        bankLineId: current.id,
      });
      await bankRepo.decideLine(tx, current.id, {
        status: 'matched',
        campaignId: campaign?.id ?? null,
        decidedBy,
        note: null,
      });
    } else {
      await bankRepo.decideLine(tx, current.id, {
        status: 'ignored',
        campaignId: null,
        decidedBy,
        note: body.note,
      });
    }
    const status: BankLineStatus = body.action === 'assign' ? 'matched' : 'ignored';
    // The note may name people: the audit keeps the decision, not the note.
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'bank_statement_line',
      entityId: current.id,
      unitId: locked.unitId,
      before: { status: 'unmatched' },
      after: {
        status,
        campaignId: campaign?.id ?? null,
        donationId: donation?.id ?? null,
        amount: Number(current.amount),
      },
    });
    return {
      id: current.id,
      status,
      donationId: donation?.id ?? null,
      receiptNumber: donation?.receiptNumber ?? null,
    };
  });
}
