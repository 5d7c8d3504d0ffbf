import { sql } from 'drizzle-orm';
import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPledge, multipartFile, statementCsv, statementXlsx } from '../../../test/bank-factories';
import {
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildStandingCommittee,
  buildTreasurer,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { type BuiltFund, buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { listBankAccounts } from './funds.repository';

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
    viewer: await login(t.app, await buildViewer(t.db, ward)),
    officer: await login(t.app, await buildOfficer(t.db, ward)),
    committee: await login(t.app, await buildStandingCommittee(t.db, ward)),
  };
}

const header = [
  'Ngày giao dịch',
  'Số tham chiếu',
  'Số tiền ghi nợ',
  'Số tiền ghi có',
  'Nội dung',
  'Tên người chuyển',
];
const preamble = [
  'NGAN HANG TMCP CONG THUONG VIET NAM',
  'SAO KE TAI KHOAN;;;;;',
  'Tu ngay 01/03/2021 den ngay 31/03/2021',
];

function postStatement(
  cookie: string,
  fundId: string,
  file: Buffer,
  options: { fileName?: string; account?: string } = {},
) {
  return multipartFile(file, options.fileName ?? 'sao-ke.csv').then((body) =>
    t.call(
      'POST',
      `/api/funds/${fundId}/bank-statements${options.account ? `?account=${options.account}` : ''}`,
      { cookie, payload: body.payload, headers: body.headers },
    ),
  );
}

type DonationRow = {
  id: string;
  campaign_id: string | null;
  method: string;
  amount: number;
  donor_kind: string;
  donor_name: string | null;
  publish_name: boolean;
  pledge_id: string | null;
  bank_line_id: string | null;
  received_on: string;
};

const donationsOf = (fund: BuiltFund) =>
  queryRows<DonationRow>(
    t.db,
    sql`SELECT id::text AS id, campaign_id::text AS campaign_id, method, amount::int AS amount, donor_kind, donor_name,
          publish_name, pledge_id::text AS pledge_id, bank_line_id::text AS bank_line_id,
          to_char(received_on, 'YYYY-MM-DD') AS received_on
        FROM donations WHERE fund_id = ${fund.id} ORDER BY received_on, amount`,
  );

async function recordedFor(fund: BuiltFund) {
  const [row] = await queryRows<{ statements: number; lines: number; donations: number; entries: number }>(
    t.db,
    sql`SELECT
          (SELECT count(*)::int FROM bank_statements s JOIN fund_bank_accounts a ON a.id = s.bank_account_id WHERE a.fund_id = ${fund.id}) AS statements,
          (SELECT count(*)::int FROM bank_statement_lines l JOIN fund_bank_accounts a ON a.id = l.bank_account_id WHERE a.fund_id = ${fund.id}) AS lines,
          (SELECT count(*)::int FROM donations WHERE fund_id = ${fund.id}) AS donations,
          (SELECT count(*)::int FROM ledger_entries WHERE fund_id = ${fund.id}) AS entries`,
  );
  return row;
}

const balanceOf = async (cookie: string, fund: BuiltFund) =>
  (await t.call('GET', `/api/funds/${fund.id}/balance?at=2021-12-31`, { cookie })).json();

