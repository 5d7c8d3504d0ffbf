// Contracts of donations, pledges and receipts.
import { z } from 'zod';
import { IsoDate, UnitCode, Uuid } from '../common/schemas';
import { Money, MoneyOrZero } from './contracts';

export const donorKinds = ['person', 'household', 'organisation', 'company', 'anonymous'] as const;
export const DonorKind = z.enum(donorKinds).meta({
  description:
    'person: cá nhân; household: hộ gia đình trong sổ hộ; organisation: cơ quan, tổ chức; company: doanh nghiệp; anonymous: nhà hảo tâm không nêu tên',
});
export type DonorKind = z.infer<typeof DonorKind>;

export const donationMethods = ['cash', 'bank', 'in_kind'] as const;
export const DonationMethod = z.enum(donationMethods).meta({
  description: 'cash: tiền mặt; bank: chuyển khoản; in_kind: hiện vật',
});
export type DonationMethod = z.infer<typeof DonationMethod>;

export const donationStatuses = ['recorded', 'cancelled'] as const;
export const DonationStatus = z.enum(donationStatuses).meta({
  description: 'cancelled: its ledger entry was reversed (the receipt number stays used)',
});
export type DonationStatus = z.infer<typeof DonationStatus>;

/** A name typed for a donor: optional here, required by kind (see donorProblems). */
const DonorName = z
  .string()
  .trim()
  .max(200)
  .transform((value) => value.replace(/\s+/g, ' ').normalize('NFC'))
  .nullish();

export const DonatedItemInput = z.object({
  item: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .meta({ description: 'Item code, the same across donations, targets and stock', example: 'computer' }),
  name: z
    .string()
    .trim()
    .min(1, { error: 'name.blank' })
    .max(200)
    .transform((value) => value.replace(/\s+/g, ' ').normalize('NFC'))
    .meta({ example: 'Máy tính' }),
  quantity: z
    .number({ error: 'donations.quantity' })
    .int({ error: 'donations.quantity' })
    .positive({ error: 'donations.quantity' })
    .max(10_000_000, { error: 'donations.quantity' }),
  value: MoneyOrZero.meta({ description: 'Total value of the line in đồng (not per unit)' }),
});
export type DonatedItemInput = z.infer<typeof DonatedItemInput>;

export const DonorInput = z.object({
  kind: DonorKind,
  name: DonorName.meta({
    description: 'Required for a person, organisation or company; a household defaults to its head',
  }),
  publishName: z
    .boolean()
    .default(false)
    .meta({ description: 'The donor agrees that the name is published (else "Nhà hảo tâm")' }),
  householdId: Uuid.nullish().meta({ description: 'For kind "household": a household of the register' }),
});

type DonorShape = { kind: DonorKind; name?: string | null; householdId?: string | null };
type Problem = { path: string[]; key: string };

/** What is wrong with a donor by its kind (name, household). */
export function donorProblems(donor: DonorShape, prefix: string[] = ['donor']): Problem[] {
  const problems: Problem[] = [];
  const hasName = Boolean(donor.name?.trim());
  if ((donor.kind === 'person' || donor.kind === 'organisation' || donor.kind === 'company') && !hasName) {
    problems.push({ path: [...prefix, 'name'], key: 'donations.donor_name_required' });
  }
  if (donor.kind === 'household' && !donor.householdId) {
    problems.push({ path: [...prefix, 'householdId'], key: 'donations.household_required' });
  }
  if (donor.kind !== 'household' && donor.householdId) {
    problems.push({ path: [...prefix, 'householdId'], key: 'donations.household_only' });
  }
  return problems;
}

