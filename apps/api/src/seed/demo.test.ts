import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { queryRows } from '../db/client';
import { isEmpty, seedDemo } from './demo';

let t: TestApp;
const password = 'demo-password-for-tests';
beforeAll(async () => {
  t = await createTestApp();
  expect(await isEmpty(t.db)).toBe(true);
  await seedDemo(t.db, password);
});
afterAll(() => t.close());

const get = async (url: string, cookie: string) => {
  const response = await t.call('GET', url, { cookie });
  expect(response.statusCode, url).toBe(200);
  return response.json();
};

describe('the demo district', () => {
  it('has Bắc Từ Liêm with its 13 wards and 10–25 residential groups each until 30 June 2025', async () => {
    expect(await isEmpty(t.db)).toBe(false);
    const cookie = await login(t.app, { id: '', username: 'btl', password });
    const district = await get('/api/units?parent=01&at=2025-06-30', cookie);
    expect(district.items).toEqual([expect.objectContaining({ code: '021', name: 'Quận Bắc Từ Liêm' })]);
    const wards = await get('/api/units?parent=021&at=2021-12-31', cookie);
    expect(wards.items.map((ward: { code: string }) => ward.code)).toEqual([
      '00595',
      '00598',
      '00601',
      '00602',
      '00604',
      '00607',
      '00610',
      '00611',
      '00613',
      '00616',
      '00617',
      '00619',
      '00620',
    ]);
    for (const ward of wards.items) {
      const groups = await get(`/api/units?parent=${ward.code}&at=2021-12-31`, cookie);
      expect(groups.items.length, ward.code).toBeGreaterThanOrEqual(10);
      expect(groups.items.length, ward.code).toBeLessThanOrEqual(25);
    }
  });

  it('re-parents every group on 1 July 2025 into a successor of its old ward', async () => {
    const cookie = await login(t.app, { id: '', username: 'admin', password });
    const newWards = await get('/api/units?parent=01&at=2025-07-01', cookie);
    expect(newWards.items.map((ward: { code: string }) => ward.code)).toEqual([
      '00091',
      '00160',
      '00598',
      '00602',
      '00611',
      '00613',
      '00619',
      '00622',
    ]);
    const misplaced = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM unit_versions old
          JOIN unit_versions new ON new.unit_id = old.unit_id AND new.valid_from = '2025-07-01'
          WHERE old.kind = 'residential_group' AND old.valid_to = '2025-07-01'
            AND NOT EXISTS (SELECT 1 FROM unit_lineage l
              WHERE l.predecessor_id = old.parent_unit_id AND l.successor_id = new.parent_unit_id)`,
    );
    expect(misplaced[0]?.n).toBe(0);
    const counts = await queryRows<{ before: number; after: number }>(
      t.db,
      sql`SELECT
            count(*) FILTER (WHERE kind = 'residential_group' AND valid_from <= '2025-06-30' AND valid_to > '2025-06-30')::int AS before,
            count(*) FILTER (WHERE kind = 'residential_group' AND valid_from <= '2025-07-01' AND valid_to IS NULL)::int AS after
          FROM unit_versions`,
    );
    expect(counts[0]?.after).toBe(counts[0]?.before);
    const lineage = await get('/api/units/00598/lineage?at=2026-01-01', cookie);
    expect(lineage.predecessors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '00595', name: 'Phường Thượng Cát', type: 'full' }),
        expect.objectContaining({ code: '00598', name: 'Phường Liên Mạc', type: 'full' }),
      ]),
    );
  });

  it('gives each demo account its role and scope', async () => {
    const me = async (username: string) =>
      get('/api/auth/me', await login(t.app, { id: '', username, password }));
    expect((await me('admin')).grants).toEqual([
      expect.objectContaining({ role: 'system_admin', unitCode: null }),
    ]);
    expect((await me('btl')).grants).toEqual([
      expect.objectContaining({ role: 'standing_committee', unitCode: '021' }),
    ]);
    expect((await me('xuandinh')).grants).toEqual([
      expect.objectContaining({ role: 'officer', unitCode: '00610' }),
    ]);
    expect((await me('thuongcat')).grants).toEqual([
      expect.objectContaining({ role: 'officer', unitCode: '00595' }),
    ]);
    expect((await me('ketoan')).grants).toEqual([
      expect.objectContaining({ role: 'treasurer', unitCode: '021' }),
    ]);
    const cookie = await login(t.app, { id: '', username: 'xuandinh', password });
    const body = { name: 'Tổ dân phố số 40', kind: 'residential_group', validFrom: '2024-05-01' };
    const own = await t.call('POST', '/api/units', { cookie, payload: { ...body, parentCode: '00610' } });
    expect(own.statusCode).toBe(201);
    const other = await t.call('POST', '/api/units', { cookie, payload: { ...body, parentCode: '00595' } });
    expect(other.statusCode).toBe(403);
  });
});
