import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltUnit, buildWard } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { expectKeptThroughChurn } from '../../../../test/kept-figures';
import {
  buildReformedPlace,
  type ReformedPlace,
  recordCulturalFamily,
} from '../../../../test/plan-factories';
import { buildHousehold } from '../../../../test/program-factories';
import { queryRows } from '../../../db/client';
import { culturalFamilies } from './cultural-families';

let t: TestApp;
let place: ReformedPlace;
let emptyWard: BuiltUnit;

beforeAll(async () => {
  t = await createTestApp();
  place = await buildReformedPlace(t.db);
  const { wardA, wardB, wardC, a1, a2, b1, c1 } = place;
  emptyWard = await buildWard(t.db, place.district);
  const h = async (
    group: BuiltUnit,
    ward: BuiltUnit,
    options: Partial<Parameters<typeof buildHousehold>[1]> = {},
  ) => (await buildHousehold(t.db, { group, ward, ...options })).id;
  const h1 = await h(a1, wardA);
  const h2 = await h(a1, wardA, { moves: [{ group: b1, from: '2026-01-01' }] });
  const h3 = await h(a1, wardA);
  await h(a1, wardA); // h4: no record
  const h5 = await h(a2, wardA, { placedTo: '2021-10-01' }); // left before the year's end
  const h6 = await h(a2, wardA);
  const h7 = await h(b1, wardB);
  const h8 = await h(c1, wardC); // its group went on under ward B on 1 July 2021
  await h(a1, wardA, { placedFrom: '2026-02-01' }); // h9: arrived in 2026
  await recordCulturalFamily(t.db, h1, 2021, { recognized: true });
  await recordCulturalFamily(t.db, h2, 2021);
  await recordCulturalFamily(t.db, h3, 2021, { registered: false });
  await recordCulturalFamily(t.db, h5, 2021);
  await recordCulturalFamily(t.db, h6, 2020);
  await recordCulturalFamily(t.db, h7, 2021);
  await recordCulturalFamily(t.db, h8, 2021, { recognized: false });
  await recordCulturalFamily(t.db, h1, 2026);
  await recordCulturalFamily(t.db, h7, 2026);
}, 120_000);
afterAll(() => t.close());

/** Households placed in the subtree on the date and those registered for the year, from the records. */
async function fromRecords(unitId: string, at: string, year: number) {
  const [row] = await queryRows<{ households: number; registered: number }>(
    t.db,
    sql`WITH RECURSIVE down(unit_id) AS (
        SELECT unit_id FROM unit_versions
        WHERE unit_id = ${unitId} AND valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to > ${at}::date)
        UNION
        SELECT v.unit_id FROM unit_versions v JOIN down ON v.parent_unit_id = down.unit_id
        WHERE v.valid_from <= ${at}::date AND (v.valid_to IS NULL OR v.valid_to > ${at}::date)
      )
      SELECT count(DISTINCT p.household_id)::int AS households,
        count(DISTINCT p.household_id) FILTER (WHERE r.registered)::int AS registered
      FROM down JOIN household_placements p ON p.group_unit_id = down.unit_id
        AND p.valid_from <= ${at}::date AND (p.valid_to IS NULL OR p.valid_to > ${at}::date)
      LEFT JOIN cultural_family_records r ON r.household_id = p.household_id AND r.year = ${year}`,
  );
  return row!;
}

