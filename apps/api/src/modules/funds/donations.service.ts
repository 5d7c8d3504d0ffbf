import {
  type Actor,
  authorize,
  type CreateDonationRequest,
  type CreatePledgeRequest,
  type DonationDetail,
  type DonationListItem,
  type DonationMethod,
  type DonorKind,
  formatReceiptNumber,
  fullName,
  type ListDonationsQuery,
  type MessageKey,
  messages,
  moneyInWords,
  type PledgeListItem,
  pledgeStatusOf,
  summarizeItems,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { hiddenAs, requireActor } from '../../lib/access';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import { loadHouseholdForRead } from '../households/households.service';
import { findAllTimeDescendants, findUnitInTree, findVersionOfUnit } from '../units/units.repository';
import { assertFundInCampaign, findCampaignFor } from './campaigns.service';
import { recordDonation } from './donations.posting';
import * as repo from './donations.repository';
import * as fundsRepo from './funds.repository';
import { findFundFor, resolveUnit } from './funds.service';
import type { FundRow } from './ledger.repository';
import { reverseEntry, sha256Hex } from './ledger.service';

type Options<T> = { db: Db; ctx: RequestContext } & T;

const DONATION_ROUTE = 'POST /api/donations';

const fieldError = (code: 'bad_request' | 'not_found', key: MessageKey, path: string) =>
  new AppError(code, key, [{ path, message: messages[key].vi, messageEn: messages[key].en }]);

/** Maps a not-found of a fund or campaign to the same answer with the request field it came from. */
async function withField<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found' && !error.fields) {
      throw fieldError('not_found', error.key, path);
    }
    throw error;
  }
}

/**
 * The fund a treasurer posts to: out of the actor's reading scope it is not shown to exist (404),
 * readable without the right to post is 403.
 */
async function fundForPosting(db: Db, ctx: RequestContext, fundId: string) {
  await withField('fundId', () => findFundFor(db, ctx, fundId, 'read'));
  return findFundFor(db, ctx, fundId, 'ledger.post');
}

/** Whose donor names the actor may read: funds of units where the actor manages funds. */
function nameVisibilityOf(actor: Actor): repo.NameVisibility {
  const managing = actor.grants.filter((grant) =>
    authorize({ ...actor, grants: [grant] }, 'funds.write', {
      unitId: grant.unitId ?? '',
      kind: 'ward',
      parentIds: [],
      ancestorIds: [],
    }),
  );
  return {
    all: managing.some((grant) => grant.unitId === null),
    managedUnitIds: managing.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])),
  };
}

async function canManageFundsOf(db: Db, actor: Actor, unitId: string) {
  const tree = await findUnitInTree(db, unitId);
  return Boolean(tree && authorize(actor, 'funds.write', tree));
}

async function loadCampaign(db: Db, fund: FundRow, campaignId: string | null | undefined) {
  if (!campaignId) return null;
  const campaign = await fundsRepo.findCampaign(db, campaignId);
  if (!campaign) throw badRequest('campaigns.not_found', 'campaignId');
  await assertFundInCampaign(db, campaign, fund);
  return campaign;
}

