import type { FundKind, LedgerLine } from '@doanket/domain';
import type { Db } from '../src/db/client';
import { systemContext } from '../src/lib/context';
import * as fundsRepo from '../src/modules/funds/funds.repository';
import { postEntry } from '../src/modules/funds/ledger.service';
import type { BuiltUnit } from './factories';

let sequence = 0;

export type BuiltFund = { id: string; unitId: string; name: string };

/** A fund of the unit, opened on 1 January 2020 unless told otherwise, with a bank account. */
export async function buildFund(
  db: Db,
  unit: BuiltUnit,
  options: { kind?: FundKind; name?: string; openedOn?: string; bankAccount?: boolean } = {},
): Promise<BuiltFund> {
  sequence += 1;
  const name = options.name ?? `Quỹ thử ${sequence} ${unit.code}`;
  const id = await fundsRepo.insertFund(db, {
    unitId: unit.unitId,
    kind: options.kind ?? 'poor',
    name,
    searchName: name.toLowerCase(),
    openedOn: options.openedOn ?? '2020-01-01',
  });
  if (options.bankAccount !== false) {
    await fundsRepo.insertBankAccount(db, {
      fundId: id,
      bankBin: '970415',
      bankName: 'VietinBank',
      accountNumber: `11${String(Date.now() % 1e8).padStart(8, '0')}${String(sequence).padStart(3, '0')}`,
      accountName: name.toUpperCase(),
      validFrom: options.openedOn ?? '2020-01-01',
    });
  }
  return { id, unitId: unit.unitId, name };
}

/** A campaign run on the fund (its unit), with a generous legal basis so no decree 93 warning. */
export async function buildCampaign(
  db: Db,
  fund: BuiltFund,
  options: { code?: string; startsOn?: string; receivingEndsOn?: string; targetAmount?: number | null } = {},
) {
  sequence += 1;
  const code = options.code ?? `CD${String(Date.now() % 1e6)}${sequence}`;
  const id = await fundsRepo.insertCampaign(db, {
    fundId: fund.id,
    unitId: fund.unitId,
    code,
    name: `Cuộc vận động ${code}`,
    startsOn: options.startsOn ?? '2021-01-01',
    receivingEndsOn: options.receivingEndsOn ?? '2021-12-31',
    distributionEndsOn: options.receivingEndsOn ?? '2021-12-31',
    legalBasis: 'Kế hoạch thử',
    targetAmount: options.targetAmount ?? null,
    targetItems: [],
  });
  return { id, code };
}

/** Money received into the fund's bank account, posted straight to the ledger (no donation record). */
export async function postIncome(
  db: Db,
  fundId: string,
  amount: number,
  options: { entryDate?: string; campaignId?: string | null } = {},
) {
  const lines: LedgerLine[] = [
    { account: 'bank', amount },
    { account: 'donations', amount: -amount },
  ];
  return db.transaction((tx) =>
    postEntry(tx, systemContext(), {
      fundId,
      entryDate: options.entryDate ?? '2021-03-01',
      kind: 'donation',
      campaignId: options.campaignId ?? null,
      memo: 'Tiền ủng hộ',
      lines,
    }),
  );
}
