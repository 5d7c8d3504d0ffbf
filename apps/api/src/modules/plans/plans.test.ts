import { indicatorLibrary } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDistrict,
  buildOfficer,
  buildProvince,
  buildStandingCommittee,
  buildViewer,
  buildWard,
  login,
} from '../../../test/factories';
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
  const ward = await buildWard(t.db, district, { validTo: '2025-07-01' });
  const otherWard = await buildWard(t.db, district, { validTo: '2025-07-01' });
  return {
    province,
    district,
    ward,
    otherWard,
    committee: await login(t.app, await buildStandingCommittee(t.db, district)),
    wardOfficer: await login(t.app, await buildOfficer(t.db, ward)),
    viewer: await login(t.app, await buildViewer(t.db, district)),
  };
}

const eightTargets = indicatorLibrary.map((item) => ({ key: item.key }));

const count = async (table: string) =>
  Number((await queryRows<{ n: number }>(t.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n);

describe('yearly plans', () => {
  it('creates the district’s 2022 plan from the library and hands it to its wards', async () => {
    const place = await buildPlace();
    const created = await t.call('POST', '/api/plans', {
      cookie: place.committee,
      payload: {
        unitCode: place.district.code,
        year: 2022,
        title: 'Kế hoạch công tác Mặt trận năm 2022',
        indicators: eightTargets,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();

    const detail = await t.call('GET', `/api/plans/${id}`, { cookie: place.viewer });
    expect(detail.statusCode).toBe(200);
    const plan = detail.json();
    expect(plan.indicators).toHaveLength(indicatorLibrary.length);
    expect(new Set(plan.indicators.map((item: { target: number }) => item.target)).size).toBe(8);
    const cultural = plan.indicators.find((item: { key: string }) => item.key === 'cultural_families');
    expect(cultural).toMatchObject({
      source: 'computed',
      targetView: { comparison: 'gte', value: 97, text: '≥ 97%' },
    });
    const supervisions = plan.indicators.find((item: { key: string }) => item.key === 'supervisions');
    expect(supervisions.targetView.text).toBe('2–3 cuộc');

    // A ward sees its own plan (none) and the district's, handed down.
    const forWard = await t.call('GET', `/api/plans?unit=${place.ward.code}&year=2022`, {
      cookie: place.wardOfficer,
    });
    expect(forWard.json().items).toEqual([
      expect.objectContaining({ id, unitCode: place.district.code, year: 2022, isOwn: false }),
    ]);

    const override = await t.call('PUT', `/api/plans/${id}/targets`, {
      cookie: place.committee,
      payload: { unitCode: place.ward.code, targets: [{ key: 'cultural_families', value: 95 }] },
    });
    expect(override.statusCode, override.body).toBe(200);
    const again = (await t.call('GET', `/api/plans/${id}`, { cookie: place.viewer })).json();
    expect(
      again.indicators.find((item: { key: string }) => item.key === 'cultural_families').unitTargets,
    ).toEqual([
      expect.objectContaining({
        unitCode: place.ward.code,
        target: expect.objectContaining({ text: '≥ 95%' }),
      }),
    ]);

    const duplicate = await t.call('POST', '/api/plans', {
      cookie: place.committee,
      payload: { unitCode: place.district.code, year: 2022, title: 'Lần nữa', indicators: eightTargets },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('refuses contradictory targets, units that did not exist that year, and saves nothing', async () => {
    const place = await buildPlace();
    const before = { plans: await count('plans'), indicators: await count('plan_indicators') };
    const cases = [
      {
        unitCode: place.district.code,
        year: 2022,
        title: 'X',
        indicators: [{ key: 'supervisions', comparison: 'range', value: 3, max: 2 }],
      },
      {
        unitCode: place.district.code,
        year: 2022,
        title: 'X',
        indicators: [{ key: 'cultural_families', value: 120 }],
      },
      {
        unitCode: place.district.code,
        year: 2022,
        title: 'X',
        indicators: [{ key: 'supervisions', comparison: 'range', value: 2 }],
      },
      { unitCode: place.district.code, year: 2022, title: 'X', indicators: [{ key: 'khong_co_chi_tieu' }] },
      {
        unitCode: place.district.code,
        year: 2022,
        title: 'X',
        indicators: [{ key: 'fund_targets' }, { key: 'fund_targets' }],
      },
      // The district was abolished on 1 July 2025: it has no plan for 2026.
      { unitCode: place.district.code, year: 2026, title: 'X', indicators: eightTargets },
      { unitCode: place.district.code, year: 2022, title: 'X', indicators: [] },
    ];
    for (const payload of cases) {
      const response = await t.call('POST', '/api/plans', { cookie: place.committee, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().message).toBeTruthy();
    }
    expect(await count('plans')).toBe(before.plans);
    expect(await count('plan_indicators')).toBe(before.indicators);
    const byViewer = await t.call('POST', '/api/plans', {
      cookie: place.viewer,
      payload: { unitCode: place.district.code, year: 2022, title: 'X', indicators: eightTargets },
    });
    expect(byViewer.statusCode).toBe(403);
  });
});

describe('manual values', () => {
  const pdf = `data:application/pdf;base64,${Buffer.from('%PDF-1.4\nbien ban giam sat\n%%EOF').toString('base64')}`;

  it('records a value with evidence, who and when, audited; refuses values out of range', async () => {
    const place = await buildPlace();
    const { id } = (
      await t.call('POST', '/api/plans', {
        cookie: place.committee,
        payload: {
          unitCode: place.district.code,
          year: 2022,
          title: 'Kế hoạch 2022',
          indicators: eightTargets,
        },
      })
    ).json();
    const entered = await t.call('POST', `/api/plans/${id}/values`, {
      cookie: place.wardOfficer,
      payload: {
        unitCode: place.ward.code,
        key: 'supervisions',
        value: 3,
        evidenceName: 'bien-ban.pdf',
        evidence: pdf,
      },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const stored = await queryRows<{
      value: string;
      evidence_name: string;
      entered_by: string | null;
      size: number;
    }>(
      t.db,
      sql`SELECT value::text, evidence_name, entered_by::text, length(evidence)::int AS size FROM indicator_values WHERE id = ${entered.json().id}`,
    );
    expect(stored[0]).toMatchObject({ value: '3', evidence_name: 'bien-ban.pdf' });
    expect(stored[0]?.entered_by).toBeTruthy();
    expect(stored[0]?.size).toBeGreaterThan(10);

    const changed = await t.call('POST', `/api/plans/${id}/values`, {
      cookie: place.wardOfficer,
      payload: { unitCode: place.ward.code, key: 'supervisions', value: 2 },
    });
    expect(changed.statusCode).toBe(201);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'indicator_value' AND entity_id = ${entered.json().id} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);

    const before = await count('indicator_values');
    for (const payload of [
      { unitCode: place.ward.code, key: 'mediation_success', value: 101 },
      { unitCode: place.ward.code, key: 'supervisions', value: 2.5 },
      { unitCode: place.ward.code, key: 'supervisions', value: -1 },
      { unitCode: place.ward.code, key: 'cultural_families', value: 90 },
      {
        unitCode: place.ward.code,
        key: 'supervisions',
        value: 2,
        evidence: 'data:application/pdf;base64,SGVsbG8=',
      },
      { unitCode: place.province.code, key: 'supervisions', value: 2 },
    ]) {
      const response = await t.call('POST', `/api/plans/${id}/values`, { cookie: place.committee, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const otherWard = await t.call('POST', `/api/plans/${id}/values`, {
      cookie: place.wardOfficer,
      payload: { unitCode: place.otherWard.code, key: 'supervisions', value: 2 },
    });
    expect(otherWard.statusCode).toBe(403);
    expect(await count('indicator_values')).toBe(before);
  });
});

describe('evaluation', () => {
  it('rolls manual values up from the wards, computes fund targets from the ledger, and names the contributing units', async () => {
    const { buildCampaign, buildFund, postIncome } = await import('../../../test/fund-factories');
    const place = await buildPlace();
    const { id } = (
      await t.call('POST', '/api/plans', {
        cookie: place.committee,
        payload: {
          unitCode: place.district.code,
          year: 2021,
          title: 'Kế hoạch 2021',
          indicators: [{ key: 'supervisions' }, { key: 'mediation_success' }, { key: 'fund_targets' }],
        },
      })
    ).json();
    // Each ward enters its supervisions; the district's mediation rate is entered for the district.
    for (const [ward, value] of [
      [place.ward, 3],
      [place.otherWard, 1],
    ] as const) {
      const response = await t.call('POST', `/api/plans/${id}/values`, {
        cookie: place.committee,
        payload: { unitCode: ward.code, key: 'supervisions', value },
      });
      expect(response.statusCode).toBe(201);
    }
    await t.call('POST', `/api/plans/${id}/values`, {
      cookie: place.committee,
      payload: { unitCode: place.district.code, key: 'mediation_success', value: 84.96 },
    });
    // The city hands the district a target for its Fund for the Poor campaign; the wards raise it.
    const cityFund = await buildFund(t.db, place.province);
    const campaign = await buildCampaign(t.db, cityFund, { targetAmount: 10_000_000_000 });
    await t.db.execute(
      sql`INSERT INTO campaign_targets (campaign_id, unit_id, amount) VALUES (${campaign.id}, ${place.district.unitId}, 2000000000)`,
    );
    const wardFund = await buildFund(t.db, place.ward);
    await postIncome(t.db, wardFund.id, 3_140_000_000, { campaignId: campaign.id, entryDate: '2021-11-01' });

    const response = await t.call('GET', `/api/plans/${id}/evaluation`, { cookie: place.viewer });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ unitCode: place.district.code, year: 2021, periodEnd: '2021-12-31' });
    const byKey = new Map(body.items.map((item: { key: string }) => [item.key, item]));
    expect(byKey.get('supervisions')).toMatchObject({
      kind: 'count',
      unitOfMeasure: 'cuộc',
      target: '2–3 cuộc',
      value: 4,
      valueText: '4 cuộc',
      status: 'exceeded',
      source: 'manual',
    });
    const contributing = (
      byKey.get('supervisions') as {
        contributing: Array<{ unitCode: string; value: number; status: string }>;
      }
    ).contributing;
    expect(contributing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitCode: place.ward.code, value: 3, status: 'met' }),
        expect.objectContaining({ unitCode: place.otherWard.code, value: 1, status: 'missed' }),
      ]),
    );
    // 84,96% shows as 85,0% and meets "at least 85%".
    expect(byKey.get('mediation_success')).toMatchObject({
      valueText: '85%',
      status: 'met',
      evidence: expect.any(Object),
    });
    expect(byKey.get('fund_targets')).toMatchObject({
      kind: 'percentage',
      unitOfMeasure: '%',
      source: 'computed',
      value: 157,
      status: 'exceeded',
    });

    const ward = await t.call('GET', `/api/plans/${id}/evaluation?unit=${place.ward.code}`, {
      cookie: place.wardOfficer,
    });
    expect(ward.statusCode).toBe(200);
    expect(ward.json().items.find((item: { key: string }) => item.key === 'supervisions')).toMatchObject({
      value: 3,
      status: 'met',
    });
    const outside = await t.call('GET', `/api/plans/${id}/evaluation?unit=${place.province.code}`, {
      cookie: place.committee,
    });
    expect([400, 404]).toContain(outside.statusCode);
  });
});
