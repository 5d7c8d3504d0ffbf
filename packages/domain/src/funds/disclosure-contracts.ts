// Contracts of public disclosure (no login) and of disclosure due dates.
import { z } from 'zod';
import { IsoDate, ItemsOf, UnitCode, Uuid } from '../common/schemas';
import { CampaignVietQrResponse } from './bank-contracts';
import { EntryKind, FundKind, LedgerLineSchema, MonthTotals } from './contracts';

/** How a donor shows in public when they did not agree to be named (decree 13/2023: no consent, no name). */
export const ANONYMOUS_DONOR = 'Nhà hảo tâm';

/** The name shown in public: the donor's own only with their consent, whatever kind of donor. */
export function publicDonorName(donor: { publishName: boolean; name: string | null }): string {
  const name = donor.name?.trim();
  return donor.publishName && name ? name : ANONYMOUS_DONOR;
}

// Public disclosure

export const PublicCampaignParams = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    // Codes hold no spaces: "smt 2021" typed from a notice finds SMT2021.
    .transform((code) => code.replace(/\s+/g, '').toUpperCase())
    .meta({ example: 'SMT2021' }),
});
export const PublicFundParams = z.object({ id: Uuid });
export const PublicEntryParams = z.object({ id: Uuid });

export const PublicDonationMethod = z.enum(['cash', 'bank', 'in_kind']);

export const PublicDonatedItem = z.object({
  item: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  value: z.number().int(),
});

export const PublicDonation = z.object({
  date: IsoDate,
  receiptNumber: z.string().meta({ example: '000123/2021' }),
  donor: z
    .string()
    .meta({ description: `The donor's name with their consent, otherwise "${ANONYMOUS_DONOR}"` }),
  named: z.boolean().meta({ description: 'Whether the donor agreed to be named' }),
  method: PublicDonationMethod,
  amount: z.number().int(),
  items: z.array(PublicDonatedItem),
});
export type PublicDonation = z.infer<typeof PublicDonation>;

export const PublicWardDistribution = z.object({
  wardCode: z.string(),
  wardName: z.string(),
  count: z.number().int().meta({ description: 'Households or persons supported (no names)' }),
  amount: z.number().int().meta({ description: 'Money paid and items given, valued, in đồng' }),
});
export type PublicWardDistribution = z.infer<typeof PublicWardDistribution>;

export const PublicStockItem = z.object({
  item: z.string(),
  name: z.string(),
  received: z.number().int(),
  given: z.number().int(),
  remaining: z.number().int(),
  receivedValue: z.number().int(),
  givenValue: z.number().int(),
});
export type PublicStockItem = z.infer<typeof PublicStockItem>;

export const PublicDisclosure = z.object({
  title: z.string(),
  decisionNo: z.string().nullable(),
  decidedOn: IsoDate,
  dueOn: IsoDate.meta({ description: '10 working days after the decision' }),
  publishedOn: IsoDate.nullable(),
  late: z.boolean().meta({ description: 'Published after the due date, or still unpublished after it' }),
});
export type PublicDisclosure = z.infer<typeof PublicDisclosure>;

export const PublicChainHead = z.object({
  fundId: Uuid,
  fundName: z.string(),
  unitName: z.string(),
  headHash: z.string().meta({ description: 'Hash of the last entry of the fund (64 zeros when empty)' }),
  entries: z.number().int().meta({ description: 'Number of entries; the head is the entry with this seq' }),
  entriesCsv: z.string().meta({ description: 'Path of the CSV of every entry of the fund' }),
});
export type PublicChainHead = z.infer<typeof PublicChainHead>;

/** The VietQR code to donate to a campaign (the same answer as GET /api/campaigns/:id/vietqr). */
export const PublicVietQr = CampaignVietQrResponse;
export type PublicVietQr = z.infer<typeof PublicVietQr>;

const PublicLedgerView = z.object({
  income: z.number().int(),
  spending: z.number().int(),
  balance: z.number().int(),
  months: z.array(MonthTotals),
  donations: z.array(PublicDonation).meta({ description: 'The latest 100, cancelled ones left out' }),
  donationCount: z.number().int().meta({ description: 'All donations not cancelled' }),
  distributions: z.array(PublicWardDistribution),
  disclosures: z.array(PublicDisclosure),
  headHash: z.string().meta({ description: 'Head of the chain of the fund (for a campaign: its main fund)' }),
  entries: z.number().int(),
  heads: z.array(PublicChainHead),
  links: z.object({ entriesCsv: z.string(), donationsCsv: z.string() }),
});

/** Items a campaign aims to collect (plain fields: a response is serialised, not parsed). */
export const PublicTargetItem = z.object({ item: z.string(), name: z.string(), quantity: z.number().int() });

