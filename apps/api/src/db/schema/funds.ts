import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { households, persons } from './households';
import { units } from './units';

const money = (name: string) => bigint(name, { mode: 'number' });

/** A fund (quỹ) of a unit: the Fund for the Poor of a ward, the district's Gratitude fund… */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    searchName: text('search_name').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('funds_unit_idx').on(table.unitId),
    uniqueIndex('funds_unit_name_idx').on(table.unitId, table.searchName),
    check(
      'funds_kind_check',
      sql`${table.kind} IN ('poor', 'covid', 'vaccine', 'sea_islands', 'gratitude', 'disaster', 'study', 'other')`,
    ),
  ],
);

/** A bank account of a fund (NAPAS BIN of the bank, for VietQR). */
export const fundBankAccounts = pgTable(
  'fund_bank_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    bankBin: text('bank_bin').notNull(),
    bankName: text('bank_name').notNull(),
    accountNumber: text('account_number').notNull(),
    accountName: text('account_name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (table) => [uniqueIndex('fund_bank_accounts_number_idx').on(table.bankBin, table.accountNumber)],
);

/** A member of a fund's mobilisation board (Ban vận động), over a period. */
export const fundBoardMembers = pgTable(
  'fund_board_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    name: text('name').notNull(),
    position: text('position').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (table) => [index('fund_board_members_fund_idx').on(table.fundId)],
);

/**
 * One entry of a fund's ledger, chained to the one before it in the same fund:
 * hash = SHA-256(prev_hash + canonical content), see packages/domain/src/funds/ledger-hash.ts.
 * Append-only (triggers refuse UPDATE, DELETE and TRUNCATE); a correction is a reversal entry.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    /** 1, 2, 3… in the fund, in the order of posting. */
    seq: integer('seq').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    campaignId: uuid('campaign_id'),
    /** Public description of the entry (no personal data). */
    memo: text('memo').notNull(),
    reversesId: uuid('reverses_id'),
    reason: text('reason'),
    /** SHA-256 of the private details behind the entry (donor…), salted: a commitment. */
    detailDigest: text('detail_digest'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('ledger_entries_fund_seq_key').on(table.fundId, table.seq),
    unique('ledger_entries_reverses_key').on(table.reversesId),
    index('ledger_entries_fund_date_idx').on(table.fundId, table.entryDate),
    index('ledger_entries_campaign_idx').on(table.campaignId, table.entryDate),
    check(
      'ledger_entries_kind_check',
      sql`${table.kind} IN ('donation', 'support', 'transfer', 'opening', 'reversal', 'adjustment')`,
    ),
    check('ledger_entries_seq_check', sql`${table.seq} > 0`),
    check(
      'ledger_entries_reversal_check',
      sql`(${table.kind} = 'reversal') = (${table.reversesId} IS NOT NULL AND ${table.reason} IS NOT NULL)`,
    ),
  ],
);

/**
 * The lines of an entry: amount in đồng, positive for a debit, negative for a credit; the lines
 * of an entry add up to zero (checked at commit). Fund, date and campaign are copied from the
 * entry so that totals need no join.
 */
export const ledgerLines = pgTable(
  'ledger_lines',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    lineNo: smallint('line_no').notNull(),
    fundId: uuid('fund_id').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    campaignId: uuid('campaign_id'),
    account: text('account').notNull(),
    amount: money('amount').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entryId, table.lineNo] }),
    check(
      'ledger_lines_account_check',
      sql`${table.account} IN ('cash', 'bank', 'goods', 'donations', 'donations_in_kind', 'transfers_in', 'carried_forward', 'support', 'support_in_kind', 'transfers_out')`,
    ),
    check('ledger_lines_amount_check', sql`${table.amount} <> 0 AND abs(${table.amount}) < 1000000000000000`),
  ],
);

