import fs from 'node:fs';
import path from 'node:path';
import { MergesMap, ThreeLevelList, TwoLevelList, type UnitsImportReport } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAdmin, login } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { systemContext } from '../../lib/context';
import { seedDemo } from '../../seed/demo';
import { importUnits, type UnitsImportInput } from './units-import.service';

/** The national lists live beside the repository, never inside it. */
const sharedDir = path.resolve(import.meta.dirname, '../../../../../../shared/data/admin-units');
const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(sharedDir, name), 'utf8'));

let t: TestApp;
let files: Pick<UnitsImportInput, 'threeLevel' | 'twoLevel' | 'merges'>;
let first: UnitsImportReport;
let second: UnitsImportReport;

const input = (): UnitsImportInput => ({
  ...files,
  reformDate: '2025-07-01',
  since: '2000-01-01',
  resolution: 'Nghị quyết của Ủy ban Thường vụ Quốc hội năm 2025',
  exclude: [{ predecessor: '00607', successor: '09832' }],
  dryRun: false,
});

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number }>(t.db, query))[0]?.n);

beforeAll(async () => {
  t = await createTestApp();
  files = {
    threeLevel: ThreeLevelList.parse(readJson('units-2024-three-level.json')),
    twoLevel: TwoLevelList.parse(readJson('units-2026-two-level.json')),
    merges: MergesMap.parse(readJson('merges-2025.json')),
  };
  // The demo seed is there first: the import must reconcile with it, not duplicate it.
  await seedDemo(t.db, 'demo-password-1');
  first = await importUnits(t.db, systemContext(), input());
  second = await importUnits(t.db, systemContext(), input());
}, 600_000);
afterAll(() => t.close());

describe('import of the national lists', () => {
  it('loads every old and new unit once, keeping the seeded ones', async () => {
    const validOn = (date: string) => sql`valid_from <= ${date} AND (valid_to IS NULL OR valid_to > ${date})`;
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'ward' AND ${validOn('2025-06-30')}`,
      ),
    ).toBe(10_035);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'ward' AND ${validOn('2025-07-01')}`,
      ),
    ).toBe(3_321);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'district' AND ${validOn('2025-06-30')}`,
      ),
    ).toBe(696);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'district' AND ${validOn('2025-07-01')}`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'province' AND ${validOn('2025-06-30')}`,
      ),
    ).toBe(63);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM unit_versions WHERE kind = 'province' AND ${validOn('2025-07-01')}`,
      ),
    ).toBe(34);
    expect(first.oldWards).toEqual({ created: 10_035 - 13, updated: 0, unchanged: 13 });
    expect(first.newWards).toEqual({ created: 3_321 - 8, updated: 0, unchanged: 8 });
    expect(first.districts).toEqual({ created: 695, updated: 0, unchanged: 1 });
  });

  it('is idempotent: a second run changes nothing', () => {
    for (const key of ['provinces', 'districts', 'oldWards', 'newWards'] as const) {
      expect(second[key].created, key).toBe(0);
      expect(second[key].updated, key).toBe(0);
    }
    expect(second.lineage.created).toBe(0);
    expect(second.lineage.updated).toBe(0);
    expect(second.lineage.unchanged).toBe(first.lineage.created + first.lineage.unchanged);
  });

  it('browses Hà Nội before and after the reform through the API', async () => {
    const cookie = await login(t.app, await buildAdmin(t.db));
    const roots2024 = await t.call('GET', '/api/units?at=2024-01-01', { cookie });
    expect(roots2024.json().items).toHaveLength(63);
    const hanoi2024 = await t.call('GET', '/api/units?parent=01&at=2024-01-01', { cookie });
    expect(hanoi2024.json().items).toHaveLength(30);
    const hanoi2026 = await t.call('GET', '/api/units?parent=01&at=2026-01-01', { cookie });
    expect(hanoi2026.json().items).toHaveLength(126);
    const btl = await t.call('GET', '/api/units?parent=021&at=2024-01-01', { cookie });
    expect(btl.json().items).toHaveLength(13);
    // The seeded residential groups still hang under the seeded wards.
    const groups = await t.call('GET', '/api/units?parent=00610&at=2024-01-01', { cookie });
    expect(groups.json().items).toHaveLength(25);
    const lineage = await t.call('GET', '/api/units/00611/lineage?at=2026-01-01', { cookie });
    expect(
      lineage
        .json()
        .predecessors.map((link: { code: string }) => link.code)
        .sort(),
    ).toEqual(['00103', '00610', '00611', '00616']);
    const specialZone = await t.call('GET', '/api/units/search?q=dac%20khu%20con%20dao&at=2026-01-01', {
      cookie,
    });
    const conDao = specialZone.json().items[0];
    expect(conDao).toMatchObject({ kind: 'ward', subkind: 'dac_khu' });
    const conDaoLineage = await t.call('GET', `/api/units/${conDao.code}/lineage?at=2026-01-01`, { cookie });
    expect(conDaoLineage.json().predecessors).toEqual([
      expect.objectContaining({ code: '755', kind: 'district' }),
    ]);
  });

  it('reports what it cannot reconcile instead of guessing', () => {
    const of = (kind: string) => first.problems.filter((problem) => problem.kind === kind);
    expect(
      of('unknown_new_unit')
        .map((problem) => problem.code)
        .sort(),
    ).toEqual(['06970', '23737']);
    expect(
      of('new_unit_without_lineage')
        .map((problem) => problem.code)
        .sort(),
    ).toEqual(['06978', '23938']);
    expect(of('cross_province')).toEqual([expect.objectContaining({ code: '30622', severity: 'error' })]);
    // Codes of wards that the map names but the old list does not have (12 wards; 5 districts are matched).
    expect(of('unknown_predecessor')).toHaveLength(12);
    expect(of('excluded_link')).toEqual([
      expect.objectContaining({ code: '00607', detail: expect.stringContaining('09832') }),
    ]);
    const names = of('name_mismatch').map((problem) => problem.code);
    expect(names).toContain('04136');
    expect(names).not.toContain('00175');
    expect(of('cross_district_partial').length).toBeGreaterThan(0);
    expect(first.lineage.skipped).toBeGreaterThan(0);
  });

  it('records one audit event per run that changed something', async () => {
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'unit_list' AND action = 'import'`,
      ),
    ).toBe(1);
  });
});