/** What is wrong with a donation's items for its method and amount. */
export function itemProblems(donation: {
  method: DonationMethod;
  amount: number;
  items?: readonly { value: number }[] | null;
}): Problem[] {
  const items = donation.items ?? [];
  if (donation.method !== 'in_kind') {
    return items.length > 0 ? [{ path: ['items'], key: 'donations.items_only_in_kind' }] : [];
  }
  if (items.length === 0) return [{ path: ['items'], key: 'donations.items_required' }];
  const total = items.reduce((sum, item) => sum + item.value, 0);
  return total === donation.amount ? [] : [{ path: ['amount'], key: 'donations.items_total' }];
}

export const CreateDonationRequest = z
  .object({
    fundId: Uuid,
    campaignId: Uuid.nullish(),
    donor: DonorInput,
    method: DonationMethod,
    amount: Money.meta({ description: 'Whole đồng; for items, the sum of their values' }),
    items: z.array(DonatedItemInput).max(50).nullish(),
    receivedOn: IsoDate,
    pledgeId: Uuid.nullish().meta({
      description: 'The pledge this donation fulfils (same fund and campaign)',
    }),
    note: z.string().trim().max(500).nullish().meta({ description: 'Private note, not published' }),
  })
  .superRefine((value, ctx) => {
    for (const problem of [...donorProblems(value.donor), ...itemProblems(value)]) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.key });
    }
  });
export type CreateDonationRequest = z.infer<typeof CreateDonationRequest>;
export type CreateDonationInput = z.input<typeof CreateDonationRequest>;
export const CreateDonationResponse = z.object({
  id: Uuid,
  receiptNumber: z.string().meta({ example: '000123/2021' }),
});
export type CreateDonationResponse = z.infer<typeof CreateDonationResponse>;

/** Idempotency-Key: 1–200 visible ASCII characters (no spaces). */
export const isIdempotencyKey = (value: string) => /^[\x21-\x7e]{1,200}$/.test(value);

const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const ListDonationsQuery = z
  .object({
    fund: Uuid.optional(),
    campaign: Uuid.optional(),
    unit: UnitCode.optional().meta({
      description: 'Donations to the funds of the unit and the units below it',
    }),
    at: IsoDate.optional().meta({ description: 'The date the unit code is read on (default: today)' }),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: 'Receipt number or donor name, without diacritics' }),
    status: DonationStatus.optional(),
    ...pageFields,
  })
  .refine((query) => Boolean(query.fund || query.campaign || query.unit), {
    error: 'donations.list_scope',
    path: ['unit'],
  });
export type ListDonationsQuery = z.infer<typeof ListDonationsQuery>;

export const DonatedItem = z.object({
  item: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  value: z.number().int(),
});
export type DonatedItem = z.infer<typeof DonatedItem>;

export const DonationListItem = z.object({
  id: Uuid,
  receiptNumber: z.string(),
  receivedOn: IsoDate,
  fundId: Uuid,
  fundName: z.string(),
  campaignId: Uuid.nullable(),
  campaignCode: z.string().nullable(),
  donorKind: DonorKind,
  donorName: z.string().nullable().meta({
    description: 'Null for an anonymous donor, or when the reader may not see it and it is not published',
  }),
  publishName: z.boolean(),
  method: DonationMethod,
  amount: z.number().int(),
  itemsSummary: z.string().nullable().meta({ example: '20 Máy tính, 27 Máy tính bảng' }),
  status: DonationStatus,
  entryId: Uuid,
  pledgeId: Uuid.nullable(),
});
export type DonationListItem = z.infer<typeof DonationListItem>;
export const ListDonationsResponse = z.object({
  items: z.array(DonationListItem),
  total: z.number().int(),
  amount: z.number().int().meta({ description: 'Sum of the recorded (not cancelled) donations listed' }),
});
export type ListDonationsResponse = z.infer<typeof ListDonationsResponse>;

export const DonationParams = z.object({ id: Uuid });