/** A donor from the register: a household within the fund's unit that the actor may read. */
async function resolveDonor(
  db: Db,
  ctx: RequestContext,
  fund: FundRow,
  donor: { kind: DonorKind; name?: string | null; householdId?: string | null },
): Promise<{ name: string | null; householdId: string | null }> {
  if (donor.kind === 'anonymous') return { name: null, householdId: null };
  const typed = donor.name?.trim() || null;
  if (donor.kind !== 'household' || !donor.householdId) return { name: typed, householdId: null };
  const notInRegister = () => badRequest('donations.household_not_found', 'donor.householdId');
  let household: Awaited<ReturnType<typeof loadHouseholdForRead>>['household'];
  try {
    ({ household } = await loadHouseholdForRead(db, ctx, donor.householdId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notInRegister();
    throw error;
  }
  if (household.wardUnitId !== fund.unitId) {
    const below = await findAllTimeDescendants(db, [fund.unitId]);
    if (!below.includes(household.wardUnitId)) throw notInRegister();
  }
  if (typed) return { name: typed, householdId: household.id };
  const head = await repo.findHeadName(db, household.id);
  return { name: head ? fullName(head) : `Hộ ${household.code}`, householdId: household.id };
}

function checkDates(fund: FundRow, receivedOn: string, path: string) {
  if (receivedOn > todayInVietnam()) throw badRequest('donations.received_in_future', path);
  if (receivedOn < fund.openedOn) throw badRequest('funds.before_opening', path);
  if (fund.closedOn && receivedOn >= fund.closedOn) throw badRequest('funds.closed', path);
}

/** Thrown inside the transaction when another request holds the key: its answer is read afterwards. */
class KeyTaken extends Error {}

export type Answer = { statusCode: number; body: unknown };

/**
 * Records a donation: validation, the treasurer's right on the fund, the campaign's fund and receiving
 * period, the household and pledge it names, then the receipt, entry, items and audit in one transaction.
 * With an idempotency key, a retry of the same body by the same user gets the first answer.
 */
export async function createDonation({
  db,
  ctx,
  body,
  idempotencyKey,
}: Options<{ body: CreateDonationRequest; idempotencyKey: string | null }>): Promise<Answer> {
  const actor = requireActor(ctx);
  const requestHash = sha256Hex(JSON.stringify(body));
  const replay = (stored: repo.StoredAnswer): Answer => {
    if (stored.route !== DONATION_ROUTE || stored.requestHash !== requestHash) {
      throw conflict('donations.idempotency_key_reused');
    }
    return { statusCode: stored.statusCode, body: stored.response };
  };
  if (idempotencyKey) {
    const stored = await repo.findIdempotencyKey(db, actor.userId, idempotencyKey);
    if (stored) return replay(stored);
  }

  const fund = await fundForPosting(db, ctx, body.fundId);
  const campaign = await loadCampaign(db, fund, body.campaignId);
  checkDates(fund, body.receivedOn, 'receivedOn');
  if (
    campaign &&
    !campaign.legalBasis?.trim() &&
    (body.receivedOn < campaign.startsOn || body.receivedOn > campaign.receivingEndsOn)
  ) {
    throw badRequest('donations.outside_receiving_period', 'receivedOn');
  }
  if (body.method === 'in_kind' && !campaign)
    throw badRequest('donations.in_kind_needs_campaign', 'campaignId');
  const donor = await resolveDonor(db, ctx, fund, body.donor);
  if (body.pledgeId) {
    const pledge = await repo.findPledge(db, body.pledgeId);
    if (!pledge) throw badRequest('donations.pledge_not_found', 'pledgeId');
    if (pledge.fundId !== fund.id || (pledge.campaignId ?? null) !== (campaign?.id ?? null)) {
      throw badRequest('donations.pledge_mismatch', 'pledgeId');
    }
  }

  try {
    return await db.transaction(async (tx) => {
      if (idempotencyKey) {
        const claimed = await repo.claimIdempotencyKey(tx, {
          userId: actor.userId,
          key: idempotencyKey,
          route: DONATION_ROUTE,
          requestHash,
        });
        if (!claimed) throw new KeyTaken();
      }
      const recorded = await recordDonation(tx, ctx, {
        fund,
        campaign,
        donor: {
          kind: body.donor.kind,
          name: donor.name,
          publishName: body.donor.publishName,
          householdId: donor.householdId,
        },
        method: body.method,
        amount: body.amount,
        items: body.items ?? [],
        receivedOn: body.receivedOn,
        pledgeId: body.pledgeId ?? null,
      });
      const note = body.note?.trim();
      if (note) await repo.setNote(tx, recorded.id, note);
      const answer: Answer = {
        statusCode: 201,
        body: { id: recorded.id, receiptNumber: recorded.receiptNumber },
      };
      if (idempotencyKey) {
        await repo.storeIdempotentAnswer(tx, actor.userId, idempotencyKey, {
          statusCode: answer.statusCode,
          response: answer.body,
        });
      }
      return answer;
    });
  } catch (error) {
    if (!(error instanceof KeyTaken) && !(idempotencyKey && isUniqueViolation(error))) throw error;
    const stored = idempotencyKey ? await repo.findIdempotencyKey(db, actor.userId, idempotencyKey) : null;
    if (!stored) throw error;
    return replay(stored);
  }
}

const methodOf = (value: string) => value as DonationMethod;
const donorKindOf = (value: string) => value as DonorKind;

function presentListRow(row: repo.DonationListRow, items: repo.ItemRow[]): DonationListItem {
  return {
    id: row.id,
    receiptNumber: formatReceiptNumber(Number(row.receipt_year), Number(row.receipt_no)),
    receivedOn: row.received_on,
    fundId: row.fund_id,
    fundName: row.fund_name,
    campaignId: row.campaign_id,
    campaignCode: row.campaign_code,
    donorKind: donorKindOf(row.donor_kind),
    donorName: row.name_visible || row.publish_name ? row.donor_name : null,
    publishName: row.publish_name,
    method: methodOf(row.method),
    amount: Number(row.amount),
    itemsSummary: summarizeItems(items),
    status: row.cancelled ? 'cancelled' : 'recorded',
    entryId: row.entry_id,
    pledgeId: row.pledge_id,
  };
}

export async function listDonations({ db, ctx, query }: Options<{ query: ListDonationsQuery }>) {
  const actor = requireActor(ctx);
  const filter: repo.DonationFilter = {
    from: query.from,
    to: query.to,
    q: query.q,
    status: query.status,
  };
  // The first scope given decides what may be read; the others only narrow it.
  if (query.fund) {
    filter.fundId = (await findFundFor(db, ctx, query.fund, 'read')).id;
  }
  if (query.unit) {
    const unit = await resolveUnit(db, ctx, query.unit, query.at ?? todayInVietnam(), 'read');
    filter.unitId = unit.unitId;
  }
  if (query.campaign) {
    if (filter.fundId || filter.unitId) {
      const campaign = await fundsRepo.findCampaign(db, query.campaign);
      if (!campaign) throw notFound('campaigns.not_found');
      filter.campaignId = campaign.id;
    } else {
      filter.campaignId = (await findCampaignFor(db, ctx, query.campaign, 'read')).id;
    }
  }
  const page = await repo.listDonations(db, filter, nameVisibilityOf(actor), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = await repo.listItems(
    db,
    page.rows.filter((row) => row.method === 'in_kind').map((row) => row.id),
  );
  return {
    items: page.rows.map((row) => presentListRow(row, items.get(row.id) ?? [])),
    total: page.total,
    amount: page.amount,
  };
}

/** A donation the actor may read (its fund's unit in reading scope), else 404. */
async function loadDonation(db: Db, ctx: RequestContext, id: string, action: 'read' | 'ledger.post') {
  const donation = await repo.findDonation(db, id);
  if (!donation) throw notFound('donations.not_found');
  await hiddenAs('donations.not_found', findFundFor(db, ctx, donation.fundId, 'read'));
  if (action !== 'read') await findFundFor(db, ctx, donation.fundId, action);
  return donation;
}

export async function getDonation({
  db,
  ctx,
  id,
  publicUrl,
}: Options<{ id: string; publicUrl: string }>): Promise<DonationDetail> {
  const actor = requireActor(ctx);
  const donation = await loadDonation(db, ctx, id, 'read');
  const tree = await findUnitInTree(db, donation.fundUnitId);
  const [items, unit, canSeeName] = await Promise.all([
    repo.listItems(db, [donation.id]),
    findVersionOfUnit(db, donation.fundUnitId, donation.receivedOn),
    canManageFundsOf(db, actor, donation.fundUnitId),
  ]);
  const lines = items.get(donation.id) ?? [];
  const cancelled = donation.cancelReason !== null;
  return {
    id: donation.id,
    receiptNumber: formatReceiptNumber(donation.receiptYear, donation.receiptNo),
    receiptYear: donation.receiptYear,
    receiptNo: donation.receiptNo,
    receivedOn: donation.receivedOn,
    fundId: donation.fundId,
    fundName: donation.fundName,
    unitCode: unit?.code ?? '',
    unitName: unit?.name ?? '',
    campaignId: donation.campaignId,
    campaignCode: donation.campaignCode,
    campaignName: donation.campaignName,
    donorKind: donorKindOf(donation.donorKind),
    donorName: canSeeName || donation.publishName ? donation.donorName : null,
    publishName: donation.publishName,
    householdId: canSeeName ? donation.householdId : null,
    method: methodOf(donation.method),
    amount: donation.amount,
    amountInWords: moneyInWords(donation.amount),
    items: lines,
    itemsSummary: summarizeItems(lines),
    note: canSeeName ? donation.note : null,
    status: cancelled ? 'cancelled' : 'recorded',
    entryId: donation.entryId,
    entrySeq: donation.entrySeq,
    entryHash: donation.entryHash,
    verifyUrl: `${publicUrl}/cong-khai/but-toan/${donation.entryId}`,
    pledgeId: donation.pledgeId,
    cancelReason: donation.cancelReason,
    cancelledOn: donation.cancelledOn,
    createdAt: donation.createdAt.toISOString(),
    canCancel: !cancelled && Boolean(tree && authorize(actor, 'ledger.post', tree)),
  };
}

/** Cancels a donation by reversing its entry; the receipt number stays used and shows as cancelled. */
export async function cancelDonation({
  db,
  ctx,
  id,
  reason,
  entryDate,
}: Options<{ id: string; reason: string; entryDate?: string }>) {
  const donation = await loadDonation(db, ctx, id, 'ledger.post');
  if (donation.cancelReason !== null) throw conflict('donations.already_cancelled');
  try {
    return await db.transaction(async (tx) => {
      const reversal = await reverseEntry(tx, ctx, { entryId: donation.entryId, reason, entryDate });
      await recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'donation',
        entityId: donation.id,
        unitId: donation.fundUnitId,
        before: { status: 'recorded' },
        after: {
          status: 'cancelled',
          receipt: formatReceiptNumber(donation.receiptYear, donation.receiptNo),
          reason,
          reversalEntryId: reversal.id,
        },
      });
      return {
        id: donation.id,
        status: 'cancelled' as const,
        reversalEntryId: reversal.id,
        reversalSeq: reversal.seq,
      };
    });
  } catch (error) {
    // Two cancellations at once: the database keeps the first reversal.
    if (isUniqueViolation(error)) throw conflict('donations.already_cancelled');
    if (error instanceof AppError && error.key === 'ledger.already_reversed') {
      throw conflict('donations.already_cancelled');
    }
    throw error;
  }
}

// Pledges

export async function createPledge({ db, ctx, body }: Options<{ body: CreatePledgeRequest }>) {
  const fund = await fundForPosting(db, ctx, body.fundId);
  const campaign = await loadCampaign(db, fund, body.campaignId);
  if (body.pledgedOn < fund.openedOn) throw badRequest('funds.before_opening', 'pledgedOn');
  const donor = await resolveDonor(db, ctx, fund, body.donor);
  return db.transaction(async (tx) => {
    const id = await repo.insertPledge(tx, {
      fundId: fund.id,
      campaignId: campaign?.id ?? null,
      donorKind: body.donor.kind,
      donorName: donor.name,
      householdId: donor.householdId,
      amount: body.amount,
      pledgedOn: body.pledgedOn,
      dueOn: body.dueOn ?? null,
    });
    // The donor's name is personal data: the audit trail keeps the promise, not who made it.
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'pledge',
      entityId: id,
      unitId: fund.unitId,
      after: {
        fundId: fund.id,
        campaignId: campaign?.id ?? null,
        donorKind: body.donor.kind,
        amount: body.amount,
        pledgedOn: body.pledgedOn,
        dueOn: body.dueOn ?? null,
      },
    });
    return id;
  });
}

