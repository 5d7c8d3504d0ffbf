import {
  type EntryKind,
  type FundKind,
  formatReceiptNumber,
  GENESIS_HASH,
  isDisclosureLate,
  type PublicCampaignListItem,
  type PublicCampaignResponse,
  type PublicChainHead,
  type PublicDonation,
  type PublicEntryResponse,
  type PublicFundResponse,
  type PublicVietQr,
  publicDonorName,
  summarizeLines,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/app-error';
import {
  findAllTimeDescendants,
  findLatestVersions,
  findVersionByCode,
  findVersionOfUnit,
} from '../units/units.repository';
import { campaignVietQr } from './bank.service';
import { donationDetails } from './donations.posting';
import * as fundsRepo from './funds.repository';
import { monthlyTotals } from './funds.service';
import * as ledgerRepo from './ledger.repository';
import { checkDetailDigest, entryHash } from './ledger.service';
import { distributionsByWard } from './programs.repository';
import * as repo from './public.repository';
import { campaignStock } from './stock.repository';

/** How many donations a public page lists; the CSV has them all. */
export const LATEST_DONATIONS = 100;
const CAMPAIGN_LIST_LIMIT = 500;

const isNamed = (publishName: boolean, name: string | null) => Boolean(publishName && name?.trim());

const percentOf = (raised: number, target: number | null) =>
  target ? Math.round((raised / target) * 1000) / 10 : null;

export const entriesCsvPath = (fundId: string) => `/api/public/funds/${fundId}/entries.csv`;
export const fundDonationsCsvPath = (fundId: string) => `/api/public/funds/${fundId}/donations.csv`;
export const campaignDonationsCsvPath = (code: string) =>
  `/api/public/campaigns/${encodeURIComponent(code)}/donations.csv`;

/** The unit's name on a date, or its latest name when it did not exist then. */
async function unitNamed(db: Db, unitId: string, at: string) {
  const version =
    (await findVersionOfUnit(db, unitId, at)) ?? (await findLatestVersions(db, [unitId])).get(unitId) ?? null;
  return { code: version?.code ?? '', name: version?.name ?? '' };
}

export async function findPublicCampaign(db: Db, code: string) {
  const campaign = await fundsRepo.findCampaignByCode(db, code);
  if (!campaign) throw notFound('public.campaign_not_found');
  return campaign;
}

export async function findPublicFund(db: Db, id: string) {
  const fund = await ledgerRepo.findFund(db, id);
  if (!fund) throw notFound('public.fund_not_found');
  return fund;
}

async function withItems(db: Db, rows: repo.PublicDonationRow[]): Promise<PublicDonation[]> {
  const items = await repo.donationItemsOf(
    db,
    rows.filter((row) => row.method === 'in_kind').map((row) => row.id),
  );
  return rows.map((row) => ({
    date: row.receivedOn,
    receiptNumber: formatReceiptNumber(row.receiptYear, row.receiptNo),
    donor: publicDonorName({ publishName: row.publishName, name: row.publicName }),
    named: isNamed(row.publishName, row.publicName),
    method: row.method,
    amount: row.amount,
    items: items
      .filter((item) => item.donationId === row.id)
      .map(({ item, name, quantity, value }) => ({ item, name, quantity, value })),
  }));
}

const presentDisclosures = (rows: repo.DisclosureRow[], today: string) =>
  rows.map((row) => ({ ...row, late: isDisclosureLate(row.dueOn, row.publishedOn, today) }));

async function chainHead(
  db: Db,
  fund: { id: string; name: string; unitId: string },
  at: string,
): Promise<PublicChainHead> {
  const [head, unit] = await Promise.all([ledgerRepo.findHead(db, fund.id), unitNamed(db, fund.unitId, at)]);
  return {
    fundId: fund.id,
    fundName: fund.name,
    unitName: unit.name,
    headHash: head?.hash ?? GENESIS_HASH,
    // Sequence numbers run 1, 2, 3… without gaps: the head's is the number of entries.
    entries: head?.seq ?? 0,
    entriesCsv: entriesCsvPath(fund.id),
  };
}

async function vietQrOf(db: Db, campaign: fundsRepo.CampaignRow): Promise<PublicVietQr | null> {
  try {
    return await campaignVietQr(db, campaign);
  } catch (error) {
    // A fund without a bank account in use takes cash only: the page shows no code.
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** What a campaign's public page shows; names only of donors who agreed, no beneficiary at all. */
export async function getPublicCampaign({
  db,
  code,
}: {
  db: Db;
  code: string;
}): Promise<PublicCampaignResponse> {
  const campaign = await findPublicCampaign(db, code);
  const today = todayInVietnam();
  const [mainFund, totals, months, latest, donationCount, funds, distributions, stock, disclosures, vietQr] =
    await Promise.all([
      findPublicFund(db, campaign.fundId),
      repo.campaignAccountTotals(db, campaign.id),
      monthlyTotals(db, { fundIds: [], campaignId: campaign.id }),
      repo.latestDonations(db, { campaignId: campaign.id }, LATEST_DONATIONS),
      repo.campaignDonationCount(db, campaign.id),
      repo.campaignFunds(db, campaign.id),
      distributionsByWard(db, { campaignId: campaign.id }),
      campaignStock(db, campaign.id),
      repo.campaignDisclosures(db, campaign.id),
      vietQrOf(db, campaign),
    ]);
  const unit = await unitNamed(db, campaign.unitId, campaign.startsOn);
  const others = funds.filter((fund) => fund.id !== mainFund.id);
  const heads = await Promise.all(
    [mainFund, ...others].map((fund) => chainHead(db, fund, campaign.startsOn)),
  );
  const main = heads[0] as PublicChainHead;
  const sums = summarizeLines(totals);
  const raised = -totals
    .filter((row) => row.account === 'donations' || row.account === 'donations_in_kind')
    .reduce((sum, row) => sum + row.amount, 0);
  const targetAmount = campaign.targetAmount === null ? null : Number(campaign.targetAmount);
  return {
    code: campaign.code,
    name: campaign.name,
    fundId: mainFund.id,
    fundName: mainFund.name,
    unitCode: unit.code,
    unitName: unit.name,
    startsOn: campaign.startsOn,
    receivingEndsOn: campaign.receivingEndsOn,
    distributionEndsOn: campaign.distributionEndsOn,
    targetAmount,
    targetItems: campaign.targetItems ?? [],
    raised,
    percent: percentOf(raised, targetAmount),
    ...sums,
    months,
    donations: await withItems(db, latest),
    donationCount,
    distributions: distributions.map(({ wardCode, wardName, count, amount }) => ({
      wardCode,
      wardName,
      count,
      amount,
    })),
    stock: stock.map((line) => ({
      item: line.item,
      name: line.name,
      received: line.received,
      given: line.given,
      remaining: line.remaining,
      receivedValue: line.valueReceived,
      givenValue: line.valueGiven,
    })),
    disclosures: presentDisclosures(disclosures, today),
    headHash: main.headHash,
    entries: main.entries,
    heads,
    vietQr,
    links: { entriesCsv: main.entriesCsv, donationsCsv: campaignDonationsCsvPath(campaign.code) },
  };
}

/** What a fund's public page shows: totals and months from the kept day totals, reads by index only. */
export async function getPublicFund({ db, id }: { db: Db; id: string }): Promise<PublicFundResponse> {
  const fund = await findPublicFund(db, id);
  const today = todayInVietnam();
  const at = fund.closedOn ?? today;
  const [totals, months, latest, donationCount, distributions, disclosures, campaigns, head] =
    await Promise.all([
      ledgerRepo.accountTotals(db, { fundIds: [fund.id] }),
      monthlyTotals(db, { fundIds: [fund.id] }),
      repo.latestDonations(db, { fundId: fund.id }, LATEST_DONATIONS),
      repo.fundDonationCount(db, fund.id),
      distributionsByWard(db, { fundId: fund.id }),
      repo.fundDisclosures(db, fund.id),
      repo.fundCampaigns(db, fund.id),
      chainHead(db, fund, at),
    ]);
  const unit = await unitNamed(db, fund.unitId, at);
  return {
    id: fund.id,
    name: fund.name,
    kind: fund.kind as FundKind,
    unitCode: unit.code,
    unitName: unit.name,
    openedOn: fund.openedOn,
    closedOn: fund.closedOn,
    ...summarizeLines(totals),
    months,
    donations: await withItems(db, latest),
    donationCount,
    distributions: distributions.map(({ wardCode, wardName, count, amount }) => ({
      wardCode,
      wardName,
      count,
      amount,
    })),
    disclosures: presentDisclosures(disclosures, today),
    headHash: head.headHash,
    entries: head.entries,
    heads: [head],
    campaigns,
    links: { entriesCsv: head.entriesCsv, donationsCsv: fundDonationsCsvPath(fund.id) },
  };
}

/**
 * The entry behind a receipt's QR code, and whether it is intact: its hash recomputes from its
 * content and the previous hash, which is the previous entry's, and the next entry links to it.
 */
export async function getPublicEntry({ db, id }: { db: Db; id: string }): Promise<PublicEntryResponse> {
  const entry = await ledgerRepo.findEntry(db, id);
  if (!entry) throw notFound('public.entry_not_found');
  const [fund, links, donation, campaign] = await Promise.all([
    findPublicFund(db, entry.fundId),
    repo.neighbours(db, entry.fundId, entry.seq),
    repo.donationOfEntry(db, entry.id),
    entry.campaignId ? fundsRepo.findCampaign(db, entry.campaignId) : Promise.resolve(null),
  ]);
  const unit = await unitNamed(db, fund.unitId, entry.entryDate);
  const recomputed = entryHash(entry.prevHash, {
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
  const expectedPrev = entry.seq === 1 ? GENESIS_HASH : (links.previous?.hash ?? null);
  const verified =
    recomputed === entry.hash &&
    expectedPrev === entry.prevHash &&
    (links.next === null || links.next.prevHash === entry.hash);
  const totals = summarizeLines(entry.lines);
  let publicDonation: PublicEntryResponse['donation'] = null;
  if (donation) {
    const items = (await repo.donationItemsOf(db, [donation.id])).map(({ item, name, quantity, value }) => ({
      item,
      name,
      quantity,
      value,
    }));
    const detailsMatch =
      entry.detailDigest !== null &&
      checkDetailDigest(donation.detailSalt, donationDetails({ ...donation, items }), entry.detailDigest);
    publicDonation = {
      receiptNumber: formatReceiptNumber(donation.receiptYear, donation.receiptNo),
      amount: donation.amount,
      date: donation.receivedOn,
      donor: publicDonorName({ publishName: donation.publishName, name: donation.donorName }),
      named: isNamed(donation.publishName, donation.donorName),
      method: donation.method,
      items,
      cancelled: entry.reversedBySeq !== null,
      detailsMatch,
    };
  }
  return {
    id: entry.id,
    fundId: fund.id,
    fundName: fund.name,
    unitName: unit.name,
    campaign: campaign ? { code: campaign.code, name: campaign.name } : null,
    seq: entry.seq,
    entryDate: entry.entryDate,
    kind: entry.kind as EntryKind,
    memo: entry.memo,
    reversesSeq: entry.reversesSeq,
    reversedBySeq: entry.reversedBySeq,
    reason: entry.reason,
    lines: entry.lines,
    income: totals.income,
    spending: totals.spending,
    hash: entry.hash,
    prevHash: entry.prevHash,
    verified,
    donation: publicDonation,
  };
}

/** Campaigns of a unit and of every unit ever below it (all without a unit), newest first. */
export async function listPublicCampaigns({
  db,
  unit,
  at,
}: {
  db: Db;
  unit?: string;
  at?: string;
}): Promise<PublicCampaignListItem[]> {
  let unitIds: string[] | null = null;
  if (unit) {
    const unitId = at
      ? ((await findVersionByCode(db, unit, at))?.unitId ?? null)
      : await repo.unitIdByLatestCode(db, unit);
    if (!unitId) throw notFound('public.unit_not_found');
    unitIds = await findAllTimeDescendants(db, [unitId]);
  }
  const rows = await repo.listPublicCampaigns(db, unitIds, CAMPAIGN_LIST_LIMIT);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    unitCode: row.unitCode ?? '',
    unitName: row.unitName ?? '',
    startsOn: row.startsOn,
    receivingEndsOn: row.receivingEndsOn,
    distributionEndsOn: row.distributionEndsOn,
    raised: row.raised,
    target: row.target,
    percent: percentOf(row.raised, row.target),
  }));
}

// CSV downloads: UTF-8 with a byte order mark so that Excel reads Vietnamese; RFC 4180 quoting.

const CSV_BATCH = 2_000;
const BOM = '\uFEFF';

const csvField = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csvRow = (fields: ReadonlyArray<string | number | null>) => `${fields.map(csvField).join(',')}\r\n`;

/** The fields of canonicalEntry, in its order, then the chain: enough to recompute every hash. */
export const ENTRY_CSV_COLUMNS = [
  'fund_id',
  'seq',
  'entry_date',
  'kind',
  'campaign_id',
  'memo',
  'reverses_seq',
  'reason',
  'detail_digest',
  'lines',
  'prev_hash',
  'hash',
] as const;

/** Every entry of a fund in order, read in batches by the unique (fund_id, seq) index. */
export async function* entriesCsv(db: Db, fundId: string, batchSize = CSV_BATCH): AsyncGenerator<string> {
  yield BOM + csvRow(ENTRY_CSV_COLUMNS);
  let fromSeq = 1;
  for (;;) {
    const batch = await ledgerRepo.listEntriesFrom(db, fundId, fromSeq, batchSize);
    let chunk = '';
    for (const entry of batch) {
      chunk += csvRow([
        entry.fundId,
        entry.seq,
        entry.entryDate,
        entry.kind,
        entry.campaignId,
        entry.memo,
        entry.reversesSeq,
        entry.reason,
        entry.detailDigest,
        entry.lines.map((line) => `${line.account}:${line.amount}`).join(';'),
        entry.prevHash,
        entry.hash,
      ]);
    }
    if (chunk) yield chunk;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    fromSeq = last.seq + 1;
  }
}

export const DONATION_CSV_COLUMNS = [
  'date',
  'receipt_number',
  'donor',
  'method',
  'amount',
  'items',
  'fund_id',
  'entry_seq',
  'entry_hash',
] as const;

const methodLabels = { cash: 'Tiền mặt', bank: 'Chuyển khoản', in_kind: 'Hiện vật' } as const;

/** A spreadsheet would run a name starting like a formula; a quote makes it text. */
const asText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Donations that stand, in date order: what each gave, under which receipt and ledger entry. */
export async function* donationsCsv(
  db: Db,
  scope: repo.DonationScope,
  batchSize = CSV_BATCH,
): AsyncGenerator<string> {
  yield BOM + csvRow(DONATION_CSV_COLUMNS);
  let after: repo.DonationCursor | null = null;
  for (;;) {
    const batch = await repo.donationsAfter(db, scope, after, batchSize);
    const donations = await withItems(db, batch);
    let chunk = '';
    for (const [index, donation] of donations.entries()) {
      const row = batch[index] as repo.PublicDonationRow;
      chunk += csvRow([
        donation.date,
        donation.receiptNumber,
        asText(donation.donor),
        methodLabels[donation.method],
        donation.amount,
        donation.items.map((item) => `${item.name} ×${item.quantity} = ${item.value}`).join('; '),
        row.fundId,
        row.entrySeq,
        row.entryHash,
      ]);
    }
    if (chunk) yield chunk;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = {
      receivedOn: last.receivedOn,
      fundId: last.fundId,
      receiptYear: last.receiptYear,
      receiptNo: last.receiptNo,
    };
  }
}
