import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltUnit } from '../../../../test/factories';
import { type BuiltFund, buildCampaign, buildFund, postIncome } from '../../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { buildReformedPlace, type ReformedPlace } from '../../../../test/plan-factories';
import { receiveItems } from '../../../../test/program-factories';
import { queryRows } from '../../../db/client';
import { systemContext } from '../../../lib/context';
import { upsertTargets } from '../../funds/funds.repository';
import { reverseEntry } from '../../funds/ledger.service';
import { fundTargets } from './fund-targets';
import { splitAtMonths } from './fund-targets.repository';

let t: TestApp;
let place: ReformedPlace;
const M = 1_000_000;

/**
 * Campaigns and money over the reformed place (a campaign's own target is set by the unit running it,
 * not assigned, and never counts):
 * - K (2021, run by the province, own target 1.000 M): assigned district 300 M, ward A 100 M, ward B
 *   120 M; given: district 50 M, A 80 M and 10 M in kind (and 70 M reversed), B 150 M in March and
 *   30 M in August, C 20 M in March (C ended on 1 July 2021).
 * - K2 (2021, run by the district, own target 200 M): assigned A 60 M; given: A 40 M.
 * - K7 (2021, run by ward B, own target 50 M, nothing assigned): given B 10 M.
 * - K0 (2020, province; district 50 M): district 10 M.   K3 (2022, province; A 40 M, B 60 M): A 50 M,
 *   B 30 M, district 10 M.   K6 (2026, province, own 500 M; new ward 100 M): new ward 40 M.
 * - Money of no campaign: district 999 M.
 */
beforeAll(async () => {
  t = await createTestApp();
  place = await buildReformedPlace(t.db);
  const { province, district, wardA, wardB, wardC, newWard } = place;
  const fund = (unit: BuiltUnit) => buildFund(t.db, unit, { kind: 'poor', openedOn: '2019-01-01' });
  // One at a time: the factory numbers bank accounts as it goes.
  const funds: BuiltFund[] = [];
  for (const unit of [province, district, wardA, wardB, wardC, newWard]) funds.push(await fund(unit));
  const [pFund, dFund, aFund, bFund, cFund, nFund] = funds;
  const campaign = async (
    runner: BuiltFund,
    year: number,
    target: number | null,
    targets: Array<[BuiltUnit, number]>,
  ) => {
    const built = await buildCampaign(t.db, runner, {
      startsOn: `${year}-01-01`,
      receivingEndsOn: `${year}-12-31`,
      targetAmount: target,
    });
    await upsertTargets(
      t.db,
      built.id,
      targets.map(([unit, amount]) => ({ unitId: unit.unitId, amount })),
    );
    return built.id;
  };
  const k = await campaign(pFund!, 2021, 1_000 * M, [
    [district, 300 * M],
    [wardA, 100 * M],
    [wardB, 120 * M],
  ]);
  const k2 = await campaign(dFund!, 2021, 200 * M, [[wardA, 60 * M]]);
  const k7 = await campaign(bFund!, 2021, 50 * M, []);
  const k0 = await campaign(pFund!, 2020, null, [[district, 50 * M]]);
  const k3 = await campaign(pFund!, 2022, null, [
    [wardA, 40 * M],
    [wardB, 60 * M],
  ]);
  const k6 = await campaign(pFund!, 2026, 500 * M, [[newWard, 100 * M]]);
  const give = (f: BuiltFund | undefined, amount: number, campaignId: string | null, entryDate: string) =>
    postIncome(t.db, f!.id, amount, { campaignId, entryDate });
  await give(dFund, 50 * M, k, '2021-03-01');
  await give(aFund, 80 * M, k, '2021-03-01');
  await receiveItems(
    t.db,
    aFund!.id,
    k,
    [{ item: 'rice', name: 'Gạo', quantity: 500, value: 10 * M }],
    '2021-04-01',
  );
  const mistaken = await give(aFund, 70 * M, k, '2021-04-15');
  await t.db.transaction((tx) =>
    reverseEntry(tx, systemContext(), { entryId: mistaken.id, reason: 'Nhập nhầm', entryDate: '2021-05-01' }),
  );
  await give(bFund, 150 * M, k, '2021-03-01');
  await give(bFund, 30 * M, k, '2021-08-01');
  await give(cFund, 20 * M, k, '2021-03-01');
  await give(aFund, 40 * M, k2, '2021-03-01');
  await give(bFund, 10 * M, k7, '2021-03-01');
  await give(dFund, 10 * M, k0, '2020-06-01');
  await give(aFund, 50 * M, k3, '2022-03-01');
  await give(bFund, 30 * M, k3, '2022-03-01');
  await give(dFund, 10 * M, k3, '2022-03-01');
  await give(nFund, 40 * M, k6, '2026-03-01');
  await give(dFund, 999 * M, null, '2021-03-01');
}, 120_000);
afterAll(() => t.close());

