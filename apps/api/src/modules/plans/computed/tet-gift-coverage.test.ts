import { householdCategories, isPolicyFamily } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltUnit, buildStandingCommittee, buildTreasurer, login } from '../../../../test/factories';
import { type BuiltFund, buildFund, postIncome } from '../../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { expectKeptThroughChurn } from '../../../../test/kept-figures';
import { buildReformedPlace, type ReformedPlace } from '../../../../test/plan-factories';
import { buildHousehold, type CategorySpell } from '../../../../test/program-factories';
import { queryRows } from '../../../db/client';
import { householdCategoryKinds } from '../../../db/schema/index';
import { systemContext } from '../../../lib/context';
import { reverseEntry } from '../../funds/ledger.service';
import { tetGiftCoverage } from './tet-gift-coverage';

let t: TestApp;
let place: ReformedPlace;
let serial = 0;

/**
 * Households of the reformed place and what they received.
 * Ward A's Tết programme (eligible on 15 January 2021) pays h1 (near-poor), h2 (martyr's family and
 * near-poor: counted once), h10 (war invalid, confirmed); h3 (policy family) is only planned, h4's
 * payment is reversed; h9 holds a committee's own policy-family category and got a 2020 Tết gift and
 * a 2021 cash payment, neither of which counts. Not of the kind: h5 (near-poor until 1 January 2021),
 * h6 (near-poor from 1 February 2021), h7 (poor), h8 (Agent Orange).
 * Ward B's programme (eligible on 10 January) pays h11; h12 arrived in B after that day. Ward C runs
 * none: h13 (martyr's family) and h14 (near-poor from February) live in its group c1, which went on
 * under ward B on 1 July 2021. In 2026 the new ward's programme pays h1.
 */
