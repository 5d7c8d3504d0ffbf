// Contracts of funds, the ledger, transfers and campaigns.
import { z } from 'zod';
import { IsoDate, ItemsOf, NonBlankName, UnitCode, Uuid } from '../common/schemas';
import { entryKinds, ledgerAccounts, MAX_AMOUNT } from './ledger';

export * from './ledger';
export * from './rules';

/** A positive whole number of đồng below 10^15. */
export const Money = z
  .number({ error: 'money.invalid' })
  .int({ error: 'money.invalid' })
  .positive({ error: 'money.invalid' })
  .max(MAX_AMOUNT, { error: 'money.invalid' })
  .meta({ description: 'Whole đồng, 1 to 999,999,999,999,999' });

/** Zero allowed (a target of nothing, an item given for free). */
export const MoneyOrZero = z
  .number({ error: 'money.invalid' })
  .int({ error: 'money.invalid' })
  .min(0, { error: 'money.invalid' })
  .max(MAX_AMOUNT, { error: 'money.invalid' });

export const fundKinds = [
  'poor',
  'covid',
  'vaccine',
  'sea_islands',
  'gratitude',
  'disaster',
  'study',
  'other',
] as const;
export const FundKind = z.enum(fundKinds).meta({
  description:
    'poor: Quỹ Vì người nghèo; covid: Quỹ phòng, chống dịch COVID-19; vaccine: Quỹ vắc-xin; sea_islands: Quỹ vì biển, đảo; gratitude: Quỹ Đền ơn đáp nghĩa; disaster: Quỹ cứu trợ; study: Quỹ khuyến học; other',
});
export type FundKind = z.infer<typeof FundKind>;

export const LedgerAccount = z.enum(ledgerAccounts);
export type LedgerAccount = z.infer<typeof LedgerAccount>;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

export const FundIdParams = z.object({ id: Uuid });

export const FundListItem = z.object({
  id: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  kind: FundKind,
  name: z.string(),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
});
export type FundListItem = z.infer<typeof FundListItem>;

export const ListFundsQuery = z.object({
  unit: UnitCode,
  at: IsoDate.optional().meta({ description: 'The tree and the totals as of this date (default: today)' }),
  kind: FundKind.optional(),
});
export const FundWithTotals = FundListItem.extend({
  income: z.number().int().meta({ description: 'Up to `at` (inclusive)' }),
  spending: z.number().int(),
  balance: z.number().int(),
});
export type FundWithTotals = z.infer<typeof FundWithTotals>;
export const ListFundsResponse = ItemsOf(FundWithTotals);

export const BankAccountInput = z.object({
  bankBin: z
    .string()
    .regex(/^\d{6}$/, { error: 'bank.bin.invalid' })
    .meta({ description: 'NAPAS BIN, 6 digits' }),
  bankName: NonBlankName,
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,19}$/, { error: 'bank.account.invalid' }),
  accountName: NonBlankName,
});
export const BankAccount = z.object({
  id: Uuid,
  bankBin: z.string(),
  bankName: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});
export type BankAccount = z.infer<typeof BankAccount>;

export const BoardMemberInput = z.object({ name: NonBlankName, position: NonBlankName });
// Response schemas carry plain strings: a transform (trim, NFC) cannot be serialised back.
export const BoardMember = z.object({
  id: Uuid,
  name: z.string(),
  position: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const CreateFundRequest = z.object({
  unitCode: UnitCode,
  kind: FundKind,
  name: NonBlankName,
  openedOn: IsoDate.optional().meta({ description: 'Default: today' }),
  bankAccounts: z.array(BankAccountInput).max(10).optional(),
  board: z.array(BoardMemberInput).max(50).optional(),
});
export type CreateFundRequest = z.infer<typeof CreateFundRequest>;
export const CreateFundResponse = z.object({ id: Uuid });

export const AddBankAccountRequest = BankAccountInput.extend({ validFrom: IsoDate.optional() });
export const AddBoardMemberRequest = BoardMemberInput.extend({ validFrom: IsoDate.optional() });

export const FundTotalsSchema = z.object({
  income: z.number().int(),
  spending: z.number().int(),
  balance: z.number().int(),
});

export const FundDetail = FundListItem.extend({
  unitId: Uuid,
  bankAccounts: z.array(BankAccount),
  board: z.array(BoardMember),
  totals: FundTotalsSchema,
  headHash: z.string(),
  entries: z.number().int(),
  canPost: z.boolean(),
  canManage: z.boolean(),
});
export type FundDetail = z.infer<typeof FundDetail>;

export const BalanceQuery = z.object({
  at: IsoDate.optional().meta({ description: 'Inclusive; default today' }),
});
export const BalanceResponse = FundTotalsSchema;

export const VerifyQuery = z.object({ fund: Uuid });
export const VerifyResponse = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  firstBrokenEntry: z
    .object({ id: Uuid, seq: z.number().int(), problem: z.string() })
    .nullable()
    .meta({ description: 'The first entry whose hash, link, lines or totals do not match; null when ok' }),
});
export type VerifyResponse = z.infer<typeof VerifyResponse>;

export const LedgerLineSchema = z.object({ account: LedgerAccount, amount: z.number().int() });