/** A campaign (cuộc vận động) run on a fund, with its period and targets. Code unique. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    receivingEndsOn: date('receiving_ends_on', { mode: 'string' }).notNull(),
    distributionEndsOn: date('distribution_ends_on', { mode: 'string' }).notNull(),
    /** The decision that allows a longer period than decree 93 (e.g. the fund's charter). */
    legalBasis: text('legal_basis'),
    targetAmount: money('target_amount'),
    /** [{ item, name, quantity }] */
    targetItems: jsonb('target_items').$type<Array<{ item: string; name: string; quantity: number }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('campaigns_code_idx').on(table.code),
    index('campaigns_fund_idx').on(table.fundId),
    check('campaigns_period_check', sql`${table.receivingEndsOn} >= ${table.startsOn}`),
    check('campaigns_distribution_check', sql`${table.distributionEndsOn} >= ${table.receivingEndsOn}`),
  ],
);

/** A target a level hands to a unit below it for a campaign. */
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    amount: money('amount').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.unitId] }),
    check('campaign_targets_amount_check', sql`${table.amount} >= 0`),
  ],
);

/** A promise to give; donations that fulfil it name it. */
export const pledges = pgTable(
  'pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    donorKind: text('donor_kind').notNull(),
    donorName: text('donor_name'),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'set null' }),
    amount: money('amount').notNull(),
    pledgedOn: date('pledged_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('pledges_fund_idx').on(table.fundId),
    check('pledges_amount_check', sql`${table.amount} > 0`),
  ],
);

/** A donation received, with its receipt number (per fund and year, without gaps). */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    receiptYear: smallint('receipt_year').notNull(),
    receiptNo: integer('receipt_no').notNull(),
    donorKind: text('donor_kind').notNull(),
    /** Null for an anonymous donor, and after deletion on request. */
    donorName: text('donor_name'),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'set null' }),
    publishName: boolean('publish_name').notNull().default(false),
    method: text('method').notNull(),
    amount: money('amount').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    pledgeId: uuid('pledge_id').references(() => pledges.id),
    bankLineId: uuid('bank_line_id'),
    /** A private note of the treasurer (never published). */
    note: text('note'),
    /** Salt of the entry's detail digest. */
    detailSalt: text('detail_salt').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('donations_receipt_key').on(table.fundId, table.receiptYear, table.receiptNo),
    uniqueIndex('donations_entry_idx').on(table.entryId),
    uniqueIndex('donations_bank_line_idx').on(table.bankLineId),
    index('donations_campaign_idx').on(table.campaignId, table.receivedOn),
    index('donations_fund_date_idx').on(table.fundId, table.receivedOn),
    check(
      'donations_donor_kind_check',
      sql`${table.donorKind} IN ('person', 'household', 'organisation', 'company', 'anonymous')`,
    ),
    check('donations_method_check', sql`${table.method} IN ('cash', 'bank', 'in_kind')`),
    check('donations_amount_check', sql`${table.amount} > 0`),
  ],
);

/** Items of an in-kind donation, valued in đồng. */
export const donationItems = pgTable(
  'donation_items',
  {
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id),
    lineNo: smallint('line_no').notNull(),
    item: text('item').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    value: money('value').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.donationId, table.lineNo] }),
    check('donation_items_quantity_check', sql`${table.quantity} > 0`),
    check('donation_items_value_check', sql`${table.value} >= 0`),
  ],
);

/** Retried posts with the same Idempotency-Key get the first answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);

/** Receipt numbers handed out so far, per fund and year. */
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    year: smallint('year').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (table) => [primaryKey({ columns: [table.fundId, table.year] })],
);

/** A bank statement imported for one of a fund's accounts. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => fundBankAccounts.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    lines: integer('lines').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('bank_statements_account_idx').on(table.bankAccountId)],
);

/** A credit line of a statement; its fingerprint keeps a line from being recorded twice. */
export const bankStatementLines = pgTable(
  'bank_statement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => fundBankAccounts.id),
    fingerprint: text('fingerprint').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    reference: text('reference'),
    description: text('description').notNull(),
    counterparty: text('counterparty'),
    /** matched (a donation recorded), unmatched (waiting), ignored (with a reason) */
    status: text('status').notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionNote: text('decision_note'),
  },
  (table) => [
    uniqueIndex('bank_statement_lines_fingerprint_idx').on(table.bankAccountId, table.fingerprint),
    check('bank_statement_lines_status_check', sql`${table.status} IN ('matched', 'unmatched', 'ignored')`),
  ],
);