beforeAll(async () => {
  t = await createTestApp();
  place = await buildReformedPlace(t.db);
  const { province, wardA, wardB, wardC, newWard, a1, a2, b1, c1 } = place;
  await t.db.insert(householdCategoryKinds).values({
    code: 'policy_custom',
    nameVi: 'Gia đình có công (địa phương)',
    nameEn: 'Local policy family',
    groupCode: 'policy_family',
  });
  const committee = await login(t.app, await buildStandingCommittee(t.db, province));
  const treasurer = await login(t.app, await buildTreasurer(t.db, province));
  const funds = new Map<BuiltUnit, BuiltFund>();
  for (const ward of [wardA, wardB, newWard]) {
    const fund = await buildFund(t.db, ward, { kind: 'poor', openedOn: '2019-01-01' });
    await postIncome(t.db, fund.id, 100_000_000, { entryDate: '2019-06-01' });
    funds.set(ward, fund);
  }
  const call = async (method: 'POST', url: string, cookie: string, payload: unknown, status: number) => {
    const response = await t.call(method, url, { cookie, payload });
    if (response.statusCode !== status) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const program = async (ward: BuiltUnit, kind: string, eligibleOn: string, periodFrom: string) => {
    serial += 1;
    return (
      await call(
        'POST',
        '/api/programs',
        committee,
        {
          unitCode: ward.code,
          fundId: funds.get(ward)!.id,
          code: `TET-TEST-${serial}`,
          name: `Chương trình ${serial}`,
          kind,
          periodFrom,
          periodTo: `${periodFrom.slice(0, 4)}-12-31`,
          eligibleCategories: [
            'near_poor',
            'policy_martyr',
            'policy_family',
            'policy_war_invalid',
            'policy_custom',
          ],
          eligibleOn,
          amountPerHousehold: 500_000,
        },
        201,
      )
    ).id as string;
  };
  const plan = async (programId: string, householdIds: string[]) =>
    (await call('POST', `/api/programs/${programId}/distributions`, committee, { householdIds }, 201))
      .ids as string[];
  const pay = async (ids: string[], paidOn: string) =>
    (await call('POST', '/api/distributions/pay', treasurer, { ids, paidOn, method: 'cash' }, 200))
      .entryIds as string[];
  const household = async (
    group: BuiltUnit,
    ward: BuiltUnit,
    categories: CategorySpell[],
    placedFrom?: string,
  ) => (await buildHousehold(t.db, { group, ward, categories, ...(placedFrom ? { placedFrom } : {}) })).id;

  const since = (category: string, from = '2015-01-01', to: string | null = null) => ({ category, from, to });
  const h1 = await household(a1, wardA, [since('near_poor', '2019-01-01')]);
  const h2 = await household(a1, wardA, [since('policy_martyr'), since('near_poor', '2019-01-01')]);
  const h3 = await household(a1, wardA, [since('policy_family')]);
  const h4 = await household(a1, wardA, [since('near_poor', '2019-01-01')]);
  await household(a1, wardA, [since('near_poor', '2019-01-01', '2021-01-01')]);
  await household(a1, wardA, [since('near_poor', '2021-02-01')]);
  await household(a1, wardA, [since('poor', '2019-01-01')]);
  await household(a1, wardA, [since('agent_orange')]);
  const h9 = await household(a1, wardA, [since('policy_custom')]);
  const h10 = await household(a2, wardA, [since('policy_war_invalid')]);
  const h11 = await household(b1, wardB, [since('near_poor', '2019-01-01')]);
  await household(b1, wardB, [since('near_poor', '2019-01-01')], '2021-01-12');
  await household(c1, wardC, [since('policy_martyr')]);
  await household(c1, wardC, [since('near_poor', '2021-02-01')]);

  const tetA = await program(wardA, 'tet_gift', '2021-01-15', '2021-01-20');
  const [p1, p2, , p4, p10] = await plan(tetA, [h1, h2, h3, h4, h10]);
  const [, , e4] = await pay([p1!, p2!, p4!, p10!], '2021-02-01');
  await call('POST', `/api/distributions/${p10}/confirm`, committee, { confirmedOn: '2021-02-03' }, 200);
  await t.db.transaction((tx) =>
    reverseEntry(tx, systemContext(), { entryId: e4!, reason: 'Chi nhầm hộ', entryDate: '2021-02-15' }),
  );
  await pay(await plan(await program(wardA, 'tet_gift', '2020-01-10', '2020-01-15'), [h9]), '2020-01-20');
  await pay(await plan(await program(wardA, 'cash', '2021-01-15', '2021-03-01'), [h9]), '2021-03-05');
  const tetB = await program(wardB, 'tet_gift', '2021-01-10', '2021-01-20');
  await pay(await plan(tetB, [h11]), '2021-02-01');
  await pay(await plan(await program(newWard, 'tet_gift', '2026-01-10', '2026-01-12'), [h1]), '2026-01-20');
}, 180_000);
afterAll(() => t.close());

const scopeOf = (unit: BuiltUnit, year: number, periodEnd = `${year}-12-31`) => ({
  unitId: unit.unitId,
  year,
  periodEnd,
});

describe('Tết-gift coverage', () => {
  it('is policy-family and near-poor households given a Tết gift over all of them', async () => {
    const { district, wardA, wardB } = place;
    expect(await tetGiftCoverage.compute(t.db, scopeOf(wardA, 2021))).toEqual({
      value: 50,
      numerator: 3,
      denominator: 6,
      drill: `/programs?unit=${wardA.code}&at=2021-12-31&kind=tet_gift&year=2021`,
      detail: { policy: 4, policySupported: 2, nearPoor: 3, nearPoorSupported: 2 },
    });
    // Ward B at the year's end: h11 (given) and h13, whose group came from ward C in July.
    expect(await tetGiftCoverage.compute(t.db, scopeOf(wardB, 2021))).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    expect(await tetGiftCoverage.compute(t.db, scopeOf(district, 2021))).toMatchObject({
      value: 50,
      numerator: 4,
      denominator: 8,
    });
  });

  it('takes a ward without a programme on the period’s end, and the tree of that day', async () => {
    const { district, wardC } = place;
    // At the end of March ward C still held c1 and ran no programme: h13 and h14 (near-poor since
    // February) are counted on 31 March, and neither was given anything.
    expect(await tetGiftCoverage.compute(t.db, scopeOf(wardC, 2021, '2021-03-31'))).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 2,
    });
    expect(await tetGiftCoverage.compute(t.db, scopeOf(district, 2021, '2021-03-31'))).toMatchObject({
      numerator: 4,
      denominator: 9,
    });
    expect(await tetGiftCoverage.compute(t.db, scopeOf(wardC, 2021))).toEqual({
      value: null,
      numerator: 0,
      denominator: null,
      drill: null,
    });
  });

  it('counts the new ward’s programme in 2026 and nothing of earlier years', async () => {
    const { province, district } = place;
    // Eleven households of the kind on 10 January 2026 (h5's near-poor status had ended); h1 given.
    expect(await tetGiftCoverage.compute(t.db, scopeOf(province, 2026))).toMatchObject({
      numerator: 1,
      denominator: 11,
    });
    expect(await tetGiftCoverage.compute(t.db, scopeOf(district, 2026))).toMatchObject({ value: null });
    // 2020: ward A's programme of that year (eligible 10 January 2020) gave h9 its gift.
    expect(await tetGiftCoverage.compute(t.db, scopeOf(place.wardA, 2020))).toMatchObject({ numerator: 1 });
  });

  it('per child equals the value of each child', async () => {
    const { province, district, wardA, wardB, wardC, newWard, a1, a2 } = place;
    const cases = [
      { unit: district, year: 2021, periodEnd: '2021-12-31', children: [wardA, wardB] },
      { unit: district, year: 2021, periodEnd: '2021-03-31', children: [wardA, wardB, wardC] },
      { unit: wardA, year: 2021, periodEnd: '2021-12-31', children: [a1, a2] },
      { unit: province, year: 2021, periodEnd: '2021-12-31', children: [district] },
      { unit: province, year: 2026, periodEnd: '2026-12-31', children: [newWard] },
    ];
    for (const { unit, year, periodEnd, children } of cases) {
      const byChild = await tetGiftCoverage.computeByChild(t.db, { unitId: unit.unitId, year, periodEnd });
      const scope = { unitId: unit.unitId, year, periodEnd };
      expect(await tetGiftCoverage.computeWithChildren(t.db, scope)).toEqual({
        total: await tetGiftCoverage.compute(t.db, scope),
        children: byChild,
      });
      expect([...byChild.keys()].sort()).toEqual(children.map((child) => child.unitId).sort());
      for (const child of children) {
        expect(byChild.get(child.unitId), `${child.code} ${periodEnd}`).toEqual(
          await tetGiftCoverage.compute(t.db, { unitId: child.unitId, year, periodEnd }),
        );
      }
    }
  });

  it('takes as policy families the categories the domain does, and a committee’s own of that group', async () => {
    const policy = async (code: string) =>
      (
        await queryRows<{ policy: boolean }>(t.db, sql`SELECT tet_gift_policy_category(${code}) AS policy`)
      )[0]!.policy;
    for (const category of householdCategories) {
      expect(await policy(category.code), category.code).toBe(isPolicyFamily(category.code));
    }
    expect(await policy('policy_custom')).toBe(true);
  });

  it('plans each recomputation for the households at hand, so a bulk import stays linear', async () => {
    // A generic plan, which PostgreSQL picks after five calls, guesses ten households and turned an
    // import of 4,000 into 20 s.
    const rows = await queryRows<{ name: string; config: string[] | null }>(
      t.db,
      sql`SELECT proname AS name, proconfig AS config FROM pg_proc
        WHERE proname IN ('tet_gift_figures_refresh', 'tet_gift_figures_move') ORDER BY proname`,
    );
    expect(rows).toEqual([
      { name: 'tet_gift_figures_move', config: ['plan_cache_mode=force_custom_plan'] },
      { name: 'tet_gift_figures_refresh', config: ['plan_cache_mode=force_custom_plan'] },
    ]);
  });

  it('are kept by the database through every kind of change, equal to a recomputation from the records', async () => {
    await expectKeptThroughChurn(t.db, 'tetGifts');
  });
});
