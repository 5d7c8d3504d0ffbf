import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildResidentialGroup,
  buildTreasurer,
  buildWard,
  login,
} from '../../../test/factories';
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createHousehold, giveSealer, head } from '../../../test/household-factories';
import { buildProgram, cancelEntry, distribute, donate, paySupport } from '../../../test/public-factories';
import { queryRows } from '../../db/client';
import { systemContext } from '../../lib/context';
import { entryHash, postEntry } from './ledger.service';
import { donationsCsv, entriesCsv } from './public.service';

const run = promisify(execFile);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  giveSealer(t);
});
afterAll(() => t.close());

const KEPT_PRIVATE = ['Trần Văn Kín Đáo', 'Công ty TNHH Giấu Tên', 'Lê Văn Hủy Bỏ', 'Phạm Thị Thụ Hưởng'];
const PUBLISHED = ['Nguyễn Thị Đồng Ý', 'Công ty Cổ phần Minh Bạch'];
const TRICKY_MEMO = 'Chi hỗ trợ "Tết" | đợt 2, khu A\r\ndòng 2 \\ hết';

/**
 * A district campaign run on the district's fund, with donations to it from the district and from
 * a ward's fund, payments, distributions in two wards, a cancelled donation and an awkward memo.
 */
async function buildScene() {
  const province = await buildProvince(t.db);
  const district = await buildDistrict(t.db, province);
  const ward = await buildWard(t.db, district);
  const otherWard = await buildWard(t.db, district);
  const group = await buildResidentialGroup(t.db, ward, { code: `${ward.code}.001` });
  const districtFund = await buildFund(t.db, district);
  const wardFund = await buildFund(t.db, ward);
  const campaign = await buildCampaign(t.db, districtFund, { targetAmount: 20_000_000 });
  await t.db.execute(
    sql`UPDATE campaigns SET target_items = ${JSON.stringify([{ item: 'tablet', name: 'Máy tính bảng', quantity: 10 }])}::jsonb
        WHERE id = ${campaign.id}`,
  );
  const cash = (
    fundId: string,
    name: string | null,
    kind: 'person' | 'company' | 'organisation' | 'anonymous',
    publishName: boolean,
    amount: number,
    receivedOn: string,
  ) =>
    donate(t.db, {
      fundId,
      campaignId: campaign.id,
      donor: { kind, name, publishName },
      amount,
      receivedOn,
    });
  const named = await cash(districtFund.id, 'Nguyễn Thị Đồng Ý', 'person', true, 1_000_000, '2021-03-01');
  await cash(districtFund.id, 'Trần Văn Kín Đáo', 'person', false, 2_000_000, '2021-03-02');
  await cash(districtFund.id, 'Công ty TNHH Giấu Tên', 'company', false, 5_000_000, '2021-03-03');
  await cash(districtFund.id, 'Công ty Cổ phần Minh Bạch', 'organisation', true, 4_000_000, '2021-03-04');
  await cash(districtFund.id, null, 'anonymous', false, 300_000, '2021-03-05');
  const cancelled = await cash(districtFund.id, 'Lê Văn Hủy Bỏ', 'person', true, 9_000_000, '2021-03-06');
  await cancelEntry(t.db, cancelled.entryId);
  const inKind = await donate(t.db, {
    fundId: districtFund.id,
    campaignId: campaign.id,
    donor: { kind: 'person', name: 'Trần Văn Kín Đáo', publishName: false },
    method: 'in_kind',
    amount: 3_000_000,
    items: [{ item: 'tablet', name: 'Máy tính bảng', quantity: 2, value: 3_000_000 }],
    receivedOn: '2021-03-08',
  });
  const fromWard = await cash(wardFund.id, 'Nguyễn Thị Đồng Ý', 'person', true, 700_000, '2021-03-09');
  await t.db.transaction((tx) =>
    postEntry(tx, systemContext(), {
      fundId: districtFund.id,
      entryDate: '2021-04-01',
      kind: 'support',
      campaignId: campaign.id,
      memo: TRICKY_MEMO,
      lines: [
        { account: 'support', amount: 250_000 },
        { account: 'cash', amount: -250_000 },
      ],
    }),
  );
  const officer = await login(t.app, await buildOfficer(t.db, ward));
  const household = await createHousehold(t, officer, {
    group,
    members: [head({ fullName: 'Phạm Thị Thụ Hưởng' })],
  });
  const program = await buildProgram(t.db, {
    unit: district,
    fundId: districtFund.id,
    campaignId: campaign.id,
  });
  await distribute(t.db, {
    programId: program,
    fundId: districtFund.id,
    campaignId: campaign.id,
    ward,
    householdId: household.id,
    amount: 500_000,
  });
  await distribute(t.db, {
    programId: program,
    fundId: districtFund.id,
    campaignId: campaign.id,
    ward,
    amount: 500_000,
  });
  await distribute(t.db, {
    programId: program,
    fundId: districtFund.id,
    campaignId: campaign.id,
    ward: otherWard,
    amount: 400_000,
  });
  // Money of the fund outside the campaign: on the fund's page, not the campaign's.
  await donate(t.db, {
    fundId: districtFund.id,
    donor: { kind: 'company', name: 'Công ty TNHH Giấu Tên', publishName: false },
    amount: 1_500_000,
    receivedOn: '2021-05-01',
  });
  await paySupport(t.db, { fundId: districtFund.id, amount: 600_000, entryDate: '2021-05-02' });
  const treasurer = await login(t.app, await buildTreasurer(t.db, district));
  return {
    province,
    district,
    ward,
    otherWard,
    districtFund,
    wardFund,
    campaign,
    named,
    inKind,
    fromWard,
    cancelled,
    treasurer,
  };
}

