import {
  type CampaignFigures,
  type FundKind,
  fundKinds,
  type MoneyFigures,
  summarizeLines,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/app-error';
import type { RequestContext } from '../../lib/context';
import { findVersionOfUnit } from '../units/units.repository';
import * as repo from './figures.repository';
import { resolveUnit } from './funds.service';

const percentOf = (raised: number, target: number | null) =>
  target ? Math.round((raised / target) * 1000) / 10 : null;

const byFundKind = (a: { kind: FundKind }, b: { kind: FundKind }) =>
  fundKinds.indexOf(a.kind) - fundKinds.indexOf(b.kind);

const donationAccounts = new Set(['donations', 'donations_in_kind']);
const supportAccounts = new Set(['support', 'support_in_kind']);

/**
 * The money figures of a unit's subtree for a year, computed from the records (nothing is kept):
 * funds and their balance at the year's end, donations of the year, the Fund for the Poor against
 * its target, the support it paid, and the year's campaigns. The tree is taken as of 31 December.
 * No authorization: callers check read access on the unit (the route, the year-end report).
 */
export async function moneyFigures(db: Db, options: { unitId: string; year: number }): Promise<MoneyFigures> {
  const from = `${options.year}-01-01`;
  const to = `${options.year}-12-31`;
  const unit = await findVersionOfUnit(db, options.unitId, to);
  if (!unit) throw notFound('unit.not_found');
  const period = { unitId: options.unitId, from, to };
  const [fundCounts, totals, donationCounts, target, support, campaignRows] = await Promise.all([
    repo.countFunds(db, period),
    repo.accountTotalsByKind(db, period),
    repo.countDonationsByKind(db, period),
    repo.poorFundTarget(db, period),
    repo.distributionsByProgramKind(db, { ...period, fundKind: 'poor' }),
    repo.listCampaignsOfYear(db, period),
  ]);

  const kinds = new Set<FundKind>([
    ...fundCounts.map((row) => row.kind as FundKind),
    ...totals.map((row) => row.kind as FundKind),
  ]);
  const byKind = [...kinds]
    .map((kind) => ({
      kind,
      count: fundCounts.find((row) => row.kind === kind)?.count ?? 0,
      balance: summarizeLines(
        totals.filter((row) => row.kind === kind).map((row) => ({ account: row.account, amount: row.upTo })),
      ).balance,
    }))
    .sort(byFundKind);
  const year = summarizeLines(totals.map((row) => ({ account: row.account, amount: row.within })));
  const received = (kind: string | null, accounts: ReadonlySet<string>) =>
    -totals
      .filter((row) => (kind === null || row.kind === kind) && accounts.has(row.account))
      .reduce((sum, row) => sum + row.within, 0);
  const donationsOf = (kind: string) => donationCounts.find((row) => row.kind === kind)?.donations ?? 0;

  const donationKinds = [...kinds]
    .map((kind) => ({ kind, amount: received(kind, donationAccounts), donations: donationsOf(kind) }))
    .filter((row) => row.amount !== 0 || row.donations > 0)
    .sort(byFundKind);
  const poorRaised = received('poor', donationAccounts);
  const poorTarget = target.campaigns > 0 ? target.target : null;
  const spent = totals
    .filter((row) => row.kind === 'poor' && supportAccounts.has(row.account))
    .reduce((sum, row) => sum + row.within, 0);

  return {
    unitCode: unit.code,
    unitName: unit.name,
    year: options.year,
    from,
    to,
    funds: {
      count: byKind.reduce((sum, row) => sum + row.count, 0),
      balance: byKind.reduce((sum, row) => sum + row.balance, 0),
      income: year.income,
      spending: year.spending,
      byKind,
    },
    donations: {
      amount: received(null, donationAccounts),
      donations: donationCounts.reduce((sum, row) => sum + row.donations, 0),
      byFundKind: donationKinds,
    },
    poorFund: {
      raised: poorRaised,
      cash: received('poor', new Set(['donations'])),
      inKindValue: received('poor', new Set(['donations_in_kind'])),
      donations: donationsOf('poor'),
      target: poorTarget,
      percent: percentOf(poorRaised, poorTarget),
    },
    support: { spent, households: support.households, byProgramKind: support.byKind },
    campaigns: await campaignFigures(db, period, campaignRows),
  };
}

async function campaignFigures(
  db: Db,
  period: { unitId: string; from: string; to: string },
  rows: repo.CampaignRowOfYear[],
): Promise<CampaignFigures[]> {
  const campaignIds = rows.map((row) => row.id);
  const [money, items, beneficiaries] = await Promise.all([
    repo.campaignMoney(db, { ...period, campaignIds }),
    repo.campaignItems(db, { ...period, campaignIds }),
    repo.campaignBeneficiaries(db, { ...period, campaignIds }),
  ]);
  const figures = rows.map((row) => {
    const got = money.get(row.id) ?? { cash: 0, inKind: 0, donations: 0 };
    const target = row.in_subtree
      ? row.target_amount === null
        ? null
        : Number(row.target_amount)
      : row.assigned === null
        ? null
        : Number(row.assigned);
    const raised = got.cash + got.inKind;
    const itemsOf = (direction: 'in' | 'out') =>
      items
        .filter((item) => item.campaignId === row.id && item.direction === direction)
        .map(({ item, name, quantity, value }) => ({ item, name, quantity, value }));
    const helped = beneficiaries.get(row.id) ?? { households: 0, students: 0 };
    return {
      code: row.code,
      name: row.name,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      fundKind: row.fund_kind as FundKind,
      share: !row.in_subtree,
      startsOn: row.starts_on,
      receivingEndsOn: row.receiving_ends_on,
      target,
      raised,
      percent: percentOf(raised, target),
      cash: got.cash,
      inKindValue: got.inKind,
      donations: got.donations,
      items: itemsOf('in'),
      itemsGiven: itemsOf('out'),
      supportedHouseholds: helped.households,
      students: helped.students,
    };
  });
  // A campaign of a level above counts here when it gave the unit a target or its funds took part.
  return figures.filter(
    (row) => !row.share || row.target !== null || row.donations > 0 || row.supportedHouseholds > 0,
  );
}

/** GET /api/stats/funds: the figures of a unit the actor may read, the unit found as of the year's end. */
export async function getMoneyFigures({
  db,
  ctx,
  unit,
  year,
}: {
  db: Db;
  ctx: RequestContext;
  unit: string;
  year: number;
}): Promise<MoneyFigures> {
  const version = await resolveUnit(db, ctx, unit, `${year}-12-31`, 'read');
  return moneyFigures(db, { unitId: version.unitId, year });
}
