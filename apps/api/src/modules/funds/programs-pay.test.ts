import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIncome } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import {
  buildHousehold,
  buildProgramPlace,
  createProgram,
  type ProgramPlace,
  receiveItems,
} from '../../../test/program-factories';
import { queryRows } from '../../db/client';
import { distributionsByWard } from './programs.repository';
import { campaignStock } from './stock.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (table: string, where = sql`true`) => {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`,
  );
  return row?.n ?? 0;
};

/** Near-poor households: `inA` in the first ward's first group, `inB` in the second ward. */
async function households(place: ProgramPlace, inA: number, inB = 0) {
  const built: Array<{ id: string; code: string; headName: string }> = [];
  for (let index = 0; index < inA + inB; index += 1) {
    built.push(
      await buildHousehold(t.db, {
        group: index < inA ? place.groupA1 : place.groupB1,
        ward: index < inA ? place.wardA : place.wardB,
        categories: [{ category: 'near_poor', from: '2019-01-01' }],
      }),
    );
  }
  return built;
}

async function plan(place: ProgramPlace, programId: string, payload: Record<string, unknown>) {
  const response = await t.call('POST', `/api/programs/${programId}/distributions`, {
    cookie: place.committee,
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`not planned: ${response.statusCode} ${response.body}`);
  return response.json().ids as string[];
}

const pay = (cookie: string, ids: string[], paidOn = '2021-02-01', method = 'cash') =>
  t.call('POST', '/api/distributions/pay', { cookie, payload: { ids, paidOn, method } });

const balance = async (fundId: string, cookie: string) =>
  (await t.call('GET', `/api/funds/${fundId}/balance?at=2021-12-31`, { cookie })).json() as {
    income: number;
    spending: number;
    balance: number;
  };

describe('paying distributions', () => {
  it('posts one entry per household from the fund, with a public memo and no name', async () => {
    const place = await buildProgramPlace(t);
    const [first, second] = await households(place, 1, 1);
    await postIncome(t.db, place.fund.id, 2_000_000, { entryDate: '2021-01-05' });
    const id = await createProgram(t, place.committee, place);
    const ids = await plan(place, id, { householdIds: [first!.id, second!.id] });

    expect((await pay(place.wardOfficer, ids)).statusCode).toBe(403);
    expect((await pay(place.committee, ids)).statusCode).toBe(403);
    expect((await pay(place.wardTreasurer, ids)).statusCode).toBe(403);
    expect(await count('ledger_entries', sql`fund_id = ${place.fund.id} AND kind = 'support'`)).toBe(0);

    const paid = await pay(place.treasurer, ids, '2021-02-01', 'bank');
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().paid).toBe(2);
    const entries = await queryRows<{
      memo: string;
      kind: string;
      lines: Array<{ account: string; amount: number }>;
    }>(
      t.db,
      sql`SELECT e.memo, e.kind, json_agg(json_build_object('account', l.account, 'amount', l.amount) ORDER BY l.line_no) AS lines
          FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id
          WHERE e.id = ANY(${`{${paid.json().entryIds.join(',')}}`}::uuid[]) GROUP BY e.id, e.memo, e.kind`,
    );
    expect(entries).toHaveLength(2);
    const { code } = (await t.call('GET', `/api/programs/${id}`, { cookie: place.committee })).json();
    for (const entry of entries) {
      expect(entry.kind).toBe('support');
      expect(entry.memo).toBe(`Chi hỗ trợ ${code}`);
      expect(entry.memo).not.toContain(first!.headName);
      expect(entry.lines.map((line) => [line.account, Number(line.amount)])).toEqual([
        ['support', 500_000],
        ['bank', -500_000],
      ]);
    }
    expect(await balance(place.fund.id, place.treasurer)).toEqual({
      income: 2_000_000,
      spending: 1_000_000,
      balance: 1_000_000,
    });
    const audit = await queryRows<{ after: unknown }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type = 'distribution' AND entity_id = ANY(${`{${ids.join(',')}}`}::text[])`,
    );
    expect(JSON.stringify(audit)).not.toContain(first!.headName);

    const again = await pay(place.treasurer, [ids[0]!]);
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].message).toContain(first!.code);
    expect(await count('ledger_entries', sql`fund_id = ${place.fund.id} AND kind = 'support'`)).toBe(2);
    const detail = (await t.call('GET', `/api/programs/${id}`, { cookie: place.committee })).json();
    expect(detail.totals.paid).toEqual({ count: 2, amount: 1_000_000, itemsValue: 0 });
    expect(detail.canPay).toBe(false);
    expect((await t.call('GET', `/api/programs/${id}`, { cookie: place.treasurer })).json().canPay).toBe(
      true,
    );
  });

  it('pays a distribution once when two payments of it arrive together', async () => {
    const place = await buildProgramPlace(t);
    const [household] = await households(place, 1);
    await postIncome(t.db, place.fund.id, 5_000_000, { entryDate: '2021-01-05' });
    const id = await createProgram(t, place.committee, place);
    const ids = await plan(place, id, { householdIds: [household!.id] });
    const responses = await Promise.all(Array.from({ length: 3 }, () => pay(place.treasurer, ids)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await count('ledger_entries', sql`fund_id = ${place.fund.id} AND kind = 'support'`)).toBe(1);
    expect((await balance(place.fund.id, place.treasurer)).spending).toBe(500_000);
  });

  it('refuses a payment the fund cannot cover and writes nothing', async () => {
    const place = await buildProgramPlace(t);
    const built = await households(place, 3);
    await postIncome(t.db, place.fund.id, 1_200_000, { entryDate: '2021-01-05' });
    // Money that arrives after the payment date does not cover it.
    await postIncome(t.db, place.fund.id, 5_000_000, { entryDate: '2021-03-01' });
    const id = await createProgram(t, place.committee, place);
    const ids = await plan(place, id, { householdIds: built.map((household) => household.id) });
    const entriesBefore = await count('ledger_entries');
    const auditBefore = await count('audit_events');

    const refused = await pay(place.treasurer, ids, '2021-02-01');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().messageEn).toMatch(/enough/);
    expect(await count('ledger_entries')).toBe(entriesBefore);
    expect(await count('audit_events')).toBe(auditBefore);
    expect(await count('distributions', sql`program_id = ${id} AND status = 'planned'`)).toBe(3);

    const two = await pay(place.treasurer, ids.slice(0, 2), '2021-02-01');
    expect(two.statusCode).toBe(200);
    const later = await pay(place.treasurer, ids.slice(2), '2021-02-25');
    expect(later.statusCode).toBe(409);

    const outside = await pay(place.treasurer, ids.slice(2), '2021-03-05');
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].path).toBe('paidOn');

    for (const payload of [
      { ids: [], paidOn: '2021-02-01', method: 'cash' },
      { ids: ids.slice(2), paidOn: '2021-02-30', method: 'cash' },
      { ids: ids.slice(2), paidOn: '2021-02-01', method: 'cheque' },
      { ids: ['00000000-0000-4000-8000-000000000000'], paidOn: '2021-02-01', method: 'cash' },
    ]) {
      const response = await t.call('POST', '/api/distributions/pay', { cookie: place.treasurer, payload });
      expect([400, 404]).toContain(response.statusCode);
    }
    expect(await count('ledger_entries', sql`fund_id = ${place.fund.id} AND kind = 'support'`)).toBe(2);
  });

  it('gives items from the campaign stock and refuses more than it holds', async () => {
    const place = await buildProgramPlace(t);
    const built = await households(place, 3, 1);
    await receiveItems(t.db, place.fund.id, place.campaign.id, [
      { item: 'laptop', name: 'Máy tính xách tay', quantity: 3, value: 30_000_000 },
      { item: 'phone', name: 'Điện thoại thông minh', quantity: 2, value: 6_000_000 },
    ]);
    await postIncome(t.db, place.fund.id, 10_000_000, { entryDate: '2021-01-05' });
    const id = await createProgram(t, place.committee, place, {
      kind: 'student_device',
      campaignId: place.campaign.id,
      amountPerHousehold: null,
    });
    const laptops = await plan(place, id, {
      householdIds: built.slice(0, 3).map((household) => household.id),
      items: [{ item: 'laptop', quantity: 1 }],
    });
    const [phoneAndCash] = await plan(place, id, {
      householdIds: [built[3]!.id],
      amount: 1_000_000,
      items: [{ item: 'phone', quantity: 3, value: 9_000_000 }],
    });
    const unknown = await t.call('POST', `/api/programs/${id}/distributions`, {
      cookie: place.committee,
      payload: { householdIds: [built[0]!.id], items: [{ item: 'tablet', quantity: 1 }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('items.0.item');

    const short = await pay(place.treasurer, [phoneAndCash!]);
    expect(short.statusCode).toBe(409);
    expect(short.json().fields[0].message).toContain('Điện thoại thông minh');
    expect(await count('stock_movements', sql`campaign_id = ${place.campaign.id} AND quantity < 0`)).toBe(0);

    const paid = await pay(place.treasurer, laptops.slice(0, 2));
    expect(paid.statusCode, paid.body).toBe(200);
    const stock = await t.call('GET', `/api/campaigns/${place.campaign.id}/stock`, {
      cookie: place.committee,
    });
    expect(stock.statusCode).toBe(200);
    expect(stock.json().items).toEqual([
      {
        item: 'laptop',
        name: 'Máy tính xách tay',
        received: 3,
        given: 2,
        remaining: 1,
        valueReceived: 30_000_000,
        valueGiven: 20_000_000,
        valueRemaining: 10_000_000,
      },
      {
        item: 'phone',
        name: 'Điện thoại thông minh',
        received: 2,
        given: 0,
        remaining: 2,
        valueReceived: 6_000_000,
        valueGiven: 0,
        valueRemaining: 6_000_000,
      },
    ]);
    const [line] = await queryRows<{ lines: Array<{ account: string; amount: number }> }>(
      t.db,
      sql`SELECT json_agg(json_build_object('account', account, 'amount', amount) ORDER BY line_no) AS lines
          FROM ledger_lines WHERE entry_id = ${paid.json().entryIds[0]}`,
    );
    expect(line?.lines.map((item) => [item.account, Number(item.amount)])).toEqual([
      ['support_in_kind', 10_000_000],
      ['goods', -10_000_000],
    ]);
    const last = await pay(place.treasurer, laptops.slice(2));
    expect(last.statusCode).toBe(200);
    const after = await campaignStock(t.db, place.campaign.id);
    expect(after.find((item) => item.item === 'laptop')).toMatchObject({ remaining: 0, valueRemaining: 0 });
    const list = await t.call('GET', `/api/programs/${id}/distributions?status=paid`, {
      cookie: place.committee,
    });
    expect(list.json().totals).toEqual({ amount: 0, itemsValue: 30_000_000 });
    expect(list.json().items[0].items).toEqual([
      { item: 'laptop', name: 'Máy tính xách tay', quantity: 1, value: 10_000_000 },
    ]);
    expect(await balance(place.fund.id, place.treasurer)).toEqual({
      income: 46_000_000,
      spending: 30_000_000,
      balance: 16_000_000,
    });
  });

  it('drops a reversed payment from coverage, returns its items to the stock, and pays it again', async () => {
    const place = await buildProgramPlace(t);
    const [inA, inB] = await households(place, 1, 1);
    await receiveItems(t.db, place.fund.id, place.campaign.id, [
      { item: 'rice', name: 'Gạo (bao 10 kg)', quantity: 10, value: 2_000_000 },
    ]);
    await postIncome(t.db, place.fund.id, 3_000_000, { entryDate: '2021-01-05' });
    const id = await createProgram(t, place.committee, place, { campaignId: place.campaign.id });
    const ids = await plan(place, id, {
      householdIds: [inA!.id, inB!.id],
      items: [{ item: 'rice', name: 'Gạo', quantity: 2 }],
    });
    const paid = await pay(place.treasurer, ids);
    expect(paid.statusCode, paid.body).toBe(200);
    const coverage = async () =>
      (
        await t.call('GET', `/api/programs/${id}/coverage?unit=${place.district.code}`, {
          cookie: place.committee,
        })
      ).json();
    expect(await coverage()).toEqual({ eligible: 2, supported: 2, percent: 100 });
    expect((await campaignStock(t.db, place.campaign.id))[0]).toMatchObject({ given: 4, remaining: 6 });
    const wards = await distributionsByWard(t.db, { programId: id });
    expect(wards.map((ward) => [ward.wardCode, ward.count, ward.amount])).toEqual([
      [place.wardA.code, 1, 900_000],
      [place.wardB.code, 1, 900_000],
    ]);
    expect(await distributionsByWard(t.db, { campaignId: place.campaign.id })).toEqual(wards);
    expect(await distributionsByWard(t.db, { fundId: place.wardFund.id })).toEqual([]);

    const entryOfA = paid.json().entryIds[0] as string;
    const reversed = await t.call('POST', `/api/ledger/entries/${entryOfA}/reverse`, {
      cookie: place.treasurer,
      payload: { reason: 'Chi nhầm hộ', entryDate: '2021-02-03' },
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(await coverage()).toEqual({ eligible: 2, supported: 1, percent: 50 });
    expect((await campaignStock(t.db, place.campaign.id))[0]).toMatchObject({
      given: 2,
      remaining: 8,
      valueGiven: 400_000,
      valueRemaining: 1_600_000,
    });
    expect((await distributionsByWard(t.db, { programId: id })).map((ward) => ward.count)).toEqual([1]);
    const detail = (await t.call('GET', `/api/programs/${id}`, { cookie: place.committee })).json();
    expect(detail.totals.reversed.count).toBe(1);
    expect(detail.totals.paid.count).toBe(1);
    const list = await t.call('GET', `/api/programs/${id}/distributions?unit=${place.wardA.code}`, {
      cookie: place.committee,
    });
    expect(list.json().items[0], list.body).toMatchObject({ status: 'paid', reversed: true });
    const confirm = await t.call('POST', `/api/distributions/${ids[0]}/confirm`, {
      cookie: place.wardOfficer,
      payload: { confirmedOn: '2021-02-05' },
    });
    expect(confirm.statusCode).toBe(409);

    const again = await pay(place.treasurer, [ids[0]!], '2021-02-10');
    expect(again.statusCode, again.body).toBe(200);
    expect(await coverage()).toEqual({ eligible: 2, supported: 2, percent: 100 });
    expect((await campaignStock(t.db, place.campaign.id))[0]).toMatchObject({ given: 4, remaining: 6 });
  });
});
