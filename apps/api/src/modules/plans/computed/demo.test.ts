import { computedSources } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { queryRows } from '../../../db/client';
import { createSealer } from '../../../lib/crypto';
import { seedDemo } from '../../../seed/demo';
import { findVersionByCode } from '../../units/units.repository';
import { computedIndicators } from './index';
import type { ComputeScope } from './types';

let t: TestApp;
let district: ComputeScope;
let hanoi2026: ComputeScope;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, 'demo-password-for-tests', {
    sealer: createSealer(Buffer.alloc(32, 7)),
    register: true,
  });
  const unit = await findVersionByCode(t.db, '021', '2021-12-31');
  const city = await findVersionByCode(t.db, '01', '2026-12-31');
  district = { unitId: unit!.unitId, year: 2021, periodEnd: '2021-12-31' };
  hanoi2026 = { unitId: city!.unitId, year: 2026, periodEnd: '2026-12-31' };
}, 300_000);
afterAll(() => t.close());

describe('computed indicators on the demo district (Bắc Từ Liêm, 2021)', () => {
  it('give the figures the district reported', async () => {
    const value = async (key: (typeof computedSources)[number]) =>
      computedIndicators[key].compute(t.db, district);
    expect((await value('self_governing_teams')).value).toBe(183);
    expect((await value('self_governing_teams')).detail).toEqual({ members: 2062 });
    expect((await value('self_governing_groups')).value).toBe(1181);
    expect((await value('self_governing_groups')).detail).toEqual({ members: 3007 });
    expect((await value('households_supervised')).value).toBe(82_337);
    const funds = await value('fund_targets');
    expect(Math.round(funds.value!)).toBe(157);
    expect(funds).toMatchObject({ numerator: 2_339_250_000, denominator: 1_490_000_000 });

    // Cultural families: the register's 2021 records of the households living there at the year's end.
    const [records] = await queryRows<{ households: number; registered: number }>(
      t.db,
      sql`SELECT count(*)::int AS households, count(*) FILTER (WHERE r.registered)::int AS registered
          FROM household_placements p JOIN unit_versions g ON g.unit_id = p.group_unit_id
            AND g.valid_from <= '2021-12-31' AND (g.valid_to IS NULL OR g.valid_to > '2021-12-31')
          JOIN unit_versions w ON w.unit_id = g.parent_unit_id
            AND w.valid_from <= '2021-12-31' AND (w.valid_to IS NULL OR w.valid_to > '2021-12-31')
          JOIN unit_versions d ON d.unit_id = w.parent_unit_id AND d.code = '021'
            AND d.valid_from <= '2021-12-31' AND (d.valid_to IS NULL OR d.valid_to > '2021-12-31')
          LEFT JOIN cultural_family_records r ON r.household_id = p.household_id AND r.year = 2021
          WHERE p.valid_from <= '2021-12-31' AND (p.valid_to IS NULL OR p.valid_to > '2021-12-31')`,
    );
    const cultural = await value('cultural_families');
    expect([cultural.numerator, cultural.denominator]).toEqual([records!.registered, records!.households]);
    // Tết: every ward's programme takes its households on 15 January 2021.
    const [tetRecords] = await queryRows<{ eligible: number; supported: number }>(
      t.db,
      sql`WITH eligible AS (
            SELECT DISTINCT p.household_id FROM household_placements p
            JOIN unit_versions g ON g.unit_id = p.group_unit_id
              AND g.valid_from <= '2021-01-15' AND (g.valid_to IS NULL OR g.valid_to > '2021-01-15')
            JOIN unit_versions w ON w.unit_id = g.parent_unit_id AND w.valid_to = '2025-07-01'
            JOIN household_categories c ON c.household_id = p.household_id
              AND (c.category = 'near_poor' OR c.category LIKE 'policy%')
              AND c.valid_from <= '2021-01-15' AND (c.valid_to IS NULL OR c.valid_to > '2021-01-15')
            WHERE p.valid_from <= '2021-01-15' AND (p.valid_to IS NULL OR p.valid_to > '2021-01-15')
          )
          SELECT count(*)::int AS eligible, count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM distributions x JOIN support_programs s ON s.id = x.program_id AND s.kind = 'tet_gift'
            WHERE x.household_id = e.household_id AND x.status IN ('paid', 'confirmed')
              AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = x.entry_id)))::int AS supported
          FROM eligible e`,
    );
    const tet = await value('tet_gift_coverage');
    expect([tet.numerator, tet.denominator]).toEqual([tetRecords!.supported, tetRecords!.eligible]);
    expect(tet.numerator).toBeGreaterThan(0);
    console.info(
      'demo 021, 2021:',
      JSON.stringify({ cultural_families: cultural, tet_gift_coverage: tet, fund_targets: funds }),
    );
  });

  it('per ward equal the value of each ward, over the old wards in 2021 and the new ones in 2026', async () => {
    for (const [scope, wards] of [
      [district, 13],
      [hanoi2026, 8],
    ] as const) {
      for (const key of computedSources) {
        const indicator = computedIndicators[key];
        const byWard = await indicator.computeByChild(t.db, scope);
        expect(await indicator.computeWithChildren(t.db, scope)).toEqual({
          total: await indicator.compute(t.db, scope),
          children: byWard,
        });
        expect(byWard.size).toBe(wards);
        for (const [unitId, computed] of byWard) {
          expect(computed, `${key} ${unitId}`).toEqual(await indicator.compute(t.db, { ...scope, unitId }));
        }
      }
    }
    // Teams on residential groups moved with them into the new wards: the city's 2026 figure adds up over them.
    const teams2026 = await computedIndicators.self_governing_teams.computeByChild(t.db, hanoi2026);
    const total2026 = await computedIndicators.self_governing_teams.compute(t.db, hanoi2026);
    expect([...teams2026.values()].reduce((sum, row) => sum + row.value!, 0)).toBe(total2026.value);
    expect(total2026.value).toBeGreaterThan(0);
  });
});