const scopeOf = (unit: BuiltUnit, year: number, periodEnd = `${year}-12-31`) => ({
  unitId: unit.unitId,
  year,
  periodEnd,
});

describe('fund targets achieved', () => {
  it('is raised over the targets assigned to the unit for the year’s campaigns', async () => {
    const { district } = place;
    // K 300 M and K2 60 M (what the district handed down of its own campaign); raised in the district's
    // tree at year end (ward C gone): K 50 + 80 + 10 + 150 + 30, K2 40.
    expect(await fundTargets.compute(t.db, scopeOf(district, 2021))).toEqual({
      value: 100,
      numerator: 360 * M,
      denominator: 360 * M,
      drill: `/campaigns?unit=${district.code}&at=2021-12-31`,
      detail: { campaigns: 2 },
    });
    // At the end of June ward C was still there, and B's August money not yet given.
    expect(await fundTargets.compute(t.db, scopeOf(district, 2021, '2021-06-30'))).toMatchObject({
      value: (350 * 100) / 360,
      numerator: 350 * M,
      denominator: 360 * M,
    });
    expect(await fundTargets.compute(t.db, scopeOf(district, 2020))).toMatchObject({
      value: 20,
      numerator: 10 * M,
      denominator: 50 * M,
    });
  });

  it('takes the sum of the children’s targets for a unit assigned none of its own', async () => {
    const { province, district, wardB } = place;
    // K3 handed targets to the wards only: the district holds 40 + 60 M, and counts its own money too.
    expect(await fundTargets.compute(t.db, scopeOf(district, 2022))).toMatchObject({
      value: 90,
      numerator: 90 * M,
      denominator: 100 * M,
      detail: { campaigns: 1 },
    });
    // The province, running K, holds the district's 300 M of it and the 60 M below the district of K2.
    expect(await fundTargets.compute(t.db, scopeOf(province, 2021))).toMatchObject({
      value: 100,
      numerator: 360 * M,
      denominator: 360 * M,
      detail: { campaigns: 2 },
    });
    // Ward B's own campaign K7 sets a target nobody assigned: only K counts.
    expect(await fundTargets.compute(t.db, scopeOf(wardB, 2021))).toMatchObject({
      value: 150,
      numerator: 180 * M,
      denominator: 120 * M,
      detail: { campaigns: 1 },
    });
  });

  it('rolls up over the new wards in 2026 and gives nothing where no target was assigned', async () => {
    const { province, district, newWard, wardC } = place;
    expect(await fundTargets.compute(t.db, scopeOf(province, 2026))).toMatchObject({
      value: 40,
      numerator: 40 * M,
      denominator: 100 * M,
    });
    expect(await fundTargets.compute(t.db, scopeOf(newWard, 2026))).toMatchObject({ value: 40 });
    expect(await fundTargets.compute(t.db, scopeOf(district, 2026))).toEqual({
      value: null,
      numerator: 0,
      denominator: null,
      drill: null,
    });
    expect(await fundTargets.compute(t.db, scopeOf(wardC, 2021, '2021-06-30'))).toMatchObject({
      value: null,
      numerator: 0,
      denominator: null,
      detail: { campaigns: 0 },
    });
  });

  it('per child equals the value of each child', async () => {
    const { province, district, wardA, wardB, wardC, newWard } = place;
    const cases = [
      { unit: district, year: 2021, periodEnd: '2021-12-31', children: [wardA, wardB] },
      { unit: district, year: 2021, periodEnd: '2021-06-30', children: [wardA, wardB, wardC] },
      { unit: district, year: 2022, periodEnd: '2022-12-31', children: [wardA, wardB] },
      { unit: province, year: 2021, periodEnd: '2021-12-31', children: [district] },
      { unit: province, year: 2026, periodEnd: '2026-12-31', children: [newWard] },
    ];
    for (const { unit, year, periodEnd, children } of cases) {
      const byChild = await fundTargets.computeByChild(t.db, { unitId: unit.unitId, year, periodEnd });
      const scope = { unitId: unit.unitId, year, periodEnd };
      expect(await fundTargets.computeWithChildren(t.db, scope)).toEqual({
        total: await fundTargets.compute(t.db, scope),
        children: byChild,
      });
      expect([...byChild.keys()].sort()).toEqual(children.map((child) => child.unitId).sort());
      for (const child of children) {
        expect(byChild.get(child.unitId), `${child.code} ${periodEnd}`).toEqual(
          await fundTargets.compute(t.db, { unitId: child.unitId, year, periodEnd }),
        );
      }
    }
    const wards = await fundTargets.computeByChild(t.db, scopeOf(district, 2021));
    // Ward A: K 80 + 10 M in kind (the reversed 70 M is not) of 100 M, K2 40 of 60 M.
    expect(wards.get(wardA.unitId)).toMatchObject({ value: 81.25, numerator: 130 * M, denominator: 160 * M });
    expect(wards.get(wardB.unitId)).toMatchObject({ value: 150, numerator: 180 * M, denominator: 120 * M });
  });

  it('is exact as of a date in mid-month: the sum of the lines up to that date', async () => {
    const { district, wardA, wardB } = place;
    // Lines of the unit's funds, up to the date, for the 2021 campaigns in which the unit was assigned a target.
    const fromLines = async (unit: BuiltUnit, at: string) => {
      const [row] = await queryRows<{ raised: string | number }>(
        t.db,
        sql`SELECT coalesce(sum(-l.amount), 0)::bigint AS raised
            FROM ledger_lines l JOIN funds f ON f.id = l.fund_id
            WHERE f.unit_id = ${unit.unitId} AND l.entry_date <= ${at}::date
              AND l.account IN ('donations', 'donations_in_kind')
              AND l.campaign_id IN (
                SELECT t.campaign_id FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id
                WHERE t.unit_id = ${unit.unitId} AND c.starts_on <= ${at}::date AND c.receiving_ends_on >= '2021-01-01'
              )`,
      );
      return Number(row?.raised);
    };
    const cases: Array<[BuiltUnit, string, number]> = [
      // Ward A: K 80 M (1 March), 10 M in kind (1 April), 70 M (15 April, reversed 1 May); K2 40 M.
      [wardA, '2021-04-10', 130 * M],
      [wardA, '2021-04-20', 200 * M],
      [wardA, '2021-04-30', 200 * M],
      [wardA, '2021-05-10', 130 * M],
      // Ward B: K 150 M in March (month totals) and 30 M on 1 August (a day of the partial month).
      [wardB, '2021-07-31', 150 * M],
      [wardB, '2021-08-01', 180 * M],
      [wardB, '2021-08-15', 180 * M],
    ];
    for (const [unit, at, raised] of cases) {
      const value = await fundTargets.compute(t.db, { unitId: unit.unitId, year: 2021, periodEnd: at });
      expect(value.numerator, `${unit.code} ${at}`).toBe(raised);
      expect(value.numerator, `${unit.code} ${at}`).toBe(await fromLines(unit, at));
    }
    // The district's tree in mid-April: K 50 + 80 + 10 + 70 + 150 + 20 (ward C), K2 40.
    expect(
      await fundTargets.compute(t.db, { unitId: district.unitId, year: 2021, periodEnd: '2021-04-20' }),
    ).toMatchObject({ numerator: 420 * M, denominator: 360 * M });
    expect(splitAtMonths('2021-04-30')).toEqual({ monthsBefore: '2021-05-01', daysFrom: null });
    expect(splitAtMonths('2021-12-31')).toEqual({ monthsBefore: '2022-01-01', daysFrom: null });
    expect(splitAtMonths('2024-02-28')).toEqual({ monthsBefore: '2024-02-01', daysFrom: '2024-02-01' });
    expect(splitAtMonths('2024-02-29')).toEqual({ monthsBefore: '2024-03-01', daysFrom: null });
  });

  it('keeps the month totals equal to a rebuild from the lines after posting and reversing', async () => {
    const { newWard } = place;
    const [k6] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT campaign_id::text AS id FROM campaign_targets WHERE unit_id = ${newWard.unitId}`,
    );
    const fund = await buildFund(t.db, newWard, { kind: 'poor', openedOn: '2019-01-01' });
    const give = (amount: number, campaignId: string | null, entryDate: string) =>
      postIncome(t.db, fund.id, amount, { campaignId, entryDate });
    await give(10 * M, k6!.id, '2027-02-03');
    const mistaken = await give(20 * M, k6!.id, '2027-02-20');
    await give(5 * M, null, '2027-02-20');
    await give(7 * M, k6!.id, '2027-03-05');
    await t.db.transaction((tx) =>
      reverseEntry(tx, systemContext(), {
        entryId: mistaken.id,
        reason: 'Nhập nhầm',
        entryDate: '2027-03-10',
      }),
    );
    const kept = () =>
      queryRows<{
        fund_id: string;
        campaign_id: string | null;
        month: string;
        account: string;
        amount: string;
        lines: number;
      }>(
        t.db,
        sql`SELECT fund_id::text AS fund_id, campaign_id::text AS campaign_id, to_char(month, 'YYYY-MM-DD') AS month,
              account, amount::text AS amount, lines
            FROM ledger_month_totals ORDER BY fund_id, campaign_id NULLS FIRST, month, account`,
      );
    const before = await kept();
    const donations = before
      .filter((row) => row.fund_id === fund.id && row.account === 'donations')
      .map((row) => [row.campaign_id, row.month, Number(row.amount), row.lines]);
    expect(donations).toEqual([
      [null, '2027-02-01', -5 * M, 1],
      [k6!.id, '2027-02-01', -30 * M, 2],
      [k6!.id, '2027-03-01', 13 * M, 2],
    ]);
    await t.db.execute(sql`SELECT ledger_month_totals_rebuild()`);
    expect(await kept()).toEqual(before);
  });
});
