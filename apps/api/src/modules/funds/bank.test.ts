import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDistrict,
  buildProvince,
  buildTreasurer,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
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
  };
}

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