export const PublicCampaignResponse = PublicLedgerView.extend({
  code: z.string(),
  name: z.string(),
  fundId: Uuid,
  fundName: z.string(),
  unitCode: z.string(),
  unitName: z.string().meta({ description: 'As the unit was named when the campaign started' }),
  startsOn: IsoDate,
  receivingEndsOn: IsoDate,
  distributionEndsOn: IsoDate,
  targetAmount: z.number().int().nullable(),
  targetItems: z.array(PublicTargetItem),
  raised: z
    .number()
    .int()
    .meta({ description: 'Donations in money and in kind (valued), net of cancellations' }),
  percent: z.number().nullable(),
  stock: z.array(PublicStockItem),
  vietQr: PublicVietQr.nullable(),
});
export type PublicCampaignResponse = z.infer<typeof PublicCampaignResponse>;

export const PublicFundCampaign = z.object({
  code: z.string(),
  name: z.string(),
  startsOn: IsoDate,
  receivingEndsOn: IsoDate,
});

export const PublicFundResponse = PublicLedgerView.extend({
  id: Uuid,
  name: z.string(),
  kind: FundKind,
  unitCode: z.string(),
  unitName: z.string(),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  campaigns: z.array(PublicFundCampaign),
});
export type PublicFundResponse = z.infer<typeof PublicFundResponse>;

export const PublicEntryDonation = z.object({
  receiptNumber: z.string(),
  amount: z.number().int(),
  date: IsoDate,
  donor: z.string(),
  named: z.boolean(),
  method: PublicDonationMethod,
  items: z.array(PublicDonatedItem),
  cancelled: z.boolean().meta({ description: 'A reversal entry cancelled it' }),
  detailsMatch: z.boolean().meta({
    description: 'The donation as recorded still matches the digest its entry committed to',
  }),
});

export const PublicEntryResponse = z.object({
  id: Uuid,
  fundId: Uuid,
  fundName: z.string(),
  unitName: z.string(),
  campaign: z.object({ code: z.string(), name: z.string() }).nullable(),
  seq: z.number().int(),
  entryDate: IsoDate,
  kind: EntryKind,
  memo: z.string(),
  reversesSeq: z.number().int().nullable(),
  reversedBySeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  lines: z.array(LedgerLineSchema),
  income: z.number().int(),
  spending: z.number().int(),
  hash: z.string(),
  prevHash: z.string(),
  verified: z.boolean().meta({
    description:
      'The hash recomputes from the content and the previous hash, and links to the entries before and after',
  }),
  donation: PublicEntryDonation.nullable(),
});
export type PublicEntryResponse = z.infer<typeof PublicEntryResponse>;

export const PublicCampaignsQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Campaigns of this unit and of the units ever below it' }),
  at: IsoDate.optional().meta({
    description: 'Which unit the code means on this date (default: its latest)',
  }),
});
export const PublicCampaignListItem = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  startsOn: IsoDate,
  receivingEndsOn: IsoDate,
  distributionEndsOn: IsoDate,
  raised: z.number().int(),
  target: z.number().int().nullable(),
  percent: z.number().nullable(),
});
export type PublicCampaignListItem = z.infer<typeof PublicCampaignListItem>;
export const PublicCampaignsResponse = ItemsOf(PublicCampaignListItem);

// Disclosure due dates (authenticated)

export const disclosureSubjectTypes = ['fund', 'campaign', 'program'] as const;
export const DisclosureSubjectType = z.enum(disclosureSubjectTypes);

export const CreateDisclosureRequest = z
  .object({
    fundId: Uuid.optional(),
    campaignId: Uuid.optional(),
    programId: Uuid.optional(),
    title: z.string().trim().min(1, { error: 'disclosures.title.blank' }).max(300),
    decisionNo: z.string().trim().max(60).nullish(),
    decidedOn: IsoDate,
  })
  .superRefine((body, context) => {
    const given = [body.fundId, body.campaignId, body.programId].filter(Boolean).length;
    if (given !== 1) {
      context.addIssue({ code: 'custom', path: ['fundId'], message: 'disclosures.subject_required' });
    }
  });
export type CreateDisclosureRequest = z.infer<typeof CreateDisclosureRequest>;
export const CreateDisclosureResponse = z.object({ id: Uuid, dueOn: IsoDate });

export const DisclosureParams = z.object({ id: Uuid });
export const PublishDisclosureRequest = z.object({ publishedOn: IsoDate });

export const DisclosureItem = z.object({
  id: Uuid,
  subjectType: DisclosureSubjectType,
  subjectId: Uuid,
  subjectName: z.string(),
  subjectCode: z.string().nullable().meta({ description: 'Campaign or programme code' }),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  decisionNo: z.string().nullable(),
  decidedOn: IsoDate,
  dueOn: IsoDate,
  publishedOn: IsoDate.nullable(),
  late: z.boolean(),
});
export type DisclosureItem = z.infer<typeof DisclosureItem>;
export const PublishDisclosureResponse = DisclosureItem;

export const ListDisclosuresQuery = z.object({
  unit: UnitCode,
  at: IsoDate.optional().meta({ description: 'Which unit the code means on this date (default: today)' }),
});
export const ListDisclosuresResponse = ItemsOf(DisclosureItem);
