// Contracts of the bank endpoints of funds: VietQR of a campaign, statement import, line decisions.
import { z } from 'zod';
import { IsoDate, Uuid } from '../common/schemas';

export const CampaignVietQrResponse = z.object({
  payload: z.string().meta({ description: 'EMVCo (NAPAS VietQR) payload to draw as a QR code' }),
  bankBin: z.string(),
  bankName: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  message: z.string().meta({ description: 'Nội dung chuyển khoản: the campaign code', example: 'SMT2021' }),
});
export type CampaignVietQrResponse = z.infer<typeof CampaignVietQrResponse>;

export const ImportBankStatementQuery = z.object({
  account: Uuid.optional().meta({
    description: 'The fund’s bank account the statement is of (default: the fund’s only account)',
  }),
});

export const ImportBankStatementResponse = z.object({
  statementId: Uuid,
  lines: z.number().int().meta({ description: 'Transaction rows read (credits and debits)' }),
  credits: z.number().int(),
  matched: z.number().int().meta({ description: 'Credits recorded as donations to a campaign' }),
  unmatched: z.number().int().meta({ description: 'Credits waiting for a treasurer’s decision' }),
  duplicates: z.number().int().meta({ description: 'Credits already imported from an earlier statement' }),
  ignoredDebits: z.number().int(),
});
export type ImportBankStatementResponse = z.infer<typeof ImportBankStatementResponse>;

export const bankLineStatuses = ['unmatched', 'matched', 'ignored'] as const;
export const BankLineStatus = z.enum(bankLineStatuses);
export type BankLineStatus = z.infer<typeof BankLineStatus>;

export const ListBankLinesQuery = z.object({
  status: BankLineStatus.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const BankLine = z.object({
  id: Uuid,
  statementId: Uuid,
  bankAccountId: Uuid,
  accountNumber: z.string(),
  bookedOn: IsoDate,
  amount: z.number().int(),
  reference: z.string().nullable(),
  description: z.string(),
  counterparty: z.string().nullable(),
  status: BankLineStatus,
  campaignId: Uuid.nullable(),
  campaignCode: z.string().nullable(),
  decisionNote: z.string().nullable(),
  donationId: Uuid.nullable(),
  receiptNumber: z.string().nullable(),
});
export type BankLine = z.infer<typeof BankLine>;
export const ListBankLinesResponse = z.object({ items: z.array(BankLine), total: z.number().int() });

export const BankStatementSummary = z.object({
  id: Uuid,
  bankAccountId: Uuid,
  accountNumber: z.string(),
  fileName: z.string(),
  lines: z.number().int(),
  importedAt: z.string(),
});
export const ListBankStatementsResponse = z.object({ items: z.array(BankStatementSummary) });

export const BankLineParams = z.object({ id: Uuid });

export const bankDonorKinds = ['person', 'organisation', 'company', 'anonymous'] as const;

export const BankLineDonor = z
  .object({
    kind: z.enum(bankDonorKinds),
    name: z.string().trim().max(200).nullish(),
    publishName: z.boolean().default(false),
  })
  .refine((donor) => donor.kind === 'anonymous' || Boolean(donor.name), {
    error: 'bank.donor_name_required',
    path: ['name'],
  });

export const DecideBankLineRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    campaignId: Uuid.nullable(),
    donor: BankLineDonor,
  }),
  z.object({
    action: z.literal('ignore'),
    note: z.string().trim().min(3, { error: 'bank.note_required' }).max(500),
  }),
]);
export type DecideBankLineRequest = z.infer<typeof DecideBankLineRequest>;

export const DecideBankLineResponse = z.object({
  id: Uuid,
  status: BankLineStatus,
  donationId: Uuid.nullable(),
  receiptNumber: z.string().nullable(),
});