export const DonationDetail = DonationListItem.extend({
  receiptYear: z.number().int(),
  receiptNo: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  campaignName: z.string().nullable(),
  householdId: Uuid.nullable(),
  items: z.array(DonatedItem),
  amountInWords: z.string(),
  note: z.string().nullable(),
  entrySeq: z.number().int(),
  entryHash: z.string(),
  verifyUrl: z.string().meta({ description: 'Public page that shows and checks the ledger entry' }),
  cancelReason: z.string().nullable(),
  cancelledOn: IsoDate.nullable(),
  createdAt: z.string(),
  canCancel: z.boolean(),
});
export type DonationDetail = z.infer<typeof DonationDetail>;

export const CancelDonationRequest = z.object({
  reason: z.string().trim().min(3, { error: 'ledger.reason_required' }).max(500),
  entryDate: IsoDate.optional().meta({ description: 'Date of the reversal (default: today)' }),
});
export const CancelDonationResponse = z.object({
  id: Uuid,
  status: DonationStatus,
  reversalEntryId: Uuid,
  reversalSeq: z.number().int(),
});

// Pledges

export const pledgeStatuses = ['open', 'partly', 'fulfilled', 'overdue'] as const;
export const PledgeStatus = z.enum(pledgeStatuses);
export type PledgeStatus = z.infer<typeof PledgeStatus>;

/** Fulfilled once the donations naming it reach its amount; overdue when its due date has passed before that. */
export function pledgeStatusOf(
  pledge: { amount: number; fulfilled: number; dueOn: string | null },
  today: string,
): PledgeStatus {
  if (pledge.fulfilled >= pledge.amount) return 'fulfilled';
  if (pledge.dueOn !== null && today > pledge.dueOn) return 'overdue';
  return pledge.fulfilled > 0 ? 'partly' : 'open';
}

export const CreatePledgeRequest = z
  .object({
    fundId: Uuid,
    campaignId: Uuid.nullish(),
    donor: DonorInput.omit({ publishName: true }),
    amount: Money,
    pledgedOn: IsoDate,
    dueOn: IsoDate.nullish(),
  })
  .superRefine((value, ctx) => {
    for (const problem of donorProblems(value.donor)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.key });
    }
    if (value.dueOn && value.dueOn < value.pledgedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'pledges.due_before' });
    }
  });
export type CreatePledgeRequest = z.infer<typeof CreatePledgeRequest>;
export const CreatePledgeResponse = z.object({ id: Uuid });

export const ListPledgesQuery = z
  .object({ fund: Uuid.optional(), campaign: Uuid.optional() })
  .refine((query) => Boolean(query.fund || query.campaign), { error: 'pledges.list_scope', path: ['fund'] });

export const PledgeListItem = z.object({
  id: Uuid,
  fundId: Uuid,
  fundName: z.string(),
  campaignId: Uuid.nullable(),
  campaignCode: z.string().nullable(),
  donorKind: DonorKind,
  donorName: z.string().nullable(),
  householdId: Uuid.nullable(),
  amount: z.number().int(),
  pledgedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  fulfilled: z.number().int().meta({ description: 'Sum of the recorded donations naming the pledge' }),
  remaining: z.number().int(),
  donations: z.number().int(),
  status: PledgeStatus,
});
export type PledgeListItem = z.infer<typeof PledgeListItem>;
export const ListPledgesResponse = z.object({ items: z.array(PledgeListItem) });

// Receipts

const unitPrefixes = /^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu)\s+/u;

/**
 * The place of a document's date line (decree 30/2020): the unit's name without its kind
 * ("Phường Xuân Đỉnh" → "Xuân Đỉnh"), kept whole when the rest is a number ("Phường 1").
 */
export function documentPlaceName(unitName: string): string {
  const rest = unitName.replace(unitPrefixes, '');
  return rest === unitName || /^\d+$/.test(rest) ? unitName : rest;
}

/** "20 Máy tính, 27 Máy tính bảng" */
export const summarizeItems = (items: readonly { name: string; quantity: number }[]) =>
  items.length === 0 ? null : items.map((item) => `${item.quantity} ${item.name}`).join(', ');