let scene: Awaited<ReturnType<typeof buildScene>>;
beforeAll(async () => {
  scene = await buildScene();
});

/** Income and spending straight from the lines, not from the kept totals the pages read. */
async function ledgerTotals(where: ReturnType<typeof sql>) {
  const [row] = await queryRows<{ income: string; spending: string }>(
    t.db,
    sql`SELECT
          coalesce(-sum(amount) FILTER (WHERE account IN ('donations', 'donations_in_kind', 'transfers_in', 'carried_forward')), 0)::bigint AS income,
          coalesce(sum(amount) FILTER (WHERE account IN ('support', 'support_in_kind', 'transfers_out')), 0)::bigint AS spending
        FROM ledger_lines WHERE ${where}`,
  );
  const income = Number(row?.income);
  const spending = Number(row?.spending);
  return { income, spending, balance: income - spending };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const escapeField = (text: string) =>
  text.replace(/[|\n\r\\]/g, (c) => `\\${c === '\n' ? 'n' : c === '\r' ? 'r' : c}`);

type CsvEntry = Record<string, string>;

/** Recomputes the chain from the CSV's fields alone, as docs/public-disclosure.md tells anyone to. */
function recomputeChain(records: CsvEntry[]): { head: string; brokenAt: string | null } {
  let prev = '0'.repeat(64);
  for (const [index, record] of records.entries()) {
    const canonical = [
      'v1',
      record.fund_id,
      record.seq,
      record.entry_date,
      record.kind,
      record.campaign_id,
      escapeField(record.memo ?? ''),
      record.reverses_seq,
      escapeField(record.reason ?? ''),
      record.detail_digest,
      record.lines,
    ].join('|');
    const hash = sha256(`${prev}\n${canonical}`);
    if (record.seq !== String(index + 1) || record.prev_hash !== prev || record.hash !== hash) {
      return { head: prev, brokenAt: record.seq ?? null };
    }
    prev = hash;
  }
  return { head: prev, brokenAt: null };
}

const parseCsv = (text: string): CsvEntry[] => parse(text, { bom: true, columns: true, relax_quotes: false });

describe('public pages without a session', () => {
  it('shows a campaign: totals equal to the ledger, donors only with consent, wards without names', async () => {
    const response = await t.call('GET', `/api/public/campaigns/${scene.campaign.code.toLowerCase()}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const ledger = await ledgerTotals(sql`campaign_id = ${scene.campaign.id}`);
    expect(ledger.income).toBe(1_000_000 + 2_000_000 + 5_000_000 + 4_000_000 + 300_000 + 3_000_000 + 700_000);
    expect({ income: body.income, spending: body.spending, balance: body.balance }).toEqual(ledger);
    expect(body).toMatchObject({
      code: scene.campaign.code,
      fundId: scene.districtFund.id,
      unitName: scene.district.name,
      targetAmount: 20_000_000,
      targetItems: [{ item: 'tablet', name: 'Máy tính bảng', quantity: 10 }],
      raised: ledger.income,
      percent: Math.round((ledger.income / 20_000_000) * 1000) / 10,
      donationCount: 7,
    });
    const months = body.months as Array<{ month: string; income: number; spending: number }>;
    expect(months.map((month) => month.month)).toEqual(['2021-03', '2021-04']);
    expect(months.reduce((sum, month) => sum + month.income, 0)).toBe(ledger.income);
    expect(months.reduce((sum, month) => sum + month.spending, 0)).toBe(ledger.spending);

    const donations = body.donations as Array<{
      donor: string;
      named: boolean;
      amount: number;
      date: string;
    }>;
    expect(donations).toHaveLength(7);
    expect(donations[0]).toMatchObject({ date: '2021-03-09', donor: 'Nguyễn Thị Đồng Ý', named: true });
    expect(donations.filter((donation) => donation.donor === 'Nhà hảo tâm')).toHaveLength(4);
    expect(donations.find((donation) => donation.amount === 3_000_000)).toMatchObject({
      method: 'in_kind',
      donor: 'Nhà hảo tâm',
      items: [{ item: 'tablet', name: 'Máy tính bảng', quantity: 2, value: 3_000_000 }],
    });
    expect(donations.some((donation) => donation.amount === 9_000_000)).toBe(false);
    for (const name of KEPT_PRIVATE) expect(response.body).not.toContain(name);
    for (const name of PUBLISHED) expect(response.body).toContain(name);

    expect(body.distributions).toEqual([
      ...[
        { wardCode: scene.ward.code, wardName: scene.ward.name, count: 2, amount: 1_000_000 },
        { wardCode: scene.otherWard.code, wardName: scene.otherWard.name, count: 1, amount: 400_000 },
      ].sort((a, b) => a.wardCode.localeCompare(b.wardCode)),
    ]);
    expect(body.stock).toEqual([
      expect.objectContaining({
        item: 'tablet',
        received: 2,
        given: 0,
        remaining: 2,
        receivedValue: 3_000_000,
      }),
    ]);
    expect(body.vietQr).toMatchObject({ message: scene.campaign.code });
    expect(body.vietQr.payload).toMatch(/^000201/);
    expect(body.links).toEqual({
      entriesCsv: `/api/public/funds/${scene.districtFund.id}/entries.csv`,
      donationsCsv: `/api/public/campaigns/${scene.campaign.code}/donations.csv`,
    });
  });

  it('gives the head of each fund of a campaign, as verify computes it', async () => {
    const body = (await t.call('GET', `/api/public/campaigns/${scene.campaign.code}`)).json();
    const verified = await t.call('GET', `/api/ledger/verify?fund=${scene.districtFund.id}`, {
      cookie: scene.treasurer,
    });
    expect(verified.json()).toMatchObject({ ok: true });
    expect(body.headHash).toBe(verified.json().headHash);
    expect(body.entries).toBe(verified.json().entries);
    const wardVerified = await t.call('GET', `/api/ledger/verify?fund=${scene.wardFund.id}`, {
      cookie: scene.treasurer,
    });
    expect(body.heads).toEqual([
      expect.objectContaining({
        fundId: scene.districtFund.id,
        headHash: body.headHash,
        entries: body.entries,
      }),
      expect.objectContaining({
        fundId: scene.wardFund.id,
        unitName: scene.ward.name,
        headHash: wardVerified.json().headHash,
        entries: 1,
        entriesCsv: `/api/public/funds/${scene.wardFund.id}/entries.csv`,
      }),
    ]);
  });

  it('shows a fund: totals of every campaign and none, and the count of donations that stand', async () => {
    const response = await t.call('GET', `/api/public/funds/${scene.districtFund.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const ledger = await ledgerTotals(sql`fund_id = ${scene.districtFund.id}`);
    expect({ income: body.income, spending: body.spending, balance: body.balance }).toEqual(ledger);
    const [count] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM donations d WHERE d.fund_id = ${scene.districtFund.id}
          AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = d.entry_id)`,
    );
    expect(body.donationCount).toBe(count?.n);
    expect(body.donationCount).toBe(7);
    expect(body.donations[0]).toMatchObject({ date: '2021-05-01', donor: 'Nhà hảo tâm', amount: 1_500_000 });
    expect(body.campaigns).toEqual([expect.objectContaining({ code: scene.campaign.code })]);
    expect(body.heads).toHaveLength(1);
    expect(body.links.donationsCsv).toBe(`/api/public/funds/${scene.districtFund.id}/donations.csv`);
    for (const name of KEPT_PRIVATE) expect(response.body).not.toContain(name);
  });

  it('lists the campaigns of a unit’s subtree, and all of them without a unit', async () => {
    const list = await t.call('GET', `/api/public/campaigns?unit=${scene.district.code}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        code: scene.campaign.code,
        name: expect.any(String),
        unitCode: scene.district.code,
        unitName: scene.district.name,
        startsOn: '2021-01-01',
        receivingEndsOn: '2021-12-31',
        distributionEndsOn: '2021-12-31',
        raised: 16_000_000,
        target: 20_000_000,
        percent: 80,
      },
    ]);
    const ward = await t.call('GET', `/api/public/campaigns?unit=${scene.ward.code}`);
    expect(ward.json().items).toEqual([]);
    const all = await t.call('GET', '/api/public/campaigns');
    expect(all.json().items.map((item: { code: string }) => item.code)).toContain(scene.campaign.code);
  });

  it('answers 404 with a message in both languages for what does not exist', async () => {
    for (const url of [
      '/api/public/campaigns/KHONG-CO-MA-NAY',
      `/api/public/funds/${randomUUID()}`,
      `/api/public/funds/${randomUUID()}/entries.csv`,
      `/api/public/entries/${randomUUID()}`,
      '/api/public/campaigns/KHONG-CO/donations.csv',
      '/api/public/campaigns?unit=99999',
    ]) {
      const response = await t.call('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().message).toMatch(/Không tìm thấy/);
      expect(response.json().messageEn).toMatch(/No/);
    }
    expect((await t.call('GET', '/api/public/funds/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('the CSV anyone can check', () => {
  it('recomputes the whole chain from entries.csv to the published head, and finds a changed row', async () => {
    const page = (await t.call('GET', `/api/public/funds/${scene.districtFund.id}`)).json();
    const response = await t.call('GET', page.links.entriesCsv);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="so-quy-${scene.districtFund.id}.csv"`,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(response.body);
    expect(records).toHaveLength(page.entries);
    expect(Object.keys(records[0] ?? {})).toEqual([
      'fund_id',
      'seq',
      'entry_date',
      'kind',
      'campaign_id',
      'memo',
      'reverses_seq',
      'reason',
      'detail_digest',
      'lines',
      'prev_hash',
      'hash',
    ]);
    expect(records.map((record) => record.memo)).toContain(TRICKY_MEMO);
    expect(records.find((record) => record.kind === 'reversal')).toMatchObject({
      reason: 'Ghi nhầm số tiền',
      lines: 'cash:-9000000;donations:9000000',
    });
    expect(recomputeChain(records)).toEqual({ head: page.headHash, brokenAt: null });
    for (const name of KEPT_PRIVATE) expect(response.body).not.toContain(name);

    // One amount changed in the file: the chain breaks at that row.
    const changed = records.map((record) =>
      record.seq === '3' ? { ...record, lines: record.lines?.replace('5000000', '500000') ?? '' } : record,
    );
    expect(changed[2]?.lines).not.toBe(records[2]?.lines);
    expect(recomputeChain(changed).brokenAt).toBe('3');
  });

  it('checks out with the script of docs/public-disclosure.md, and fails on a changed row', async () => {
    const doc = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../../../docs/public-disclosure.md'),
      'utf8',
    );
    const script = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(script).toContain("from 'node:crypto'");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-verify-'));
    try {
      fs.writeFileSync(path.join(dir, 'verify-chain.mjs'), script ?? '');
      const page = (await t.call('GET', `/api/public/funds/${scene.districtFund.id}`)).json();
      const csv = (await t.call('GET', page.links.entriesCsv)).rawPayload;
      fs.writeFileSync(path.join(dir, 'so-quy.csv'), csv);
      const ok = await run(process.execPath, ['verify-chain.mjs', 'so-quy.csv', page.headHash], { cwd: dir });
      expect(ok.stdout).toContain(`OK: ${page.entries} entries, head ${page.headHash}`);
      expect(ok.stdout).toContain(`The published head is entry ${page.entries}`);

      const text = csv.toString('utf8');
      fs.writeFileSync(path.join(dir, 'sua.csv'), text.replace('donations:-5000000', 'donations:-500000'));
      const broken = await run(process.execPath, ['verify-chain.mjs', 'sua.csv'], { cwd: dir }).catch(
        (error: { code: number; stdout: string }) => error,
      );
      expect(broken).toMatchObject({ code: 1, stdout: expect.stringContaining('BROKEN at entry 3') });

      const other = await run(process.execPath, ['verify-chain.mjs', 'so-quy.csv', 'f'.repeat(64)], {
        cwd: dir,
      }).catch((error: { code: number; stdout: string }) => error);
      expect(other).toMatchObject({ code: 1, stdout: expect.stringContaining('not in this file') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('streams in batches without losing or repeating a row', async () => {
    const collect = async (rows: AsyncGenerator<string>) => {
      let text = '';
      for await (const chunk of rows) text += chunk;
      return text;
    };
    const whole = await collect(entriesCsv(t.db, scene.districtFund.id));
    expect(await collect(entriesCsv(t.db, scene.districtFund.id, 3))).toBe(whole);
    const donations = await collect(donationsCsv(t.db, { campaignId: scene.campaign.id }));
    expect(await collect(donationsCsv(t.db, { campaignId: scene.campaign.id }, 2))).toBe(donations);
  });

  it('lists a campaign’s donations per consent, with their entries, adding up to what was raised', async () => {
    const response = await t.call('GET', `/api/public/campaigns/${scene.campaign.code}/donations.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="ung-ho-${scene.campaign.code}.csv"`,
    );
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(response.body);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'date',
      'receipt_number',
      'donor',
      'method',
      'amount',
      'items',
      'fund_id',
      'entry_seq',
      'entry_hash',
    ]);
    expect(rows).toHaveLength(7);
    expect(rows.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(16_000_000);
    expect(rows.map((row) => row.donor)).toEqual([
      'Nguyễn Thị Đồng Ý',
      'Nhà hảo tâm',
      'Nhà hảo tâm',
      'Công ty Cổ phần Minh Bạch',
      'Nhà hảo tâm',
      'Nhà hảo tâm',
      'Nguyễn Thị Đồng Ý',
    ]);
    expect(rows[5]).toMatchObject({ method: 'Hiện vật', items: 'Máy tính bảng ×2 = 3000000' });
    for (const name of KEPT_PRIVATE) expect(response.body).not.toContain(name);
    // Each donation is found in its fund's chain under its seq and hash.
    const entries = parseCsv(
      (await t.call('GET', `/api/public/funds/${scene.wardFund.id}/entries.csv`)).body,
    );
    const wardRow = rows.find((row) => row.fund_id === scene.wardFund.id);
    expect(entries.find((entry) => entry.seq === wardRow?.entry_seq)?.hash).toBe(wardRow?.entry_hash);
  });
});

describe('the entry behind a receipt', () => {
  it('shows the receipt and that the entry is intact, without the name of a donor who did not consent', async () => {
    const response = await t.call('GET', `/api/public/entries/${scene.inKind.entryId}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      fundId: scene.districtFund.id,
      fundName: scene.districtFund.name,
      unitName: scene.district.name,
      campaign: { code: scene.campaign.code },
      kind: 'donation',
      income: 3_000_000,
      spending: 0,
      verified: true,
      donation: {
        receiptNumber: scene.inKind.receiptNumber,
        amount: 3_000_000,
        date: '2021-03-08',
        donor: 'Nhà hảo tâm',
        named: false,
        method: 'in_kind',
        cancelled: false,
        detailsMatch: true,
      },
    });
    expect(response.body).not.toContain('Trần Văn Kín Đáo');
    const named = (await t.call('GET', `/api/public/entries/${scene.named.entryId}`)).json();
    expect(named).toMatchObject({
      seq: 1,
      prevHash: '0'.repeat(64),
      verified: true,
      donation: { donor: 'Nguyễn Thị Đồng Ý', named: true },
    });
    const cancelled = (await t.call('GET', `/api/public/entries/${scene.cancelled.entryId}`)).json();
    expect(cancelled).toMatchObject({ verified: true, donation: { cancelled: true } });
    expect(cancelled.reversedBySeq).toBeGreaterThan(cancelled.seq);
  });

  it('reports a tampered entry and a tampered donation', async () => {
    const fund = await buildFund(t.db, scene.ward);
    const first = await donate(t.db, {
      fundId: fund.id,
      donor: { kind: 'person', name: 'Nguyễn Thị Đồng Ý', publishName: true },
      amount: 100_000,
    });
    const second = await donate(t.db, {
      fundId: fund.id,
      donor: { kind: 'person', name: 'Nguyễn Thị Đồng Ý', publishName: true },
      amount: 200_000,
    });
    expect((await t.call('GET', `/api/public/entries/${first.entryId}`)).json().verified).toBe(true);
    // Someone with the database owner's rights goes around the triggers.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
      await tx.execute(sql`UPDATE ledger_entries SET memo = memo || ' (sửa)' WHERE id = ${first.entryId}`);
      await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
    });
    const tampered = (await t.call('GET', `/api/public/entries/${first.entryId}`)).json();
    expect(tampered).toMatchObject({ verified: false });
    // The entry after it is intact itself.
    expect((await t.call('GET', `/api/public/entries/${second.entryId}`)).json().verified).toBe(true);

    await t.db.execute(sql`UPDATE donations SET amount = 2000000 WHERE id = ${second.id}`);
    const changed = (await t.call('GET', `/api/public/entries/${second.entryId}`)).json();
    expect(changed).toMatchObject({ verified: true, donation: { amount: 2_000_000, detailsMatch: false } });
  });

  it('reports an entry rewritten with a fresh hash: the next entry no longer links to it', async () => {
    const fund = await buildFund(t.db, scene.ward);
    const posted = [];
    for (const amount of [100_000, 200_000, 300_000]) {
      posted.push(
        await donate(t.db, {
          fundId: fund.id,
          donor: { kind: 'anonymous', name: null, publishName: false },
          amount,
        }),
      );
    }
    const [, middle] = posted;
    const [row] = await queryRows<{
      seq: number;
      prev_hash: string;
      entry_date: string;
      detail_digest: string;
    }>(
      t.db,
      sql`SELECT seq, prev_hash, to_char(entry_date, 'YYYY-MM-DD') AS entry_date, detail_digest
          FROM ledger_entries WHERE id = ${middle?.entryId}`,
    );
    const memo = 'Tiếp nhận ủng hộ (đã sửa)';
    const forged = entryHash(row?.prev_hash ?? '', {
      fundId: fund.id,
      seq: Number(row?.seq),
      entryDate: row?.entry_date ?? '',
      kind: 'donation',
      campaignId: null,
      memo,
      reversesSeq: null,
      reason: null,
      detailDigest: row?.detail_digest ?? null,
      lines: [
        { account: 'cash', amount: 200_000 },
        { account: 'donations', amount: -200_000 },
      ],
    });
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only`);
      await tx.execute(
        sql`UPDATE ledger_entries SET memo = ${memo}, hash = ${forged} WHERE id = ${middle?.entryId}`,
      );
      await tx.execute(sql`ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only`);
    });
    const verified = await Promise.all(
      posted.map(
        async (donation) => (await t.call('GET', `/api/public/entries/${donation.entryId}`)).json().verified,
      ),
    );
    expect(verified).toEqual([true, false, false]);
  });
});