/** A support programme (chương trình hỗ trợ): Tết gifts, Great Solidarity houses… */
export const supportPrograms = pgTable(
  'support_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** Category codes of the register; a household with any of them on eligibleOn is eligible. */
    eligibleCategories: jsonb('eligible_categories').$type<string[]>().notNull(),
    eligibleOn: date('eligible_on', { mode: 'string' }).notNull(),
    /** The amount per household set by this level (e.g. 50 million per house). */
    amountPerHousehold: money('amount_per_household'),
    allowRepeat: boolean('allow_repeat').notNull().default(false),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('support_programs_code_idx').on(table.code),
    index('support_programs_unit_idx').on(table.unitId),
    check(
      'support_programs_kind_check',
      sql`${table.kind} IN ('tet_gift', 'solidarity_house', 'student_device', 'cash', 'health_insurance', 'other')`,
    ),
    check('support_programs_period_check', sql`${table.periodTo} >= ${table.periodFrom}`),
  ],
);

/**
 * What one household received from a programme: money paid from the fund's ledger or items from
 * the campaign's stock. repeat_no stays 0 unless the programme allows repeats, so the unique key
 * keeps a household from being paid twice by one programme.
 */
export const distributions = pgTable(
  'distributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => supportPrograms.id),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    /** The ward (as of the distribution) whose counts it goes into; kept after deletion requests. */
    wardUnitId: uuid('ward_unit_id')
      .notNull()
      .references(() => units.id),
    repeatNo: smallint('repeat_no').notNull().default(0),
    amount: money('amount').notNull().default(0),
    /** [{ item, name, quantity, value }] given from the campaign's stock */
    items: jsonb('items').$type<Array<{ item: string; name: string; quantity: number; value: number }>>(),
    status: text('status').notNull(),
    entryId: uuid('entry_id').references(() => ledgerEntries.id),
    paidOn: date('paid_on', { mode: 'string' }),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('distributions_once_key').on(table.programId, table.householdId, table.repeatNo),
    index('distributions_program_ward_idx').on(table.programId, table.wardUnitId),
    // What a household received, and what a payment entry paid (its reversal takes them back).
    index('distributions_household_idx').on(table.householdId),
    index('distributions_entry_idx').on(table.entryId),
    check('distributions_status_check', sql`${table.status} IN ('planned', 'paid', 'confirmed')`),
    check('distributions_amount_check', sql`${table.amount} >= 0`),
  ],
);

/** Items in and out of a campaign's in-kind stock (quantity and value signed: + in, − out). */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    item: text('item').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    value: money('value').notNull(),
    movedOn: date('moved_on', { mode: 'string' }).notNull(),
    donationId: uuid('donation_id').references(() => donations.id),
    distributionId: uuid('distribution_id').references(() => distributions.id),
    entryId: uuid('entry_id').references(() => ledgerEntries.id),
  },
  (table) => [
    index('stock_movements_campaign_idx').on(table.campaignId, table.item),
    check('stock_movements_quantity_check', sql`${table.quantity} <> 0`),
  ],
);

/**
 * A public disclosure due after a decision (decree 93, law 10/2022: 10 working days), of a
 * campaign, a fund or a programme; late when published after its due date or still unpublished.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id').references(() => funds.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    programId: uuid('program_id').references(() => supportPrograms.id),
    title: text('title').notNull(),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('disclosures_fund_idx').on(table.fundId),
    index('disclosures_campaign_idx').on(table.campaignId),
    check(
      'disclosures_subject_check',
      sql`num_nonnulls(${table.fundId}, ${table.campaignId}, ${table.programId}) >= 1`,
    ),
  ],
);
