import type { LedgerLine } from '@doanket/domain';
import type { Db } from '../src/db/client';
import { distributions, supportPrograms } from '../src/db/schema/index';
import { systemContext } from '../src/lib/context';
import {
  type DonatedItem,
  type RecordDonationInput,
  recordDonation,
} from '../src/modules/funds/donations.posting';
import * as fundsRepo from '../src/modules/funds/funds.repository';
import * as ledgerRepo from '../src/modules/funds/ledger.repository';
import { postEntry, reverseEntry } from '../src/modules/funds/ledger.service';
import type { BuiltUnit } from './factories';

/** Donations, payments and distributions for the public disclosure tests, through the real posting code. */

export async function donate(
  db: Db,
  options: {
    fundId: string;
    campaignId?: string | null;
    donor: RecordDonationInput['donor'];
    method?: RecordDonationInput['method'];
    amount: number;
    items?: DonatedItem[];
    receivedOn?: string;
  },
) {
  const fund = await ledgerRepo.findFund(db, options.fundId);
  const campaign = options.campaignId ? await fundsRepo.findCampaign(db, options.campaignId) : null;
  if (!fund) throw new Error('no such fund');
  return db.transaction((tx) =>
    recordDonation(tx, systemContext(), {
      fund,
      campaign,
      donor: options.donor,
      method: options.method ?? 'cash',
      amount: options.amount,
      items: options.items,
      receivedOn: options.receivedOn ?? '2021-03-10',
    }),
  );
}

/** Cancels a donation (or any entry) by its reversal. */
export const cancelEntry = (db: Db, entryId: string, reason = 'Ghi nhầm số tiền') =>
  db.transaction((tx) => reverseEntry(tx, systemContext(), { entryId, reason, entryDate: '2021-03-20' }));

/** Money paid out of the fund's bank account for support. */
export async function paySupport(
  db: Db,
  options: { fundId: string; campaignId?: string | null; amount: number; entryDate?: string; memo?: string },
) {
  const lines: LedgerLine[] = [
    { account: 'support', amount: options.amount },
    { account: 'bank', amount: -options.amount },
  ];
  return db.transaction((tx) =>
    postEntry(tx, systemContext(), {
      fundId: options.fundId,
      entryDate: options.entryDate ?? '2021-04-02',
      kind: 'support',
      campaignId: options.campaignId ?? null,
      memo: options.memo ?? 'Chi hỗ trợ hộ khó khăn',
      lines,
    }),
  );
}

let programSerial = 0;

/** A support programme of the fund's unit, paid from the fund (under the campaign if given). */
export async function buildProgram(
  db: Db,
  options: { unit: BuiltUnit; fundId: string; campaignId?: string | null },
): Promise<string> {
  programSerial += 1;
  const [row] = await db
    .insert(supportPrograms)
    .values({
      unitId: options.unit.unitId,
      fundId: options.fundId,
      campaignId: options.campaignId ?? null,
      code: `CT${Date.now() % 1e6}-${programSerial}`,
      name: `Tặng quà Tết ${programSerial}`,
      kind: 'tet_gift',
      periodFrom: '2021-01-15',
      periodTo: '2021-02-10',
      eligibleCategories: ['near_poor'],
      eligibleOn: '2021-01-15',
      amountPerHousehold: 500_000,
    })
    .returning({ id: supportPrograms.id });
  if (!row) throw new Error('programme not inserted');
  return row.id;
}

/** A household of a ward paid by the programme: the payment posted, the distribution recorded. */
export async function distribute(
  db: Db,
  options: {
    programId: string;
    fundId: string;
    campaignId?: string | null;
    ward: BuiltUnit;
    householdId?: string | null;
    amount: number;
    paidOn?: string;
  },
) {
  const paid = await paySupport(db, {
    fundId: options.fundId,
    campaignId: options.campaignId,
    amount: options.amount,
    entryDate: options.paidOn ?? '2021-04-05',
    memo: 'Chi quà Tết theo danh sách',
  });
  await db.insert(distributions).values({
    programId: options.programId,
    householdId: options.householdId ?? null,
    wardUnitId: options.ward.unitId,
    amount: options.amount,
    status: 'paid',
    entryId: paid.id,
    paidOn: options.paidOn ?? '2021-04-05',
  });
  return paid;
}
