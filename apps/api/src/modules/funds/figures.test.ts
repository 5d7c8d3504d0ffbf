import type { MoneyFigures } from '@doanket/domain';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildProvince, buildTreasurer, buildWard, login } from '../../../test/factories';
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { systemContext } from '../../lib/context';
import { createSealer } from '../../lib/crypto';
import { seedDemo } from '../../seed/demo';
import { donationDetails, recordDonation } from './donations.posting';
import * as fundsRepo from './funds.repository';
import { findFund } from './ledger.repository';
import { checkDetailDigest, reverseEntry } from './ledger.service';

let t: TestApp;
const password = 'demo-password-for-tests';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, password, { sealer: createSealer(Buffer.alloc(32, 7)), register: true });
}, 300_000);
afterAll(() => t.close());

const rows = <T>(query: SQL) => queryRows<T>(t.db, query);
const one = async <T>(query: SQL) => (await rows<T>(query))[0]!;
const billion = 1_000_000_000;
const million = 1_000_000;

async function figures(cookie: string, unit: string, year = 2021): Promise<MoneyFigures> {
  const response = await t.call('GET', `/api/stats/funds?unit=${unit}&year=${year}`, { cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The district's subtree on 31 December 2021, straight from the unit versions. */
const districtSubtree = sql`
  WITH RECURSIVE down(unit_id) AS (
    SELECT unit_id FROM unit_versions WHERE code = '021' AND valid_from <= '2021-12-31' AND valid_to > '2021-12-31'
    UNION
    SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
    WHERE v.valid_from <= '2021-12-31' AND (v.valid_to IS NULL OR v.valid_to > '2021-12-31')
  )`;

describe('the money of Bắc Từ Liêm in 2021', () => {
  it('gives the figures the district reported, out of its records', async () => {
    const cookie = await login(t.app, { id: '', username: 'ketoan', password });
    const f = await figures(cookie, '021');
    expect(f.unitName).toBe('Quận Bắc Từ Liêm');

    // 50 funds holding over 4.1 billion.
    expect(f.funds.count).toBe(50);
    expect(f.funds.balance).toBeGreaterThanOrEqual(4.1 * billion);
    expect(f.funds.balance).toBeLessThan(4.2 * billion);

    // Fund for the Poor: over 2.3 billion raised = 157% of the city's target.
    expect(f.poorFund.raised).toBeGreaterThanOrEqual(2.3 * billion);
    expect(f.poorFund.raised).toBeLessThan(2.4 * billion);
    expect(f.poorFund.target).not.toBeNull();
    expect(Math.round((f.poorFund.raised / f.poorFund.target!) * 100)).toBe(157);
    expect(Math.round(f.poorFund.percent!)).toBe(157);
    expect(f.poorFund.cash + f.poorFund.inKindValue).toBe(f.poorFund.raised);

    // Tết Tân Sửu: 902 visits; 6 Great Solidarity houses; over 1.5 billion of support in all.
    const kind = (code: string) => f.support.byProgramKind.find((row) => row.kind === code);
    expect(kind('tet_gift')?.distributions).toBe(902);
    expect(kind('solidarity_house')?.distributions).toBe(6);
    expect(f.support.spent).toBeGreaterThan(1.5 * billion);
    expect(f.support.spent).toBeLessThan(1.6 * billion);
    expect(f.support.byProgramKind.reduce((sum, row) => sum + row.amount, 0)).toBe(f.support.spent);

    // "Sóng và máy tính cho em": over 228 million in cash, 20 computers, 124 smartphones and
    // 27 tablets, over 777 million in all, for 171 students.
    const devices = f.campaigns.find((campaign) => campaign.code === 'SMTCE2021-BTL');
    expect(devices).toBeDefined();
    expect(devices!.cash).toBeGreaterThanOrEqual(228 * million);
    expect(devices!.cash).toBeLessThan(229 * million);
    const quantity = (item: string) => devices!.items.find((row) => row.item === item)?.quantity;
    expect([quantity('computer'), quantity('smartphone'), quantity('tablet')]).toEqual([20, 124, 27]);
    expect(devices!.raised).toBeGreaterThanOrEqual(777 * million);
    expect(devices!.raised).toBeLessThan(778 * million);
    expect(devices!.students).toBe(171);
    expect(devices!.supportedHouseholds).toBe(171);
    expect(devices!.itemsGiven.map((row) => row.quantity)).toEqual(devices!.items.map((row) => row.quantity));

    // Nearly 14 billion for the Covid-19 prevention funds and the Hà Nội Vaccine fund.
    const given = (code: string) => f.donations.byFundKind.find((row) => row.kind === code)?.amount ?? 0;
    expect(given('covid') + given('vaccine')).toBeGreaterThanOrEqual(13.5 * billion);
    expect(given('covid') + given('vaccine')).toBeLessThan(14 * billion);

    // The city's campaign shows the district's share against the target the city assigned it.
    const poorCampaign = f.campaigns.find((campaign) => campaign.code === 'VNN2021-HN');
    expect(poorCampaign).toMatchObject({ share: true, unitCode: '01', target: f.poorFund.target });
    expect(poorCampaign!.raised).toBe(f.poorFund.raised);
  });

  it('adds up to what the records hold, counted another way', async () => {
    const cookie = await login(t.app, { id: '', username: 'btl', password });
    const f = await figures(cookie, '021');
    const balance = await one<{ balance: string }>(sql`${districtSubtree}
      SELECT sum(l.amount)::bigint AS balance FROM ledger_lines l JOIN funds f ON f.id = l.fund_id
      WHERE f.unit_id IN (SELECT unit_id FROM down) AND l.entry_date <= '2021-12-31'
        AND l.account IN ('cash', 'bank', 'goods')`);
    expect(f.funds.balance).toBe(Number(balance.balance));
    const poor = await one<{ raised: string; donations: number }>(sql`${districtSubtree}
      SELECT sum(x.amount)::bigint AS raised, count(*)::int AS donations FROM donations x JOIN funds f ON f.id = x.fund_id
      WHERE f.kind = 'poor' AND f.unit_id IN (SELECT unit_id FROM down) AND x.received_on BETWEEN '2021-01-01' AND '2021-12-31'`);
    expect(f.poorFund.raised).toBe(Number(poor.raised));
    expect(f.poorFund.donations).toBe(poor.donations);
    const target = await one<{ amount: string }>(sql`
      SELECT t.amount FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id
      JOIN unit_versions v ON v.unit_id = t.unit_id AND v.code = '021'
      WHERE c.code = 'VNN2021-HN'`);
    expect(f.poorFund.target).toBe(Number(target.amount));
    const tet = await one<{ visits: number }>(sql`
      SELECT count(*)::int AS visits FROM distributions x JOIN support_programs g ON g.id = x.program_id
      WHERE g.kind = 'tet_gift' AND x.paid_on BETWEEN '2021-01-01' AND '2021-02-11'`);
    expect(tet.visits).toBe(902);
    // Donations of the year from the donations table, in all, equal the ledger's donation accounts.
    const all = await one<{ amount: string; donations: number }>(sql`${districtSubtree}
      SELECT sum(x.amount)::bigint AS amount, count(*)::int AS donations FROM donations x JOIN funds f ON f.id = x.fund_id
      WHERE f.unit_id IN (SELECT unit_id FROM down) AND x.received_on BETWEEN '2021-01-01' AND '2021-12-31'`);
    expect(f.donations.amount).toBe(Number(all.amount));
    expect(f.donations.donations).toBe(all.donations);
    expect(all.donations).toBeGreaterThan(300);
  });

  it('keeps every fund chained, balanced and numbered without gaps', async () => {
    const cookie = await login(t.app, { id: '', username: 'admin', password });
    const funds = await rows<{ id: string }>(sql`SELECT id::text AS id FROM funds ORDER BY name`);
    expect(funds.length).toBe(52);
    for (const fund of funds) {
      const verify = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie });
      expect(verify.statusCode).toBe(200);
      expect(verify.json(), fund.id).toMatchObject({ ok: true, firstBrokenEntry: null });
    }
    const gaps = await rows<{ fund_id: string }>(sql`
      SELECT x.fund_id::text FROM donations x JOIN receipt_counters c ON c.fund_id = x.fund_id AND c.year = x.receipt_year
      GROUP BY x.fund_id, x.receipt_year, c.last_no
      HAVING count(*) <> c.last_no OR max(x.receipt_no) <> c.last_no OR count(DISTINCT x.receipt_no) <> count(*)`);
    expect(gaps).toEqual([]);
    // A donation's entry commits to its private details: rebuilt from its rows, they match.
    const seeded = await rows<{
      receipt_year: number;
      receipt_no: number;
      donor_kind: string;
      donor_name: string | null;
      household_id: string | null;
      method: string;
      amount: string;
      received_on: string;
      detail_salt: string;
      digest: string;
      items: Array<{ item: string; name: string; quantity: number; value: number }>;
    }>(sql`
      SELECT x.receipt_year, x.receipt_no, x.donor_kind, x.donor_name, x.household_id::text AS household_id,
        x.method, x.amount, to_char(x.received_on, 'YYYY-MM-DD') AS received_on, x.detail_salt,
        e.detail_digest AS digest,
        coalesce((SELECT json_agg(json_build_object('item', i.item, 'name', i.name, 'quantity', i.quantity,
          'value', i.value) ORDER BY i.line_no) FROM donation_items i WHERE i.donation_id = x.id), '[]') AS items
      FROM donations x JOIN ledger_entries e ON e.id = x.entry_id
      ORDER BY x.method = 'in_kind' DESC, x.donor_kind, x.receipt_no LIMIT 40`);
    expect(seeded.length).toBe(40);
    for (const row of seeded) {
      const details = donationDetails({
        receiptYear: Number(row.receipt_year),
        receiptNo: Number(row.receipt_no),
        donorKind: row.donor_kind,
        donorName: row.donor_name,
        householdId: row.household_id,
        method: row.method,
        amount: Number(row.amount),
        receivedOn: row.received_on,
        items: (typeof row.items === 'string' ? JSON.parse(row.items) : row.items).map(
          (item: { item: string; name: string; quantity: number; value: number }) => ({
            item: item.item,
            name: item.name,
            quantity: Number(item.quantity),
            value: Number(item.value),
          }),
        ),
      });
      expect(checkDetailDigest(row.detail_salt, details, row.digest)).toBe(true);
    }
    const negative = await rows<{ fund_id: string }>(sql`
      SELECT fund_id::text FROM ledger_lines WHERE account IN ('cash', 'bank', 'goods')
      GROUP BY fund_id, account HAVING sum(amount) < 0`);
    expect(negative).toEqual([]);
  });

  it('draws donors and the households supported from the register, and names no one in a memo', async () => {
    const households = await one<{ donors: number; unknown: number }>(sql`
      SELECT count(*)::int AS donors, count(*) FILTER (WHERE h.id IS NULL)::int AS unknown
      FROM donations x LEFT JOIN households h ON h.id = x.household_id WHERE x.donor_kind = 'household'`);
    expect(households.donors).toBeGreaterThan(50);
    expect(households.unknown).toBe(0);
    // Each household supported had one of its programme's categories on the eligibility date.
    const ineligible = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM distributions x JOIN support_programs g ON g.id = x.program_id
      WHERE NOT EXISTS (
        SELECT 1 FROM household_categories c WHERE c.household_id = x.household_id
          AND g.eligible_categories ? c.category
          AND c.valid_from <= g.eligible_on AND (c.valid_to IS NULL OR c.valid_to > g.eligible_on))`);
    expect(ineligible.n).toBe(0);
    const students = await one<{ n: number; school_age: number; own: number }>(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE coalesce(extract(year FROM p.birth_date)::int, p.birth_year) BETWEEN 2004 AND 2015)::int AS school_age,
        count(*) FILTER (WHERE p.household_id = x.household_id)::int AS own
      FROM distributions x JOIN support_programs g ON g.id = x.program_id AND g.kind = 'student_device'
      JOIN persons p ON p.id = x.person_id`);
    expect(students).toEqual({ n: 171, school_age: 171, own: 171 });
    const memos = await rows<{ memo: string }>(sql`SELECT DISTINCT memo FROM ledger_entries`);
    const names = await rows<{ name: string }>(sql`
      SELECT DISTINCT donor_name AS name FROM donations WHERE donor_kind IN ('person', 'household')`);
    expect(names.length).toBeGreaterThan(100);
    const named = memos.filter((row) => names.some(({ name }) => row.memo.includes(name)));
    expect(named).toEqual([]);
  });

  it('answers a ward its own figures and its target, and no one what they may not read', async () => {
    const ward = await login(t.app, { id: '', username: 'ketoanxd', password });
    const f = await figures(ward, '00610');
    expect(f.funds.count).toBeGreaterThanOrEqual(3);
    const target = await one<{ amount: string }>(sql`
      SELECT t.amount FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id
      JOIN unit_versions v ON v.unit_id = t.unit_id AND v.code = '00610' AND v.valid_to = '2025-07-01'
      WHERE c.code = 'VNN2021-HN'`);
    expect(f.poorFund.target).toBe(Number(target.amount));
    expect(f.support.byProgramKind.find((row) => row.kind === 'tet_gift')?.distributions).toBeGreaterThan(0);
    // The city's campaign gave the ward a target; the district's devices campaign went through the
    // district's fund, so the ward has no figures of it.
    expect(f.campaigns.map((campaign) => campaign.code)).toEqual(['VNN2021-HN']);
    expect(f.campaigns[0]).toMatchObject({ share: true, target: Number(target.amount) });
    expect((await t.call('GET', '/api/stats/funds?unit=00595&year=2021', { cookie: ward })).statusCode).toBe(
      404,
    );
    expect((await t.call('GET', '/api/stats/funds?unit=NOPE1&year=2021', { cookie: ward })).statusCode).toBe(
      404,
    );
    const bad = await t.call('GET', '/api/stats/funds?unit=00610&year=twenty', { cookie: ward });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'year', messageEn: 'Invalid year (2000 to 2100)' });
    expect((await t.call('GET', '/api/stats/funds?unit=00610&year=2021')).statusCode).toBe(401);
    // The same ward code means another ward after the reform: 2021 reads the old one, 2026 none.
    expect((await t.call('GET', '/api/stats/funds?unit=00610&year=2026', { cookie: ward })).statusCode).toBe(
      404,
    );
  });
});