describe('cultural-family registration', () => {
  it('is registered households over households placed on the period’s end', async () => {
    const { district } = place;
    const scope = { unitId: district.unitId, year: 2021, periodEnd: '2021-12-31' };
    // h1, h2, h3, h4, h6 in ward A; h7 and h8 in ward B; h5 had left. Registered for 2021: h1, h2, h7, h8.
    expect(await culturalFamilies.compute(t.db, scope)).toEqual({
      value: 400 / 7,
      numerator: 4,
      denominator: 7,
      drill: `/households?unit=${district.code}&at=2021-12-31&culturalYear=2021`,
      detail: { recognized: 1 },
    });
    expect(await fromRecords(district.unitId, '2021-12-31', 2021)).toEqual({ households: 7, registered: 4 });
  });

  it('agrees with a count from the records for every unit, date and year', async () => {
    const { province, district, wardA, wardB, wardC, newWard } = place;
    const cases: Array<[BuiltUnit, number, string]> = [
      [district, 2021, '2021-12-31'],
      [district, 2021, '2021-06-30'],
      [wardA, 2021, '2021-12-31'],
      [wardB, 2021, '2021-12-31'],
      [wardC, 2021, '2021-03-31'],
      [province, 2021, '2021-12-31'],
      [province, 2026, '2026-12-31'],
      [newWard, 2026, '2026-12-31'],
      [newWard, 2026, '2026-01-15'],
    ];
    for (const [unit, year, periodEnd] of cases) {
      const records = await fromRecords(unit.unitId, periodEnd, year);
      const computed = await culturalFamilies.compute(t.db, { unitId: unit.unitId, year, periodEnd });
      expect([computed.numerator, computed.denominator], `${unit.code} ${periodEnd}`).toEqual([
        records.registered,
        records.households,
      ]);
      expect(computed.value).toBe((records.registered * 100) / records.households);
    }
    // 2026 over the new ward: eight households (h9 arrived, h5 had left), registered h1 and h7.
    expect(
      await culturalFamilies.compute(t.db, { unitId: newWard.unitId, year: 2026, periodEnd: '2026-12-31' }),
    ).toMatchObject({ value: 25, numerator: 2, denominator: 8 });
  });

  it('gives no value without households, and nothing for a unit not in force', async () => {
    expect(
      await culturalFamilies.compute(t.db, { unitId: emptyWard.unitId, year: 2021, periodEnd: '2021-12-31' }),
    ).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(
      await culturalFamilies.compute(t.db, {
        unitId: place.wardC.unitId,
        year: 2021,
        periodEnd: '2021-12-31',
      }),
    ).toEqual({ value: null, numerator: 0, denominator: null, drill: null });
  });

  it('per child equals the value of each child, over the tree of the period’s end', async () => {
    const { province, district, wardA, wardB, wardC, newWard } = place;
    const cases = [
      { unit: district, year: 2021, periodEnd: '2021-12-31', children: [wardA, wardB, emptyWard] },
      { unit: district, year: 2021, periodEnd: '2021-06-30', children: [wardA, wardB, wardC, emptyWard] },
      { unit: province, year: 2026, periodEnd: '2026-12-31', children: [newWard] },
      { unit: wardA, year: 2021, periodEnd: '2021-12-31', children: [place.a1, place.a2] },
    ];
    for (const { unit, year, periodEnd, children } of cases) {
      const byChild = await culturalFamilies.computeByChild(t.db, { unitId: unit.unitId, year, periodEnd });
      const scope = { unitId: unit.unitId, year, periodEnd };
      expect(await culturalFamilies.computeWithChildren(t.db, scope)).toEqual({
        total: await culturalFamilies.compute(t.db, scope),
        children: byChild,
      });
      expect([...byChild.keys()].sort()).toEqual(children.map((child) => child.unitId).sort());
      for (const child of children) {
        expect(byChild.get(child.unitId), `${child.code} ${periodEnd}`).toEqual(
          await culturalFamilies.compute(t.db, { unitId: child.unitId, year, periodEnd }),
        );
      }
    }
    const wards = await culturalFamilies.computeByChild(t.db, {
      unitId: district.unitId,
      year: 2021,
      periodEnd: '2021-06-30',
    });
    // In June ward C still held h8; ward A still held h5 (registered).
    expect(wards.get(wardC.unitId)).toMatchObject({
      numerator: 1,
      denominator: 1,
      detail: { recognized: 0 },
    });
    expect(wards.get(wardA.unitId)).toMatchObject({ numerator: 3, denominator: 6 });
    expect(wards.get(wardB.unitId)).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('are kept by the database through every kind of change, equal to a recomputation from the records', async () => {
    await expectKeptThroughChurn(t.db, 'culturalFamilies');
  });
});