export async function listPledges({
  db,
  ctx,
  fund,
  campaign,
}: Options<{ fund?: string; campaign?: string }>): Promise<PledgeListItem[]> {
  const actor = requireActor(ctx);
  const filter: { fundId?: string; campaignId?: string } = {};
  if (fund) filter.fundId = (await findFundFor(db, ctx, fund, 'read')).id;
  if (campaign) {
    if (filter.fundId) {
      const found = await fundsRepo.findCampaign(db, campaign);
      if (!found) throw notFound('campaigns.not_found');
      filter.campaignId = found.id;
    } else {
      filter.campaignId = (await findCampaignFor(db, ctx, campaign, 'read')).id;
    }
  }
  const today = todayInVietnam();
  const rows = await repo.listPledges(db, filter, nameVisibilityOf(actor));
  return rows.map((row) => {
    const amount = Number(row.amount);
    const fulfilled = Number(row.fulfilled);
    return {
      id: row.id,
      fundId: row.fund_id,
      fundName: row.fund_name,
      campaignId: row.campaign_id,
      campaignCode: row.campaign_code,
      donorKind: donorKindOf(row.donor_kind),
      donorName: row.name_visible ? row.donor_name : null,
      householdId: row.name_visible ? row.household_id : null,
      amount,
      pledgedOn: row.pledged_on,
      dueOn: row.due_on,
      fulfilled,
      remaining: Math.max(0, amount - fulfilled),
      donations: Number(row.donations),
      status: pledgeStatusOf({ amount, fulfilled, dueOn: row.due_on }, today),
    };
  });
}
