import { formatReceiptNumber, type LedgerLine } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { donationItems, donations, stockMovements } from '../../db/schema/index';
import { badRequest } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import type { CampaignRow } from './funds.repository';
import { type FundRow, lockFund } from './ledger.repository';
import { detailDigest, postEntry } from './ledger.service';

export type DonorKind = 'person' | 'household' | 'organisation' | 'company' | 'anonymous';
export type DonationMethod = 'cash' | 'bank' | 'in_kind';
export type DonatedItem = { item: string; name: string; quantity: number; value: number };

export type RecordDonationInput = {
  fund: FundRow;
  campaign: CampaignRow | null;
  donor: { kind: DonorKind; name: string | null; publishName: boolean; householdId?: string | null };
  method: DonationMethod;
  /** Whole đồng; for a donation in kind, the items' value (it must equal their sum). */
  amount: number;
  items?: readonly DonatedItem[];
  receivedOn: string;
  pledgeId?: string | null;
  bankLineId?: string | null;
};

export type RecordedDonation = {
  id: string;
  entryId: string;
  receiptYear: number;
  receiptNo: number;
  receiptNumber: string;
};

/** The public memo of a donation's entry: how it came and under which campaign, never who gave. */
export const donationMemo = (method: DonationMethod, campaign: { code: string } | null) => {
  const how = { cash: 'bằng tiền mặt', bank: 'qua chuyển khoản', in_kind: 'bằng hiện vật' }[method];
  return campaign ? `Tiếp nhận ủng hộ ${how} — ${campaign.code}` : `Tiếp nhận ủng hộ ${how}`;
};

/** The next receipt number of the fund for the year; the fund is locked, so numbers never repeat or skip. */
async function nextReceiptNo(tx: Db, fundId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ last_no: number }>(
    tx,
    sql`INSERT INTO receipt_counters AS c (fund_id, year, last_no) VALUES (${fundId}, ${year}, 1)
        ON CONFLICT (fund_id, year) DO UPDATE SET last_no = c.last_no + 1 RETURNING last_no`,
  );
  if (!row) throw new Error('receipt counter not updated');
  return Number(row.last_no);
}

/**
 * Records a donation: its receipt number, its ledger entry (committing to the private details by
 * a salted digest), its items and their entry into the campaign's stock, and the audit event.
 * Call inside a transaction, after validation and authorization.
 */
export async function recordDonation(
  tx: Db,
  ctx: RequestContext,
  input: RecordDonationInput,
): Promise<RecordedDonation> {
  // One key order for the items, so the digest can be rebuilt from the stored rows.
  const items = (input.items ?? []).map(({ item, name, quantity, value }) => ({
    item,
    name,
    quantity,
    value,
  }));
  if (input.method === 'in_kind') {
    if (items.length === 0) throw badRequest('donations.items_required', 'items');
    if (!input.campaign) throw badRequest('donations.in_kind_needs_campaign', 'campaignId');
    const total = items.reduce((sum, item) => sum + item.value, 0);
    if (total !== input.amount) throw badRequest('donations.items_total', 'amount');
  } else if (items.length > 0) {
    throw badRequest('donations.items_only_in_kind', 'items');
  }
  await lockFund(tx, input.fund.id);
  const receiptYear = Number(input.receivedOn.slice(0, 4));
  const receiptNo = await nextReceiptNo(tx, input.fund.id, receiptYear);
  const details = {
    receipt: formatReceiptNumber(receiptYear, receiptNo),
    donor: { kind: input.donor.kind, name: input.donor.name, householdId: input.donor.householdId ?? null },
    method: input.method,
    amount: input.amount,
    items,
    receivedOn: input.receivedOn,
  };
  const { salt, digest } = detailDigest(details);
  const lines: LedgerLine[] =
    input.method === 'in_kind'
      ? [
          { account: 'goods', amount: input.amount },
          { account: 'donations_in_kind', amount: -input.amount },
        ]
      : [
          { account: input.method === 'cash' ? 'cash' : 'bank', amount: input.amount },
          { account: 'donations', amount: -input.amount },
        ];
  const entry = await postEntry(tx, ctx, {
    fundId: input.fund.id,
    entryDate: input.receivedOn,
    kind: 'donation',
    campaignId: input.campaign?.id ?? null,
    memo: donationMemo(input.method, input.campaign),
    lines,
    detailDigest: digest,
  });
  const [row] = await tx
    .insert(donations)
    .values({
      fundId: input.fund.id,
      campaignId: input.campaign?.id ?? null,
      entryId: entry.id,
      receiptYear,
      receiptNo,
      donorKind: input.donor.kind,
      donorName: input.donor.kind === 'anonymous' ? null : input.donor.name,
      householdId: input.donor.householdId ?? null,
      publishName: input.donor.kind === 'anonymous' ? false : input.donor.publishName,
      method: input.method,
      amount: input.amount,
      receivedOn: input.receivedOn,
      pledgeId: input.pledgeId ?? null,
      bankLineId: input.bankLineId ?? null,
      detailSalt: salt,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: donations.id });
  if (!row) throw new Error('donation not inserted');
  if (items.length > 0) {
    await tx
      .insert(donationItems)
      .values(items.map((item, index) => ({ donationId: row.id, lineNo: index + 1, ...item })));
    const campaignId = input.campaign?.id;
    if (campaignId) {
      await tx.insert(stockMovements).values(
        items.map((item) => ({
          campaignId,
          item: item.item,
          name: item.name,
          quantity: item.quantity,
          value: item.value,
          movedOn: input.receivedOn,
          donationId: row.id,
          entryId: entry.id,
        })),
      );
    }
  }
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'donation',
    entityId: row.id,
    unitId: input.fund.unitId,
    // The donor's name is personal data: the audit trail keeps what was received, not from whom.
    after: {
      fundId: input.fund.id,
      campaignId: input.campaign?.id ?? null,
      receipt: details.receipt,
      method: input.method,
      amount: input.amount,
      donorKind: input.donor.kind,
      items,
    },
  });
  return {
    id: row.id,
    entryId: entry.id,
    receiptYear,
    receiptNo,
    receiptNumber: details.receipt,
  };
}

/** The details a donation's entry committed to, rebuilt from the donation (to check its digest). */
export const donationDetails = (donation: {
  receiptYear: number;
  receiptNo: number;
  donorKind: string;
  donorName: string | null;
  householdId: string | null;
  method: string;
  amount: number;
  receivedOn: string;
  items: readonly DonatedItem[];
}) => ({
  receipt: formatReceiptNumber(donation.receiptYear, donation.receiptNo),
  donor: { kind: donation.donorKind, name: donation.donorName, householdId: donation.householdId },
  method: donation.method,
  amount: donation.amount,
  items: donation.items,
  receivedOn: donation.receivedOn,
});
