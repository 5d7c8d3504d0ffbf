import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildTreasurer,
  buildWard,
  login,
} from '../../../test/factories';
import { buildCampaign, buildFund, postIncome } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function buildPlace() {
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province);
  const ward = await buildWard(t.db, district);
  const otherWard = await buildWard(t.db, district);
  return {
    province,
    district,
    ward,
    otherWard,
    treasurer: await login(t.app, await buildTreasurer(t.db, ward)),
    districtTreasurer: await login(t.app, await buildTreasurer(t.db, district)),
    officer: await login(t.app, await buildOfficer(t.db, ward)),
  };
}

describe('funds', () => {
  it('creates a fund of a unit and lists it with the funds below', async () => {
    const place = await buildPlace();
    const created = await t.call('POST', '/api/funds', {
      cookie: place.districtTreasurer,
      payload: {
        unitCode: place.ward.code,
        kind: 'poor',
        name: 'Quỹ Vì người nghèo phường',
        openedOn: '2021-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    await t.call('POST', '/api/funds', {
      cookie: place.districtTreasurer,
      payload: {
        unitCode: place.district.code,
        kind: 'gratitude',
        name: 'Quỹ Đền ơn đáp nghĩa',
        openedOn: '2021-01-01',
      },
    });
    const list = await t.call('GET', `/api/funds?unit=${place.district.code}&at=2021-06-01`, {
      cookie: place.districtTreasurer,
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; unitCode: string; kind: string; name: string }>;
    expect(items.map((item) => item.unitCode)).toEqual([place.district.code, place.ward.code]);
    expect(items[1]).toMatchObject({
      id,
      unitCode: place.ward.code,
      kind: 'poor',
      name: 'Quỹ Vì người nghèo phường',
    });

    const duplicate = await t.call('POST', '/api/funds', {
      cookie: place.districtTreasurer,
      payload: {
        unitCode: place.ward.code,
        kind: 'poor',
        name: 'quy vi nguoi ngheo phuong',
        openedOn: '2021-01-01',
      },
    });
    expect(duplicate.statusCode).toBe(409);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'fund' AND entity_id = ${id}`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('lists each fund with its income, spending and balance as of a date', async () => {
    const place = await buildPlace();
    const districtFund = await buildFund(t.db, place.district);
    const wardFund = await buildFund(t.db, place.ward);
    await postIncome(t.db, wardFund.id, 4_000_000, { entryDate: '2021-02-01' });
    await postIncome(t.db, districtFund.id, 1_500_000, { entryDate: '2021-02-01' });
    await postIncome(t.db, wardFund.id, 600_000, { entryDate: '2021-05-01' });
    const sent = await t.call('POST', '/api/funds/transfers', {
      cookie: place.treasurer,
      payload: {
        fromFundId: wardFund.id,
        toFundId: districtFund.id,
        amount: 1_000_000,
        entryDate: '2021-03-01',
        memo: 'Nộp quỹ cấp trên',
      },
    });
    expect(sent.statusCode).toBe(201);
    const totalsOn = async (at: string) => {
      const list = await t.call('GET', `/api/funds?unit=${place.district.code}&at=${at}`, {
        cookie: place.districtTreasurer,
      });
      expect(list.statusCode).toBe(200);
      const items = list.json().items as Array<{
        id: string;
        income: number;
        spending: number;
        balance: number;
      }>;
      return new Map(
        items.map((item) => [
          item.id,
          { income: item.income, spending: item.spending, balance: item.balance },
        ]),
      );
    };
    const march = await totalsOn('2021-03-31');
    expect(march.get(wardFund.id)).toEqual({ income: 4_000_000, spending: 1_000_000, balance: 3_000_000 });
    expect(march.get(districtFund.id)).toEqual({ income: 2_500_000, spending: 0, balance: 2_500_000 });
    const june = await totalsOn('2021-06-30');
    expect(june.get(wardFund.id)).toEqual({ income: 4_600_000, spending: 1_000_000, balance: 3_600_000 });
    const january = await totalsOn('2021-01-31');
    expect(january.get(wardFund.id)).toEqual({ income: 0, spending: 0, balance: 0 });
  });

  it('keeps a ward’s treasurer out of another ward’s funds', async () => {
    const place = await buildPlace();
    const other = await buildFund(t.db, place.otherWard);
    expect((await t.call('GET', `/api/funds/${other.id}`, { cookie: place.treasurer })).statusCode).toBe(404);
    expect(
      (await t.call('GET', `/api/ledger/verify?fund=${other.id}`, { cookie: place.treasurer })).statusCode,
    ).toBe(404);
    const refused = await t.call('POST', '/api/funds', {
      cookie: place.treasurer,
      payload: { unitCode: place.otherWard.code, kind: 'poor', name: 'Quỹ lạ', openedOn: '2021-01-01' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses bad input and records nothing', async () => {
    const place = await buildPlace();
    const before = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM funds`);
    for (const payload of [
      { unitCode: place.ward.code, kind: 'lottery', name: 'Quỹ' },
      { unitCode: place.ward.code, kind: 'poor', name: '   ' },
      { unitCode: 'NOPE', kind: 'poor', name: 'Quỹ' },
      {
        unitCode: place.ward.code,
        kind: 'poor',
        name: 'Quỹ',
        bankAccounts: [{ bankBin: '12', bankName: 'X', accountNumber: '1', accountName: 'Y' }],
      },
    ]) {
      const response = await t.call('POST', '/api/funds', { cookie: place.districtTreasurer, payload });
      expect([400, 404]).toContain(response.statusCode);
      expect(response.json().message).toBeTruthy();
    }
    const after = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM funds`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe('the ledger', () => {
  it('gives income, spending and balance as of a date', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    await postIncome(t.db, fund.id, 1_000_000, { entryDate: '2021-02-01' });
    await postIncome(t.db, fund.id, 2_500_000, { entryDate: '2021-05-01' });
    const early = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-03-01`, {
      cookie: place.treasurer,
    });
    expect(early.json()).toEqual({ income: 1_000_000, spending: 0, balance: 1_000_000 });
    const later = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-05-01`, {
      cookie: place.treasurer,
    });
    expect(later.json()).toEqual({ income: 3_500_000, spending: 0, balance: 3_500_000 });
    const bad = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-13-01`, {
      cookie: place.treasurer,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('reverses an entry with a reason, once, and the balance comes back', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const posted = await postIncome(t.db, fund.id, 700_000);
    const noReason = await t.call('POST', `/api/ledger/entries/${posted.id}/reverse`, {
      cookie: place.treasurer,
      payload: { reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const byOfficer = await t.call('POST', `/api/ledger/entries/${posted.id}/reverse`, {
      cookie: place.officer,
      payload: { reason: 'Ghi nhầm số tiền' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const reversed = await t.call('POST', `/api/ledger/entries/${posted.id}/reverse`, {
      cookie: place.treasurer,
      payload: { reason: 'Ghi nhầm số tiền', entryDate: '2021-03-02' },
    });
    expect(reversed.statusCode).toBe(201);
    expect(reversed.json().seq).toBe(2);
    const again = await t.call('POST', `/api/ledger/entries/${posted.id}/reverse`, {
      cookie: place.treasurer,
      payload: { reason: 'Lần nữa' },
    });
    expect(again.statusCode).toBe(409);
    const balance = await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(balance.json()).toEqual({ income: 0, spending: 0, balance: 0 });
    const entries = await t.call('GET', `/api/funds/${fund.id}/entries`, { cookie: place.treasurer });
    const items = entries.json().items as Array<{
      seq: number;
      reversesSeq: number | null;
      reversedBySeq: number | null;
      reason: string | null;
    }>;
    expect(items.find((item) => item.seq === 1)?.reversedBySeq).toBe(2);
    expect(items.find((item) => item.seq === 2)).toMatchObject({
      reversesSeq: 1,
      reason: 'Ghi nhầm số tiền',
    });
  });

  it('refuses to change or delete an entry, whatever the client', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const posted = await postIncome(t.db, fund.id, 100_000);
    await expect(
      t.db.execute(sql`UPDATE ledger_lines SET amount = 1 WHERE entry_id = ${posted.id}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM ledger_entries WHERE id = ${posted.id}`)).rejects.toThrow();
    await expect(
      t.db.execute(sql`UPDATE ledger_entries SET memo = 'x' WHERE id = ${posted.id}`),
    ).rejects.toThrow();
  });

  it('refuses an unbalanced entry at commit', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    await expect(
      t.db.transaction(async (tx) => {
        const [entry] = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO ledger_entries (fund_id, seq, entry_date, kind, memo, prev_hash, hash)
              VALUES (${fund.id}, 1, '2021-01-05', 'donation', 'x', 'a', 'b') RETURNING id`,
        );
        await tx.execute(
          sql`INSERT INTO ledger_lines (entry_id, line_no, fund_id, entry_date, account, amount)
              VALUES (${entry?.id}, 1, ${fund.id}, '2021-01-05', 'bank', 100), (${entry?.id}, 2, ${fund.id}, '2021-01-05', 'donations', -90)`,
        );
      }),
    ).rejects.toThrow();
    const left = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries WHERE fund_id = ${fund.id}`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it('verifies the chain and names the first entry that was tampered with', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    for (const amount of [100_000, 200_000, 300_000, 400_000]) await postIncome(t.db, fund.id, amount);
    const ok = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(ok.statusCode).toBe(200);
    const verified = ok.json();
    expect(verified).toMatchObject({ ok: true, entries: 4, firstBrokenEntry: null });
    const detail = await t.call('GET', `/api/funds/${fund.id}`, { cookie: place.treasurer });
    expect(detail.json(), detail.body).toMatchObject({ headHash: verified.headHash });

    // Someone with the database's owner rights goes around the triggers.
    const [third] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM ledger_entries WHERE fund_id = ${fund.id} AND seq = 3`,
    );
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_append_only`);
      await tx.execute(sql`UPDATE ledger_lines SET amount = amount * 10 WHERE entry_id = ${third?.id}`);
      await tx.execute(sql`ALTER TABLE ledger_lines ENABLE TRIGGER ledger_lines_append_only`);
    });
    const broken = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenEntry: { id: third?.id, seq: 3 } });
  });

  it('finds a deleted entry and rewritten totals', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    for (const amount of [100_000, 200_000, 300_000])
      await postIncome(t.db, fund.id, amount, { entryDate: '2021-04-04' });
    await t.db.execute(
      sql`UPDATE ledger_day_totals SET amount = amount - 1 WHERE fund_id = ${fund.id} AND account = 'bank'`,
    );
    const totals = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(totals.json()).toMatchObject({ ok: false, firstBrokenEntry: { seq: 1 } });
    await t.db.execute(
      sql`UPDATE ledger_day_totals SET amount = amount + 1 WHERE fund_id = ${fund.id} AND account = 'bank'`,
    );
    await t.db.execute(
      sql`UPDATE ledger_month_totals SET lines = lines + 1 WHERE fund_id = ${fund.id} AND account = 'donations'`,
    );
    const months = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(months.json()).toMatchObject({
      ok: false,
      firstBrokenEntry: { seq: 1, problem: 'kept totals of 2021-04 do not match the lines' },
    });
    await t.db.execute(
      sql`UPDATE ledger_month_totals SET lines = lines - 1 WHERE fund_id = ${fund.id} AND account = 'donations'`,
    );
    const restored = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(restored.json()).toMatchObject({ ok: true, entries: 3 });

    const [second] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM ledger_entries WHERE fund_id = ${fund.id} AND seq = 2`,
    );
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_append_only`);
      await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
      await tx.execute(sql`DELETE FROM ledger_lines WHERE entry_id = ${second?.id}`);
      await tx.execute(sql`DELETE FROM ledger_entries WHERE id = ${second?.id}`);
      await tx.execute(sql`ALTER TABLE ledger_lines ENABLE TRIGGER ledger_lines_append_only`);
      await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
    });
    const gap = await t.call('GET', `/api/ledger/verify?fund=${fund.id}`, { cookie: place.treasurer });
    expect(gap.json()).toMatchObject({ ok: false, firstBrokenEntry: { seq: 3 } });
  });

  it('offers the funds above and below as transfer targets, never those beside', async () => {
    const place = await buildPlace();
    const wardFund = await buildFund(t.db, place.ward);
    const secondWardFund = await buildFund(t.db, place.ward);
    const districtFund = await buildFund(t.db, place.district);
    const provinceFund = await buildFund(t.db, place.province);
    await buildFund(t.db, place.otherWard);
    const response = await t.call('GET', `/api/funds/${wardFund.id}/transfer-targets`, {
      cookie: place.treasurer,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ id: string; isAbove: boolean }>;
    expect(new Set(items.map((item) => item.id))).toEqual(
      new Set([secondWardFund.id, districtFund.id, provinceFund.id]),
    );
    expect(items.find((item) => item.id === districtFund.id)?.isAbove).toBe(true);
    expect(items.find((item) => item.id === secondWardFund.id)?.isAbove).toBe(false);
  });

  it('transfers from a ward to the district in one transaction, and refuses an overdraft', async () => {
    const place = await buildPlace();
    const wardFund = await buildFund(t.db, place.ward);
    const districtFund = await buildFund(t.db, place.district);
    await postIncome(t.db, wardFund.id, 5_000_000);
    const sent = await t.call('POST', '/api/funds/transfers', {
      cookie: place.treasurer,
      payload: {
        fromFundId: wardFund.id,
        toFundId: districtFund.id,
        amount: 3_000_000,
        entryDate: '2021-06-30',
        memo: 'Nộp quỹ cấp trên',
      },
    });
    expect(sent.statusCode).toBe(201);
    const ward = await t.call('GET', `/api/funds/${wardFund.id}/balance?at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(ward.json()).toEqual({ income: 5_000_000, spending: 3_000_000, balance: 2_000_000 });
    const district = await t.call('GET', `/api/funds/${districtFund.id}/balance?at=2021-12-31`, {
      cookie: place.districtTreasurer,
    });
    expect(district.json()).toEqual({ income: 3_000_000, spending: 0, balance: 3_000_000 });
    const overdraft = await t.call('POST', '/api/funds/transfers', {
      cookie: place.treasurer,
      payload: {
        fromFundId: wardFund.id,
        toFundId: districtFund.id,
        amount: 2_000_001,
        entryDate: '2021-07-01',
        memo: 'Nộp',
      },
    });
    expect(overdraft.statusCode).toBe(409);
    for (const amount of [-1, 1.5, 1e15, 0]) {
      const bad = await t.call('POST', '/api/funds/transfers', {
        cookie: place.treasurer,
        payload: {
          fromFundId: wardFund.id,
          toFundId: districtFund.id,
          amount,
          entryDate: '2021-07-01',
          memo: 'Nộp',
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[0].message).toContain('10^15');
    }
    const byOfficer = await t.call('POST', '/api/funds/transfers', {
      cookie: place.officer,
      payload: {
        fromFundId: wardFund.id,
        toFundId: districtFund.id,
        amount: 1,
        entryDate: '2021-07-01',
        memo: 'Nộp',
      },
    });
    expect(byOfficer.statusCode).toBe(403);
    const entries = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries WHERE fund_id IN (${wardFund.id}, ${districtFund.id})`,
    );
    expect(entries[0]?.n).toBe(3);
  });
});

describe('campaigns', () => {
  it('warns on entry beyond the decree 93 periods unless a legal basis is recorded', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.district);
    const long = await t.call('POST', '/api/campaigns', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: fund.id,
        code: `dai-${Date.now() % 100000}`,
        name: 'Ủng hộ dài ngày',
        startsOn: '2021-08-01',
        receivingEndsOn: '2021-12-31',
        distributionEndsOn: '2022-02-28',
        targetAmount: 100_000_000,
      },
    });
    expect(long.statusCode).toBe(201);
    expect(long.json().warnings.map((w: { key: string }) => w.key)).toEqual([
      'campaigns.decree93.receiving_too_long',
      'campaigns.decree93.distribution_too_long',
    ]);
    const grounded = await t.call('POST', '/api/campaigns', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: fund.id,
        code: `CC-${Date.now() % 100000}`,
        name: 'Có căn cứ',
        startsOn: '2021-01-01',
        receivingEndsOn: '2021-12-31',
        distributionEndsOn: '2022-01-31',
        legalBasis: 'Điều lệ Quỹ Vì người nghèo',
      },
    });
    expect(grounded.json().warnings).toEqual([]);
    const backwards = await t.call('POST', '/api/campaigns', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: fund.id,
        code: 'NGUOC-1',
        name: 'Ngược',
        startsOn: '2021-05-01',
        receivingEndsOn: '2021-04-01',
        distributionEndsOn: '2021-04-02',
      },
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('shows a fund with its board and a campaign with its targets in kind', async () => {
    const place = await buildPlace();
    const created = await t.call('POST', '/api/funds', {
      cookie: place.districtTreasurer,
      payload: {
        unitCode: place.district.code,
        kind: 'study',
        name: 'Quỹ khuyến học',
        openedOn: '2021-01-01',
        board: [{ name: ' Nguyễn  Văn Hùng ', position: 'Trưởng ban' }],
      },
    });
    const { id } = created.json();
    const fund = await t.call('GET', `/api/funds/${id}`, { cookie: place.districtTreasurer });
    expect(fund.statusCode, fund.body).toBe(200);
    expect(fund.json().board).toMatchObject([{ name: 'Nguyễn Văn Hùng', position: 'Trưởng ban' }]);
    const campaign = await t.call('POST', '/api/campaigns', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: id,
        code: `MT-${Date.now() % 100000}`,
        name: 'Máy tính cho em',
        startsOn: '2021-09-01',
        receivingEndsOn: '2021-10-30',
        distributionEndsOn: '2021-11-15',
        targetItems: [{ item: 'computer', name: 'Máy tính', quantity: 20 }],
      },
    });
    const detail = await t.call('GET', `/api/campaigns/${campaign.json().id}`, {
      cookie: place.districtTreasurer,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().targetItems).toEqual([{ item: 'computer', name: 'Máy tính', quantity: 20 }]);
  });

  it('records a legal basis later, which lifts the decree 93 warnings', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.district);
    const created = await t.call('POST', '/api/campaigns', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: fund.id,
        code: `CB-${Date.now() % 100000}`,
        name: 'Cả năm',
        startsOn: '2021-01-01',
        receivingEndsOn: '2021-12-31',
        distributionEndsOn: '2022-01-10',
      },
    });
    const { id, warnings } = created.json();
    expect(warnings).toHaveLength(1);
    const byOfficer = await t.call('PUT', `/api/campaigns/${id}/legal-basis`, {
      cookie: place.officer,
      payload: { legalBasis: 'Điều lệ' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const recorded = await t.call('PUT', `/api/campaigns/${id}/legal-basis`, {
      cookie: place.districtTreasurer,
      payload: { legalBasis: 'Điều lệ Quỹ Vì người nghèo (QĐ 01/QĐ-MTTQ)' },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toEqual({
      legalBasis: 'Điều lệ Quỹ Vì người nghèo (QĐ 01/QĐ-MTTQ)',
      warnings: [],
    });
    const detail = await t.call('GET', `/api/campaigns/${id}`, { cookie: place.districtTreasurer });
    expect(detail.json()).toMatchObject({
      legalBasis: 'Điều lệ Quỹ Vì người nghèo (QĐ 01/QĐ-MTTQ)',
      warnings: [],
    });
    const removed = await t.call('PUT', `/api/campaigns/${id}/legal-basis`, {
      cookie: place.districtTreasurer,
      payload: { legalBasis: '  ' },
    });
    expect(removed.json().warnings).toHaveLength(1);
  });

  it('rolls achievement up over the tree against the targets handed down', async () => {
    const place = await buildPlace();
    const districtFund = await buildFund(t.db, place.district);
    const wardFund = await buildFund(t.db, place.ward);
    const otherFund = await buildFund(t.db, place.otherWard);
    const campaign = await buildCampaign(t.db, districtFund, { targetAmount: 10_000_000 });
    const targets = await t.call('PUT', `/api/campaigns/${campaign.id}/targets`, {
      cookie: place.districtTreasurer,
      payload: {
        targets: [
          { unitCode: place.ward.code, amount: 4_000_000 },
          { unitCode: place.otherWard.code, amount: 4_000_000 },
        ],
      },
    });
    expect(targets.statusCode).toBe(200);
    const outside = await t.call('PUT', `/api/campaigns/${campaign.id}/targets`, {
      cookie: place.districtTreasurer,
      payload: { targets: [{ unitCode: place.province.code, amount: 1 }] },
    });
    expect(outside.statusCode).toBe(400);
    await postIncome(t.db, wardFund.id, 6_000_000, { campaignId: campaign.id });
    await postIncome(t.db, otherFund.id, 1_000_000, { campaignId: campaign.id });
    await postIncome(t.db, districtFund.id, 2_000_000, { campaignId: campaign.id });
    await postIncome(t.db, wardFund.id, 9_000_000, { campaignId: null });

    const response = await t.call('GET', `/api/campaigns/${campaign.id}/achievement?at=2021-12-31`, {
      cookie: place.districtTreasurer,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unit).toMatchObject({
      unitCode: place.district.code,
      target: 10_000_000,
      raised: 9_000_000,
      percent: 90,
    });
    const byCode = new Map(body.items.map((row: { unitCode: string }) => [row.unitCode, row]));
    expect(byCode.get(place.ward.code)).toMatchObject({ target: 4_000_000, raised: 6_000_000, percent: 150 });
    expect(byCode.get(place.otherWard.code)).toMatchObject({
      target: 4_000_000,
      raised: 1_000_000,
      percent: 25,
    });

    const wardView = await t.call('GET', `/api/campaigns?unit=${place.ward.code}&at=2021-12-31`, {
      cookie: place.treasurer,
    });
    expect(wardView.json().items).toEqual([
      expect.objectContaining({
        code: campaign.code,
        targetAmount: 4_000_000,
        raised: 6_000_000,
        percent: 150,
      }),
    ]);
  });
});