describe('money figures follow the records', () => {
  it('count a donation when it is recorded and stop counting it when its entry is reversed', async () => {
    const province = await buildProvince(t.db);
    const district = await buildDistrict(t.db, province);
    const ward = await buildWard(t.db, district);
    const cookie = await login(t.app, await buildTreasurer(t.db, district));
    const cityFund = await buildFund(t.db, province, { kind: 'poor' });
    const campaign = await buildCampaign(t.db, cityFund, { targetAmount: 10 * billion });
    await fundsRepo.upsertTargets(t.db, campaign.id, [{ unitId: district.unitId, amount: 8 * million }]);
    const wardFund = await buildFund(t.db, ward, { kind: 'poor' });

    const before = await figures(cookie, district.code);
    expect(before.funds.count).toBe(1);
    expect(before.poorFund).toMatchObject({ raised: 0, donations: 0, target: 8 * million, percent: 0 });

    const fund = (await findFund(t.db, wardFund.id))!;
    const row = (await fundsRepo.findCampaign(t.db, campaign.id))!;
    const recorded = await t.db.transaction((tx) =>
      recordDonation(tx, systemContext(), {
        fund,
        campaign: row,
        donor: { kind: 'person', name: 'Trần Văn Bình', publishName: false },
        method: 'cash',
        amount: 2_500_000,
        receivedOn: '2021-11-02',
      }),
    );
    const after = await figures(cookie, district.code);
    expect(after.poorFund).toMatchObject({ raised: 2_500_000, cash: 2_500_000, donations: 1, percent: 31.3 });
    expect(after.funds.balance).toBe(2_500_000);
    expect(after.campaigns.find((c) => c.code === campaign.code)).toMatchObject({
      share: true,
      raised: 2_500_000,
      target: 8 * million,
      donations: 1,
    });
    // Another year's figures do not move.
    expect((await figures(cookie, district.code, 2022)).poorFund.raised).toBe(0);

    await t.db.transaction((tx) =>
      reverseEntry(tx, systemContext(), {
        entryId: recorded.entryId,
        reason: 'Nhập nhầm',
        entryDate: '2021-11-03',
      }),
    );
    const reversed = await figures(cookie, district.code);
    expect(reversed.poorFund).toMatchObject({ raised: 0, donations: 0 });
    expect(reversed.funds.balance).toBe(0);
  });
});
