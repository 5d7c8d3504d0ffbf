import { indicatorLibrary } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { queryRows } from '../db/client';
import { createSealer } from '../lib/crypto';
import { seedDemo } from './demo';
import { demoPlanValues, evidencePdf } from './demo-plans';
import { demoOldWards } from './demo-units';

let t: TestApp;
const password = 'demo-password-for-tests';
let committee: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, password, { sealer: createSealer(Buffer.alloc(32, 22)), register: true });
  committee = await login(t.app, { id: '', username: 'btl', password });
}, 300_000);
afterAll(() => t.close());

type PlanList = { items: Array<{ id: string; unitCode: string; year: number; isOwn: boolean }> };
type Evaluation = {
  items: Array<{
    key: string;
    target: string;
    value: number | null;
    status: string;
    source: string;
    numerator: number | null;
    denominator: number | null;
    contributing: Array<{ unitCode: string; value: number | null; status: string }>;
  }>;
};

const get = async <T>(cookie: string, url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
};

async function planOf(year: number) {
  const list = await get<PlanList>(committee, `/api/plans?unit=021&year=${year}`);
  expect(list.items).toHaveLength(1);
  return list.items[0]!;
}

describe('the demo plans of Bắc Từ Liêm', () => {
  it('has the 2022 plan with the eight targets of the domain brief, handed to the wards', async () => {
    const plan = await planOf(2022);
    expect(plan).toMatchObject({ unitCode: '021', year: 2022, isOwn: true });
    const ward = await login(t.app, { id: '', username: 'xuandinh', password });
    const below = await get<PlanList>(ward, '/api/plans?unit=00610&year=2022');
    expect(below.items).toEqual([expect.objectContaining({ id: plan.id, unitCode: '021', isOwn: false })]);

    const detail = await get<{
      decidedOn: string | null;
      indicators: Array<{
        key: string;
        target: number;
        quarters: Array<number | null> | null;
        targetView: { comparison: string; value: number; max: number | null };
      }>;
    }>(committee, `/api/plans/${plan.id}`);
    expect(detail.decidedOn).toBe('2022-01-10');
    expect(detail.indicators).toHaveLength(11);
    expect([...new Set(detail.indicators.map((item) => item.target))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const byKey = new Map(detail.indicators.map((item) => [item.key, item]));
    expect(detail.indicators.filter((item) => item.quarters).map((item) => item.key)).toEqual([
      'fund_targets',
      'supervisions',
      'cadres_trained',
    ]);
    // domain.md: 100% organisations; 100% conferences; over 97% cultural families; funds met;
    // 100% Tết gifts; 2–3 supervisions and 100% boards; ≥ 85% mediations; 100% trained, 100% complete, 20% excellent.
    const expected: Record<string, [string, number, number | null]> = {
      mobilising_organisations: ['gte', 100, null],
      representative_conferences: ['gte', 100, null],
      cultural_families: ['gte', 97, null],
      fund_targets: ['gte', 100, null],
      tet_gift_coverage: ['gte', 100, null],
      supervisions: ['range', 2, 3],
      inspection_boards_active: ['gte', 100, null],
      mediation_success: ['gte', 85, null],
      cadres_trained: ['gte', 100, null],
      committees_completing: ['gte', 100, null],
      committees_excellent: ['gte', 20, null],
    };
    for (const [key, [comparison, value, max]] of Object.entries(expected)) {
      expect(byKey.get(key)?.targetView, key).toMatchObject({ comparison, value, max });
    }
  });

  it('evaluates 2021 with every indicator, computed values and statuses of every kind among the wards', async () => {
    const plan = await planOf(2021);
    const evaluation = await get<Evaluation>(
      committee,
      `/api/plans/${plan.id}/evaluation?unit=021&period=year`,
    );
    expect(evaluation.items.map((item) => item.key)).toEqual(indicatorLibrary.map((item) => item.key));
    const computed = evaluation.items.filter((item) => item.source === 'computed');
    expect(computed.map((item) => item.key)).toEqual([
      'cultural_families',
      'fund_targets',
      'tet_gift_coverage',
    ]);
    for (const item of computed) {
      expect(item.value, item.key).not.toBeNull();
      expect(item.denominator, item.key).toBeGreaterThan(0);
    }
    console.info(
      'demo 2021 computed indicators of 021:',
      computed.map(
        (item) => `${item.key} ${item.value} (${item.numerator}/${item.denominator}) ${item.status}`,
      ),
    );
    const wardStatuses = new Set(
      evaluation.items.flatMap((item) => item.contributing.map((child) => child.status)),
    );
    for (const status of ['exceeded', 'met', 'missed']) expect(wardStatuses).toContain(status);
    for (const item of evaluation.items) {
      expect(item.contributing.map((child) => child.unitCode).sort()).toEqual(
        demoOldWards.map((ward) => ward.code).sort(),
      );
    }
    // The district's own figure is what it entered; a ward's override is its own target.
    const supervisions = evaluation.items.find((item) => item.key === 'supervisions')!;
    expect(supervisions).toMatchObject({ value: 3, status: 'met' });
    const tayTuu = await get<Evaluation>(
      committee,
      `/api/plans/${plan.id}/evaluation?unit=00607&period=year`,
    );
    expect(tayTuu.items.find((item) => item.key === 'cultural_families')?.target).toMatch(/90/);

    const halfYear = await get<Evaluation>(committee, `/api/plans/${plan.id}/evaluation?unit=021&period=q1`);
    const mediation = halfYear.items.find((item) => item.key === 'mediation_success')!;
    expect(new Set(mediation.contributing.map((child) => child.status))).toContain('no_data');
  });

  it('stores exactly the values of the seed, each with a PDF as evidence', async () => {
    const rows = await queryRows<{
      year: number;
      code: string;
      key: string;
      period: string;
      value: number;
      head: string;
      tail: string;
    }>(
      t.db,
      sql`SELECT p.year::int AS year, v.code, d.key, iv.period, iv.value::float8 AS value,
            convert_from(substring(iv.evidence from 1 for 8), 'LATIN1') AS head,
            convert_from(substring(iv.evidence from length(iv.evidence) - 5), 'LATIN1') AS tail
          FROM indicator_values iv
          JOIN plan_indicators pi ON pi.id = iv.plan_indicator_id
          JOIN plans p ON p.id = pi.plan_id
          JOIN indicator_definitions d ON d.id = pi.indicator_id
          JOIN unit_versions v ON v.unit_id = iv.unit_id AND v.valid_from <= '2021-12-31'
            AND (v.valid_to IS NULL OR v.valid_to > '2021-12-31')`,
    );
    const key = (row: { year: number; unitCode: string; key: string; period: string; value: number }) =>
      `${row.year} ${row.unitCode} ${row.key} ${row.period} ${row.value}`;
    expect(rows.map((row) => key({ ...row, unitCode: row.code })).sort()).toEqual(
      demoPlanValues().map(key).sort(),
    );
    expect(demoPlanValues()).toEqual(demoPlanValues());
    for (const row of rows) expect([row.head, row.tail.trim()]).toEqual(['%PDF-1.4', '%%EOF']);
    expect(evidencePdf('Phường Xuân Đỉnh')).toEqual(evidencePdf('Phường Xuân Đỉnh'));
    expect(evidencePdf('Phường Xuân Đỉnh').toString('latin1')).toContain('(Phuong Xuan Dinh) Tj');

    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'demo_plans'`,
    );
    expect(audit?.n).toBe(1);
  });
});