describe('VietQR of a campaign', () => {
  it('carries the fund’s account and the campaign code, and decodes back', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const [account] = await listBankAccounts(t.db, fund.id);
    const response = await t.call('GET', `/api/campaigns/${campaign.id}/vietqr`, { cookie: place.viewer });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      bankBin: account?.bankBin,
      accountNumber: account?.accountNumber,
      message: campaign.code,
    });
    const read = new QRPay(body.payload);
    expect(read.isValid).toBe(true);
    expect(read.consumer.bankBin).toBe(account?.bankBin);
    expect(read.consumer.bankNumber).toBe(account?.accountNumber);
    expect(read.additionalData.purpose).toBe(campaign.code);
  });

  it('answers 404 with a clear message when the fund has no account, and hides other wards', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward, { bankAccount: false });
    const campaign = await buildCampaign(t.db, fund);
    const response = await t.call('GET', `/api/campaigns/${campaign.id}/vietqr`, { cookie: place.treasurer });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('tài khoản ngân hàng');
    const other = await buildCampaign(t.db, await buildFund(t.db, place.otherWard));
    const hidden = await t.call('GET', `/api/campaigns/${other.id}/vietqr`, { cookie: place.treasurer });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('bank statement import', () => {
  it('records credits naming a campaign open on their date, and leaves the others waiting', async () => {
    const place = await buildPlace();
    const districtFund = await buildFund(t.db, place.district);
    const wardFund = await buildFund(t.db, place.ward);
    const otherFund = await buildFund(t.db, place.otherWard);
    const above = await buildCampaign(t.db, districtFund, {
      code: `SMT${Date.now() % 100000}`,
      startsOn: '2021-03-01',
      receivingEndsOn: '2021-03-20',
    });
    const own = await buildCampaign(t.db, wardFund, {
      code: `VNN-${Date.now() % 100000}`,
      startsOn: '2021-01-01',
      receivingEndsOn: '2021-12-31',
    });
    const beside = await buildCampaign(t.db, otherFund, { code: `BEN${Date.now() % 100000}` });
    const file = statementCsv(
      [
        header,
        ['02/03/2021 08:15:00', 'FT001', '', '1.000.000', `${above.code} ung ho hoc sinh`, 'NGUYEN VAN AN'],
        ['05/03/2021', 'FT002', '', '300,000', `IBFT ${own.code.replace('-', '')} UNG HO`, ''],
        ['06/03/2021', 'FT003', '', '250.000', `Ủng hộ ${above.code.toLowerCase()}`, 'CONG TY TNHH AN BINH'],
        ['25/03/2021', 'FT004', '', '700.000', `${above.code} ung ho muon`, 'TRAN THI BINH'],
        ['26/03/2021', 'FT005', '', '400.000', `${beside.code} ung ho`, ''],
        ['27/03/2021', 'FT006', '', '150.000', 'chuyen tien', ''],
        ['28/03/2021', 'FT007', '50.000', '', 'Phi quan ly tai khoan', ''],
        ['', '', 'Tổng cộng', '2.800.000', '', ''],
      ],
      { delimiter: ';', bom: true, preamble },
    );
    const response = await postStatement(place.treasurer, wardFund.id, file);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      lines: 7,
      credits: 6,
      matched: 3,
      unmatched: 3,
      duplicates: 0,
      ignoredDebits: 1,
    });

    const donations = await donationsOf(wardFund);
    expect(donations.map((d) => [d.received_on, d.amount, d.campaign_id, d.method])).toEqual([
      ['2021-03-02', 1_000_000, above.id, 'bank'],
      ['2021-03-05', 300_000, own.id, 'bank'],
      ['2021-03-06', 250_000, above.id, 'bank'],
    ]);
    expect(donations[0]).toMatchObject({
      donor_kind: 'person',
      donor_name: 'NGUYEN VAN AN',
      publish_name: false,
    });
    expect(donations[1]).toMatchObject({ donor_kind: 'anonymous', donor_name: null });
    expect(donations[2]).toMatchObject({ donor_kind: 'company', donor_name: 'CONG TY TNHH AN BINH' });
    expect(await balanceOf(place.treasurer, wardFund)).toEqual({
      income: 1_550_000,
      spending: 0,
      balance: 1_550_000,
    });

    // Senders' names are for those who keep the fund, not for every reader.
    const byViewer = await t.call('GET', `/api/funds/${wardFund.id}/bank-lines?status=unmatched`, {
      cookie: place.viewer,
    });
    expect(byViewer.statusCode).toBe(403);
    const waiting = await t.call('GET', `/api/funds/${wardFund.id}/bank-lines?status=unmatched`, {
      cookie: place.treasurer,
    });
    expect(waiting.statusCode).toBe(200);
    expect(
      waiting
        .json()
        .items.map((line: { reference: string }) => line.reference)
        .sort(),
    ).toEqual(['FT004', 'FT005', 'FT006']);
    const matched = await t.call('GET', `/api/funds/${wardFund.id}/bank-lines?status=matched`, {
      cookie: place.treasurer,
    });
    const matchedLines = matched.json().items as Array<{
      id: string;
      campaignCode: string;
      receiptNumber: string;
    }>;
    expect(matchedLines).toHaveLength(3);
    expect(new Set(matchedLines.map((line) => line.campaignCode))).toEqual(new Set([above.code, own.code]));
    expect(matchedLines.every((line) => /^\d{6}\/2021$/.test(line.receiptNumber))).toBe(true);
    expect(new Set(donations.map((d) => d.bank_line_id))).toEqual(
      new Set(matchedLines.map((line) => line.id)),
    );

    const [audit] = await queryRows<{ after: { matched: number; fundId: string } }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type = 'bank_statement' AND entity_id = ${response.json().statementId}`,
    );
    expect(audit?.after).toMatchObject({ fundId: wardFund.id, matched: 3 });
    const named = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE after::text LIKE '%NGUYEN VAN AN%'`,
    );
    expect(named[0]?.n).toBe(0);
  });

  it('fulfils an open pledge of exactly the amount, once', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const pledge = await buildPledge(t.db, { fundId: fund.id, campaignId: campaign.id, amount: 2_000_000 });
    const file = statementCsv([
      header,
      ['10/03/2021', 'P1', '', '2.000.000', `${campaign.code} thuc hien cam ket`, 'CONG TY AN PHAT'],
      ['11/03/2021', 'P2', '', '2.000.000', `${campaign.code} ung ho`, 'LE VAN C'],
      ['12/03/2021', 'P3', '', '1.500.000', `${campaign.code} ung ho`, ''],
    ]);
    const response = await postStatement(place.treasurer, fund.id, file);
    expect(response.json()).toMatchObject({ matched: 3, unmatched: 0 });
    const donations = await donationsOf(fund);
    expect(donations.map((d) => [d.received_on, d.pledge_id])).toEqual([
      ['2021-03-10', pledge],
      ['2021-03-11', null],
      ['2021-03-12', null],
    ]);
  });

  it('records nothing twice: the same statement again, or an overlapping one', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const march = [
      header,
      ['01/03/2021', '', '', '100.000', `${campaign.code} ung ho`, ''],
      // Two equal transfers on one day without a reference are two donations.
      ['15/03/2021', '', '', '100.000', `${campaign.code} ung ho`, ''],
      ['15/03/2021', '', '', '100.000', `${campaign.code} ung ho`, ''],
      ['20/03/2021', 'X9', '', '500.000', 'khong ro noi dung', ''],
    ];
    const first = await postStatement(place.treasurer, fund.id, statementCsv(march));
    expect(first.json()).toMatchObject({ credits: 4, matched: 3, unmatched: 1, duplicates: 0 });
    const again = await postStatement(place.treasurer, fund.id, statementCsv(march));
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ credits: 4, matched: 0, unmatched: 0, duplicates: 4 });

    // The bank's next export overlaps: mid-March to April, as an Excel file.
    const overlapping = await statementXlsx([
      ['Số tài khoản', '113366668888'],
      ['Date', 'Description', 'Credit', 'Debit', 'Reference'],
      [new Date(Date.UTC(2021, 2, 15)), `${campaign.code} ung ho`, 100_000, null, null],
      [new Date(Date.UTC(2021, 2, 15)), `${campaign.code} ung ho`, 100_000, null, null],
      [new Date(Date.UTC(2021, 2, 20)), 'Khong ro noi dung', 500_000, null, 'X9'],
      [new Date(Date.UTC(2021, 3, 2)), `${campaign.code} ung ho`, 900_000, null, 'A1'],
    ]);
    const next = await postStatement(place.treasurer, fund.id, overlapping, {
      fileName: 'sao-ke-thang-4.xlsx',
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ credits: 4, matched: 1, unmatched: 0, duplicates: 3 });
    const donations = await donationsOf(fund);
    expect(donations.map((d) => d.amount)).toEqual([100_000, 100_000, 100_000, 900_000]);
    expect(await balanceOf(place.treasurer, fund)).toMatchObject({ income: 1_200_000 });
    const statements = await t.call('GET', `/api/funds/${fund.id}/bank-statements`, {
      cookie: place.treasurer,
    });
    expect(statements.json().items).toHaveLength(3);
  });

  it('refuses a malformed statement with a message naming the row, and records nothing', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const good = ['01/03/2021', 'G1', '', '100.000', `${campaign.code} ung ho`, ''];
    const cases: Array<{ file: Buffer; fileName?: string; expect: RegExp }> = [
      {
        file: statementCsv([
          ['Ngày', 'Số tiền', 'Ghi chú'],
          ['01/03/2021', '5', 'x'],
        ]),
        expect: /tiêu đề/,
      },
      {
        file: statementCsv([header, good, ['31/02/2021', 'B1', '', '200.000', 'ung ho', '']]),
        expect: /Dòng 3.*31\/02\/2021/,
      },
      {
        file: statementCsv([header, good, ['02/03/2021', 'B2', '', '200.000,50', 'ung ho', '']]),
        expect: /Dòng 3.*200\.000,50/,
      },
      {
        file: statementCsv([header, good, ['02/03/2021', 'B3', '', 'hai trăm', 'ung ho', '']]),
        expect: /Dòng 3/,
      },
      {
        file: statementCsv([header, ['05/01/2019', 'B4', '', '200.000', 'ung ho', '']]),
        expect: /Dòng 2.*lập quỹ/,
      },
      { file: Buffer.alloc(0), expect: /trống/ },
      {
        file: Buffer.from('%PDF-1.7\n\u0000\u0001\u0002 binary', 'latin1'),
        fileName: 'sao-ke.pdf',
        expect: /CSV hay Excel/,
      },
      {
        file: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        fileName: 'sao-ke.xls',
        expect: /\.xls/,
      },
      {
        file: Buffer.from(
          'Ng\xe0y giao d\xf2ch,Ghi c\xf3,N\xf4\xcci dung\n01/03/2021,1000,\xd0\xf3ng g\xf3p qu\xf5 v\xec ng\xfd\xf5\xcci ngh\xe8o\n',
          'latin1',
        ),
        expect: /bảng mã cũ/,
      },
    ];
    for (const bad of cases) {
      const response = await postStatement(place.treasurer, fund.id, bad.file, { fileName: bad.fileName });
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json();
      expect(body.message).toMatch(bad.expect);
      expect(body.messageEn).toBeTruthy();
      expect(body.messageEn).not.toBe(body.message);
    }
    const json = await t.call('POST', `/api/funds/${fund.id}/bank-statements`, {
      cookie: place.treasurer,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(await recordedFor(fund)).toEqual({ statements: 0, lines: 0, donations: 0, entries: 0 });
  });

  it('lets only the fund’s treasurer import, into the fund’s own account', async () => {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund);
    const file = statementCsv([header, ['01/03/2021', 'A', '', '100.000', `${campaign.code}`, '']]);
    for (const cookie of [place.officer, place.viewer, place.committee]) {
      expect((await postStatement(cookie, fund.id, file)).statusCode).toBe(403);
    }
    const otherTreasurer = await login(t.app, await buildTreasurer(t.db, place.otherWard));
    // Out of scope, a write is refused (reads answer 404).
    expect((await postStatement(otherTreasurer, fund.id, file)).statusCode).toBe(403);
    const otherFund = await buildFund(t.db, place.otherWard);
    const [foreign] = await listBankAccounts(t.db, otherFund.id);
    const wrongAccount = await postStatement(place.treasurer, fund.id, file, { account: foreign?.id });
    expect(wrongAccount.statusCode).toBe(400);
    expect(await recordedFor(fund)).toEqual({ statements: 0, lines: 0, donations: 0, entries: 0 });
    const [own] = await listBankAccounts(t.db, fund.id);
    const right = await postStatement(place.districtTreasurer, fund.id, file, { account: own?.id });
    expect(right.statusCode, right.body).toBe(201);
  });
});