export const LedgerEntrySchema = z.object({
  id: Uuid,
  seq: z.number().int(),
  entryDate: IsoDate,
  kind: EntryKind,
  campaignCode: z.string().nullable(),
  memo: z.string(),
  reversesSeq: z.number().int().nullable(),
  reversedBySeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  lines: z.array(LedgerLineSchema),
  income: z.number().int(),
  spending: z.number().int(),
  hash: z.string(),
  prevHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const ListEntriesQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const ListEntriesResponse = z.object({ items: z.array(LedgerEntrySchema), total: z.number().int() });

export const MonthTotals = z.object({
  month: z.string().meta({ example: '2021-03' }),
  income: z.number().int(),
  spending: z.number().int(),
});
export const MonthlyQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const MonthlyResponse = ItemsOf(MonthTotals);

export const ReverseEntryRequest = z.object({
  reason: z.string().trim().min(3, { error: 'ledger.reason_required' }).max(500),
  entryDate: IsoDate.optional().meta({ description: 'Default: today' }),
});
export const EntryParams = z.object({ id: Uuid });
export const PostedResponse = z.object({ id: Uuid, seq: z.number().int(), hash: z.string() });

export const TransferRequest = z.object({
  fromFundId: Uuid,
  toFundId: Uuid,
  amount: Money,
  entryDate: IsoDate,
  memo: z.string().trim().min(1).max(300),
});
export const TransferResponse = z.object({ fromEntryId: Uuid, toEntryId: Uuid });

export const TransferTarget = z.object({
  id: Uuid,
  name: z.string(),
  kind: FundKind,
  unitCode: z.string(),
  unitName: z.string(),
  isAbove: z.boolean().meta({ description: 'A fund of a unit above (a remittance upwards)' }),
});
export const TransferTargetsResponse = ItemsOf(TransferTarget);

// Campaigns

export const CampaignCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { error: 'campaigns.code.invalid' })
  .meta({ example: 'SMT2021' });

export const TargetItem = z.object({
  item: z.string().trim().min(1).max(40).meta({ example: 'computer' }),
  name: NonBlankName.meta({ example: 'Máy tính' }),
  quantity: z.number().int().positive().max(10_000_000),
});

export const CreateCampaignRequest = z.object({
  fundId: Uuid,
  code: CampaignCode,
  name: NonBlankName,
  startsOn: IsoDate,
  receivingEndsOn: IsoDate,
  distributionEndsOn: IsoDate,
  legalBasis: z.string().trim().max(300).nullish(),
  targetAmount: MoneyOrZero.nullish(),
  targetItems: z.array(TargetItem).max(30).nullish(),
});
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;
export const CreateCampaignResponse = z.object({
  id: Uuid,
  warnings: z.array(z.object({ key: z.string(), message: z.string(), messageEn: z.string() })),
});

export const CampaignListItem = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  fundId: Uuid,
  fundName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  startsOn: IsoDate,
  receivingEndsOn: IsoDate,
  distributionEndsOn: IsoDate,
  targetAmount: z.number().int().nullable(),
  raised: z.number().int(),
  percent: z.number().nullable(),
});
export type CampaignListItem = z.infer<typeof CampaignListItem>;
export const ListCampaignsQuery = z.object({ unit: UnitCode, at: IsoDate.optional() });
export const ListCampaignsResponse = ItemsOf(CampaignListItem);

export const CampaignParams = z.object({ id: Uuid });
export const TargetItemShown = z.object({ item: z.string(), name: z.string(), quantity: z.number().int() });
export const CampaignDetail = CampaignListItem.extend({
  unitId: Uuid,
  legalBasis: z.string().nullable(),
  targetItems: z.array(TargetItemShown),
  warnings: z.array(z.object({ key: z.string(), message: z.string(), messageEn: z.string() })),
  canManage: z.boolean(),
  canPost: z.boolean(),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const SetTargetsRequest = z.object({
  targets: z
    .array(z.object({ unitCode: UnitCode, amount: MoneyOrZero }))
    .min(1)
    .max(500),
});
export const SetTargetsResponse = z.object({ updated: z.number().int() });

export const SetLegalBasisRequest = z.object({
  legalBasis: z.string().trim().max(300).nullable().meta({
    description: 'The decision allowing a longer period than decree 93 (null or empty removes it)',
  }),
});
export const SetLegalBasisResponse = z.object({
  legalBasis: z.string().nullable(),
  warnings: z.array(z.object({ key: z.string(), message: z.string(), messageEn: z.string() })),
});

export const AchievementQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Whose children to show (default: the campaign’s unit)' }),
  at: IsoDate.optional().meta({
    description: 'Tree and totals as of this date (default: the end of receiving, or today)',
  }),
});
export const AchievementRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  hasChildren: z.boolean(),
  target: z.number().int().nullable(),
  raised: z
    .number()
    .int()
    .meta({ description: 'Donations (money and in kind, valued) in the unit’s subtree' }),
  percent: z.number().nullable(),
  donations: z.number().int(),
});
export const AchievementResponse = z.object({
  unit: AchievementRow,
  items: z.array(AchievementRow),
});
