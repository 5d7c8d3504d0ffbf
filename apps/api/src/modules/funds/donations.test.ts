import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDonationPlace,
  buildHouseholdWithHead,
  buildStrictCampaign,
  cashDonation,
} from '../../../test/donation-factories';
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) => {
  const [row] = await queryRows<{ n: number }>(t.db, query);
  return row?.n ?? 0;
};
const donationsOf = (fundId: string) =>
  count(sql`SELECT count(*)::int AS n FROM donations WHERE fund_id = ${fundId}`);
const entriesOf = (fundId: string) =>
  count(sql`SELECT count(*)::int AS n FROM ledger_entries WHERE fund_id = ${fundId}`);

const post = (cookie: string, payload: unknown, key?: string) =>
  t.call('POST', '/api/donations', {
    cookie,
    payload,
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });

describe('recording donations', () => {
  it('records 50 concurrent donations once each, with receipt numbers 1..50 and the balance their sum', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const amounts = Array.from({ length: 50 }, (_, index) => 100_000 + index * 1_000);
    const answers = await Promise.all(
      amounts.map((amount, index) =>
        post(
          place.treasurer,
          cashDonation(fund.id, { amount, donor: { kind: 'person', name: `Người ủng hộ ${index + 1}` } }),
        ),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(amounts.map(() => 201));
    const numbers = answers.map((answer) => answer.json().receiptNumber as string);
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 50 }, (_, index) => `${String(index + 1).padStart(6, '0')}/2021`),
    );
    const stored = await queryRows<{ receipt_no: number }>(
      t.db,
      sql`SELECT receipt_no FROM donations WHERE fund_id = ${fund.id} AND receipt_year = 2021 ORDER BY receipt_no`,
    );
    expect(stored.map((row) => row.receipt_no)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));

    const sum = amounts.reduce((total, amount) => total + amount, 0);
    const balance = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(balance.json()).toEqual({ income: sum, spending: 0, balance: sum });
    const verify = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(verify.json()).toMatchObject({ ok: true, entries: 50, firstBrokenEntry: null });
  });

  it('answers a retried post with the same key once, in sequence and at the same time', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const body = cashDonation(fund.id, { amount: 2_500_000 });

    const first = await post(place.treasurer, body, 'row-1-abc');
    const again = await post(place.treasurer, body, 'row-1-abc');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await donationsOf(fund.id)).toBe(1);

    const together = await Promise.all([
      post(place.treasurer, body, 'row-2-def'),
      post(place.treasurer, body, 'row-2-def'),
      post(place.treasurer, body, 'row-2-def'),
    ]);
    expect(together.map((answer) => answer.statusCode)).toEqual([201, 201, 201]);
    expect(together[1]?.json()).toEqual(together[0]?.json());
    expect(together[2]?.json()).toEqual(together[0]?.json());
    expect(together[0]?.json().receiptNumber).toBe('000002/2021');
    expect(await donationsOf(fund.id)).toBe(2);

    const changed = await post(place.treasurer, { ...body, amount: 2_600_000 }, 'row-1-abc');
    expect(changed.statusCode).toBe(409);
    expect(changed.json().message).toContain('Khóa chống ghi trùng');

    // The key belongs to its user: another treasurer's same key is a new donation.
    const district = await post(place.districtTreasurer, body, 'row-1-abc');
    expect(district.statusCode).toBe(201);
    expect(district.json().id).not.toBe(first.json().id);
    expect(await donationsOf(fund.id)).toBe(3);

    for (const key of ['', 'has space', 'x'.repeat(201), 'khóa']) {
      const bad = await post(place.treasurer, body, key);
      expect(bad.statusCode, key).toBe(400);
      expect(bad.json().fields[0].path).toBe('Idempotency-Key');
    }
    expect(await donationsOf(fund.id)).toBe(3);
  });

  it('lets only the fund’s treasurer post', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    for (const cookie of [place.officer, place.viewer, place.standingCommittee]) {
      const refused = await post(cookie, cashDonation(fund.id));
      expect(refused.statusCode).toBe(403);
    }
    const outside = await post(place.otherTreasurer, cashDonation(fund.id));
    expect(outside.statusCode).toBe(404);
    const unknown = await post(place.treasurer, cashDonation('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().fields[0].path).toBe('fundId');
    expect(await donationsOf(fund.id)).toBe(0);
    expect(await entriesOf(fund.id)).toBe(0);
    // The district's treasurer covers the wards below.
    expect((await post(place.districtTreasurer, cashDonation(fund.id))).statusCode).toBe(201);
  });

  it('refuses bad input with field errors and records nothing', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildStrictCampaign(t.db, fund, {
      startsOn: '2021-03-01',
      receivingEndsOn: '2021-05-29',
    });
    const otherFund = await buildFund(t.db, place.otherWard);
    const otherCampaign = await buildCampaign(t.db, otherFund);
    const auditBefore = await count(sql`SELECT count(*)::int AS n FROM audit_events`);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['negative', { amount: -1 }, 'amount'],
      ['fractional', { amount: 1.5 }, 'amount'],
      ['zero', { amount: 0 }, 'amount'],
      ['too large', { amount: 1e15 }, 'amount'],
      ['as text', { amount: '1000' }, 'amount'],
      ['malformed date', { receivedOn: '2021-02-30' }, 'receivedOn'],
      ['future date', { receivedOn: '2999-01-01' }, 'receivedOn'],
      ['before the fund opened', { receivedOn: '2019-12-31' }, 'receivedOn'],
      ['unknown method', { method: 'cheque' }, 'method'],
      ['person without a name', { donor: { kind: 'person', name: '  ' } }, 'donor.name'],
      ['household without a household', { donor: { kind: 'household' } }, 'donor.householdId'],
      ['items on cash', { items: [{ item: 'rice', name: 'Gạo', quantity: 1, value: 1_000_000 }] }, 'items'],
      [
        'in kind without items',
        { method: 'in_kind', campaignId: campaign.id, receivedOn: '2021-03-05' },
        'items',
      ],
      [
        'items not matching the amount',
        {
          method: 'in_kind',
          campaignId: campaign.id,
          amount: 1_000_000,
          items: [{ item: 'rice', name: 'Gạo', quantity: 10, value: 900_000 }],
        },
        'amount',
      ],
      [
        'in kind without a campaign',
        {
          method: 'in_kind',
          amount: 900_000,
          items: [{ item: 'rice', name: 'Gạo', quantity: 10, value: 900_000 }],
        },
        'campaignId',
      ],
      ['unknown campaign', { campaignId: '00000000-0000-4000-8000-000000000001' }, 'campaignId'],
      ['campaign of another ward', { campaignId: otherCampaign.id }, 'campaignId'],
      ['after the receiving period', { campaignId: campaign.id, receivedOn: '2021-05-30' }, 'receivedOn'],
      ['before the receiving period', { campaignId: campaign.id, receivedOn: '2021-02-28' }, 'receivedOn'],
      ['unknown pledge', { pledgeId: '00000000-0000-4000-8000-000000000002' }, 'pledgeId'],
    ];
    for (const [label, overrides, path] of cases) {
      const response = await post(place.treasurer, cashDonation(fund.id, overrides));
      expect(response.statusCode, label).toBe(400);
      const body = response.json();
      expect(body.message, label).toBeTruthy();
      expect(body.messageEn, label).toBeTruthy();
      expect(
        body.fields.map((field: { path: string }) => field.path),
        label,
      ).toContain(path);
    }
    expect(await donationsOf(fund.id)).toBe(0);
    expect(await entriesOf(fund.id)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_events`)).toBe(auditBefore);
    const period = await post(
      place.treasurer,
      cashDonation(fund.id, { campaignId: campaign.id, receivedOn: '2021-06-01' }),
    );
    expect(period.json().fields[0].message).toContain('Nghị định 93');
    // On the last day of receiving it is accepted.
    const last = await post(
      place.treasurer,
      cashDonation(fund.id, { campaignId: campaign.id, receivedOn: '2021-05-29' }),
    );
    expect(last.statusCode).toBe(201);
  });

  it('records a donation in kind with its items and their stock movements', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const items = [
      { item: 'computer', name: 'Máy tính', quantity: 2, value: 16_000_000 },
      { item: 'smartphone', name: 'Điện thoại thông minh', quantity: 3, value: 9_000_000 },
    ];
    const created = await post(
      place.treasurer,
      cashDonation(fund.id, {
        donor: { kind: 'company', name: 'Công ty TNHH Ánh Dương', publishName: true },
        method: 'in_kind',
        campaignId: campaign.id,
        amount: 25_000_000,
        items,
      }),
    );
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const stored = await queryRows<{ item: string; quantity: number; value: string }>(
      t.db,
      sql`SELECT item, quantity, value::text AS value FROM donation_items WHERE donation_id = ${id} ORDER BY line_no`,
    );
    expect(stored).toEqual([
      { item: 'computer', quantity: 2, value: '16000000' },
      { item: 'smartphone', quantity: 3, value: '9000000' },
    ]);
    const movements = await queryRows<{ item: string; quantity: number }>(
      t.db,
      sql`SELECT item, quantity FROM stock_movements WHERE donation_id = ${id} AND campaign_id = ${campaign.id} ORDER BY item`,
    );
    expect(movements).toEqual([
      { item: 'computer', quantity: 2 },
      { item: 'smartphone', quantity: 3 },
    ]);
    const detail = await t.call('GET', `/api/donations/${id}`, { cookie: place.treasurer });
    expect(detail.json()).toMatchObject({
      method: 'in_kind',
      amount: 25_000_000,
      items: [
        { item: 'computer', name: 'Máy tính', quantity: 2, value: 16_000_000 },
        { item: 'smartphone', name: 'Điện thoại thông minh', quantity: 3, value: 9_000_000 },
      ],
      itemsSummary: '2 Máy tính, 3 Điện thoại thông minh',
      campaignCode: campaign.code,
    });
    const balance = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(balance.json()).toEqual({ income: 25_000_000, spending: 0, balance: 25_000_000 });
  });

  it('takes a household of the register, named after its head, and keeps names out of the audit trail', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const household = await buildHouseholdWithHead(t.db, place.ward, {
      ho: 'Phạm',
      tenDem: 'Thị',
      ten: 'Huệ',
    });
    const elsewhere = await buildHouseholdWithHead(t.db, place.otherWard);
    const created = await post(
      place.treasurer,
      cashDonation(fund.id, { donor: { kind: 'household', householdId: household.id, publishName: false } }),
    );
    expect(created.statusCode).toBe(201);
    const detail = await t.call('GET', `/api/donations/${created.json().id}`, { cookie: place.treasurer });
    expect(detail.json()).toMatchObject({
      donorKind: 'household',
      donorName: 'Phạm Thị Huệ',
      householdId: household.id,
    });
    const outside = await post(
      place.treasurer,
      cashDonation(fund.id, { donor: { kind: 'household', householdId: elsewhere.id } }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].path).toBe('donor.householdId');

    const named = await post(
      place.treasurer,
      cashDonation(fund.id, { donor: { kind: 'person', name: 'Đỗ Văn Mạnh' } }),
    );
    const audit = await queryRows<{ text: string }>(
      t.db,
      sql`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_events
          WHERE entity_id IN (${created.json().id}, ${named.json().id})`,
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const row of audit) {
      expect(row.text).not.toContain('Huệ');
      expect(row.text).not.toContain('Mạnh');
    }
    const memos = await queryRows<{ memo: string }>(
      t.db,
      sql`SELECT memo FROM ledger_entries WHERE fund_id = ${fund.id}`,
    );
    for (const row of memos) expect(row.memo).not.toContain('Mạnh');
  });

  it('records an anonymous donor without a name', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const created = await post(
      place.treasurer,
      cashDonation(fund.id, { donor: { kind: 'anonymous', name: 'Tên lộ ra', publishName: true } }),
    );
    expect(created.statusCode).toBe(201);
    const [row] = await queryRows<{ donor_name: string | null; publish_name: boolean }>(
      t.db,
      sql`SELECT donor_name, publish_name FROM donations WHERE id = ${created.json().id}`,
    );
    expect(row).toEqual({ donor_name: null, publish_name: false });
  });
});

describe('cancelling', () => {
  it('reverses the entry, shows the donation cancelled and never reuses its number', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const first = await post(place.treasurer, cashDonation(fund.id, { amount: 3_000_000 }));
    const second = await post(place.treasurer, cashDonation(fund.id, { amount: 500_000 }));
    const id = first.json().id;

    const byOfficer = await t.call('POST', `/api/donations/${id}/cancel`, {
      cookie: place.officer,
      payload: { reason: 'Ghi nhầm' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const noReason = await t.call('POST', `/api/donations/${id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await t.call('POST', `/api/donations/${id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: 'Ghi nhầm số tiền', entryDate: '2021-03-06' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id, status: 'cancelled', reversalSeq: 3 });
    const twice = await t.call('POST', `/api/donations/${id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: 'Lần nữa' },
    });
    expect(twice.statusCode).toBe(409);

    const balance = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(balance.json()).toEqual({ income: 500_000, spending: 0, balance: 500_000 });
    const detail = await t.call('GET', `/api/donations/${id}`, { cookie: place.viewer });
    expect(detail.json()).toMatchObject({
      status: 'cancelled',
      receiptNumber: '000001/2021',
      cancelReason: 'Ghi nhầm số tiền',
      cancelledOn: '2021-03-06',
      canCancel: false,
    });
    const next = await post(place.treasurer, cashDonation(fund.id, { amount: 700_000 }));
    expect(next.json().receiptNumber).toBe('000003/2021');
    const list = await t.call('GET', `/api/donations?fund=${fund.id}`, { cookie: place.treasurer });
    expect(list.json()).toMatchObject({ total: 3, amount: 1_200_000 });
    const statuses = Object.fromEntries(
      list
        .json()
        .items.map((item: { receiptNumber: string; status: string }) => [item.receiptNumber, item.status]),
    );
    expect(statuses).toEqual({
      '000001/2021': 'cancelled',
      '000002/2021': 'recorded',
      '000003/2021': 'recorded',
    });
    expect(second.statusCode).toBe(201);
    const verify = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(verify.json()).toMatchObject({ ok: true, entries: 4 });
  });

  it('takes the cancelled items out of the campaign’s stock count', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const created = await post(
      place.treasurer,
      cashDonation(fund.id, {
        method: 'in_kind',
        campaignId: campaign.id,
        amount: 4_000_000,
        items: [{ item: 'tablet', name: 'Máy tính bảng', quantity: 1, value: 4_000_000 }],
      }),
    );
    await t.call('POST', `/api/donations/${created.json().id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: 'Nhà hảo tâm rút lại' },
    });
    const standing = await count(
      sql`SELECT coalesce(sum(m.quantity), 0)::int AS n FROM stock_movements m
          WHERE m.campaign_id = ${campaign.id}
            AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = m.entry_id)`,
    );
    expect(standing).toBe(0);
  });
});

describe('listing and reading', () => {
  it('lists by fund, campaign and unit, searches without diacritics and hides names from readers', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const otherFund = await buildFund(t.db, place.otherWard);
    const campaign = await buildCampaign(t.db, fund);
    await post(
      place.treasurer,
      cashDonation(fund.id, {
        donor: { kind: 'person', name: 'Trần Đức Thắng', publishName: false },
        receivedOn: '2021-04-01',
        campaignId: campaign.id,
      }),
    );
    await post(
      place.treasurer,
      cashDonation(fund.id, {
        donor: { kind: 'company', name: 'Công ty Cổ phần Sông Hồng', publishName: true },
        receivedOn: '2021-04-02',
        amount: 5_000_000,
      }),
    );
    await post(place.otherTreasurer, cashDonation(otherFund.id, { receivedOn: '2021-04-03' }));

    const byUnit = await t.call('GET', `/api/donations?unit=${place.district.code}`, {
      cookie: place.districtTreasurer,
    });
    expect(byUnit.statusCode).toBe(200);
    expect(byUnit.json().total).toBe(3);
    const byWard = await t.call('GET', `/api/donations?unit=${place.ward.code}`, { cookie: place.treasurer });
    expect(byWard.json().items.map((item: { receivedOn: string }) => item.receivedOn)).toEqual([
      '2021-04-02',
      '2021-04-01',
    ]);
    const byCampaign = await t.call('GET', `/api/donations?campaign=${campaign.id}`, {
      cookie: place.treasurer,
    });
    expect(byCampaign.json().items).toEqual([
      expect.objectContaining({
        donorName: 'Trần Đức Thắng',
        campaignCode: campaign.code,
        status: 'recorded',
      }),
    ]);
    const found = await t.call('GET', `/api/donations?fund=${fund.id}&q=duc thang`, {
      cookie: place.treasurer,
    });
    expect(found.json().items.map((item: { donorName: string }) => item.donorName)).toEqual([
      'Trần Đức Thắng',
    ]);
    const byNumber = await t.call('GET', `/api/donations?fund=${fund.id}&q=2/2021`, {
      cookie: place.treasurer,
    });
    expect(byNumber.json().items.map((item: { receiptNumber: string }) => item.receiptNumber)).toEqual([
      '000002/2021',
    ]);

    // A viewer sees a name only when the donor agreed to publish it, and cannot search hidden names.
    const asViewer = await t.call('GET', `/api/donations?fund=${fund.id}`, { cookie: place.viewer });
    expect(asViewer.json().items.map((item: { donorName: string | null }) => item.donorName)).toEqual([
      'Công ty Cổ phần Sông Hồng',
      null,
    ]);
    const hiddenSearch = await t.call('GET', `/api/donations?fund=${fund.id}&q=thang`, {
      cookie: place.viewer,
    });
    expect(hiddenSearch.json().total).toBe(0);

    expect(
      (await t.call('GET', `/api/donations?fund=${otherFund.id}`, { cookie: place.treasurer })).statusCode,
    ).toBe(404);
    expect((await t.call('GET', '/api/donations', { cookie: place.treasurer })).statusCode).toBe(400);
    const [other] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM donations WHERE fund_id = ${otherFund.id}`,
    );
    expect((await t.call('GET', `/api/donations/${other?.id}`, { cookie: place.treasurer })).statusCode).toBe(
      404,
    );
  });

  it('gives the entry’s seq, hash and public verification address', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const created = await post(place.treasurer, cashDonation(fund.id, { note: 'Nộp tại hội nghị' }));
    const detail = await t.call('GET', `/api/donations/${created.json().id}`, { cookie: place.treasurer });
    const body = detail.json();
    const [entry] = await queryRows<{ id: string; seq: number; hash: string }>(
      t.db,
      sql`SELECT id::text AS id, seq, hash FROM ledger_entries WHERE fund_id = ${fund.id}`,
    );
    expect(body).toMatchObject({
      entryId: entry?.id,
      entrySeq: entry?.seq,
      entryHash: entry?.hash,
      verifyUrl: `${t.config.publicUrl}/cong-khai/but-toan/${entry?.id}`,
      amountInWords: 'Một triệu đồng',
      note: 'Nộp tại hội nghị',
      canCancel: true,
      status: 'recorded',
    });
  });
});

