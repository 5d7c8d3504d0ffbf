import { randomUUID } from 'node:crypto';
import { addDays, todayInVietnam } from '@doanket/domain';
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
import { buildCampaign, buildFund } from '../../../test/fund-factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { buildProgram } from '../../../test/public-factories';
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
  const districtFund = await buildFund(t.db, district);
  const wardFund = await buildFund(t.db, ward);
  const otherFund = await buildFund(t.db, otherWard);
  const campaign = await buildCampaign(t.db, districtFund);
  return {
    district,
    ward,
    otherWard,
    districtFund,
    wardFund,
    otherFund,
    campaign,
    districtTreasurer: await login(t.app, await buildTreasurer(t.db, district)),
    wardTreasurer: await login(t.app, await buildTreasurer(t.db, ward)),
    officer: await login(t.app, await buildOfficer(t.db, district)),
  };
}

describe('disclosure due dates', () => {
  it('sets the due date 10 working days after the decision and flags late disclosures', async () => {
    const place = await buildPlace();
    // Friday 23 April 2021: weekends, 30 April and 1 May are skipped.
    const created = await t.call('POST', '/api/disclosures', {
      cookie: place.districtTreasurer,
      payload: {
        campaignId: place.campaign.id,
        title: 'Công khai kết quả tiếp nhận đợt 1',
        decisionNo: ' 15/QĐ-MTTQ ',
        decidedOn: '2021-04-23',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(String), dueOn: '2021-05-10' });
    const { id } = created.json();

    const onTime = await t.call('POST', '/api/disclosures', {
      cookie: place.districtTreasurer,
      payload: {
        fundId: place.districtFund.id,
        title: 'Công khai quyết toán quý I',
        decidedOn: '2021-03-01',
      },
    });
    expect(onTime.json().dueOn).toBe('2021-03-15');
    const unpublished = await t.call('POST', '/api/disclosures', {
      cookie: place.wardTreasurer,
      payload: { fundId: place.wardFund.id, title: 'Công khai danh sách hỗ trợ', decidedOn: '2021-06-01' },
    });
    expect(unpublished.statusCode).toBe(201);
    const today = todayInVietnam();
    const pending = await t.call('POST', '/api/disclosures', {
      cookie: place.districtTreasurer,
      payload: { fundId: place.districtFund.id, title: 'Công khai mới', decidedOn: today },
    });
    expect(pending.json().dueOn > today).toBe(true);

    const late = await t.call('POST', `/api/disclosures/${id}/publish`, {
      cookie: place.districtTreasurer,
      payload: { publishedOn: '2021-05-11' },
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({
      id,
      subjectType: 'campaign',
      subjectId: place.campaign.id,
      subjectCode: place.campaign.code,
      unitCode: place.district.code,
      decisionNo: '15/QĐ-MTTQ',
      dueOn: '2021-05-10',
      publishedOn: '2021-05-11',
      late: true,
    });
    const published = await t.call('POST', `/api/disclosures/${onTime.json().id}/publish`, {
      cookie: place.districtTreasurer,
      payload: { publishedOn: '2021-03-15' },
    });
    expect(published.json()).toMatchObject({ late: false, publishedOn: '2021-03-15' });

    const list = await t.call('GET', `/api/disclosures?unit=${place.district.code}&at=2021-06-01`, {
      cookie: place.districtTreasurer,
    });
    expect(list.statusCode).toBe(200);
    const byTitle = new Map(
      (list.json().items as Array<{ title: string; late: boolean; unitCode: string }>).map((item) => [
        item.title,
        item,
      ]),
    );
    expect(byTitle.size).toBe(4);
    expect(byTitle.get('Công khai kết quả tiếp nhận đợt 1')).toMatchObject({ late: true });
    expect(byTitle.get('Công khai quyết toán quý I')).toMatchObject({ late: false });
    // Unpublished long after its due date.
    expect(byTitle.get('Công khai danh sách hỗ trợ')).toMatchObject({
      late: true,
      publishedOn: null,
      unitCode: place.ward.code,
      subjectType: 'fund',
    });
    expect(byTitle.get('Công khai mới')).toMatchObject({ late: false, publishedOn: null });
    const wardList = await t.call('GET', `/api/disclosures?unit=${place.ward.code}&at=2021-06-01`, {
      cookie: place.wardTreasurer,
    });
    expect(wardList.json().items.map((item: { title: string }) => item.title)).toEqual([
      'Công khai danh sách hỗ trợ',
    ]);

    // The campaign's public page shows its disclosures, the late one flagged.
    const page = await t.call('GET', `/api/public/campaigns/${place.campaign.code}`);
    expect(page.json().disclosures).toEqual([
      {
        title: 'Công khai kết quả tiếp nhận đợt 1',
        decisionNo: '15/QĐ-MTTQ',
        decidedOn: '2021-04-23',
        dueOn: '2021-05-10',
        publishedOn: '2021-05-11',
        late: true,
      },
    ]);
    const fundPage = await t.call('GET', `/api/public/funds/${place.districtFund.id}`);
    expect(fundPage.json().disclosures.map((item: { title: string }) => item.title)).toEqual([
      'Công khai mới',
      'Công khai kết quả tiếp nhận đợt 1',
      'Công khai quyết toán quý I',
    ]);

    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'disclosure' AND entity_id = ${id} ORDER BY at, id`,
    );
    expect(audit.map((event) => event.action)).toEqual(['create', 'update']);
  });

  it('takes a programme as subject', async () => {
    const place = await buildPlace();
    const program = await buildProgram(t.db, { unit: place.district, fundId: place.districtFund.id });
    const created = await t.call('POST', '/api/disclosures', {
      cookie: place.districtTreasurer,
      payload: { programId: program, title: 'Công khai danh sách nhận quà Tết', decidedOn: '2021-01-20' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await t.call('GET', `/api/disclosures?unit=${place.district.code}&at=2021-06-01`, {
      cookie: place.districtTreasurer,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ subjectType: 'program', subjectId: program, late: true }),
    ]);
    const unknown = await t.call('POST', '/api/disclosures', {
      cookie: place.districtTreasurer,
      payload: { programId: randomUUID(), title: 'Không có', decidedOn: '2021-01-20' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses bad input, other units and those who may not manage funds, and records nothing', async () => {
    const place = await buildPlace();
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM disclosures`))[0]?.n;
    const before = await count();
    for (const payload of [
      {
        title: 'Hai đối tượng',
        decidedOn: '2021-03-01',
        fundId: place.wardFund.id,
        campaignId: place.campaign.id,
      },
      { title: 'Không đối tượng', decidedOn: '2021-03-01' },
      { fundId: place.wardFund.id, title: '   ', decidedOn: '2021-03-01' },
      { fundId: place.wardFund.id, title: 'Ngày sai', decidedOn: '2021-02-30' },
    ]) {
      const response = await t.call('POST', '/api/disclosures', { cookie: place.districtTreasurer, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().fields[0].message).toBeTruthy();
      expect(response.json().fields[0].messageEn).toBeTruthy();
    }
    const byOfficer = await t.call('POST', '/api/disclosures', {
      cookie: place.officer,
      payload: { fundId: place.districtFund.id, title: 'Cán bộ', decidedOn: '2021-03-01' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const otherWard = await t.call('POST', '/api/disclosures', {
      cookie: place.wardTreasurer,
      payload: { fundId: place.otherFund.id, title: 'Phường khác', decidedOn: '2021-03-01' },
    });
    // A write out of scope is refused (403), as everywhere in the API.
    expect(otherWard.statusCode).toBe(403);
    const above = await t.call('POST', '/api/disclosures', {
      cookie: place.wardTreasurer,
      payload: { campaignId: place.campaign.id, title: 'Cấp trên', decidedOn: '2021-03-01' },
    });
    expect(above.statusCode).toBe(403);
    const noSession = await t.call('POST', '/api/disclosures', {
      payload: { fundId: place.wardFund.id, title: 'Không đăng nhập', decidedOn: '2021-03-01' },
    });
    expect(noSession.statusCode).toBe(401);
    expect(await count()).toBe(before);

    const created = await t.call('POST', '/api/disclosures', {
      cookie: place.wardTreasurer,
      payload: { fundId: place.wardFund.id, title: 'Công khai', decidedOn: '2021-03-10' },
    });
    const { id } = created.json();
    const publish = (cookie: string | undefined, publishedOn: string) =>
      t.call('POST', `/api/disclosures/${id}/publish`, { cookie, payload: { publishedOn } });
    const early = await publish(place.wardTreasurer, '2021-03-09');
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('publishedOn');
    expect((await publish(place.wardTreasurer, addDays(todayInVietnam(), 1))).statusCode).toBe(400);
    expect((await publish(place.officer, '2021-03-11')).statusCode).toBe(403);
    const stranger = await login(t.app, await buildTreasurer(t.db, place.otherWard));
    expect((await publish(stranger, '2021-03-11')).statusCode).toBe(403);
    expect((await publish(place.wardTreasurer, '2021-03-11')).statusCode).toBe(200);
    expect((await publish(place.wardTreasurer, '2021-03-12')).statusCode).toBe(409);
    expect(
      (
        await t.call('POST', `/api/disclosures/${randomUUID()}/publish`, {
          cookie: place.wardTreasurer,
          payload: { publishedOn: '2021-03-11' },
        })
      ).statusCode,
    ).toBe(404);
    const [row] = await queryRows<{ published_on: string }>(
      t.db,
      sql`SELECT to_char(published_on, 'YYYY-MM-DD') AS published_on FROM disclosures WHERE id = ${id}`,
    );
    expect(row?.published_on).toBe('2021-03-11');
    expect(
      (
        await t.call('GET', `/api/disclosures?unit=${place.otherWard.code}&at=2021-06-01`, {
          cookie: place.wardTreasurer,
        })
      ).statusCode,
    ).toBe(404);
  });
});