describe('decisions on waiting lines', () => {
  async function waitingLines() {
    const place = await buildPlace();
    const fund = await buildFund(t.db, place.ward);
    const campaign = await buildCampaign(t.db, fund, {
      startsOn: '2021-03-01',
      receivingEndsOn: '2021-03-31',
    });
    const late = await buildCampaign(t.db, fund, { startsOn: '2021-06-01', receivingEndsOn: '2021-06-30' });
    const file = statementCsv([
      header,
      ['03/03/2021', 'W1', '', '600.000', 'ung ho hoc sinh ngheo', 'PHAM VAN D'],
      ['04/03/2021', 'W2', '', '80.000', 'chuyen nham', ''],
      ['05/03/2021', 'W3', '', '120.000', 'ung ho quy', ''],
    ]);
    expect((await postStatement(place.treasurer, fund.id, file)).json()).toMatchObject({ unmatched: 3 });
    const list = await t.call('GET', `/api/funds/${fund.id}/bank-lines?status=unmatched`, {
      cookie: place.treasurer,
    });
    const byRef = new Map(
      (list.json().items as Array<{ id: string; reference: string }>).map((line) => [
        line.reference,
        line.id,
      ]),
    );
    return { place, fund, campaign, late, byRef };
  }

  it('records an assigned line as a donation, ignores another with a note, and decides each once', async () => {
    const { place, fund, campaign, byRef } = await waitingLines();
    const assign = await t.call('POST', `/api/bank-lines/${byRef.get('W1')}/decide`, {
      cookie: place.treasurer,
      payload: {
        action: 'assign',
        campaignId: campaign.id,
        donor: { kind: 'person', name: 'Phạm Văn Dũng', publishName: true },
      },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json()).toMatchObject({ status: 'matched', receiptNumber: '000001/2021' });
    const toFund = await t.call('POST', `/api/bank-lines/${byRef.get('W3')}/decide`, {
      cookie: place.treasurer,
      payload: { action: 'assign', campaignId: null, donor: { kind: 'anonymous', publishName: false } },
    });
    expect(toFund.statusCode, toFund.body).toBe(200);
    const ignore = await t.call('POST', `/api/bank-lines/${byRef.get('W2')}/decide`, {
      cookie: place.treasurer,
      payload: { action: 'ignore', note: 'Người gửi chuyển nhầm, đã hoàn trả' },
    });
    expect(ignore.statusCode, ignore.body).toBe(200);
    expect(ignore.json()).toMatchObject({ status: 'ignored', donationId: null });

    const twice = await t.call('POST', `/api/bank-lines/${byRef.get('W1')}/decide`, {
      cookie: place.treasurer,
      payload: { action: 'ignore', note: 'Lần nữa' },
    });
    expect(twice.statusCode).toBe(409);
    const donations = await donationsOf(fund);
    expect(
      donations.map((d) => [d.amount, d.campaign_id, d.donor_kind, d.donor_name, d.publish_name]),
    ).toEqual([
      [600_000, campaign.id, 'person', 'Phạm Văn Dũng', true],
      [120_000, null, 'anonymous', null, false],
    ]);
    const ignored = await t.call('GET', `/api/funds/${fund.id}/bank-lines?status=ignored`, {
      cookie: place.treasurer,
    });
    expect(ignored.json().items).toEqual([
      expect.objectContaining({ reference: 'W2', decisionNote: 'Người gửi chuyển nhầm, đã hoàn trả' }),
    ]);
    const audits = await queryRows<{ after: { status: string } }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type = 'bank_statement_line' AND entity_id IN (${byRef.get('W1')}, ${byRef.get('W2')})`,
    );
    expect(audits.map((row) => row.after.status).sort()).toEqual(['ignored', 'matched']);
    expect(JSON.stringify(audits)).not.toContain('Phạm');
  });

  it('refuses bad decisions and non-treasurers, and records nothing', async () => {
    const { place, fund, late, byRef } = await waitingLines();
    const other = await buildCampaign(t.db, await buildFund(t.db, place.otherWard));
    const line = byRef.get('W1');
    const refusals: Array<[string, unknown, number]> = [
      [place.officer, { action: 'ignore', note: 'Không rõ' }, 403],
      [place.committee, { action: 'ignore', note: 'Không rõ' }, 403],
      [place.treasurer, { action: 'ignore', note: '' }, 400],
      [place.treasurer, { action: 'assign', campaignId: null, donor: { kind: 'person', name: '' } }, 400],
      [place.treasurer, { action: 'assign', campaignId: late.id, donor: { kind: 'anonymous' } }, 400],
      [place.treasurer, { action: 'assign', campaignId: other.id, donor: { kind: 'anonymous' } }, 400],
      [place.treasurer, { action: 'refund' }, 400],
    ];
    for (const [cookie, payload, status] of refusals) {
      const response = await t.call('POST', `/api/bank-lines/${line}/decide`, { cookie, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
    }
    const otherTreasurer = await login(t.app, await buildTreasurer(t.db, place.otherWard));
    const hidden = await t.call('POST', `/api/bank-lines/${line}/decide`, {
      cookie: otherTreasurer,
      payload: { action: 'ignore', note: 'Không rõ' },
    });
    expect(hidden.statusCode).toBe(403);
    const hiddenList = await t.call('GET', `/api/funds/${fund.id}/bank-lines`, { cookie: otherTreasurer });
    expect(hiddenList.statusCode).toBe(404);
    expect(await recordedFor(fund)).toMatchObject({ donations: 0, entries: 0 });
    const still = await t.call('GET', `/api/funds/${fund.id}/bank-lines?status=unmatched`, {
      cookie: place.treasurer,
    });
    expect(still.json().total).toBe(3);
  });
});