describe('pledges', () => {
  it('tracks what donations naming a pledge have brought', async () => {
    const place = await buildDonationPlace(t);
    const fund = await buildFund(t.db, place.ward);
    const otherFund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const pledge = async (payload: Record<string, unknown>) => {
      const response = await t.call('POST', '/api/pledges', {
        cookie: place.treasurer,
        payload: {
          fundId: fund.id,
          donor: { kind: 'company', name: 'Công ty Hòa Bình' },
          amount: 10_000_000,
          pledgedOn: '2021-03-01',
          ...payload,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const open = await pledge({ dueOn: '2999-12-31' });
    const partly = await pledge({ campaignId: campaign.id });
    const overdue = await pledge({ dueOn: '2021-06-30' });
    const fulfilled = await pledge({ amount: 2_000_000 });

    const give = (pledgeId: string, amount: number, extra: Record<string, unknown> = {}) =>
      post(place.treasurer, cashDonation(fund.id, { pledgeId, amount, ...extra }));
    expect((await give(partly, 4_000_000, { campaignId: campaign.id })).statusCode).toBe(201);
    expect((await give(overdue, 1_000_000)).statusCode).toBe(201);
    expect((await give(fulfilled, 1_500_000)).statusCode).toBe(201);
    expect((await give(fulfilled, 500_000)).statusCode).toBe(201);
    const cancelledOne = await give(open, 9_000_000);
    await t.call('POST', `/api/donations/${cancelledOne.json().id}/cancel`, {
      cookie: place.treasurer,
      payload: { reason: 'Ghi nhầm cam kết' },
    });

    // A pledge of another fund, or of the campaign without naming it, is refused.
    const wrongFund = await post(place.treasurer, cashDonation(otherFund.id, { pledgeId: open }));
    expect(wrongFund.statusCode).toBe(400);
    expect(wrongFund.json().fields[0].path).toBe('pledgeId');
    expect((await give(partly, 1_000)).statusCode).toBe(400);

    const list = await t.call('GET', `/api/pledges?fund=${fund.id}`, { cookie: place.treasurer });
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(open)).toMatchObject({
      fulfilled: 0,
      remaining: 10_000_000,
      status: 'open',
      donations: 0,
    });
    expect(byId.get(partly)).toMatchObject({ fulfilled: 4_000_000, remaining: 6_000_000, status: 'partly' });
    expect(byId.get(overdue)).toMatchObject({ fulfilled: 1_000_000, status: 'overdue' });
    expect(byId.get(fulfilled)).toMatchObject({ fulfilled: 2_000_000, remaining: 0, status: 'fulfilled' });
    expect(byId.get(open)).toMatchObject({ donorName: 'Công ty Hòa Bình' });

    const byCampaign = await t.call('GET', `/api/pledges?campaign=${campaign.id}`, { cookie: place.viewer });
    expect(byCampaign.json().items).toEqual([expect.objectContaining({ id: partly, donorName: null })]);

    const byOfficer = await t.call('POST', '/api/pledges', {
      cookie: place.officer,
      payload: { fundId: fund.id, donor: { kind: 'anonymous' }, amount: 1, pledgedOn: '2021-03-01' },
    });
    expect(byOfficer.statusCode).toBe(403);
    for (const amount of [0, -5, 2.5, 1e15]) {
      const bad = await t.call('POST', '/api/pledges', {
        cookie: place.treasurer,
        payload: { fundId: fund.id, donor: { kind: 'anonymous' }, amount, pledgedOn: '2021-03-01' },
      });
      expect(bad.statusCode).toBe(400);
    }
    const audit = await queryRows<{ text: string }>(
      t.db,
      sql`SELECT after::text AS text FROM audit_events WHERE entity_type = 'pledge' AND entity_id = ${open}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.text).not.toContain('Hòa Bình');
  });
});
